using Wedge.Core.Collections;
using Wedge.Core.Durability;

namespace Wedge.Analysis.Durability;

/// <summary>One alliance scored at a cut: the break probability the model gave it, and what the record shows later.</summary>
public sealed record BacktestCase(int Spell, string A, string B, double YearsHeld, double Probability, double NullProbability, bool Broke);

/// <summary>
/// One cut of a backtest: fitted on what was known at the cut, scored on what happened within the horizon after it.
/// <see cref="Brier"/> is the mean squared error of the model's probabilities, <see cref="NullBrier"/> that of the
/// Kaplan–Meier probabilities (no covariates) on the same cases; <see cref="Concordance"/> is the share of (broke,
/// held) pairs in which the one that broke was given the higher probability (ties count half). Null when the cut
/// could not be scored (too few breaks to fit, or no case whose outcome the record knows).
/// </summary>
public sealed record BacktestCut(
    int Year, int SpellsKnown, int BreaksKnown, int AtRisk, int Scored, int Broke, double? Brier, double? NullBrier, double? Concordance,
    bool Fitted, string? Note, EquatableList<BacktestCase> Cases);

/// <summary>
/// Backtests of the durability model without hindsight: the model is fitted on the record as it was known at a cut
/// (valid time and public time both at the cut), and its probability that each alliance then holding breaks within
/// the horizon is scored against what the record shows now. Pure: the callers read the record at each slice.
/// </summary>
public static class DurabilityBacktest
{
    /// <summary>Below this many breaks known at a cut, no model is fitted (a Cox fit on one or two events says nothing).</summary>
    public const int MinimumBreaks = 5;

    /// <param name="known">The spells as known at the cut, censored there.</param>
    /// <param name="now">The spells as the record shows them now.</param>
    /// <param name="cutDay">The cut's day number (<see cref="DateOnly.DayNumber"/>).</param>
    /// <param name="dataEndDay">The day the record's data ends: a case whose horizon runs past it without a break is not scored.</param>
    public static BacktestCut Score(int year, RecordSurvivalData known, RecordSurvivalData now, int cutDay, int dataEndDay, double horizonYears, IReadOnlyList<string> covariates)
    {
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(now);
        var breaks = known.Spells.Count(s => s.Ending == SpellEnding.Break);
        var holding = known.Spells.Where(s => s.Ending == SpellEnding.Censored && s.Stop.Earliest.DayNumber >= cutDay).ToList();
        if (breaks < MinimumBreaks)
        {
            return new BacktestCut(year, known.Spells.Count, breaks, holding.Count, 0, 0, null, null, null, false,
                $"only {breaks} breaks known by {year}: too few to fit", []);
        }

        var data = known.ToSurvivalData(covariates);
        var fit = CoxModel.Fit(data);
        var model = CoxPrediction.Of(data, fit);
        var km = KaplanMeier.Fit(data.WithCovariates([])).Single();
        var horizonDays = (int)Math.Round(horizonYears * 365.25);
        var lastRow = known.Rows.GroupBy(r => r.Spell).ToDictionary(g => g.Key, g => g.Last());
        var columns = covariates.Select(c => known.CovariateNames.ToList().IndexOf(c)).ToArray();

        var cases = new List<BacktestCase>();
        foreach (var spell in holding)
        {
            // The same alliance in today's record: same pair and kind, begun by the cut and not ended before it.
            var later = now.Spells.FirstOrDefault(s => s.A == spell.A && s.B == spell.B && s.Kind == spell.Kind
                && s.Start.Earliest.DayNumber <= cutDay && s.Stop.Earliest.DayNumber >= cutDay);
            if (later is null)
            {
                continue;
            }

            var endDay = later.Stop.Earliest.DayNumber;
            var broke = later.Ending == SpellEnding.Break && endDay <= cutDay + horizonDays;
            var endedOtherwise = later.Ending is not (SpellEnding.Break or SpellEnding.Censored) && endDay <= cutDay + horizonDays;
            if (!broke && !endedOtherwise && Math.Min(dataEndDay, endDay) < cutDay + horizonDays)
            {
                continue; // the record stops before the horizon: whether it broke is not known
            }

            var x = columns.Select(j => lastRow[spell.Number].Covariates[j]).ToArray();
            var t0 = spell.Years;
            var p = model.EventProbability(t0, t0 + horizonYears, x);
            var s0 = km.SurvivalAt(t0);
            var p0 = s0 > 0 ? 1 - (km.SurvivalAt(t0 + horizonYears) / s0) : 1;
            cases.Add(new BacktestCase(spell.Number, spell.A.Value, spell.B.Value, t0, p, p0, broke));
        }

        if (cases.Count == 0)
        {
            return new BacktestCut(year, known.Spells.Count, breaks, holding.Count, 0, 0, null, null, null, true,
                "no alliance holding at the cut has a known outcome within the horizon", []);
        }

        var brier = cases.Average(c => Math.Pow(c.Probability - (c.Broke ? 1 : 0), 2));
        var nullBrier = cases.Average(c => Math.Pow(c.NullProbability - (c.Broke ? 1 : 0), 2));
        return new BacktestCut(year, known.Spells.Count, breaks, holding.Count, cases.Count, cases.Count(c => c.Broke), brier, nullBrier, Concordance(cases),
            true, null, [.. cases]);
    }

    /// <summary>Harrell's C for a binary outcome: over pairs of one case that broke and one that held, the share ranked right.</summary>
    private static double? Concordance(IReadOnlyList<BacktestCase> cases)
    {
        var broke = cases.Where(c => c.Broke).Select(c => c.Probability).ToList();
        var held = cases.Where(c => !c.Broke).Select(c => c.Probability).ToList();
        if (broke.Count == 0 || held.Count == 0)
        {
            return null;
        }

        var score = broke.Sum(b => held.Sum(h => b > h ? 1.0 : b == h ? 0.5 : 0.0));
        return score / (broke.Count * (double)held.Count);
    }
}
