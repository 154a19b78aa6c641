using Wedge.Analysis.Network;
using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;

namespace Wedge.Analysis.Tests.Network;

/// <summary>The rules that turn a snapshot into a signed graph (docs/methods/network.md, "From the record").</summary>
public sealed class SnapshotGraphTests
{
    private static FuzzyDate D(string text) => FuzzyDate.Parse(text);

    private static Actor Group(string id, ActorKind kind = ActorKind.ArmedGroup, Period? active = null)
        => new() { Id = new ActorId(id), Name = id, Kind = kind, Active = active ?? Period.Always };

    private static Tie Tie(string id, TieKind kind, string from, string to, Period period)
        => new() { Id = id, Kind = kind, From = new ActorId(from), To = new ActorId(to), Period = period };

    private static Snapshot Read(string at, params Fact[] facts)
    {
        var outcome = KnowledgeBase.Empty.With([.. facts.Select(JournalChange.Add)]);
        Assert.True(outcome.IsSuccess, string.Join("; ", outcome.Problems));
        return Snapshot.Of(outcome.Result!, new ReadOptions(At: D(at)));
    }

    private static readonly Fact[] World =
    [
        Group("aq"), Group("tb"), Group("is"), Group("pk", ActorKind.State), Group("haqqani", ActorKind.Faction),
        Group("gone", active: new Period(D("1990"), D("1999"))),
        new Actor { Id = new ActorId("omar"), Name = "omar", Kind = ActorKind.Person },
        Tie("t1", TieKind.Alliance, "aq", "tb", Period.Since(D("1996"))),
        Tie("t2", TieKind.Rivalry, "is", "aq", Period.Since(D("2014-02"))),
        Tie("t3", TieKind.Rivalry, "is", "tb", Period.Since(D("2015"))),
        Tie("t4", TieKind.Affiliation, "is", "tb", Period.Between(D("2013"), D("2014"))),
        Tie("t5", TieKind.Split, "haqqani", "tb", Period.Between(D("2010"), D("2010"))),
        Tie("t6", TieKind.Sponsorship, "pk", "tb", Period.Since(D("1994"))),
        Tie("t7", TieKind.Leadership, "omar", "tb", Period.Since(D("1994"))),
    ];

    private static int SignBetween(SnapshotNetwork n, string a, string b)
    {
        var e = n.Graph.EdgeBetween(n.NodeOf(new ActorId(a)), n.NodeOf(new ActorId(b)));
        return e < 0 ? 0 : n.Graph.Sign(e);
    }

    [Fact]
    public void Nodes_AreActiveGroupsNeverPersons()
    {
        var n = SnapshotGraph.Build(Read("2016", World));
        Assert.Equal(["aq", "haqqani", "is", "pk", "tb"], n.Actors.Select(a => a.Id.Value).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Signs_FollowTieKinds_AndOnlyTiesHeldAtTheDate()
    {
        var n = SnapshotGraph.Build(Read("2016", World));
        Assert.Equal(1, SignBetween(n, "aq", "tb"));
        Assert.Equal(-1, SignBetween(n, "is", "aq"));
        Assert.Equal(-1, SignBetween(n, "is", "tb")); // the 2013–2014 affiliation no longer holds
        Assert.Equal(1, SignBetween(n, "pk", "tb"));
        Assert.Equal(0, SignBetween(n, "haqqani", "tb")); // a split dated 2010 counts only in 2010
        Assert.Equal(0, n.MixedPairs);
    }

    [Fact]
    public void Split_IsHostileWhileItsPeriodHolds()
    {
        var n = SnapshotGraph.Build(Read("2010", World));
        Assert.Equal(-1, SignBetween(n, "haqqani", "tb"));
    }

    [Fact]
    public void MixedPair_EqualUnsourcedEvidence_IsNoEdge()
    {
        // In 2014 the IS–Taliban pair holds the 2013–2014 affiliation and a rivalry begun in June 2014, both
        // unsourced (0.5 each, two stand-ins): P(friendly) = P(hostile) = 0.25 / 0.75 = 1/3 < 0.5, so no sign.
        // The latest tie no longer decides (docs/methods/evidence.md).
        var facts = World.Append(Tie("t8", TieKind.Rivalry, "tb", "is", Period.Since(D("2014-06")))).ToArray();
        var n = SnapshotGraph.Build(Read("2014", facts));
        Assert.Equal(0, SignBetween(n, "is", "tb"));
    }

    [Fact]
    public void MixedPair_TakesTheSignTheGradedEvidenceGives()
    {
        // The older alliance is backed by an A1 claim (0.9025), the newer rivalry is unsourced (0.5):
        // Z = 1 − 0.9025 × 0.5 = 0.54875; P(friendly) = 0.9025 × 0.5 / Z = 0.8223: friendly, although the rivalry started later.
        var facts = World
            .Append(new Source { Id = new SourceId("s"), Title = "s" })
            .Append(new Claim { Id = new ClaimId("c"), Source = new SourceId("s"), Text = "allied", Grade = Grade.Parse("A1") })
            .Append(Tie("t9", TieKind.Rivalry, "is", "pk", Period.Since(D("2014-02"))))
            .Append(Tie("t10", TieKind.Alliance, "is", "pk", Period.Since(D("2010"))) with { Claims = [new ClaimId("c")] })
            .ToArray();
        var n = SnapshotGraph.Build(Read("2016", facts));
        Assert.Equal(1, SignBetween(n, "is", "pk"));
        Assert.Equal(1, n.MixedPairs);
        var edge = n.Graph.EdgeBetween(n.NodeOf(new ActorId("is")), n.NodeOf(new ActorId("pk")));
        Assert.Equal(0.8223, n.RelationOf[edge].PFriendly, 4);
        Assert.Equal(2, n.TiesOf[edge].Count);
    }

    [Fact]
    public void KindFilter_KeepsOnlyChosenKinds()
    {
        var n = SnapshotGraph.Build(Read("2016", World), new HashSet<TieKind> { TieKind.Rivalry });
        Assert.Equal(2, n.Graph.EdgeCount);
        Assert.Equal(2, n.TiesByKind[TieKind.Rivalry]);
    }
}
