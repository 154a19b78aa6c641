using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Wedge.Browser.Tests;

/// <summary>The explorer's analyses of the year shown: wedges in a group's bloc and balance camps, marked as the API finds them.</summary>
[Collection(SharedHost.Name)]
public sealed class ExplorerAnalysisTests(BrowserHost host)
{
    private static async Task<string[]> Marked(IPage page, string cls)
        => (await page.EvaluateAsync<string[]>("(cls) => window.wedgeExplorer.marked(cls)", cls)).Order(StringComparer.Ordinal).ToArray();

    /// <summary>Names the API reports, as ids (the built-in case's names are unique).</summary>
    private async Task<string[]> Ids(IEnumerable<string> names)
    {
        var actors = (await host.Http.GetFromJsonAsync<JsonElement>("/api/actors")).EnumerateArray()
            .ToDictionary(a => a.GetProperty("name").GetString()!, a => a.GetProperty("id").GetString()!);
        return names.Select(n => actors[n]).Order(StringComparer.Ordinal).ToArray();
    }

    private static async Task WaitOverlay(IPage page, int year)
        => await page.WaitForSelectorAsync($"section.explorer[data-overlay-year='{year}']", new() { State = WaitForSelectorState.Attached });

    [BrowserFact]
    public async Task Wedges_AroundAFoundGroup_MarkWhatTheApiPicks_AndFollowTheSlider()
    {
        var api2015 = await host.Http.GetFromJsonAsync<JsonElement>("/api/network/wedges?at=2015&around=al-qaeda&k=3");
        var picks2015 = await Ids(api2015.GetProperty("picks").EnumerateArray().Select(p => p.GetProperty("removed").GetString()!));
        var api2016 = await host.Http.GetFromJsonAsync<JsonElement>("/api/network/wedges?at=2016&around=al-qaeda&k=3");
        var picks2016 = await Ids(api2016.GetProperty("picks").EnumerateArray().Select(p => p.GetProperty("removed").GetString()!));
        await using var tab = await host.Open(nameof(Wedges_AroundAFoundGroup_MarkWhatTheApiPicks_AndFollowTheSlider));
        await tab.Check(async page =>
        {
            await page.GotoAsync("/explore?year=2015");
            await page.WaitForSelectorAsync("section.explorer[data-shown='2015']", new() { State = WaitForSelectorState.Attached });
            await Assertions.Expect(page.Locator("#show-wedges")).ToBeDisabledAsync();
            await page.FillAsync("#find", "al-Qaeda");
            await page.Locator("#find").DispatchEventAsync("change");
            await page.ClickAsync("#show-wedges");
            await WaitOverlay(page, 2015);
            Assert.NotEmpty(picks2015);
            Assert.Equal(picks2015, await Marked(page, "wedge"));
            var percent = $"{Math.Round(api2015.GetProperty("fragmentation").GetDouble() * 100):0}%";
            await Assertions.Expect(page.Locator("#analysis")).ToContainTextAsync($"Fragmentation after removing {picks2015.Length}: {percent}");

            // The overlay follows the slider: one year on, the wedges of that year.
            await page.Locator("#year").FocusAsync();
            await page.Keyboard.PressAsync("ArrowRight");
            await WaitOverlay(page, 2016);
            Assert.Equal(picks2016, await Marked(page, "wedge"));
            if (Screenshots.Always)
            {
                await Screenshots.Save(page, nameof(Wedges_AroundAFoundGroup_MarkWhatTheApiPicks_AndFollowTheSlider) + "-marked");
            }

            await page.ClickAsync("#clear-analysis");
            Assert.Empty(await Marked(page, "wedge"));
            await Assertions.Expect(page.Locator("#analysis")).ToBeHiddenAsync();
        });
        tab.AssertNoErrors();
    }

    [BrowserFact]
    public async Task BalanceCamps_OnDemand_ColourTheGroupsAsTheApiSplitsThem()
    {
        var api = await host.Http.GetFromJsonAsync<JsonElement>("/api/network/balance?at=2015");
        var camps = api.GetProperty("camps").EnumerateArray().ToArray();
        var campA = await Ids(camps.SelectMany(c => c.GetProperty("campA").EnumerateArray().Select(n => n.GetString()!)));
        var campB = await Ids(camps.SelectMany(c => c.GetProperty("campB").EnumerateArray().Select(n => n.GetString()!)));
        await using var tab = await host.Open(nameof(BalanceCamps_OnDemand_ColourTheGroupsAsTheApiSplitsThem));
        await tab.Check(async page =>
        {
            await page.GotoAsync("/explore?year=2015");
            await page.WaitForSelectorAsync("section.explorer[data-shown='2015']", new() { State = WaitForSelectorState.Attached });
            await page.ClickAsync("#show-camps");
            await WaitOverlay(page, 2015);
            Assert.NotEmpty(campA);
            Assert.Equal(campA, await Marked(page, "camp-a"));
            Assert.Equal(campB, await Marked(page, "camp-b"));
            await Assertions.Expect(page.Locator("#analysis")).ToContainTextAsync("Camp A: ");
            await Assertions.Expect(page.Locator(".legend .when-camps")).ToBeVisibleAsync();
        });
        tab.AssertNoErrors();
    }
}
