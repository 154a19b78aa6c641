using Wedge.Analysis.Durability;
using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;

namespace Wedge.Analysis.Tests.Durability;

/// <summary>
/// The record's alliance spells as counting-process rows, checked by hand on a small record: North and South allied
/// from 2000-01-01 until South splits on 2004-07-01; North's leader dies on 2002-04-01, which is kept secret until
/// 2003-07-01; both are rivals of a third group from 2001 (North) and 2002 (South); a state sponsors South from 2003.
/// </summary>
public sealed class RecordSurvivalTests
{
    private static readonly ActorId North = new("north");
    private static readonly ActorId South = new("south");

    private static KnowledgeBase Record(bool withSplit = true)
    {
        var facts = new List<Fact>
        {
            new Actor { Id = North, Name = "North", Kind = ActorKind.ArmedGroup },
            new Actor { Id = South, Name = "South", Kind = ActorKind.ArmedGroup },
            new Actor { Id = new ActorId("third"), Name = "Third", Kind = ActorKind.ArmedGroup },
            new Actor { Id = new ActorId("state"), Name = "A State", Kind = ActorKind.State },
            new Actor { Id = new ActorId("chief"), Name = "Chief", Kind = ActorKind.Person, Active = Period.Between(FuzzyDate.Parse("1950"), FuzzyDate.Parse("2002-04-01")), EndPublicSince = FuzzyDate.Parse("2003-07-01") },
            new Role { Id = "r-chief", Person = new ActorId("chief"), Organisation = North, Title = RoleTitle.Leader, Period = Period.Between(FuzzyDate.Parse("1990"), FuzzyDate.Parse("2002-04-01")), EndPublicSince = FuzzyDate.Parse("2003-07-01") },
            new Tie { Id = "t-ally", Kind = TieKind.Alliance, From = North, To = South, Period = Period.Since(FuzzyDate.Parse("2000-01-01")) },
            new Tie { Id = "t-rival-n", Kind = TieKind.Rivalry, From = North, To = new ActorId("third"), Period = Period.Since(FuzzyDate.Parse("2001-01-01")) },
            new Tie { Id = "t-rival-s", Kind = TieKind.Rivalry, From = South, To = new ActorId("third"), Period = Period.Since(FuzzyDate.Parse("2002-01-01")) },
            new Tie { Id = "t-sponsor", Kind = TieKind.Sponsorship, From = new ActorId("state"), To = South, Period = Period.Since(FuzzyDate.Parse("2003-01-01")) },
        };
        if (withSplit)
        {
            facts.Add(new Tie { Id = "t-split", Kind = TieKind.Split, From = South, To = North, Period = Period.Since(FuzzyDate.Parse("2004-07-01")) });
        }

        var outcome = KnowledgeBase.Empty.With(facts.Select(JournalChange.Add).ToList());
        Assert.True(outcome.IsSuccess, string.Join("; ", outcome.Problems));
        return outcome.Result!;
    }

    private static double Y(string from, string to) => (DateOnly.Parse(to).DayNumber - DateOnly.Parse(from).DayNumber) / 365.25;

    [Fact]
    public void SplitAtEveryYearAndLeaderDate_CovariatesAsTheyStoodOnEachRowsFirstDay()
    {
        var data = RecordSurvival.Build(Snapshot.Of(Record(), ReadOptions.Now));
        var spell = Assert.Single(data.Spells);
        Assert.Equal(SpellEnding.Break, spell.Ending);
        Assert.Equal("t-split", spell.EndedBy);

        // Cuts: 2000-01-01, 2001-01-01, 2002-01-01, 2002-04-01 (death), 2003-01-01, 2003-07-01 (known), 2004-01-01, 2004-07-01 (split).
        // Covariates: leader_death, leader_death_known, shared_rival, state_sponsor, other_allies, leadership_change, evidence.
        // The leader leaving office (by death) on 2002-04-01 is a change of leader; the evidence is one unsourced alliance
        // tie, which counts with the unsourced weight, 0.5 (docs/methods/evidence.md), until the split speaks on 2004-07-01.
        (string From, string To, double[] X)[] expected =
        [
            ("2000-01-01", "2001-01-01", [0, 0, 0, 0, 0, 0, 0.5]),
            ("2001-01-01", "2002-01-01", [0, 0, 0, 0, 0, 0, 0.5]), // only North has the rival yet
            ("2002-01-01", "2002-04-01", [0, 0, 1, 0, 0, 0, 0.5]),
            ("2002-04-01", "2003-01-01", [1, 0, 1, 0, 0, 1, 0.5]),
            ("2003-01-01", "2003-07-01", [1, 0, 1, 1, 0, 1, 0.5]),
            ("2003-07-01", "2004-01-01", [1, 1, 1, 1, 0, 1, 0.5]),
            ("2004-01-01", "2004-07-01", [1, 1, 1, 1, 0, 1, 0.5]),
        ];
        Assert.Equal(expected.Length, data.Rows.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            var row = data.Rows[i];
            Assert.Equal(Y("2000-01-01", expected[i].From), row.Start, 12);
            Assert.Equal(Y("2000-01-01", expected[i].To), row.Stop, 12);
            Assert.Equal(expected[i].X, row.Covariates.ToArray());
            Assert.Equal(i == expected.Length - 1, row.Event); // the break, on the last row only
        }
    }

    [Fact]
    public void KnownBeforeTheDeathWasPublic_NoLeaderDeath_AndNoSplitYet()
    {
        // Known at 2003-01-01: the death is still secret, so the leader looks alive in office; the split has not happened.
        var data = RecordSurvival.Build(Snapshot.Of(Record(), new ReadOptions(At: FuzzyDate.Parse("2003-01-01"), KnownAt: FuzzyDate.Parse("2003-01-01"))));
        Assert.All(data.Rows, r => Assert.Equal(0, r.Covariates[0]));
        Assert.All(data.Rows, r => Assert.False(r.Event));
    }

    [Fact]
    public void Censored_NoEvent_AndTheDataAsInputToCox()
    {
        var data = RecordSurvival.Build(Snapshot.Of(Record(withSplit: false), ReadOptions.Now));
        var spell = Assert.Single(data.Spells);
        Assert.Equal(SpellEnding.Censored, spell.Ending);
        Assert.DoesNotContain(data.Rows, r => r.Event);
        var survival = data.ToSurvivalData([RecordSurvival.SharedRival]);
        Assert.Equal(data.Rows.Count, survival.Count);
        Assert.Throws<ArgumentException>(() => data.ToSurvivalData(["no-such"]));
    }
}
