using Wedge.Analysis.Durability;
using Wedge.Analysis.Panels;
using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;
using Wedge.Data.Cases;

using static Wedge.Analysis.Tests.TestRecords;

namespace Wedge.Analysis.Tests.Panels;

/// <summary>
/// The panel's durability covariates, read on 1 January of each year, checked by hand on a small record and against
/// <see cref="RecordSurvival"/>'s rows on the built-in case.
/// </summary>
public sealed class DyadYearPanelDurabilityTests
{
    private static readonly ActorId North = new("north");
    private static readonly ActorId South = new("south");
    private static readonly ActorId Third = new("third");

    private static FuzzyDate D(string s) => FuzzyDate.Parse(s);

    /// <summary>
    /// North and South allied from 2000-01-01. North's chief dies in office on 2002-04-01, kept secret until 2003-07-01;
    /// South's boss steps down (alive) on 2001-08-01 and a new boss takes over. North is a rival of Third from 2001-06-01,
    /// South from 2002-03-01. A state sponsors South from 2003-05-01. North also allies with Other from 2001-01-01.
    /// </summary>
    private static KnowledgeBase Record() => Kb(
    [
        new Actor { Id = North, Name = "North", Kind = ActorKind.ArmedGroup },
        new Actor { Id = South, Name = "South", Kind = ActorKind.ArmedGroup },
        new Actor { Id = Third, Name = "Third", Kind = ActorKind.ArmedGroup },
        new Actor { Id = new ActorId("other"), Name = "Other", Kind = ActorKind.ArmedGroup },
        new Actor { Id = new ActorId("state"), Name = "A State", Kind = ActorKind.State },
        new Actor { Id = new ActorId("chief"), Name = "Chief", Kind = ActorKind.Person, Active = Period.Between(D("1950"), D("2002-04-01")), EndPublicSince = D("2003-07-01") },
        new Actor { Id = new ActorId("boss"), Name = "Boss", Kind = ActorKind.Person, Active = Period.Since(D("1950")) },
        new Actor { Id = new ActorId("new-boss"), Name = "New Boss", Kind = ActorKind.Person, Active = Period.Since(D("1960")) },
        new Role { Id = "r-chief", Person = new ActorId("chief"), Organisation = North, Title = RoleTitle.Leader, Period = Period.Between(D("1990"), D("2002-04-01")), EndPublicSince = D("2003-07-01") },
        new Role { Id = "r-boss", Person = new ActorId("boss"), Organisation = South, Title = RoleTitle.Leader, Period = Period.Between(D("1995"), D("2001-08-01")) },
        new Role { Id = "r-new-boss", Person = new ActorId("new-boss"), Organisation = South, Title = RoleTitle.Leader, Period = Period.Since(D("2001-08-01")) },
        new Tie { Id = "t-ally", Kind = TieKind.Alliance, From = North, To = South, Period = Period.Since(D("2000-01-01")) },
        new Tie { Id = "t-other", Kind = TieKind.Alliance, From = North, To = new ActorId("other"), Period = Period.Since(D("2001-01-01")) },
        new Tie { Id = "t-rival-n", Kind = TieKind.Rivalry, From = North, To = Third, Period = Period.Since(D("2001-06-01")) },
        new Tie { Id = "t-rival-s", Kind = TieKind.Rivalry, From = South, To = Third, Period = Period.Since(D("2002-03-01")) },
        new Tie { Id = "t-sponsor", Kind = TieKind.Sponsorship, From = new ActorId("state"), To = South, Period = Period.Since(D("2003-05-01")) },
    ]);

    [Fact]
    public void Covariates_HandWorked_OnFirstJanuaryOfEachYear()
    {
        var rows = DyadYearPanel.Build(Record(), 2000, 2004).Where(r => r.A == North && r.B == South).ToList();

        // (year, leader_death, leader_death_known, shared_rival, state_sponsor, other_allies, leadership_change); evidence is
        // the one unsourced alliance tie's weight, 0.5, throughout (docs/methods/evidence.md).
        (int Year, bool Died, bool Known, bool Rival, bool Sponsor, int Allies, bool Change)[] expected =
        [
            (2000, false, false, false, false, 0, false), // the spell's first day: nothing yet
            (2001, false, false, false, false, 1, false), // North's alliance with Other starts that day; South's boss leaves only in August
            (2002, false, false, false, false, 1, true),  // South changed leader (2001-08-01); South's rivalry with Third starts only in March
            (2003, true, false, true, false, 1, true),    // North's chief died (2002-04-01), still secret; both rivals of Third; the state's sponsorship starts in May
            (2004, true, true, true, true, 1, true),      // the death public since 2003-07-01; South sponsored since 2003-05-01 (the
                                                          // spell, censored at the end of the data in 2003, still holds)
        ];
        Assert.Equal(expected.Select(e => e.Year), rows.Select(r => r.Year));
        foreach (var (e, r) in expected.Zip(rows))
        {
            var c = r.Durability;
            Assert.Equal(new PanelCovariates(new DateOnly(2000, 1, 1), e.Died, e.Known, e.Rival, e.Sponsor, e.Allies, e.Change, 0.5), c);
        }
    }

    [Fact]
    public void Covariates_PairInNoSpell_LeaderColumnsMissing()
    {
        // North and Third are rivals from 2001-06-01: the rivalry speaks in 2002, but no alliance spell holds. North's
        // other allies are South and Other; Third has none.
        var row = Assert.Single(DyadYearPanel.Build(Record(), 2002, 2002), r => r.A == North && r.B == Third);
        Assert.Equal(new PanelCovariates(null, null, null, false, false, 2, null, 0), row.Durability);
    }

    [Fact]
    public void Covariates_BuiltInCase_AgreeWithRecordSurvivalRowsStartingOnFirstJanuary()
    {
        var kb = Kb(BuiltInCase.Read().Facts);
        var survival = RecordSurvival.Build(Snapshot.Of(kb, ReadOptions.Now));
        var panel = DyadYearPanel.Build(kb, 1980, 2025).ToDictionary(r => (r.Year, r.A, r.B));
        var compared = 0;
        foreach (var row in survival.Rows.Where(r => r.From.Earliest is { Month: 1, Day: 1 }))
        {
            var spell = survival.Spells[row.Spell - 1];
            var (a, b) = string.CompareOrdinal(spell.A.Value, spell.B.Value) <= 0 ? (spell.A, spell.B) : (spell.B, spell.A);
            Assert.True(panel.TryGetValue((row.From.Earliest.Year, a, b), out var p), $"no panel row for {a}–{b} in {row.From.Earliest.Year}");
            if (p.Durability.SpellStart != spell.Start.Earliest)
            {
                continue; // the pair is in two spells that day; the panel reads the earlier begun
            }

            var c = p.Durability;
            double[] values = [N(c.LeaderDeath), N(c.LeaderDeathKnown), N(c.SharedRival), N(c.StateSponsor), c.OtherAllies, N(c.LeadershipChange), c.Evidence];
            Assert.Equal(row.Covariates.ToArray(), values);
            compared++;
        }

        Assert.True(compared >= 90, $"only {compared} rows compared"); // 97 when written

        static double N(bool? b) => b is true ? 1 : 0;
    }
}
