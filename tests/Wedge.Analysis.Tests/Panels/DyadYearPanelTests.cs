using Wedge.Analysis.Durability;
using Wedge.Analysis.Evidence;
using Wedge.Analysis.Panels;
using Wedge.Core.Collections;
using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;
using Wedge.Data.Cases;

using static Wedge.Analysis.Tests.TestRecords;

namespace Wedge.Analysis.Tests.Panels;

/// <summary>
/// The panel reads the record once and cuts each pair's ties to each year; by definition each year is what a snapshot at
/// that year says. <see cref="YearBySnapshot"/> is that definition written out (the panel as first built: one snapshot
/// and one weighing with its trail per year), and every row of the panel must equal its row, on the built-in case and on
/// a record made to exercise each valid-time and public-time rule, read now and as known at several dates.
/// </summary>
public sealed class DyadYearPanelTests
{
    private static readonly ActorId A = new("a");
    private static readonly ActorId B = new("b");
    private static readonly ActorId C = new("c");
    private static readonly ActorId D = new("d");

    private static FuzzyDate Dt(string s) => FuzzyDate.Parse(s);

    private static Claim Cl(string id, string source, string grade = "B2", string? publicSince = null, ClaimStance stance = ClaimStance.Supports, bool context = false)
        => new()
        {
            Id = new ClaimId(id),
            Source = new SourceId(source),
            Text = id,
            Grade = Grade.Parse(grade),
            PublicSince = publicSince is null ? null : Dt(publicSince),
            Stance = stance,
            Context = context,
        };

    private static Tie T(string id, TieKind kind, ActorId from, ActorId to, Period period, params string[] claims)
        => new() { Id = id, Kind = kind, From = from, To = to, Period = period, Claims = claims.Select(c => new ClaimId(c)).ToList() };

    private static Event Joint(string id, string date, int? killed, params ActorId[] actors)
        => new() { Id = id, Date = Dt(date), Kind = EventKind.JointOperation, Title = id, Actors = actors, Fatalities = killed };

    /// <summary>
    /// Alliances with ends that become known late, start-only observations carried and then contradicted, a tie and a
    /// claim that become public only later, a tie dated after a knowledge date but public before it, an undated tie,
    /// a disputing and a context claim, a claim backing two ties, leadership and a self-tie (never rows), and joint
    /// attacks of two and three actors with known and unknown fatalities.
    /// </summary>
    private static KnowledgeBase Record() => Kb(
    [
        new Actor { Id = A, Name = "Alpha, the first", Kind = ActorKind.ArmedGroup },
        new Actor { Id = B, Name = "Beta", Kind = ActorKind.ArmedGroup },
        new Actor { Id = C, Name = "Gamma", Kind = ActorKind.ArmedGroup },
        new Actor { Id = D, Name = "Delta", Kind = ActorKind.ArmedGroup },
        new Actor { Id = new ActorId("p"), Name = "P", Kind = ActorKind.Person },
        new Source { Id = new SourceId("s1"), Title = "One", Date = Dt("2001") },
        new Source { Id = new SourceId("s2"), Title = "Two", Date = Dt("2006-05") },
        new Source { Id = new SourceId("s3"), Title = "Three" },
        Cl("c-ab", "s1"), Cl("c-ab2", "s2", "A1"), Cl("c-ab-dispute", "s3", "C3", stance: ClaimStance.Disputes),
        Cl("c-ac", "s1", "B3"), Cl("c-ac-rival", "s2", "B2"), Cl("c-late", "s3", "B2", publicSince: "2012-03-01"),
        Cl("c-forecast", "s3", "D4", publicSince: "2009"), Cl("c-context", "s1", context: true), Cl("c-shared", "s2", "C2"),
        T("t-ab", TieKind.Alliance, A, B, Period.Between(Dt("1999-06"), Dt("2004-02-10")), "c-ab", "c-ab-dispute") with { EndPublicSince = Dt("2008") },
        T("t-ab2", TieKind.Affiliation, B, A, Period.Since(Dt("2003")), "c-ab2", "c-shared"),
        T("t-ac", TieKind.Alliance, A, C, Period.Since(Dt("2000-03-01")), "c-ac") with { StartOnly = true },
        T("t-ac-rival", TieKind.Rivalry, C, A, Period.Since(Dt("2004-07")), "c-ac-rival") with { StartOnly = true },
        T("t-bc", TieKind.Rivalry, B, C, Period.Between(Dt("2002"), Dt("2011")), "c-late", "c-shared"),
        T("t-bd-late", TieKind.Sponsorship, B, D, Period.Since(Dt("2010-01-01")), "c-late"),
        T("t-cd-forecast", TieKind.Alliance, C, D, Period.Between(Dt("2009-06"), Dt("2015")), "c-forecast"),
        T("t-ad-future", TieKind.Rivalry, D, A, Period.Between(Dt("2014"), Dt("2016-05")), "c-forecast"),
        T("t-ad-undated", TieKind.Alliance, A, D, Period.Always),
        T("t-bd-context", TieKind.Alliance, D, B, Period.Between(Dt("2005"), Dt("2007-08")), "c-context"),
        T("t-lead", TieKind.Leadership, new ActorId("p"), A, Period.Since(Dt("1998"))),
        T("t-self", TieKind.Alliance, C, C, Period.Since(Dt("2001"))),
        Joint("e1", "2000-04-02", 3, A, B), Joint("e2", "2000", null, B, A, A), Joint("e3", "2003-11", 7, A, C, D),
        Joint("e4", "2013-01-05", 0, C, D), Joint("e5", "1990", 2, A, B),
        new Event { Id = "e-attack", Date = Dt("2003-02-02"), Kind = EventKind.Attack, Title = "not joint", Actors = [A, B], Fatalities = 9 },
    ]);

    public static TheoryData<string?> KnownAt => [null, "2000", "2006-06-30", "2010", "2013"];

    [Theory]
    [MemberData(nameof(KnownAt))]
    public void Rows_EqualOneSnapshotPerYear(string? knownAt)
    {
        var kb = Record();
        var known = knownAt is null ? (FuzzyDate?)null : Dt(knownAt);
        var panel = DyadYearPanel.Build(kb, 1995, 2020, known);
        Assert.Equal(YearBySnapshot(kb, 1995, 2020, known), panel);
        Assert.NotEmpty(panel);
    }

    [Theory]
    [MemberData(nameof(KnownAt))]
    public void BuiltInCase_RowsEqualOneSnapshotPerYear(string? knownAt)
    {
        var kb = Kb(BuiltInCase.Read().Facts);
        var known = knownAt is null ? (FuzzyDate?)null : Dt(knownAt);
        var panel = DyadYearPanel.Build(kb, 1980, 2025, known);
        Assert.Equal(YearBySnapshot(kb, 1980, 2025, known), panel);
        Assert.True(panel.Count > 50, $"{panel.Count} rows");
    }

    [Fact]
    public void Record_HandChecked()
    {
        var rows = DyadYearPanel.Build(Record(), 1995, 2020).ToDictionary(r => (r.Year, r.A.Value, r.B.Value));

        // 2000: the alliance a–b holds (two claims, one disputing, two sources); two joint attacks (the one naming a
        // twice counts once), one with fatalities unknown.
        var ab = rows[(2000, "a", "b")];
        Assert.Equal((2, 3, 1), (ab.JointAttacks, ab.Fatalities, ab.FatalitiesUnknown));
        Assert.Equal((2, 2), (ab.Claims, ab.Sources));
        Assert.Equal([TieKind.Alliance], ab.TieKinds);

        // The three-actor attack of 2003 gives each of its three pairs a joint attack.
        Assert.All(new[] { ("a", "c"), ("a", "d"), ("c", "d") }, p => Assert.Equal(1, rows[(2003, p.Item1, p.Item2)].JointAttacks));

        // A self-tie and leadership never make rows.
        Assert.DoesNotContain(rows.Keys, k => k.Item2 == k.Item3 || k.Item2 == "p");

        // 2013: c–d's alliance (2009-06 to 2015) speaks, with the joint attack of that year, nobody killed.
        var cd = rows[(2013, "c", "d")];
        Assert.Equal((1, 0, 0), (cd.JointAttacks, cd.Fatalities, cd.FatalitiesUnknown));
        Assert.Equal([TieKind.Alliance], cd.TieKinds);
    }

    /// <summary>The panel as defined: for each year, a snapshot at the year, its ties grouped by pair and weighed with their trail.</summary>
    private static List<PanelRow> YearBySnapshot(KnowledgeBase kb, int from, int to, FuzzyDate? knownAt)
    {
        var whole = Snapshot.Of(kb, new ReadOptions(KnownAt: knownAt));
        var covariates = new DyadCovariates(whole);
        var spells = RecordSurvival.Spells(whole).ToList();
        var rows = new List<PanelRow>();
        for (var year = from; year <= to; year++)
        {
            var at = new FuzzyDate(year);
            var s = Snapshot.Of(kb, new ReadOptions(at, knownAt));
            var ties = s.Ties.Where(t => t.Kind != TieKind.Leadership && t.From != t.To && MaySpeak(t, at))
                .GroupBy(t => Ordered(t.From, t.To)).ToDictionary(g => g.Key, g => g.ToList());
            var attacks = new Dictionary<(ActorId, ActorId), (int Count, int Killed, int Unknown)>();
            foreach (var e in s.Events.Where(e => e.Kind == EventKind.JointOperation && e.Date.Year == year))
            {
                var actors = e.Actors.Distinct().ToList();
                for (var i = 0; i < actors.Count; i++)
                {
                    for (var j = i + 1; j < actors.Count; j++)
                    {
                        var key = Ordered(actors[i], actors[j]);
                        var (n, k, u) = attacks.GetValueOrDefault(key);
                        attacks[key] = (n + 1, k + (e.Fatalities ?? 0), u + (e.Fatalities is null ? 1 : 0));
                    }
                }
            }

            foreach (var key in ties.Keys.Union(attacks.Keys).OrderBy(k => k.Item1.Value, StringComparer.Ordinal).ThenBy(k => k.Item2.Value, StringComparer.Ordinal))
            {
                var w = ties.TryGetValue(key, out var list) ? RelationWeigher.Gather(s, list, at).Weigh() : RelationWeight.Empty;
                var speaking = w.Items.Where(i => i.Reach != Reach.Silent).ToList();
                var (n, killed, unknown) = attacks.GetValueOrDefault(key);
                if (speaking.Count == 0 && n == 0)
                {
                    continue;
                }

                rows.Add(new PanelRow(year, key.Item1, s.Actor(key.Item1)?.Name ?? key.Item1.Value, key.Item2, s.Actor(key.Item2)?.Name ?? key.Item2.Value,
                    w.Sign, w.Probability, w.PFriendly, w.PHostile, w.Contested, speaking.Select(i => i.Kind).Distinct().Order().ToEquatableList(), n, killed, unknown,
                    speaking.Where(i => i.Claim is not null).Select(i => i.Claim).Distinct().Count(),
                    speaking.Where(i => i.Claim is not null).Select(i => i.Source).Distinct().Count(), Covariates(key, year)));
            }
        }

        return rows;

        PanelCovariates Covariates((ActorId A, ActorId B) pair, int year)
        {
            var day = new DateOnly(year, 1, 1);
            var date = FuzzyDate.FromDateOnly(day);
            var (a, b) = pair;
            var spell = spells.Where(s => Ordered(s.A, s.B) == pair && s.Begin <= day && (day < s.End || s.Censored)).MinBy(s => s.Begin);
            var leaders = spell is null ? ((bool, bool, bool)?)null : covariates.Leaders(a, b, spell.Begin, day);
            return new PanelCovariates(spell?.Begin, leaders?.Item1, leaders?.Item2, covariates.SharesARival(a, b, date), covariates.StateSponsored(a, b, date),
                covariates.OtherAllies(a, b, date), leaders?.Item3, covariates.Evidence([.. RelationWeigher.TiesBetween(whole, a, b)], date));
        }
    }

    private static bool MaySpeak(Tie t, FuzzyDate at)
        => t.StartOnly ? t.Period.Start is { } s && s.Earliest <= at.Latest : t.Period.MayHoldDuring(at);

    private static (ActorId, ActorId) Ordered(ActorId x, ActorId y) => string.CompareOrdinal(x.Value, y.Value) <= 0 ? (x, y) : (y, x);
}
