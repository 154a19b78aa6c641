using Wedge.Analysis.Evidence;
using Wedge.Analysis.Network;
using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;
using Wedge.Data.Cases;

namespace Wedge.Analysis.Tests.Network;

/// <summary>
/// The network is built from tie rows (<see cref="Snapshot.TieRows"/>) rather than tie objects. These tests hold it to
/// what the object path gives — every pair's ties as <see cref="Snapshot.Ties"/> sees them, weighed by
/// <see cref="RelationWeigher.Gather(Snapshot, IEnumerable{Tie}, FuzzyDate?, Wedge.Analysis.Assessment.AssessmentParameters?)"/>
/// — number for number, on the built-in case and on a record made to exercise every rule of the slice.
/// </summary>
public sealed class SnapshotGraphRowsTests
{
    private static FuzzyDate D(string text) => FuzzyDate.Parse(text);

    private static readonly Source Article = new() { Id = new SourceId("article"), Title = "An article", Date = D("2012-05") };
    private static readonly Source Report = new() { Id = new SourceId("report"), Title = "A report", Date = D("2019") };
    private static readonly Source Memo = new() { Id = new SourceId("memo"), Title = "A memo", Date = D("2010") };

    private static Actor Group(string id, ActorKind kind = ActorKind.ArmedGroup, Period? active = null)
        => new() { Id = new ActorId(id), Name = id.ToUpperInvariant(), Kind = kind, Active = active ?? Period.Always };

    private static Claim C(string id, Source source, string grade, ClaimStance stance = ClaimStance.Supports, string? publicSince = null,
        ClaimReports reports = ClaimReports.Unstated, bool context = false)
        => new()
        {
            Id = new ClaimId(id),
            Source = source.Id,
            Text = id,
            Grade = Grade.Parse(grade),
            Stance = stance,
            Reports = reports,
            Context = context,
            PublicSince = publicSince is null ? null : D(publicSince),
        };

    private static Tie T(string id, TieKind kind, string from, string to, Period period, bool startOnly = false, string? endPublicSince = null, params string[] claims)
        => new()
        {
            Id = id,
            Kind = kind,
            From = new ActorId(from),
            To = new ActorId(to),
            Period = period,
            StartOnly = startOnly,
            EndPublicSince = endPublicSince is null ? null : D(endPublicSince),
            Claims = [.. claims.Select(c => new ClaimId(c))],
        };

    /// <summary>Start-only observations carried and ended, disputes, declarations, context, claims public later than their source,
    /// ends made public late, unsourced ties, a person's tie, a faction, an inactive group, and a pair with several ties.</summary>
    private static readonly Fact[] Record =
    [
        Article, Report, Memo,
        Group("aq"), Group("tb"), Group("is"), Group("pk", ActorKind.State), Group("hq", ActorKind.Faction), Group("old", active: new Period(D("1980"), D("1990"))),
        new Actor { Id = new ActorId("omar"), Name = "Omar", Kind = ActorKind.Person },
        C("c1", Article, "B2"), C("c2", Report, "A1"), C("c3", Article, "C3", ClaimStance.Disputes), C("c4", Report, "B2", publicSince: "2009"),
        C("c5", Article, "B1", reports: ClaimReports.Declaration), C("c6", Report, "B2", context: true), C("c7", Memo, "B2"), C("c10", Memo, "A2"),
        C("c8", Report, "A2", publicSince: "2021"), C("c9", Article, "D4", reports: ClaimReports.Conduct),
        T("t1", TieKind.Alliance, "aq", "tb", Period.Since(D("1996")), claims: ["c1", "c2"]),
        T("t2", TieKind.Split, "tb", "aq", Period.Since(D("2008-08")), startOnly: true, claims: ["c5", "c3"]),
        T("t3", TieKind.Rivalry, "is", "aq", Period.Since(D("2014-02")), startOnly: true, claims: ["c4"]),
        T("t4", TieKind.Affiliation, "is", "tb", Period.Between(D("2013"), D("2014")), endPublicSince: "2016", claims: ["c6", "c7"]),
        T("t5", TieKind.Alliance, "is", "tb", Period.Since(D("2015-05")), startOnly: true, claims: ["c9"]),
        T("t6", TieKind.Sponsorship, "pk", "tb", Period.Since(D("1994"))),
        T("t7", TieKind.Leadership, "omar", "tb", Period.Since(D("1994"))),
        T("t8", TieKind.Split, "hq", "tb", Period.Between(D("2010"), D("2010-06")), claims: ["c8"]),
        T("t9", TieKind.Merger, "hq", "tb", Period.Since(D("2011")), claims: ["c2"]),
        T("t10", TieKind.Rivalry, "old", "aq", Period.Since(D("1985")), startOnly: true),
        T("t11", TieKind.Alliance, "tb", "aq", Period.Between(D("2001-10"), D("2001-12")), endPublicSince: "2003", claims: ["c10"]),
    ];

    private static KnowledgeBase Kb(IEnumerable<Fact> facts)
    {
        var outcome = KnowledgeBase.Empty.With([.. facts.Select(JournalChange.Add)]);
        Assert.True(outcome.IsSuccess, string.Join("; ", outcome.Problems));
        return outcome.Result!;
    }

    public static TheoryData<string?, string?> Slices => new()
    {
        { null, null }, { "2001-11", null }, { "2010-03", null }, { "2014", null }, { "2016", null }, { "2018-09-11", null }, { "2030", null },
        { null, "2012" }, { "2010", "2012-06" }, { "2016", "2018" }, { "2018-09-11", "2015" }, { "2001-11", "2002" }, { "2015", "2015" }, { "2002-06", "2002-06" },
    };

    [Theory]
    [MemberData(nameof(Slices))]
    public void Network_EqualsWeighingEachPairsTieObjects(string? at, string? knownAt)
        => AssertSameAsObjects(Snapshot.Of(Kb(Record), new ReadOptions(at is null ? null : D(at), knownAt is null ? null : D(knownAt))));

    [Theory]
    [InlineData("2001-09-11", null)]
    [InlineData("2018-09-11", null)]
    [InlineData("2018-09-11", "2014-12-31")]
    [InlineData(null, null)]
    public void Network_OnTheBuiltInCase_EqualsWeighingEachPairsTieObjects(string? at, string? knownAt)
        => AssertSameAsObjects(Snapshot.Of(Kb(BuiltInCase.Read().Facts), new ReadOptions(at is null ? null : D(at), knownAt is null ? null : D(knownAt))));

    [Fact]
    public void KindFilter_EqualsWeighingOnlyThoseKinds()
    {
        var s = Snapshot.Of(Kb(Record), new ReadOptions(D("2016")));
        AssertSameAsObjects(s, new HashSet<TieKind> { TieKind.Rivalry, TieKind.Split });
    }

    /// <summary>What the network was before it read rows: pairs of groups grouped from <see cref="Snapshot.Ties"/>, each weighed from its tie objects.</summary>
    private static void AssertSameAsObjects(Snapshot s, IReadOnlySet<TieKind>? kinds = null)
    {
        kinds ??= SnapshotGraph.GroupTieKinds;
        var at = s.Options.EffectiveAt;
        bool Group(ActorId id) => s.Actor(id) is { } a && SnapshotGraph.IsGroup(a);
        bool Speaks(Tie t) => t.StartOnly ? t.Period.Start is not null : s.HoldsAt(t.Period);
        var expected = s.Ties.Where(t => kinds.Contains(t.Kind) && t.From != t.To && Group(t.From) && Group(t.To))
            .GroupBy(t => string.CompareOrdinal(t.From.Value, t.To.Value) < 0 ? (t.From, t.To) : (t.To, t.From))
            .Select(g => (Pair: g.Key, Ties: g.ToList(), Relation: RelationWeigher.Gather(s, g, at).Weigh(withTrail: false)))
            .Where(x => x.Relation.Sign != RelationSign.None)
            .ToDictionary(x => Key(x.Pair.Item1, x.Pair.Item2));

        var n = SnapshotGraph.Build(s, kinds);
        Assert.Equal(expected.Count, n.Graph.EdgeCount);
        var mixed = 0;
        var byKind = new Dictionary<TieKind, int>();
        for (var e = 0; e < n.Graph.EdgeCount; e++)
        {
            var (u, v) = (n.Graph.Source(e), n.Graph.Target(e));
            var key = Key(n.Actors[u].Id, n.Actors[v].Id);
            Assert.True(expected.TryGetValue(key, out var x), $"edge {key} is not a pair the objects weigh to a sign");
            Assert.Equal(x.Relation, n.RelationOf[e]);
            Assert.Equal(x.Relation.Sign == RelationSign.Friendly ? 1 : -1, n.Graph.Sign(e));
            var speaking = x.Ties.Where(Speaks).ToList();
            var behind = speaking.Count > 0 ? speaking : x.Ties;
            mixed += speaking.Select(t => t.Kind.Sign()).Distinct().Count() > 1 ? 1 : 0;
            foreach (var t in behind)
            {
                byKind[t.Kind] = byKind.GetValueOrDefault(t.Kind) + 1;
            }

            var ordered = behind.OrderBy(t => t.Period.Start?.Earliest ?? DateOnly.MinValue).ThenBy(t => t.Id, StringComparer.Ordinal);
            Assert.Equal(ordered.Select(Describe), n.TiesOf[e].Select(Describe));
        }

        Assert.Equal(mixed, n.MixedPairs);
        Assert.Equal(byKind.OrderBy(k => k.Key), n.TiesByKind.OrderBy(k => k.Key));
    }

    private static string Key(ActorId a, ActorId b) => string.CompareOrdinal(a.Value, b.Value) < 0 ? $"{a}|{b}" : $"{b}|{a}";

    private static string Describe(Tie t) => $"{t.Id} {t.Period} [{string.Join(",", t.Claims)}]";
}
