using Microsoft.Playwright;

namespace Wedge.Browser.Tests;

/// <summary>
/// Text from sources is data: an actor named like an HTML element and a claim holding a script element are shown as
/// text on every page that shows them, and nothing runs. This test has a server of its own (it adds to the record).
/// </summary>
public sealed class EscapingTests : IAsyncLifetime
{
    private const string Name = "<img src=x onerror=alert(1)>";
    private const string ClaimText = "They met in 2006 <script>alert(2)</script> and again later.";
    private readonly BrowserHost host = new();

    public async Task InitializeAsync()
    {
        await host.InitializeAsync();
        Add("add", "actor", "evil", "--name", Name, "--kind", "armed-group", "--active", "2000..");
        Add("add", "claim", "c-evil", "--source", "bacon-2018", "--text", ClaimText, "--grade", "C3");
        Add("add", "tie", "t-evil-taliban", "--kind", "alliance", "--from", "evil", "--to", "taliban", "--period", "2005..", "--claim", "c-evil");
    }

    private void Add(params string[] args)
    {
        var (code, output) = host.Cli(args);
        Assert.True(code == 0, output);
    }

    public Task DisposeAsync() => host.DisposeAsync();

    [BrowserFact]
    public async Task HostileNames_AndClaims_RenderAsText_AndNoDialogOpens()
    {
        await using var tab = await host.Open(nameof(HostileNames_AndClaims_RenderAsText_AndNoDialogOpens));
        await tab.Check(async page =>
        {
            await page.GotoAsync("/explore?year=2010");
            await page.WaitForSelectorAsync("section.explorer[data-shown='2010']", new() { State = WaitForSelectorState.Attached });
            await page.ClickAsync("#web-table summary");
            await Assertions.Expect(page.Locator("#web-nodes")).ToContainTextAsync(Name);
            Assert.Contains(Name, await page.InnerHTMLAsync("#actor-names").ContinueWith(t => t.Result.Replace("&lt;", "<").Replace("&gt;", ">")));

            await page.GotoAsync("/actors/evil?at=2010");
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(Name);
            await Assertions.Expect(page).ToHaveTitleAsync($"{Name} · Wedge");

            await page.GotoAsync("/dyads/evil/taliban?at=2010");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync(ClaimText);

            await page.GotoAsync("/actors?at=2010");
            await Assertions.Expect(page.Locator("main table")).ToContainTextAsync(Name);

            // Nothing became markup: no image with that source, no script holding that call, on the last page or before.
            Assert.Equal(0, await page.Locator("img[src='x']").CountAsync());
            Assert.Equal(0, await page.Locator("script:not([src])").CountAsync());
        });
        Assert.Empty(tab.Dialogs);
        tab.AssertNoErrors();
    }
}
