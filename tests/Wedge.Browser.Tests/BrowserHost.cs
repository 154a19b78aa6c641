using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;
using Spectre.Console.Testing;
using Wedge.Cli;

namespace Wedge.Browser.Tests;

/// <summary>
/// A real server (Kestrel on a free port of 127.0.0.1) over a database of its own that the command line created with the
/// built-in case, and a page of the system's Chromium driven by Playwright. Each test that changes the record gets a
/// host of its own; reading tests share one (<see cref="SharedHost"/>).
/// </summary>
public sealed class BrowserHost : IAsyncLifetime
{
    private readonly TempDir dir = new("wedge-browser-tests");
    private WebApplication? app;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public string Db => dir.File("wedge.db");

    public string Url { get; private set; } = "";

    public IBrowser Browser => browser ?? throw new InvalidOperationException("not started");

    public HttpClient Http { get; } = new();

    /// <summary>The server's services (to add accounts, say).</summary>
    public IServiceProvider Services => app?.Services ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        var (code, output) = Cli("init");
        Assert.True(code == 0, output);
        app = Web.WedgeWeb.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"], o => o.Database = Db);
        await app.StartAsync();
        Url = app.Urls.First();
        Http.BaseAddress = new Uri(Url);
        if (Chromium.SkipReason is not null)
        {
            return; // the browser tests skip; the others need only the server
        }

        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium.Path, Headless = true });
    }

    /// <summary>Runs `wedge ARGS --db DB`: exit code and everything it printed.</summary>
    public (int Code, string Output) Cli(params string[] args)
    {
        var output = new TestConsole().Width(400);
        output.Profile.Capabilities.Ansi = false;
        var code = WedgeApp.Create(output, errors: output).Run([.. args, "--db", Db]);
        return (code, output.Output);
    }

    /// <summary>Runs `wedge ARGS` for a command that takes no database (negotiate): exit code and everything it printed.</summary>
    public static (int Code, string Output) CliWithoutDatabase(params string[] args)
    {
        var output = new TestConsole().Width(400);
        output.Profile.Capabilities.Ansi = false;
        var code = WedgeApp.Create(output, errors: output).Run(args);
        return (code, output.Output);
    }

    /// <summary>A fresh page at the given width (a new context: no shared storage between tests), failing on any page error.</summary>
    public async Task<BrowserPage> Open(string name, int width = 1280, int height = 900)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height }, BaseURL = Url });
        // Generous: CI runs every test project at once on two cores.
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        return new BrowserPage(name, context, page);
    }

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        Http.Dispose();
        dir.Dispose();
    }
}

/// <summary>One host for the tests that only read the built-in case (they run one after another: one collection).</summary>
[CollectionDefinition(Name)]
public sealed class SharedHost : ICollectionFixture<BrowserHost>
{
    public const string Name = "browser";
}
