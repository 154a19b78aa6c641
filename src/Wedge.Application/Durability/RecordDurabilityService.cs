using System.Globalization;
using Wedge.Analysis.Durability;
using Wedge.Analysis.Spells;
using Wedge.Application.Problems;
using Wedge.Application.Spells;
using Wedge.Application.Store;
using Wedge.Core.Collections;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;

namespace Wedge.Application.Durability;

/// <summary>One covariate's estimate: the hazard ratio of a break, with its robust (by spell) 95% interval.</summary>
/// <param name="RowsWith">Rows (spell-intervals) in which the covariate is non-zero.</param>
/// <param name="BreaksWith">Breaks that happened in such a row: with none, the estimate has nothing to rest on.</param>
/// <param name="Estimable">False when the fit did not settle on a finite value (not converged, running off to infinity, or
/// left out as singular): the figures are then where the iterations stopped, not an estimate.</param>
public sealed record DurabilityEstimate(
    string Name, double? Coef, double? Se, double? RobustSe, double? HazardRatio, double? Lower95, double? Upper95, double? P, int RowsWith, int BreaksWith,
    bool Estimable);

/// <summary>How many spells ended each way.</summary>
public sealed record EndingCount(string Ending, int Spells);

/// <summary>
/// `durability record`: the record's alliance spells as survival data and a Cox model of the hazard of a break, with
/// the covariates named in docs/methods/durability.md; standard errors robust to the several rows of one spell.
/// </summary>
public sealed record RecordDurabilityResult(
    string Slice, string Policy, int Spells, int Rows, int Breaks, EquatableList<EndingCount> Endings, EquatableList<string> Covariates,
    EquatableList<DurabilityEstimate> Estimates, double? Concordance, EquatableList<double> Loglik, bool Converged, EquatableList<string> Warnings, string? LeaderDeathReading,
    PairOutlook? Pair = null);

/// <summary>
/// A named pair's outlook from the model: the chance its alliance holds a number of years more, its covariates held at
/// their present values. <see cref="LongestBreakAt"/> is the longest an alliance on record had held when it broke:
/// past it the model has seen no break, so it gives no further risk, and <see cref="Reading"/> says so.
/// </summary>
public sealed record PairOutlook(string A, string B, string? HeldSince, double YearsHeld, EquatableList<HoldChance> Chances, double LongestBreakAt, string Reading);

/// <summary>The chance of holding <see cref="Years"/> more years.</summary>
public sealed record HoldChance(int Years, double Probability);

/// <summary>`durability backtest`: the model fitted at each cut year without hindsight and scored on what followed.</summary>
/// <param name="HindsightFree">True when each cut read only what was public by then (public time at the cut as well as valid
/// time); false when it read the record as compiled now, up to the cut (outcomes after the cut still unseen).</param>
public sealed record BacktestResult(string Slice, string Policy, double HorizonYears, bool HindsightFree, EquatableList<string> Covariates,
    EquatableList<BacktestCut> Cuts, double? Brier, double? NullBrier);

/// <summary>One group's Kaplan–Meier curve of holding (a break is the event; other endings censor).</summary>
/// <param name="Holds">The chance of still holding at each of the result's years (null past the group's last time).</param>
/// <param name="MedianYears">When half the group's alliances had broken, or null when the curve never falls to one half.</param>
public sealed record HoldingCurve(string Group, int Spells, int Breaks, EquatableList<double?> Holds, double? MedianYears);

/// <summary>The share of alliances that had ended one way by each of the result's years (Aalen–Johansen).</summary>
public sealed record EndingIncidence(string Ending, int Spells, EquatableList<double?> ByYear);

/// <summary>`durability curves`: how long the record's alliances hold, by group, and how they end.</summary>
/// <param name="By">The covariate that splits the groups (its value on a spell's first day), or null for one curve.</param>
/// <param name="LogRank">The log-rank test of the groups' curves, when there are two or more and a break on record.</param>
public sealed record RecordCurvesResult(string Slice, string Policy, EquatableList<int> Years, string? By, EquatableList<HoldingCurve> Groups,
    ChiSquareTest? LogRank, EquatableList<EndingIncidence> Endings);

/// <summary>The durability verbs that read the record.</summary>
public sealed class RecordDurabilityService(IRecordStore store)
{
    /// <summary>The model's covariates unless told otherwise: the death of a leader as it became known, not as it happened
    /// (an analyst at the time could only react to what was public), and the three bonds the record shows.</summary>
    public static IReadOnlyList<string> DefaultCovariates { get; } =
        [RecordSurvival.LeaderDeathKnown, RecordSurvival.SharedRival, RecordSurvival.StateSponsor, RecordSurvival.OtherAllies];

    public RecordDurabilityResult Analyse(ReadSlice slice, SpellRule rule, IReadOnlyList<string>? covariates = null, (string A, string B)? pair = null)
    {
        var snapshot = store.Read(slice);
        var data = RecordSurvival.Build(snapshot, rule);
        var names = Check(covariates ?? DefaultCovariates);
        var endings = data.Spells.GroupBy(s => s.Ending).OrderBy(g => g.Key).Select(g => new EndingCount(g.Key.Kebab(), g.Count())).ToEquatableList();
        var breaks = data.Spells.Count(s => s.Ending == SpellEnding.Break);
        if (breaks == 0)
        {
            throw Problem.Refused("no-breaks",
                $"no alliance spell on record ends in a break ({Slices.Describe(slice)}; {data.Spells.Count} spells): there is nothing to model").Exception();
        }

        var survival = data.ToSurvivalData(names);
        var fit = CoxModel.Fit(survival);
        var unestimable = Unestimable(fit);
        var estimates = fit.Coefficients.Select(c =>
        {
            var j = data.CovariateNames.ToList().IndexOf(c.Name);
            var with = data.Rows.Where(r => r.Covariates[j] != 0).ToList();
            return new DurabilityEstimate(c.Name, N(c.Coef), N(c.Se), c.RobustSe is { } rs ? N(rs) : null, N(c.HazardRatio),
                N(c.Lower95), N(c.Upper95), N(c.P), with.Count, with.Count(r => r.Event), !unestimable.Contains(c.Name) && double.IsFinite(c.Coef));
        }).ToEquatableList();
        return new RecordDurabilityResult(
            Slices.Describe(slice), SpellsService.PolicyName(rule), data.Spells.Count, data.Rows.Count, breaks, endings, [.. names], estimates,
            N(fit.Concordance.Value), [fit.NullLogLik, fit.LogLik], fit.Converged,
            fit.Warnings.Select(w => w.Message).ToEquatableList(), LeaderDeathReading(estimates, breaks),
            pair is { } p ? Outlook(snapshot, data, survival, fit, names, p.A, p.B, unestimable.Count == 0) : null);
    }

    private static PairOutlook Outlook(Snapshot snapshot, RecordSurvivalData data, Core.Durability.SurvivalData survival, CoxFit fit, IReadOnlyList<string> names,
        string a, string b, bool estimable)
    {
        var (actorA, actorB) = (Records.RecordQueries.Resolve(snapshot, a), Records.RecordQueries.Resolve(snapshot, b));
        var spell = data.Spells.LastOrDefault(s => ((s.A == actorA.Id && s.B == actorB.Id) || (s.A == actorB.Id && s.B == actorA.Id)) && s.Ending == SpellEnding.Censored);
        var longest = data.Spells.Where(s => s.Ending == SpellEnding.Break).Select(s => s.Years).DefaultIfEmpty(0).Max();
        if (spell is null)
        {
            var ended = data.Spells.LastOrDefault(s => (s.A == actorA.Id && s.B == actorB.Id) || (s.A == actorB.Id && s.B == actorA.Id));
            var how = ended is null
                ? "no alliance between them is on record"
                : $"by the spell rule their alliance ended {ended.Stop} ({ended.Ending.Kebab()}{(ended.EndedBy is { } by ? $", {by}" : "")}); the weighed evidence may read the pair otherwise, and a rule that lets only a spell's own sources end it may keep the spell open";
            return new PairOutlook(actorA.Name, actorB.Name, null, 0, [], longest, $"{actorA.Name}–{actorB.Name}: no alliance holds at the end of the data to give an outlook for: {how}.");
        }

        var prediction = CoxPrediction.Of(survival, fit);
        var last = data.Rows.Last(r => r.Spell == spell.Number);
        var x = names.Select(n => last.Covariates[data.CovariateNames.ToList().IndexOf(n)]).ToArray();
        var chances = estimable
            ? new[] { 1, 5, 10 }.Select(h => new HoldChance(h, 1 - prediction.EventProbability(spell.Years, spell.Years + h, x))).ToEquatableList()
            : [];
        var held = F($"{spell.Years:0.#}");
        var reading = !estimable
            ? $"{actorA.Name}–{actorB.Name}: the model could not estimate every covariate, so it gives no outlook for the pair."
            : spell.Years >= longest
                ? F($"{actorA.Name}–{actorB.Name} has held {held} years, longer than any alliance on record had held when it broke ({longest:0.#} years): the model has seen no break that late and gives it no further risk, which says more about the record than about the pair.")
                : F($"{actorA.Name}–{actorB.Name}, allied for {held} years: P(holds 5 more years) = {chances[1].Probability:0%}, given its covariates as they stand.");
        return new PairOutlook(actorA.Name, actorB.Name, spell.Start.ToString(), spell.Years, chances, longest, reading);
    }

    /// <summary>The years at which curves are read.</summary>
    public static IReadOnlyList<int> CurveYears { get; } = [1, 5, 10, 20];

    /// <summary>
    /// Kaplan–Meier curves of the record's alliance spells (one per group when <paramref name="by"/> names a covariate:
    /// with it or without it on the spell's first day), their log-rank test, and the cumulative incidence of each way
    /// an alliance ended. Spell by spell: a spell's time is its length in years.
    /// </summary>
    public RecordCurvesResult Curves(ReadSlice slice, SpellRule rule, string? by = null)
    {
        var data = Data(slice, rule);
        if (data.Spells.Count == 0)
        {
            throw Problem.Refused("no-spells", $"no alliance spell on record ({Slices.Describe(slice)})").Exception();
        }

        if (by is not null && !RecordSurvival.Covariates.Contains(by))
        {
            throw Problem.Usage("unknown-covariate", $"--by: no covariate named '{by}' (one of: {string.Join(", ", RecordSurvival.Covariates)})").Exception();
        }

        var column = by is null ? -1 : data.CovariateNames.ToList().IndexOf(by);
        var spells = data.Spells;
        var firstRow = data.Rows.GroupBy(r => r.Spell).ToDictionary(g => g.Key, g => g.First());
        var group = spells.Select(s => column < 0 ? 0 : firstRow[s.Number].Covariates[column] != 0 ? 1 : 0).ToArray();
        var labels = column < 0 ? ["all alliances"] : new[] { $"without {by}", $"with {by}" };
        var present = group.Distinct().Order().ToArray();
        var survival = new Core.Durability.SurvivalData(null, [.. spells.Select(s => s.Years)], [.. spells.Select(s => s.Ending == SpellEnding.Break)],
            strata: group);
        var curves = KaplanMeier.Fit(survival);
        var groups = curves.Select(c =>
        {
            var members = Enumerable.Range(0, spells.Count).Where(i => group[i] == c.Stratum).ToList();
            var median = Enumerable.Range(0, c.Time.Count).Where(k => c.Survival[k] <= 0.5).Select(k => (double?)c.Time[k]).FirstOrDefault();
            return new HoldingCurve(labels[c.Stratum], members.Count, members.Count(i => spells[i].Ending == SpellEnding.Break),
                CurveYears.Select(y => At(c.Time, c.Survival, y, 1.0)).ToEquatableList(), median);
        }).ToEquatableList();
        var breaks = spells.Count(s => s.Ending == SpellEnding.Break);
        var logRank = present.Length > 1 && breaks > 0 ? LogRank.Test(survival.WithStrata(new int[spells.Count]), group).Test : null;

        // Competing endings: each way an alliance ended on record is a cause; still holding is censored.
        var endings = spells.Select(s => s.Ending).Where(e => e != SpellEnding.Censored).Distinct().Order().ToList();
        var causes = spells.Select(s => s.Ending == SpellEnding.Censored ? 0 : endings.IndexOf(s.Ending) + 1).ToArray();
        var incidence = endings.Count == 0 ? null
            : CumulativeIncidence.Fit(new Core.Durability.SurvivalData(null, [.. spells.Select(s => s.Years)], [.. causes.Select(c => c != 0)]), causes).Single();
        var byEnding = endings.Select((e, k) => new EndingIncidence(e.Kebab(), causes.Count(c => c == k + 1),
            CurveYears.Select(y => At(incidence!.Time, incidence.Probability[k + 1], y, 0.0)).ToEquatableList())).ToEquatableList();
        return new RecordCurvesResult(Slices.Describe(slice), SpellsService.PolicyName(rule), [.. CurveYears], by, groups, logRank, byEnding);
    }

    /// <summary>A step function's value at <paramref name="t"/>: the last value at or before it, <paramref name="before"/>
    /// before the first time, null past the last time (the curve says nothing there).</summary>
    private static double? At(IReadOnlyList<double> times, IReadOnlyList<double> values, double t, double before)
    {
        if (times.Count == 0 || t > times[^1])
        {
            return null;
        }

        double? value = before;
        for (var k = 0; k < times.Count && times[k] <= t; k++)
        {
            value = values[k];
        }

        return value;
    }

    /// <summary>
    /// Fits the model on the record as it was known at the end of each cut year (valid and public time both at the cut,
    /// spells censored there) and scores its probability that each alliance then holding breaks within the horizon
    /// against the record read at <paramref name="slice"/>. Cut years default to five, two years apart, ending where
    /// the horizon still fits before the data ends.
    /// </summary>
    public BacktestResult Backtest(ReadSlice slice, SpellRule rule, IReadOnlyList<int>? years, double horizonYears, IReadOnlyList<string>? covariates = null,
        bool hindsightFree = true)
    {
        var names = Check(covariates ?? DefaultCovariates);
        if (!(horizonYears > 0 && horizonYears <= 50))
        {
            throw Problem.Usage("bad-option-value", F($"--horizon: {horizonYears} is not a number of years between 0 and 50")).Exception();
        }

        var now = Data(slice, rule);
        if (now.Spells.Count == 0)
        {
            throw Problem.Refused("no-spells", $"no alliance spell on record ({Slices.Describe(slice)})").Exception();
        }

        var dataEnd = now.Spells.Max(s => s.Stop.Earliest);
        var cuts = years ?? DefaultYears(dataEnd, horizonYears);
        var scored = new List<BacktestCut>();
        foreach (var year in cuts.Distinct().Order())
        {
            var cut = new DateOnly(year, 12, 31);
            var atCut = new Core.Time.FuzzyDate(year);
            var known = RecordSurvival.Build(store.Read(slice with { At = atCut, KnownAt = hindsightFree ? atCut : slice.KnownAt }), rule with { CensorAt = Core.Time.FuzzyDate.FromDateOnly(cut) });
            scored.Add(DurabilityBacktest.Score(year, known, now, cut.DayNumber, dataEnd.DayNumber, horizonYears, names));
        }

        // Pooled over every scored case, so that a cut with three cases weighs as three cases, not as a fifth of the test.
        var cases = scored.SelectMany(c => c.Cases).ToList();
        return new BacktestResult(Slices.Describe(slice), SpellsService.PolicyName(rule), horizonYears, hindsightFree, [.. names], [.. scored],
            cases.Count == 0 ? null : cases.Average(c => Math.Pow(c.Probability - (c.Broke ? 1 : 0), 2)),
            cases.Count == 0 ? null : cases.Average(c => Math.Pow(c.NullProbability - (c.Broke ? 1 : 0), 2)));
    }

    /// <summary>Five cuts two years apart, the last the latest year whose end plus the horizon still falls within the data.</summary>
    private static int[] DefaultYears(DateOnly dataEnd, double horizonYears)
    {
        var last = dataEnd.Year;
        while (new DateOnly(last, 12, 31).DayNumber + (horizonYears * 365.25) > dataEnd.DayNumber)
        {
            last--;
        }

        return [.. Enumerable.Range(0, 5).Select(k => last - (2 * (4 - k)))];
    }

    /// <summary>
    /// The brief's "How long will it hold?" section (also the durability page's): the survival curve of every alliance
    /// spell on record, the model's hazard ratios in words, and, when a pair is named, its outlook; null when the record
    /// holds no break to model.
    /// </summary>
    public Reports.Briefs.DurabilitySection? BriefSection(ReadSlice slice, string? a = null, string? b = null)
    {
        var rule = SpellRule.Default;
        RecordDurabilityResult result;
        try
        {
            result = Analyse(slice, rule, null, a is null || b is null ? null : (a, b));
        }
        catch (ProblemException)
        {
            return null; // no break on record: the section is left out rather than shown empty
        }

        var data = Data(slice, rule);
        var curve = KaplanMeier.Fit(data.ToSurvivalData([])).Single();
        var outlook = result.Pair;
        return new Reports.Briefs.DurabilitySection(
            result.Spells, result.Breaks, result.Policy,
            new Reports.Briefs.SurvivalCurveData([.. curve.Time], [.. curve.Survival], [.. curve.Lower.Select(Finite)], [.. curve.Upper.Select(Finite)]),
            outlook is { Chances.Count: > 0 } ? outlook.YearsHeld : null, outlook?.Reading,
            outlook?.Chances.Select(c => new Reports.Briefs.PairChance(c.Years, c.Probability)).ToEquatableList() ?? [],
            result.LeaderDeathReading,
            result.Estimates.Select(e => new Reports.Briefs.HazardRow(e.Name, Meaning(e.Name), e.HazardRatio, e.Lower95, e.Upper95, e.BreaksWith, e.Estimable)).ToEquatableList());
    }

    private static double Finite(double v) => double.IsFinite(v) ? v : 0;

    /// <summary>A covariate in a reader's words.</summary>
    public static string Meaning(string covariate) => covariate switch
    {
        RecordSurvival.LeaderDeath => "a leader of either side has died",
        RecordSurvival.LeaderDeathKnown => "a leader's death on either side is public",
        RecordSurvival.SharedRival => "the pair shares a rival",
        RecordSurvival.StateSponsor => "a state sponsors either side",
        RecordSurvival.OtherAllies => "each other ally either side has",
        RecordSurvival.LeadershipChange => "either side has changed leader",
        RecordSurvival.Evidence => "the weighed evidence that the pair is friendly, from 0 to 1",
        _ => covariate,
    };

    /// <summary>The counting-process rows themselves, for export (a panel R or Stata can refit).</summary>
    public RecordSurvivalData Data(ReadSlice slice, SpellRule rule) => RecordSurvival.Build(store.Read(slice), rule);

    /// <summary>Writes the rows as CSV with actor names and every covariate, and a codebook beside it (FILE.codebook.txt).</summary>
    public void Export(ReadSlice slice, SpellRule rule, string path)
    {
        var snapshot = store.Read(slice);
        var data = RecordSurvival.Build(snapshot, rule);
        Files.WriteAtomically(path, w =>
        {
            w.Write("spell,a,a_name,b,b_name,kind,spell_start,row_from,start,stop,event,ending,");
            w.WriteLine(string.Join(',', data.CovariateNames));
            var spells = data.Spells.ToDictionary(s => s.Number);
            foreach (var r in data.Rows)
            {
                var s = spells[r.Spell];
                w.Write(string.Join(',', new[]
                {
                    r.Spell.ToString(CultureInfo.InvariantCulture), s.A.Value, Csv(snapshot.Actor(s.A)?.Name ?? s.A.Value), s.B.Value,
                    Csv(snapshot.Actor(s.B)?.Name ?? s.B.Value), s.Kind.Kebab(), s.Start.ToString(), r.From.ToString(),
                    R(r.Start), R(r.Stop), r.Event ? "1" : "0", r.Ending.Kebab(),
                }));
                w.Write(',');
                w.WriteLine(string.Join(',', r.Covariates.Select(R)));
            }
        });
        Files.WriteAtomically(path + ".codebook.txt", w => w.Write(Codebook(Path.GetFileName(path), slice, rule, data)));
    }

    private static IReadOnlyList<string> Check(IReadOnlyList<string> names)
    {
        foreach (var n in names)
        {
            if (!RecordSurvival.Covariates.Contains(n))
            {
                throw Problem.Usage("unknown-covariate", $"--covariates: no covariate named '{n}' (one of: {string.Join(", ", RecordSurvival.Covariates)})").Exception();
            }
        }

        return names.Count == 0
            ? throw Problem.Usage("unknown-covariate", $"--covariates: name at least one of: {string.Join(", ", RecordSurvival.Covariates)}").Exception()
            : names;
    }

    /// <summary>The article's question in words: did a leader's death, once known, raise the hazard of a break?</summary>
    /// <summary>Covariates the fit could not estimate: left out as singular, running off to infinity, or all of them when it did not converge.</summary>
    private static HashSet<string> Unestimable(CoxFit fit)
    {
        var names = fit.Warnings.Where(w => w.Kind != CoxWarningKind.NotConverged).SelectMany(w => w.Covariates).ToHashSet(StringComparer.Ordinal);
        if (!fit.Converged)
        {
            names.UnionWith(fit.Coefficients.Select(c => c.Name));
        }

        return names;
    }

    private static string? LeaderDeathReading(IEnumerable<DurabilityEstimate> estimates, int breaks)
    {
        if (estimates.FirstOrDefault(e => e.Name is RecordSurvival.LeaderDeathKnown or RecordSurvival.LeaderDeath) is not { } e)
        {
            return null;
        }

        var what = e.Name == RecordSurvival.LeaderDeathKnown ? "once a leader's death on either side was public" : "after a leader's death on either side";
        if (e.BreaksWith == 0)
        {
            return $"No alliance on record broke {what} ({e.RowsWith} spell-intervals at risk): the record cannot say whether such a death raises the hazard of a break.";
        }

        if (!e.Estimable)
        {
            return $"The record cannot estimate whether a break grows likelier {what}: the model does not settle on a finite hazard ratio " +
                   $"({breaks} {(breaks == 1 ? "break" : "breaks")} on record, {e.BreaksWith} of them with such a death); more spells and breaks are needed.";
        }

        var ci = e.Lower95 is { } lo && e.Upper95 is { } hi ? F($" (95% interval {lo:0.##}–{hi:0.##})") : "";
        return F($"Hazard ratio of a break {what}: {e.HazardRatio:0.##}{ci}, p = {e.P:0.###}, from {e.BreaksWith} {(e.BreaksWith == 1 ? "break" : "breaks")} in {e.RowsWith} spell-intervals with such a death.");
    }

    private static string Codebook(string file, ReadSlice slice, SpellRule rule, RecordSurvivalData data) => $"""
        {file}: Wedge's alliance spells as counting-process survival data ({Slices.Describe(slice)}; spell policy {SpellsService.PolicyName(rule)}).
        {data.Spells.Count} spells, {data.Rows.Count} rows. One row per spell and interval: each spell is split at every 1 January
        and wherever a leader of either party died, that death became public, or a leader took or left office. Covariates
        are as they stood on row_from.
        In R: coxph(Surv(start, stop, event) ~ leader_death_known + shared_rival + state_sponsor + other_allies, data = d, cluster = spell)

        spell               spell number (rows of one spell share it; use it as the cluster)
        a, a_name, b, b_name the pair (ids and names; a before b in id order)
        kind                alliance or affiliation
        spell_start         the date the spell began (at its own precision)
        row_from            the first day of the row
        start, stop         the row is at risk over (start, stop], in years since the spell began (365.25 days)
        event               1 on the last row of a spell that ended in a break (a split or a rivalry), else 0
        ending              how the spell ended, on its last row (censored on the others): break, merger, partner-ceased, lapsed or censored
        leader_death        1 once a leader of either party has died in office since the spell began (valid time)
        leader_death_known  1 once such a death was public (a death kept secret counts from its revelation)
        shared_rival        1 while both parties have a rivalry with one same third actor
        state_sponsor       1 while a state sponsors either party
        other_allies        the number of other actors either party is allied or affiliated with (counted per party, summed)
        leadership_change   1 once a leader of either party has taken or left office since the spell began
        evidence            the weighed probability that the pair is friendly on row_from (docs/methods/evidence.md), 0 to 1
        Definitions and their reasons: docs/methods/durability.md.

        """;

    private static string Csv(string s) => s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{s.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : s;

    private static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static string F(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);

    private static double? N(double v) => double.IsFinite(v) ? v : null;
}
