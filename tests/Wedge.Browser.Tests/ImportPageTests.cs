using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Wedge.Browser.Tests;

/// <summary>The import page: a bad case file shows its errors with file:line:column and the record is untouched.</summary>
[Collection(SharedHost.Name)]
public sealed class ImportPageTests(BrowserHost host)
{
    private async Task<long> JournalVersion()
        => (await host.Http.GetFromJsonAsync<JsonElement>("/health")).GetProperty("journalVersion").GetInt64();

    [BrowserFact]
    public async Task BadCaseUpload_ShowsItsErrorsWithLineAndColumn_AndWritesNothing()
    {
        var before = await JournalVersion();
        var actorsBefore = await host.Http.GetStringAsync("/api/actors");
        await using var tab = await host.Open(nameof(BadCaseUpload_ShowsItsErrorsWithLineAndColumn_AndWritesNothing));
        await tab.Check(async page =>
        {
            await page.GotoAsync("/record/import");
            // Unticked: a real import, which must still refuse the file whole.
            await page.UncheckAsync("input[name=dryRun]");
            await page.SetInputFilesAsync("#file", new FilePayload
            {
                Name = "bad-case.yaml",
                MimeType = "application/yaml",
                Buffer = "case:\n  id: broken\n  title: Broken\nactors:\n  - id: x\n    name: [unclosed\n"u8.ToArray(),
            });
            await page.ClickAsync("form button[type=submit]");
            var problem = page.Locator(".problem");
            await Assertions.Expect(problem).ToContainTextAsync("nothing was written");
            await Assertions.Expect(problem.Locator("li").First).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^bad-case\.yaml:\d+:\d+"));
            // The server's temporary path never shows.
            Assert.DoesNotContain("/tmp", await problem.InnerTextAsync());
        });
        Assert.Equal(before, await JournalVersion());
        Assert.Equal(actorsBefore, await host.Http.GetStringAsync("/api/actors"));
        // The refusal page comes with status 422, which the browser logs; nothing else may go wrong.
        Assert.All(tab.Errors, e => Assert.Contains("status of 422", e));
    }

    [BrowserFact]
    public async Task DryRun_OfAGoodCase_SaysWhatItWouldAdd_AndWritesNothing()
    {
        var before = await JournalVersion();
        await using var tab = await host.Open(nameof(DryRun_OfAGoodCase_SaysWhatItWouldAdd_AndWritesNothing));
        await tab.Check(async page =>
        {
            await page.GotoAsync("/record/import");
            await page.SetInputFilesAsync("#file", new FilePayload
            {
                Name = "small.yaml",
                MimeType = "application/yaml",
                Buffer = File.ReadAllBytes(Repository.File("cases", "aq-taliban.yaml")),
            });
            await page.ClickAsync("form button[type=submit]");
            await Assertions.Expect(page.Locator(".ok")).ToContainTextAsync("Dry run:");
            await Assertions.Expect(page.Locator(".ok")).ToContainTextAsync("Nothing was written");
        });
        Assert.Equal(before, await JournalVersion());
        tab.AssertNoErrors();
    }
}
