using Microsoft.Playwright;

namespace Wedge.Browser.Tests;

/// <summary>
/// A page under test. It records what the browser reports as going wrong (script errors, Content-Security-Policy
/// violations, dialogs) and, when a step fails, saves a screenshot under <see cref="Screenshots.Folder"/>.
/// </summary>
public sealed class BrowserPage(string name, IBrowserContext context, IPage page) : IAsyncDisposable
{
    private readonly List<string> errors = Watch(page);

    public IPage Page { get; } = page;

    /// <summary>Script errors and console errors (a CSP violation is reported there); each test expects none.</summary>
    public IReadOnlyList<string> Errors => errors;

    /// <summary>Dialogs that opened (alert, confirm): a page that escapes its text never opens one.</summary>
    public List<string> Dialogs { get; } = [];

    private static List<string> Watch(IPage page)
    {
        var list = new List<string>();
        page.PageError += (_, e) => list.Add("page error: " + e);
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                list.Add("console: " + m.Text);
            }
        };
        return list;
    }

    /// <summary>Runs the steps; on failure saves a screenshot named after the test, then rethrows.</summary>
    public async Task Check(Func<IPage, Task> steps)
    {
        Page.Dialog += async (_, d) =>
        {
            Dialogs.Add($"{d.Type}: {d.Message}");
            await d.DismissAsync();
        };
        try
        {
            await steps(Page);
            if (Screenshots.Always)
            {
                await Screenshots.Save(Page, name);
            }
        }
        catch
        {
            await Screenshots.Save(Page, name + "-failed");
            throw;
        }
    }

    /// <summary>Fails with every error the browser reported (script errors, refused loads, policy violations).</summary>
    public void AssertNoErrors() => Assert.True(errors.Count == 0, string.Join(Environment.NewLine, errors));

    public async ValueTask DisposeAsync() => await context.CloseAsync();
}

/// <summary>Where screenshots go: WEDGE_SCREENSHOTS, else artifacts/screenshots in the repository (kept by .ci/run, ignored by git).</summary>
public static class Screenshots
{
    public static string Folder => Environment.GetEnvironmentVariable("WEDGE_SCREENSHOTS") is { Length: > 0 } f
        ? f
        : Repository.File("artifacts", "screenshots");

    /// <summary>WEDGE_SCREENSHOTS_ALL=1 saves every page, not only failing ones (for looking at the pages).</summary>
    public static bool Always => Environment.GetEnvironmentVariable("WEDGE_SCREENSHOTS_ALL") is "1";

    public static async Task Save(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        var safe = string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' ? c : '-'));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Folder, safe + ".png"), FullPage = true });
    }
}

/// <summary>The system's Chromium: WEDGE_CHROMIUM, else /usr/bin/chromium (Playwright's own browser download does not work here).</summary>
public static class Chromium
{
    public static string Path => Environment.GetEnvironmentVariable("WEDGE_CHROMIUM") is { Length: > 0 } p ? p : "/usr/bin/chromium";

    /// <summary>Why browser tests cannot run (no Chromium), or null. CI installs Chromium, and fails on any skipped test.</summary>
    public static string? SkipReason => File.Exists(Path)
        ? null
        : $"needs Chromium at {Path} (apt-get install chromium, or set WEDGE_CHROMIUM); .ci/run installs it";
}

/// <summary>A test that drives a browser: skipped with a reason where no Chromium is installed (CI installs it and runs them all).</summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute() => Skip = Chromium.SkipReason;

    /// <summary>A browser test that also needs a set of ../shared/data (skipped on a clone without it, run in CI).</summary>
    public BrowserFactAttribute(string sharedData) => Skip = Chromium.SkipReason ?? SharedData.SkipReason(sharedData);
}
