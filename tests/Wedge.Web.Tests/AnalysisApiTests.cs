namespace Wedge.Web.Tests;

/// <summary>Assessment and network: the same answers as the command line, and bad inputs refused.</summary>
public sealed class AnalysisApiTests : IDisposable
{
    private readonly WebHost host = new();

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task Assessment_SameAsCli()
        => Assert.Equal(host.CliJson("assess", "Taliban", "AQ", "--runs", "200", "--seed", "7", "--known-at", "2014-12-31"),
            await host.GetText("/api/assessments/Taliban/AQ?runs=200&seed=7&knownAt=2014-12-31"));

    [Fact]
    public async Task Assessment_CarriesWhatExplainShows()
    {
        // --explain only changes the table; the JSON always carries the ledger entries and claims behind each figure.
        var json = await host.GetText("/api/assessments/Taliban/AQ?runs=0");
        Assert.Contains("\"claims\"", json, StringComparison.Ordinal);
        Assert.Contains("\"verdict\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("runs=-1")]
    [InlineData("runs=1000000")]
    [InlineData("seed=-3")]
    public async Task Assessment_BadSimulation_Is400(string query)
    {
        var problem = await host.GetProblem($"/api/assessments/Taliban/AQ?{query}", 400);
        Assert.Equal("bad-value", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Assessment_RunsNotANumber_Is400()
    {
        var problem = await host.GetProblem("/api/assessments/Taliban/AQ?runs=many", 400);
        Assert.Equal("bad-request", problem.GetProperty("code").GetString());
    }

    [Fact]
    public async Task NetworkSummary_SameAsCli()
        => Assert.Equal(host.CliJson("network", "--at", "2012", "--kind", "rivalry,alliance"), await host.GetText("/api/network?at=2012&kind=alliance,rivalry"));

    [Fact]
    public async Task NetworkSummary_KindThatIsNoGroupTie_Is400()
    {
        var problem = await host.GetProblem("/api/network?kind=leadership", 400);
        Assert.Equal("bad-value", problem.GetProperty("code").GetString());
    }
}
