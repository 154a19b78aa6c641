using System.Text.Json;

namespace Wedge.Web.Tests;

/// <summary>The record families (actors, actor, ties, timeline, dyad): the same answers as the command line, and each bad input refused.</summary>
public sealed class RecordApiTests : IDisposable
{
    private readonly WebHost host = new();

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task Actors_SameAsCli()
        => Assert.Equal(host.CliJson("actors", "--at", "2010", "--kind", "armed-group"), await host.GetText("/api/actors?at=2010&kind=armed-group"));

    [Fact]
    public async Task Actor_SameAsCli_WithAllThreeClocks()
    {
        var recordedBy = DateTimeOffset.UtcNow.AddMinutes(1).ToString("yyyy-MM-ddTHH:mm:ssZ");
        Assert.Equal(host.CliJson("actor", "Haqqani Network", "--known-at", "2014-12-31", "--recorded-by", recordedBy),
            await host.GetText($"/api/actors/Haqqani%20Network?knownAt=2014-12-31&recordedBy={recordedBy}"));
    }

    [Fact]
    public async Task Ties_SameAsCli()
        => Assert.Equal(host.CliJson("ties", "--kind", "rivalry"), await host.GetText("/api/ties?kind=rivalry"));

    [Fact]
    public async Task Timeline_SameAsCli()
        => Assert.Equal(host.CliJson("timeline", "Taliban", "al-Qaeda"), await host.GetText("/api/timeline/Taliban?with=al-Qaeda"));

    [Fact]
    public async Task Dyad_SameAsCli()
        => Assert.Equal(host.CliJson("dyad", "AQ", "Taliban", "--known-at", "2014-12-31"), await host.GetText("/api/dyads/AQ/Taliban?knownAt=2014-12-31"));

    [Fact]
    public async Task UnknownActor_Is404_WithTheNearestNames()
    {
        var problem = await host.GetProblem("/api/dyads/Talibn/al-Qaeda", 404);
        Assert.Equal("actor-not-found", problem.GetProperty("code").GetString());
        Assert.Contains("Taliban", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("at=11/09/2018", "2018-09-11")] // ambiguous: both readings offered
    [InlineData("knownAt=2018-13", "month 13")]
    [InlineData("recordedBy=yesterday", "ISO 8601")]
    [InlineData("at=2018-00", "month and day run from 01")]
    public async Task BadDate_Is400_NamingTheClock(string query, string expected)
    {
        var problem = await host.GetProblem($"/api/actors?{query}", 400);
        Assert.Equal("bad-date", problem.GetProperty("code").GetString());
        Assert.Equal("usage", problem.GetProperty("kind").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.StartsWith(query[..query.IndexOf('=', StringComparison.Ordinal)] + ":", detail, StringComparison.Ordinal);
        Assert.Contains(expected, detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordedByBeforeTheJournalBegan_Is404_SayingWhenItBegins()
    {
        // The clocks agree with each other only from the journal's first entry: a read recorded before it is refused.
        var problem = await host.GetProblem("/api/dyads/Taliban/AQ?at=2001&knownAt=2001&recordedBy=2001-01-01", 404);
        Assert.Equal("nothing-recorded-yet", problem.GetProperty("code").GetString());
        Assert.Contains("begins at", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task MisspelledClock_IsRefused_NotIgnored()
    {
        var problem = await host.GetProblem("/api/dyads/Taliban/AQ?knwonAt=2014", 400);
        Assert.Equal("unknown-parameter", problem.GetProperty("code").GetString());
        Assert.Contains("did you mean 'knownAt'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadKind_Is400_ListingTheKinds()
    {
        var problem = await host.GetProblem("/api/actors?kind=militia", 400);
        Assert.Equal("bad-value", problem.GetProperty("code").GetString());
        Assert.Contains("armed-group", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameActorTwice_Is422()
    {
        var problem = await host.GetProblem("/api/dyads/AQ/al-Qaeda", 422);
        Assert.Equal("same-actor", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task ReadPastTheRecord_AnswersWithAWarningHeader()
    {
        using var response = await host.Client.GetAsync("/api/actors?at=2030");
        Assert.Equal(200, (int)response.StatusCode);
        var notice = Assert.Single(response.Headers.GetValues("Wedge-Notice"));
        Assert.StartsWith("warning; code=read-date-past-record; message=", notice, StringComparison.Ordinal);
        Assert.Contains("past the record", Uri.UnescapeDataString(notice), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RecordText_IsDataInJson()
    {
        // A claim's text with markup stays a JSON string: nothing is interpreted or left unescaped for a browser.
        using var response = await host.Client.GetAsync("/api/actors/Taliban");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("Taliban", doc.RootElement.GetProperty("name").GetString());
    }
}
