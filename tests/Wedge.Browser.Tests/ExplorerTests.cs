using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;

namespace Wedge.Browser.Tests;

/// <summary>The network explorer on the built-in case: what it draws for a year is what the API returns for that year.</summary>
[Collection(SharedHost.Name)]
public sealed class ExplorerTests(BrowserHost host)
{
    /// <summary>What the page reports as drawn: group ids and tie keys ("a\u0001b", a &lt; b).</summary>
    private sealed record Drawn(int Year, string[] Nodes, string[] Ties);

    private static async Task<Drawn> DrawnNow(IPage page)
        => JsonSerializer.Deserialize<Drawn>(await page.EvaluateAsync<JsonElement>("() => window.wedgeExplorer.drawn()"), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    /// <summary>The API's web for a query, in the same terms.</summary>
    private async Task<(string[] Nodes, string[] Ties)> FromApi(string query)
    {
        var web = await host.Http.GetFromJsonAsync<JsonElement>("/api/network/web?" + query);
        var nodes = web.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("id").GetString()!).Order(StringComparer.Ordinal).ToArray();
        var ties = web.GetProperty("ties").EnumerateArray().Select(t => Key(t.GetProperty("a").GetString()!, t.GetProperty("b").GetString()!))
            .Order(StringComparer.Ordinal).ToArray();
        return (nodes, ties);
    }

    private static string Key(string a, string b) => string.CompareOrdinal(a, b) < 0 ? $"{a}\u0001{b}" : $"{b}\u0001{a}";

    private static async Task WaitShown(IPage page, int year)
        => await page.WaitForSelectorAsync($"section.explorer[data-shown='{year}']", new() { State = WaitForSelectorState.Attached });

    [BrowserFact]
    public async Task Explorer_MovedByKeyboardTo2000And2015_DrawsExactlyWhatTheApiReturns()
    {
        await using var tab = await host.Open(nameof(Explorer_MovedByKeyboardTo2000And2015_DrawsExactlyWhatTheApiReturns));
        await tab.Check(async page =>
        {
            await page.GotoAsync("/explore");
            await page.WaitForSelectorAsync("section.explorer[data-ready='true']", new() { State = WaitForSelectorState.Attached });
            var slider = page.Locator("#year");
            await slider.FocusAsync();
            await page.Keyboard.PressAsync("Home");
            var first = int.Parse(await page.Locator("#year-shown").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(first < 2000, $"the built-in case starts before 2000, the slider at {first}");
            for (var y = first; y < 2000; y++)
            {
                await page.Keyboard.PressAsync("ArrowRight");
            }

            await WaitShown(page, 2000);
            var at2000 = await DrawnNow(page);
            var api2000 = await FromApi("at=2000");
            Assert.Equal(2000, at2000.Year);
            Assert.Equal(api2000.Nodes, at2000.Nodes);
            Assert.Equal(api2000.Ties, at2000.Ties);
            Assert.NotEmpty(at2000.Ties);

            await page.Keyboard.PressAsync("End");
            await page.Keyboard.PressAsync("ArrowLeft");
            var last = int.Parse(await page.Locator("#year-shown").InnerTextAsync(), System.Globalization.CultureInfo.InvariantCulture);
            for (var y = last; y > 2015; y--)
            {
                await page.Keyboard.PressAsync("ArrowLeft");
            }

            await WaitShown(page, 2015);
            var at2015 = await DrawnNow(page);
            var api2015 = await FromApi("at=2015");
            Assert.Equal(api2015.Nodes, at2015.Nodes);
            Assert.Equal(api2015.Ties, at2015.Ties);
            // The two years differ, so the comparison above saw the slider redraw the web.
            Assert.NotEqual(at2000.Ties, at2015.Ties);
            Assert.Contains("2015:", await page.Locator("#web-status").InnerTextAsync());
        });
        tab.AssertNoErrors();
    }

    [BrowserFact]
    public async Task Explorer_KnownAt2014_HidesWhatBecamePublicLater()
    {
        var everything = await FromApi("at=2015");
        var known2014 = await FromApi("at=2015&knownAt=2014");
        // The built-in case has ties in 2015 that only later sources reveal; otherwise this test would prove nothing.
        Assert.True(known2014.Ties.Length < everything.Ties.Length, $"{known2014.Ties.Length} vs {everything.Ties.Length}");

        await using var tab = await host.Open(nameof(Explorer_KnownAt2014_HidesWhatBecamePublicLater));
        await tab.Check(async page =>
        {
            await page.GotoAsync("/explore");
            await page.FillAsync("input[name=knownAt]", "2014");
            // Wait for the address to change (not for the load event, which may come before the wait starts).
            await Task.WhenAll(
                page.WaitForURLAsync("**/explore?knownAt=2014*", new() { WaitUntil = WaitUntilState.Commit }),
                page.ClickAsync("form.controls button[type=submit]"));
            await page.WaitForSelectorAsync("section.explorer[data-ready='true']", new() { State = WaitForSelectorState.Attached });
            await page.EvaluateAsync("() => window.wedgeExplorer.show(2015)");
            await WaitShown(page, 2015);
            var drawn = await DrawnNow(page);
            Assert.Equal(known2014.Nodes, drawn.Nodes);
            Assert.Equal(known2014.Ties, drawn.Ties);
        });
        tab.AssertNoErrors();
    }
}
