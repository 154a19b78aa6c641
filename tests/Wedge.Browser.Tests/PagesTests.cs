using System.Text.Json;
using Microsoft.Playwright;

namespace Wedge.Browser.Tests;

/// <summary>From the explorer to the actor and dyad pages, and what those pages show of the built-in case.</summary>
[Collection(SharedHost.Name)]
public sealed class PagesTests(BrowserHost host)
{
    private sealed record Point(double X, double Y);

    private static async Task<Point> Where(IPage page, string a, string? b = null, double along = 0.5)
        => JsonSerializer.Deserialize<Point>(await page.EvaluateAsync<JsonElement>(
            "([a, b, along]) => window.wedgeExplorer.where(a, b ?? undefined, along)", new object?[] { a, b, along }),
            new JsonSerializerOptions(JsonSerializerDefaults.Web))!;

    private static async Task OpenExplorerAt(IPage page, int year)
    {
        await page.GotoAsync($"/explore?year={year}");
        await page.WaitForSelectorAsync($"section.explorer[data-shown='{year}']", new() { State = WaitForSelectorState.Attached });
    }

    [BrowserFact]
    public async Task Explorer_ClickOnAGroup_OpensItsActorPageAtThatYear()
    {
        await using var tab = await host.Open(nameof(Explorer_ClickOnAGroup_OpensItsActorPageAtThatYear));
        await tab.Check(async page =>
        {
            await OpenExplorerAt(page, 2015);
            var taliban = await Where(page, "taliban");
            await page.Mouse.ClickAsync((float)taliban.X, (float)taliban.Y);
            await page.WaitForURLAsync("**/actors/taliban?at=2015", new() { WaitUntil = WaitUntilState.Commit });
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Taliban");
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Leaders and roles over time");
            await Assertions.Expect(page.Locator("main table").First).ToBeVisibleAsync();
        });
        tab.AssertNoErrors();
    }

    [BrowserFact]
    public async Task Explorer_ClickOnATie_OpensTheDyad_WhichShowsTheContestedPairsTwoStrands()
    {
        await using var tab = await host.Open(nameof(Explorer_ClickOnATie_OpensTheDyad_WhichShowsTheContestedPairsTwoStrands));
        await tab.Check(async page =>
        {
            await OpenExplorerAt(page, 2012);
            // A point on the tie a third of the way from al-Qaeda: clear of both groups' circles and of other groups.
            var onTie = await Where(page, "al-qaeda", "taliban", 0.35);
            await page.Mouse.ClickAsync((float)onTie.X, (float)onTie.Y);
            await page.WaitForURLAsync("**/dyads/**", new() { WaitUntil = WaitUntilState.Commit });
            Assert.Matches("/dyads/(al-qaeda/taliban|taliban/al-qaeda)\\?at=2012$", new Uri(page.Url).PathAndQuery);
            await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("al-Qaeda");
            // Declared against done: the distancing the Taliban declared stands beside the conduct that outweighs it.
            var strands = page.Locator("section.strand");
            await Assertions.Expect(strands).ToHaveCountAsync(2);
            await Assertions.Expect(strands.Nth(0).Locator("h3")).ToHaveTextAsync("Declared");
            await Assertions.Expect(strands.Nth(0)).ToContainTextAsync("disputes it");
            await Assertions.Expect(strands.Nth(1).Locator("h3")).ToHaveTextAsync("Done (or not said)");
            Assert.True(await strands.Nth(1).Locator("li").CountAsync() > 5);
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Verdict");
            await Assertions.Expect(page.Locator("figure.chart svg")).ToBeVisibleAsync();
        });
        tab.AssertNoErrors();
    }

    [BrowserFact]
    public async Task ActorPage_UnknownName_SaysSoWithTheNearestNames()
    {
        await using var tab = await host.Open(nameof(ActorPage_UnknownName_SaysSoWithTheNearestNames));
        await tab.Check(async page =>
        {
            var response = await page.GotoAsync("/actors/Talibn");
            Assert.Equal(404, response!.Status);
            await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Not found");
            await Assertions.Expect(page.Locator(".problem")).ToContainTextAsync("Talibn");
        });
    }
}
