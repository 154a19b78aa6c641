using System.Text.Json;

namespace Wedge.Cli.Tests.Network;

/// <summary>`wedge network …` end to end: on the built-in case and on files a researcher brings.</summary>
public sealed class NetworkCommandsTests
{
    private static string Fixture(string name) => Repository.File("tests", "Wedge.Analysis.Tests", "Network", "Fixtures", name);

    private static List<string> Strings(JsonElement e) => [.. e.EnumerateArray().Select(x => x.GetString()!)];

    [Fact]
    public void Summary_At2016_CountsGroupsTiesByKindAndComponents()
    {
        using var cli = new CliRunner();
        var s = cli.Json("network", "--at", "2016");
        var names = s.GetProperty("componentMembers").EnumerateArray().SelectMany(Strings).ToList();
        Assert.Contains("Taliban", names);
        Assert.Contains("al-Qaeda", names);
        Assert.Contains(s.GetProperty("tiesByKind").EnumerateArray(), k => k.GetProperty("kind").GetString() == "alliance");
        Assert.Equal(s.GetProperty("friendly").GetInt32() + s.GetProperty("hostile").GetInt32(), s.GetProperty("edges").GetInt32());
    }

    [Fact]
    public void Balance_At2016_IslamicStateIsTheSharedEnemyOfAlQaedaAndTaliban()
    {
        using var cli = new CliRunner();
        var b = cli.Json("network", "balance", "--at", "2016");
        Assert.True(b.GetProperty("exact").GetBoolean());
        Assert.Contains(b.GetProperty("balanced").EnumerateArray(), t =>
            t.GetProperty("pattern").GetString() == "+--"
            && new[] { "a", "b", "c" }.Select(p => t.GetProperty(p).GetString()).Order(StringComparer.Ordinal)
                .SequenceEqual(new[] { "Islamic State", "Taliban", "al-Qaeda" }.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Wedges_AroundAlQaeda_NamesTheTaliban()
    {
        using var cli = new CliRunner();
        var w = cli.Json("network", "wedges", "--around", "al-Qaeda", "-k", "1", "--at", "2016");
        Assert.Equal("exact", w.GetProperty("method").GetString());
        Assert.Equal("Taliban", w.GetProperty("picks")[0].GetProperty("removed").GetString());
        var ties = cli.Json("network", "wedges", "--around", "al-Qaeda", "--count", "1", "--ties", "--at", "2016");
        Assert.Contains("[", ties.GetProperty("picks")[0].GetProperty("removed").GetString(), StringComparison.Ordinal); // names the ties behind the edge
    }

    [Fact]
    public void Wedges_UnknownActor_SaysSo()
    {
        using var cli = new CliRunner();
        var (code, output) = cli.Run("network", "wedges", "--around", "No Such Front", "--at", "2016");
        Assert.NotEqual(0, code);
        Assert.Contains("no actor named 'No Such Front'", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Balance_InputEdgeListWithComments_Works()
    {
        using var cli = new CliRunner();
        var b = cli.Json("network", "balance", "--input", Fixture("karate.edges"));
        Assert.Equal(34, b.GetProperty("nodes").GetInt32());
        Assert.InRange(b.GetProperty("frustrationLower").GetInt32(), 1, b.GetProperty("frustrationUpper").GetInt32());
    }

    [Fact]
    public void Metrics_InputMmp_RanksAndFindsHubs()
    {
        using var cli = new CliRunner();
        var m = cli.Json("network", "metrics", "--input", Fixture("mmp.csv"), "--top", "5");
        Assert.Equal(228, m.GetProperty("global").GetProperty("nodes").GetInt32());
        Assert.Equal(5, m.GetProperty("nodes").GetArrayLength());
        Assert.Contains(m.GetProperty("hubs").EnumerateArray(), h => h.GetProperty("isHub").GetBoolean());
    }

    [Fact]
    public void Communities_Input_SameSeedSamePartition()
    {
        using var cli = new CliRunner();
        var a = cli.Json("network", "communities", "--input", Fixture("lesmis.edges"), "--ties", "all", "--seed", "3");
        var b = cli.Json("network", "communities", "--input", Fixture("lesmis.edges"), "--ties", "all", "--seed", "3");
        Assert.Equal(a.GetProperty("communities").ToString(), b.GetProperty("communities").ToString());
        Assert.True(a.GetProperty("modularity").GetDouble() > 0.5);
    }

    [Fact]
    public void Communities_Leiden_NamedInJsonAndText()
    {
        using var cli = new CliRunner();
        var json = cli.Json("network", "communities", "--input", Fixture("lesmis.edges"), "--ties", "all", "--algorithm", "leiden", "--restarts", "3");
        Assert.Equal("leiden", json.GetProperty("algorithm").GetString());
        Assert.True(json.GetProperty("modularity").GetDouble() > 0.5);
        var (code, output) = cli.Run("network", "communities", "--input", Fixture("lesmis.edges"), "--ties", "all", "--algorithm", "leiden", "--restarts", "3");
        Assert.Equal(0, code);
        Assert.Contains("(Leiden, best of 3 from seed 1", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Communities_UnknownAlgorithm_NamesTheChoices()
    {
        using var cli = new CliRunner();
        var (code, output) = cli.Run("network", "communities", "--input", Fixture("lesmis.edges"), "--algorithm", "infomap");
        Assert.NotEqual(0, code);
        Assert.Contains("--algorithm: 'infomap' is not one of: louvain, leiden", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Input_BadFile_ReportsFileAndLine()
    {
        using var cli = new CliRunner();
        var path = cli.File("bad.edges");
        File.WriteAllText(path, "% comment\na b 1\nb c maybe\n");
        var (code, output) = cli.Run("network", "balance", "--input", path);
        Assert.NotEqual(0, code);
        Assert.Contains("bad.edges:3: sign 'maybe' is not a non-zero number", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Input_WithAt_IsRefused()
    {
        using var cli = new CliRunner();
        var (code, output) = cli.Run("network", "metrics", "--input", Fixture("mmp.csv"), "--at", "2012");
        Assert.NotEqual(0, code);
        Assert.Contains("do not apply to an --input file", output, StringComparison.Ordinal);
    }

    [Fact]
    public void MetricsOverTime_TableJsonAndChart()
    {
        using var cli = new CliRunner();
        var chart = cli.File("web.svg");
        var points = cli.Json("network", "metrics", "--from", "2000", "--to", "2016", "--every", "4y", "--chart", chart, "--measure", "positive,negative,frustration");
        Assert.Equal(["2000", "2004", "2008", "2012", "2016"], points.EnumerateArray().Select(p => p.GetProperty("date").GetString()!));
        Assert.True(File.Exists(chart));
        Assert.Contains("<svg", File.ReadAllText(chart), StringComparison.Ordinal);
    }

    [Fact]
    public void MetricsOverTime_FollowsAnActor_AbsentBeforeItExists()
    {
        using var cli = new CliRunner();
        var points = cli.Json("network", "metrics", "--from", "1980", "--to", "2016", "--every", "36y", "--actor", "al-Qaeda").EnumerateArray().ToList();
        Assert.False(points[0].GetProperty("actor").GetProperty("present").GetBoolean()); // 1980: before al-Qaeda
        var y2016 = points[1].GetProperty("actor");
        Assert.True(y2016.GetProperty("present").GetBoolean());
        Assert.True(y2016.GetProperty("friendlyTies").GetInt32() > 0);
    }

    [Fact]
    public void MetricsOverTime_ActorMeasureWithoutActor_Refused()
    {
        using var cli = new CliRunner();
        var (code, output) = cli.Run("network", "metrics", "--from", "2000", "--to", "2004", "--measure", "actor-friendly");
        Assert.NotEqual(0, code);
        Assert.Contains("actor- measures need --actor", output, StringComparison.Ordinal);
    }

    [Fact]
    public void MetricsOverTime_UnknownMeasure_Refused()
    {
        using var cli = new CliRunner();
        var (code, output) = cli.Run("network", "metrics", "--from", "2000", "--to", "2004", "--measure", "vibes");
        Assert.NotEqual(0, code);
        Assert.Contains("--measure: 'vibes' is not one of", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("network")]
    [InlineData("network", "metrics")]
    [InlineData("network", "balance")]
    [InlineData("network", "wedges")]
    [InlineData("network", "communities")]
    public void Help_RendersForEveryVerb(params string[] verb)
    {
        // Descriptions are rendered as markup: a stray bracket would crash --help.
        using var cli = new CliRunner();
        var (code, output) = cli.Run([.. verb, "--help"]);
        Assert.Equal(0, code);
        Assert.DoesNotContain("unexpected error", output, StringComparison.Ordinal);
        Assert.Contains("USAGE", output, StringComparison.Ordinal);
    }
}
