using Wedge.Analysis.Durability;
using Wedge.Core.Collections;
using Wedge.Core.Model;
using Wedge.Core.Time;

namespace Wedge.Analysis.Tests.Durability;

/// <summary>
/// Scoring a cut by hand: six alliances broke before the cut (those with the covariate set broke soon), three hold at it.
/// Afterwards one of them breaks within the horizon, one holds past it, and one falls out of the data before the horizon
/// ends — that one cannot be scored.
/// </summary>
public sealed class DurabilityBacktestTests
{
    private static readonly FuzzyDate Origin = FuzzyDate.Parse("2000-01-01");

    private static (SurvivalSpell Spell, SurvivalRow Row) Spell(int number, double years, SpellEnding ending, double x, FuzzyDate? start = null)
    {
        var from = start ?? Origin;
        var stop = FuzzyDate.FromDateOnly(from.Earliest.AddDays((int)Math.Round(years * 365.25)));
        return (new SurvivalSpell(number, new ActorId($"a{number}"), new ActorId($"b{number}"), TieKind.Alliance, from, stop, ending, years, null),
            new SurvivalRow(number, 0, years, ending == SpellEnding.Break, ending, from, [x]));
    }

    private static RecordSurvivalData Data(params (SurvivalSpell Spell, SurvivalRow Row)[] spells)
        => new(["x"], spells.Select(s => s.Spell).ToEquatableList(), spells.Select(s => s.Row).ToEquatableList());

    [Fact]
    public void Score_ExcludesUnknownOutcomes_RanksTheRiskierFirst()
    {
        var cut = new DateOnly(2005, 12, 31).DayNumber;
        // The three still holding began in 2005, so that they are as young as the broken ones were when they broke (the
        // baseline hazard is known only up to the longest time a break was seen at).
        var late = FuzzyDate.Parse("2005-01-01");
        var atCut = (cut - late.Earliest.DayNumber) / 365.25;
        var known = Data(
            Spell(1, 1.0, SpellEnding.Break, 1), Spell(2, 1.5, SpellEnding.Break, 1), Spell(3, 2.0, SpellEnding.Break, 1),
            Spell(4, 2.5, SpellEnding.Break, 0), Spell(5, 3.0, SpellEnding.Break, 1), Spell(6, 4.0, SpellEnding.Break, 0),
            Spell(7, atCut, SpellEnding.Censored, 1, late), Spell(8, atCut, SpellEnding.Censored, 0, late), Spell(9, atCut, SpellEnding.Censored, 0, late));
        var now = Data(
            Spell(7, atCut + 1, SpellEnding.Break, 1, late), // broke a year after the cut
            Spell(8, atCut + 5, SpellEnding.Censored, 0, late), // still holding when the data ends, past the horizon
            Spell(9, atCut + 1, SpellEnding.Censored, 0, late)); // the record of it stops a year after the cut: outcome unknown
        var dataEnd = cut + (5 * 366);

        var r = DurabilityBacktest.Score(2005, known, now, cut, dataEnd, horizonYears: 3, ["x"]);

        Assert.True(r.Fitted);
        Assert.Equal(6, r.BreaksKnown);
        Assert.Equal(3, r.AtRisk);
        Assert.Equal([7, 8], r.Cases.Select(c => c.Spell));
        Assert.Equal([true, false], r.Cases.Select(c => c.Broke));
        Assert.True(r.Cases[0].Probability > r.Cases[1].Probability, "the covariate that went with early breaks raises the risk");
        Assert.Equal(1.0, r.Concordance);
        var expected = (Math.Pow(r.Cases[0].Probability - 1, 2) + Math.Pow(r.Cases[1].Probability, 2)) / 2;
        Assert.Equal(expected, r.Brier!.Value, 12);
    }

    [Fact]
    public void Score_TooFewBreaks_NotFitted()
    {
        var known = Data(Spell(1, 1.0, SpellEnding.Break, 1), Spell(2, 6.0, SpellEnding.Censored, 0));
        var r = DurabilityBacktest.Score(2005, known, known, new DateOnly(2005, 12, 31).DayNumber, new DateOnly(2010, 1, 1).DayNumber, 3, ["x"]);
        Assert.False(r.Fitted);
        Assert.Null(r.Brier);
        Assert.Contains("too few to fit", r.Note, StringComparison.Ordinal);
    }
}
