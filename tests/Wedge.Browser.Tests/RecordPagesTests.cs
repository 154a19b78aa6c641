using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Wedge.Browser.Tests;

/// <summary>The record pages: the history with the command line's filters, the claim form, the MMP import, and the brief's download.</summary>
[Collection(SharedHost.Name)]
public sealed class RecordPagesTests(BrowserHost host)
{
    private async Task<long> JournalVersion(BrowserHost on)
        => (await on.Http.GetFromJsonAsync<JsonElement>("/health")).GetProperty("journalVersion").GetInt64();

    [BrowserFact]
    public async Task History_FilteredByFact_ListsWhatTheCliLists_AndABadDateIsRefusedInWords()
    {
        var (code, output) = host.Cli("history", "--fact", "tie:t-aq-taliban-alliance", "--json");
        Assert.True(code == 0, output);
        var versions = JsonDocument.Parse(output).RootElement.EnumerateArray().Select(e => e.GetProperty("version").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)).Reverse().ToArray();
        Assert.NotEmpty(versions);
        await using var tab = await host.Open(nameof(History_FilteredByFact_ListsWhatTheCliLists_AndABadDateIsRefusedInWords));
        await tab.Check(async page =>
        {
            await page.GotoAsync("/record/history");
            await Assertions.Expect(page.Locator("#history-count")).ToContainTextAsync($"the newest {Web.Pages.RecordPages.DefaultLast}");
            await page.FillAsync("input[name=fact]", "tie:t-aq-taliban-alliance");
            await page.ClickAsync("form.controls button[type=submit]");
            await page.WaitForURLAsync("**/record/history?fact=*");
            Assert.Equal(versions, await page.Locator("table.history tbody td:first-child").AllInnerTextsAsync());

            await page.GotoAsync("/record/history?since=11/09/2018");
            await Assertions.Expect(page.Locator(".problem")).ToContainTextAsync("since: '11/09/2018' is ambiguous");
        });
        Assert.All(tab.Errors, e => Assert.Contains("status of 400", e));
    }

    [BrowserFact]
    public async Task DisputeFromTheDyadPage_LandsAsTheCliWouldWrite_AndHostileTextStaysText()
    {
        // A host of its own: this test writes.
        var own = new BrowserHost();
        await own.InitializeAsync();
        try
        {
            await DisputeOn(own);
        }
        finally
        {
            await own.DisposeAsync();
        }
    }

    private async Task DisputeOn(BrowserHost own)
    {
        var before = await JournalVersion(own);
        await using var tab = await own.Open(nameof(DisputeFromTheDyadPage_LandsAsTheCliWouldWrite_AndHostileTextStaysText));
        const string Hostile = "<script>alert('claim')</script> said nothing of the kind";
        await tab.Check(async page =>
        {
            await page.GotoAsync("/dyads/taliban/al-qaeda?at=2015");
            await page.Locator("a.dispute[href$='t-aq-taliban-alliance&mode=dispute']").ClickAsync();
            await page.WaitForURLAsync("**/record/claim?fact=tie%3At-aq-taliban-alliance&mode=dispute");
            Assert.True(await page.IsCheckedAsync("input[name=mode][value=dispute]"));

            // A bad grade first: refused with the command line's words, nothing written, the typed values kept.
            await page.FillAsync("#source", "bacon-2018");
            await page.FillAsync("#text", Hostile);
            await page.FillAsync("#grade", "Z9");
            await page.ClickAsync("#add-claim");
            var problem = page.Locator("#claim-problem");
            await Assertions.Expect(problem).ToContainTextAsync("nothing was written");
            Assert.Equal(Hostile, await page.InputValueAsync("#text"));
            Assert.Equal(before, await JournalVersion(own));

            await page.FillAsync("#grade", "C3");
            await page.FillAsync("#id", "c-page-dispute");
            await page.ClickAsync("#add-claim");
            await Assertions.Expect(page.Locator("#claim-done")).ToContainTextAsync("Added claim:c-page-dispute, disputing tie:t-aq-taliban-alliance");

            await page.GotoAsync("/dyads/taliban/al-qaeda?at=2015");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync(Hostile);
        });
        Assert.Empty(tab.Dialogs);
        Assert.True(await JournalVersion(own) > before);

        // The CLI reads the same claim: disputing, graded as typed.
        var (code, output) = own.Cli("history", "--fact", "claim:c-page-dispute", "--json");
        Assert.True(code == 0, output);
        Assert.Single(JsonDocument.Parse(output).RootElement.EnumerateArray());
        Assert.All(tab.Errors, e => Assert.Contains("status of 422", e));
    }

    [BrowserFact]
    public async Task BadGrade_GetsTheCliMessage()
    {
        var (_, cli) = host.Cli("dispute", "tie:t-aq-taliban-alliance", "--source", "bacon-2018", "--text", "x", "--grade", "Z9", "--id", "c-never");
        await using var tab = await host.Open(nameof(BadGrade_GetsTheCliMessage));
        await tab.Check(async page =>
        {
            await page.GotoAsync("/record/claim?fact=tie:t-aq-taliban-alliance&mode=dispute");
            await page.FillAsync("#id", "c-never");
            await page.FillAsync("#source", "bacon-2018");
            await page.FillAsync("#text", "x");
            await page.FillAsync("#grade", "Z9");
            await page.ClickAsync("#add-claim");
            var shown = (await page.Locator("#claim-problem li").AllInnerTextsAsync()).ToArray();
            Assert.NotEmpty(shown);
            Assert.All(shown, line => Assert.Contains(line, cli));
        });
    }

    [BrowserFact]
    public async Task DyadPage_OffersTheBriefForItsClocks_AndTheHtmlDownloadIsTheBrief()
    {
        await using var tab = await host.Open(nameof(DyadPage_OffersTheBriefForItsClocks_AndTheHtmlDownloadIsTheBrief));
        await tab.Check(async page =>
        {
            await page.GotoAsync("/dyads/taliban/al-qaeda?at=2015&knownAt=2016");
            var href = await page.Locator("#brief-html").GetAttributeAsync("href");
            Assert.Equal("/api/briefs/taliban/al-qaeda?at=2015&knownAt=2016&format=html", href);
            Assert.Equal("/api/briefs/taliban/al-qaeda?at=2015&knownAt=2016&format=pdf", await page.Locator("#brief-pdf").GetAttributeAsync("href"));
            var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#brief-html"));
            var path = await download.PathAsync();
            var html = await File.ReadAllTextAsync(path!);
            Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("al-Qaeda", html, StringComparison.Ordinal);
        });
        tab.AssertNoErrors();
    }

    [BrowserFact("mmp")]
    public async Task MmpDryRun_ShowsWhatWouldChange_AndWritesNothing()
    {
        var before = await JournalVersion(host);
        await using var tab = await host.Open(nameof(MmpDryRun_ShowsWhatWouldChange_AndWritesNothing));
        await tab.Check(async page =>
        {
            await page.GotoAsync("/record/import");
            await page.ClickAsync("a[href='/record/import/mmp']");
            await page.SetInputFilesAsync("#key", SharedData.File("mmp", "Militant-Group-Key.csv"));
            await page.SetInputFilesAsync("#relationships", SharedData.File("mmp", "Militant-Group-Relationships.csv"));
            await page.ClickAsync("form button[type=submit]");
            var result = page.Locator("#mmp-result");
            await Assertions.Expect(result).ToContainTextAsync("Dry run:");
            await Assertions.Expect(result).ToContainTextAsync("Nothing was written");
        });
        Assert.Equal(before, await JournalVersion(host));
        tab.AssertNoErrors();
    }
}
