using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;

namespace Wedge.Browser.Tests;

/// <summary>The hypotheses and durability pages: the brief's sections read live, with the numbers the command line gives.</summary>
[Collection(SharedHost.Name)]
public sealed class AnalysisPagesTests(BrowserHost host)
{
    private JsonElement CliJson(params string[] args)
    {
        var (code, output) = host.Cli([.. args, "--json"]);
        Assert.True(code == 0, output);
        return JsonDocument.Parse(output).RootElement;
    }

    [BrowserFact]
    public async Task Hypotheses_At2014And2018_RankAndCallAsTheCliDoes()
    {
        await using var tab = await host.Open(nameof(Hypotheses_At2014And2018_RankAndCallAsTheCliDoes));
        await tab.Check(async page =>
        {
            await page.GotoAsync("/hypotheses");
            await page.ClickAsync("a[href^='/hypotheses/aq-taliban-hypotheses']");
            foreach (var year in new[] { "2014", "2018" })
            {
                var cli = CliJson("hypotheses", "score", "aq-taliban-hypotheses", "--at", year);
                var expected = cli.GetProperty("scores").GetProperty("hypotheses").EnumerateArray()
                    .Select(h => $"{h.GetProperty("id").GetString()}|{h.GetProperty("parc").GetDouble().ToString("0.00", CultureInfo.InvariantCulture).Replace('-', '\u2212')}")
                    .ToArray();
                await page.FillAsync("input[name=at]", year);
                await page.ClickAsync("form.controls button[type=submit]");
                await page.WaitForURLAsync($"**/hypotheses/aq-taliban-hypotheses?at={year}*");
                var rows = page.Locator("section.hypotheses table").First.Locator("tbody tr");
                var shown = new List<string>();
                for (var i = 0; i < await rows.CountAsync(); i++)
                {
                    var cells = await rows.Nth(i).Locator("td").AllInnerTextsAsync();
                    shown.Add($"{cells[0].Split(':')[0]}|{cells[1]}");
                }

                Assert.Equal(expected, shown);
                var reading = cli.GetProperty("reading").EnumerateArray().Select(r => r.GetString()!).ToArray();
                Assert.Equal(reading, await page.Locator("section.hypotheses p.outlook").AllInnerTextsAsync());
                // The heat table: one row per item scored, a rating cell per hypothesis.
                var items = cli.GetProperty("scores").GetProperty("items").GetArrayLength();
                await Assertions.Expect(page.Locator("table.ach tbody tr")).ToHaveCountAsync(items);
            }
        });
        tab.AssertNoErrors();
    }

    [BrowserFact]
    public async Task Durability_ShowsTheRecordsSpellsAndBreaks_AndRefusesAPairNotOnRecord()
    {
        var cli = CliJson("durability", "record");
        await using var tab = await host.Open(nameof(Durability_ShowsTheRecordsSpellsAndBreaks_AndRefusesAPairNotOnRecord));
        await tab.Check(async page =>
        {
            await page.GotoAsync("/durability?a=Taliban&b=al-Qaeda");
            var section = page.Locator("section.durability");
            await Assertions.Expect(section).ToContainTextAsync(
                $"Across the record, {cli.GetProperty("spells").GetInt32()} alliance spells, {cli.GetProperty("breaks").GetInt32()} of them ended in a break");
            await Assertions.Expect(section.Locator("img.chart").First).ToHaveAttributeAsync("alt", "Share of alliances on record still holding, by years held");
            await Assertions.Expect(section.Locator("p.outlook")).ToContainTextAsync("Taliban–al-Qaeda");

            var response = await page.GotoAsync("/durability?a=Nobody&b=al-Qaeda");
            Assert.Equal(404, response!.Status);
            await Assertions.Expect(page.Locator(".problem")).ToContainTextAsync("Nobody");
        });
        Assert.All(tab.Errors, e => Assert.Contains("status of 404", e));
    }
}
