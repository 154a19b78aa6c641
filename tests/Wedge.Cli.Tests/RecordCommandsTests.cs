using System.Text.Json;

namespace Wedge.Cli.Tests;

/// <summary>The read verbs end to end on a fresh database holding the built-in case.</summary>
public class RecordCommandsTests
{
    private static IEnumerable<JsonElement> Items(JsonElement e, string name) => e.GetProperty(name).EnumerateArray();

    private static string? Str(JsonElement e, params string[] path)
    {
        foreach (var p in path)
        {
            if (!e.TryGetProperty(p, out e))
            {
                return null;
            }
        }

        return e.ValueKind == JsonValueKind.Null ? null : e.GetString();
    }

    [Fact]
    public void Dyad_At2018_ShowsAllianceSinceThe1990sPledgesAndLedgerWithGrades()
    {
        using var cli = new CliRunner();
        var dyad = cli.Json("dyad", "al-Qaeda", "Taliban", "--at", "2018-09-11");
        var ties = Items(dyad, "ties").ToList();
        // The case records the alliance in two spells (openly in the 1990s, then through the insurgency); together they run from the 1990s to 2018.
        var alliances = ties.Where(t => Str(t, "kind") == "alliance" && Str(t, "from") is "al-qaeda" or "taliban" && Str(t, "to") is "al-qaeda" or "taliban").ToList();
        Assert.StartsWith("199", Str(alliances[0], "period", "start"), StringComparison.Ordinal);
        Assert.Contains(alliances, a => a.GetProperty("holdsAt").GetBoolean());
        for (var i = 1; i < alliances.Count; i++)
        {
            Assert.Equal(Str(alliances[i - 1], "period", "end"), Str(alliances[i], "period", "start")); // no gap between spells
        }

        var binLadenPledge = ties.Single(t => Str(t, "kind") == "affiliation" && Str(t, "from") == "osama-bin-laden" && Str(t, "to") == "mullah-omar");
        Assert.NotEmpty(Items(binLadenPledge, "claims"));
        var zawahiriPledges = ties.Where(t => Str(t, "kind") == "affiliation" && Str(t, "from") == "ayman-al-zawahiri").ToList();
        Assert.True(zawahiriPledges.Count >= 2);
        Assert.Contains(zawahiriPledges, t => Str(t, "acknowledgement") == "acknowledged-then-withdrawn");
        Assert.Contains(zawahiriPledges, t => Str(t, "acknowledgement") == "not-endorsed");

        var ledger = Items(dyad, "ledger").ToList();
        Assert.Contains(ledger, l => Str(l, "provider") == "al-qaeda" && Str(l, "recipient") == "taliban" && !l.GetProperty("isCost").GetBoolean());
        Assert.Contains(ledger, l => Str(l, "provider") == "taliban" && Str(l, "recipient") == "al-qaeda");
        Assert.All(ledger, l => Assert.False(string.IsNullOrEmpty(Str(l, "magnitude"))));
        Assert.All(ties.Concat(ledger), f => Assert.All(Items(f, "claims"), c => Assert.Matches("^[A-F][1-6]$", Str(c, "grade"))));
    }

    [Fact]
    public void Dyad_KnownAtEnd2014_ShowsMullahOmarAsLivingLeader()
    {
        using var cli = new CliRunner();
        var dyad = cli.Json("dyad", "al-Qaeda", "Taliban", "--known-at", "2014-12-31");
        var leaders = Items(dyad.GetProperty("b"), "leaders").Where(l => Str(l, "title") == "leader" && Str(l, "organisation") == "taliban").ToList();
        var omar = leaders.Single(l => Str(l, "person") == "mullah-omar");
        Assert.True(omar.GetProperty("holdsAt").GetBoolean());
        Assert.True(omar.GetProperty("personAlive").GetBoolean());
        Assert.Null(Str(omar, "period", "end"));
        Assert.DoesNotContain(leaders, l => Str(l, "person") is "akhtar-mansour" or "haibatullah-akhundzada");
        Assert.DoesNotContain(Items(dyad, "events"), e => string.CompareOrdinal(Str(e, "date"), "2015") >= 0);
    }

    [Fact]
    public void Dyad_At2000_ShowsNothingAfter2001()
    {
        using var cli = new CliRunner();
        var dyad = cli.Json("dyad", "al-Qaeda", "Taliban", "--at", "2000-01-01");
        Assert.NotEmpty(Items(dyad, "ties"));
        foreach (var f in Items(dyad, "ties").Concat(Items(dyad, "ledger")))
        {
            Assert.True(string.CompareOrdinal(Str(f, "period", "start") ?? "0", "2000-01-01") <= 0, f.ToString());
            Assert.True(Str(f, "period", "end") is null || string.CompareOrdinal(Str(f, "period", "end"), "2001") < 0, f.ToString());
        }

        Assert.All(Items(dyad, "events"), e => Assert.True(string.CompareOrdinal(Str(e, "date"), "2000-01-01") <= 0));
    }

    [Fact]
    public void Dyad_ShowsTheContestWithBothAccounts()
    {
        using var cli = new CliRunner();
        var dyad = cli.Json("dyad", "al-Qaeda", "Taliban");
        Assert.True(dyad.GetProperty("contested").GetBoolean());
        Assert.Contains(Items(dyad, "ties").SelectMany(t => Items(t, "claims")), c => Str(c, "stance") == "disputes");
    }

    [Fact]
    public void Dyad_Table_ShowsGradesAndEscapesNothingAway()
    {
        using var cli = new CliRunner();
        var (code, output) = cli.Run("dyad", "AQ", "the taliban");
        Assert.Equal(0, code);
        Assert.Contains("al-Qaeda – Taliban", output, StringComparison.Ordinal);
        Assert.Contains("alliance", output, StringComparison.Ordinal);
        Assert.Matches("[A-F][1-6]", output);
    }

    [Fact]
    public void UnknownName_GetsNearestMatches_AndNonZeroExit()
    {
        using var cli = new CliRunner();
        var (code, output) = cli.Run("dyad", "al-Qaeda", "Talibn");
        Assert.Equal(1, code);
        Assert.Contains("no actor named 'Talibn'; nearest: Taliban", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_ResolveThroughAliasesCaseInsensitively()
    {
        using var cli = new CliRunner();
        foreach (var name in new[] { "al-Qaeda", "Al Qaeda", "AQ", "al-qaeda", "AL QAEDA" })
        {
            Assert.Equal("al-qaeda", Str(cli.Json("actor", name), "id"));
        }
    }

    [Fact]
    public void Actor_Profile_ShowsFactionsAndLeadersOverTime()
    {
        using var cli = new CliRunner();
        var taliban = cli.Json("actor", "Taliban");
        Assert.Contains("haqqani-network", taliban.GetProperty("factions").EnumerateArray().Select(f => f.GetString()));
        var leaders = Items(taliban, "roles").Where(r => Str(r, "title") == "leader" && Str(r, "organisation") == "taliban").Select(r => Str(r, "person")).ToList();
        Assert.Equal(["mullah-omar", "akhtar-mansour", "haibatullah-akhundzada"], leaders);
    }

    [Fact]
    public void Ties_FilteredByKind()
    {
        using var cli = new CliRunner();
        var rivalries = cli.Json("ties", "--kind", "rivalry").EnumerateArray().ToList();
        Assert.NotEmpty(rivalries);
        Assert.All(rivalries, t => Assert.Equal("rivalry", Str(t, "kind")));
        var (code, output) = cli.Run("ties", "--kind", "friendship");
        Assert.NotEqual(0, code);
        Assert.Contains("'friendship' is not one of", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Timeline_IsInDateOrder()
    {
        using var cli = new CliRunner();
        var entries = cli.Json("timeline", "Taliban", "al-Qaeda").EnumerateArray().ToList();
        var dates = entries.Select(e => Core.Time.FuzzyDate.Parse(Str(e, "date")!)).ToList();
        Assert.True(dates.Count > 5);
        Assert.Equal(dates.Order(), dates);
        Assert.Contains(entries, e => Str(e, "id") == "t-aq-taliban-alliance-1990s" && Str(e, "what")!.EndsWith("begins", StringComparison.Ordinal));
    }

    [Fact]
    public void BadDateOption_IsRefusedWithReason()
    {
        using var cli = new CliRunner();
        var (code, output) = cli.Run("dyad", "AQ", "Taliban", "--at", "2005-13-40");
        Assert.NotEqual(0, code);
        Assert.Contains("--at: '2005-13-40' has month 13", output, StringComparison.Ordinal);
    }
}
