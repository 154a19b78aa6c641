using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Wedge.Browser.Tests;

/// <summary>The negotiation page: a run settles where `wedge negotiate` says, a bad value is pointed at, and the concession search answers as the CLI does.</summary>
[Collection(SharedHost.Name)]
public sealed class NegotiatePageTests(BrowserHost host)
{
    private static JsonElement CliForecast(params string[] extra)
    {
        var (code, output) = BrowserHost.CliWithoutDatabase(["negotiate", "aq-taliban-negotiation", "--json", .. extra]);
        Assert.True(code == 0, output);
        return JsonDocument.Parse(output).RootElement;
    }

    private static string OneDecimal(double x) => x.ToString("0.0", CultureInfo.InvariantCulture);

    [BrowserFact]
    public async Task Run_OfTheBuiltInScenario_SettlesWhereTheCliSays()
    {
        var cli = CliForecast();
        var weighted = cli.GetProperty("weightedOutcome").EnumerateArray().Select(e => OneDecimal(e.GetDouble())).ToArray();
        var likely = cli.GetProperty("mostLikely").GetProperty("position").EnumerateArray().Select(e => OneDecimal(e.GetDouble())).ToArray();
        await using var tab = await host.Open(nameof(Run_OfTheBuiltInScenario_SettlesWhereTheCliSays));
        await tab.Check(async page =>
        {
            await page.GotoAsync("/negotiate");
            await page.ClickAsync("#run");
            await Assertions.Expect(page.Locator("#forecast")).ToHaveTextAsync("Where it settles");
            Assert.Equal(weighted, await page.Locator("table.settled td.weighted").AllInnerTextsAsync());
            Assert.Equal(likely, await page.Locator("table.settled td.likely").AllInnerTextsAsync());
            // One chart per dimension, each with its numbers for readers who cannot see it.
            await Assertions.Expect(page.Locator("figure.trajectory")).ToHaveCountAsync(2);
            await Assertions.Expect(page.Locator("figure.trajectory svg[role=img] desc").First).ToContainTextAsync("United States from 0.0 to");
        });
        tab.AssertNoErrors();
    }

    [BrowserFact]
    public async Task AnEditedValue_ChangesTheForecast_AndABadOneIsPointedAt_WithNothingRun()
    {
        await using var tab = await host.Open(nameof(AnEditedValue_ChangesTheForecast_AndABadOneIsPointedAt_WithNothingRun));
        await tab.Check(async page =>
        {
            await page.GotoAsync("/negotiate");
            await page.ClickAsync("#run");
            var before = await page.Locator("table.settled td.weighted").First.InnerTextAsync();

            // The United States gives up on ties entirely: the forecast on aq-ties moves.
            await page.FillAsync("#sal-0-0", "5");
            await page.ClickAsync("#run");
            var after = await page.Locator("table.settled td.weighted").First.InnerTextAsync();
            Assert.NotEqual(before, after);
            // The table keeps what was typed, so the next run starts from it.
            Assert.Equal("5", await page.InputValueAsync("#sal-0-0"));

            await page.FillAsync("#pos-1-0", "140");
            await page.FillAsync("#cap-2", "lots");
            await page.ClickAsync("#run");
            var errors = page.Locator("#edit-errors");
            await Assertions.Expect(errors).ToContainTextAsync("2 errors");
            await Assertions.Expect(errors).ToContainTextAsync("'lots' is not a number");
            await Assertions.Expect(page.Locator("#pos-1-0")).ToHaveAttributeAsync("aria-invalid", "true");
            await Assertions.Expect(page.Locator("#cap-2")).ToHaveAttributeAsync("aria-invalid", "true");
            await Assertions.Expect(page.Locator("#results")).ToHaveCountAsync(0);
        });
        Assert.All(tab.Errors, e => Assert.Contains("status of 422", e));
    }

    [BrowserFact]
    public async Task ConcessionSearch_AnswersAsTheCliDoes_WithItsWorking()
    {
        var (code, output) = BrowserHost.CliWithoutDatabase("negotiate", "aq-taliban-negotiation", "--seek", "aq-ties <= 20", "--vary", "united-states:us-troops",
            "--keep", "fragmentation(taliban) < 0.3");
        Assert.True(code == 0, output);
        var explanation = output.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("None within range", StringComparison.Ordinal));
        await using var tab = await host.Open(nameof(ConcessionSearch_AnswersAsTheCliDoes_WithItsWorking));
        await tab.Check(async page =>
        {
            await page.GotoAsync("/negotiate");
            await page.ClickAsync("#search");
            var answer = page.Locator("#answer");
            await Assertions.Expect(answer).ToHaveClassAsync("problem");
            Assert.Equal(explanation, (await answer.InnerTextAsync()).Trim());
            // Every position tried is listed: 0 to 100 in steps of 1.
            await Assertions.Expect(page.Locator("table.working tbody tr")).ToHaveCountAsync(101);
        });
        tab.AssertNoErrors();
    }

    [BrowserFact]
    public async Task KtabUpload_IsReadAsTheCliReadsIt_AndShownInTheTable()
    {
        await using var tab = await host.Open(nameof(KtabUpload_IsReadAsTheCliReadsIt_AndShownInTheTable));
        await tab.Check(async page =>
        {
            await page.GotoAsync("/negotiate");
            await page.SetInputFilesAsync("#scenario-file", new FilePayload
            {
                Name = "three.csv",
                MimeType = "text/csv",
                Buffer = "Three,\"A small test\",3,1,\nActor,Description,Power,Tax,Sal\nLow,wants low,10,10,50\nMid,wants mid,20,50,60\nHigh,wants high,30,90,40\n"u8.ToArray(),
            });
            await page.ClickAsync("form[action='/negotiate/upload'] button[type=submit]");
            await Assertions.Expect(page.Locator("table.scenario tbody tr")).ToHaveCountAsync(3);
            Assert.Equal("90", await page.InputValueAsync("#pos-2-0"));
            await page.ClickAsync("#run");
            await Assertions.Expect(page.Locator("table.settled td.weighted")).ToHaveCountAsync(1);
        });
        tab.AssertNoErrors();
    }
}
