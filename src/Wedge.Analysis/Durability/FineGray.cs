using Wedge.Core.Durability;

namespace Wedge.Analysis.Durability;

/// <summary>
/// Right-censored competing-risks data laid out for a Fine–Gray model of one cause: a Cox fit on these rows, with their
/// weights, is the proportional subdistribution-hazards model (R's <c>finegray</c> followed by a weighted <c>coxph</c>).
/// </summary>
/// <remarks>A layout over survival data (a class, compared by reference), not a value.</remarks>
public sealed class FineGrayData(SurvivalData data, IReadOnlyList<int> subject, IReadOnlyList<int> added)
{
    /// <summary>Counting-process rows: (start, stop], event = the cause of interest, covariates copied from the subject,
    /// case weights, strata as given.</summary>
    public SurvivalData Data { get; } = data;

    /// <summary>The input row each output row comes from.</summary>
    public IReadOnlyList<int> Subject { get; } = subject;

    /// <summary>Rows added past a subject's own ending (0 for the subject's own row).</summary>
    public IReadOnlyList<int> Added { get; } = added;
}

/// <summary>
/// The Fine–Gray subdistribution hazard of one cause among competing endings.
/// </summary>
/// <remarks>
/// <para>A subject whose ending was a competing cause stays in the risk set after it, with a weight that falls as the
/// chance of still being under observation falls: G(t) / G(own ending), G being the Kaplan–Meier curve of censoring
/// (events counted before censorings at the same time). Its row is carried to the next censoring time with weight 1,
/// then one row per later interval between censoring times in which the cause of interest happens (intervals without
/// such an event cannot change the fit and are left out), up to the last time in the stratum. Subjects censored or
/// ending by the cause of interest keep their one row.</para>
/// <para>This is the layout of R's <c>finegray()</c> for right-censored data, so the fit and its robust (per-row)
/// variance match <c>coxph(Surv(fgstart, fgstop, fgstatus) ~ ..., weights = fgwt)</c>. Left-truncated (start, stop]
/// input and case weights of the subjects are not taken.</para>
/// </remarks>
public static class FineGray
{
    /// <param name="data">Right-censored data, one row per subject.</param>
    /// <param name="cause">Per row: 0 censored, k ≥ 1 the k-th cause.</param>
    /// <param name="ofInterest">The cause whose subdistribution hazard is modelled.</param>
    public static FineGrayData Expand(SurvivalData data, IReadOnlyList<int> cause, int ofInterest)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(cause);
        if (data.HasStart)
        {
            throw new ArgumentException("A Fine–Gray model is fitted here on right-censored data only (no start times).", nameof(data));
        }

        if (data.HasWeights)
        {
            throw new ArgumentException("A Fine–Gray model does not take the subjects' own case weights here.", nameof(data));
        }

        if (cause.Count != data.Count)
        {
            throw new ArgumentException($"{cause.Count} causes for {data.Count} rows.", nameof(cause));
        }

        if (ofInterest < 1)
        {
            throw new ArgumentException("The cause of interest is a code of 1 or more.", nameof(ofInterest));
        }

        // Every subject is at risk from before the first time, as R's finegray sets its start for right-censored data.
        var first = Enumerable.Range(0, data.Count).Select(data.Stop).DefaultIfEmpty(0).Min();
        var zero = first > 0 ? 0 : (2 * first) - 1;
        var start = new List<double>();
        var stop = new List<double>();
        var events = new List<bool>();
        var weights = new List<double>();
        var strata = new List<int>();
        var subject = new List<int>();
        var added = new List<int>();

        foreach (var stratum in data.StratumCodes)
        {
            var rows = Enumerable.Range(0, data.Count).Where(i => data.Stratum(i) == stratum).ToList();
            var (cutTimes, cutSurvival) = CensoringCurve(data, cause, rows);
            var maxTime = rows.Max(data.Stop);
            var eventTimes = rows.Where(i => cause[i] == ofInterest).Select(data.Stop).Distinct().Order().ToArray();

            // Cut points: each censoring time, then the last time. Interval j is (cut[j − 1], cut[j]]; G on it is survival[j].
            var cut = cutTimes.Append(maxTime).ToArray();
            var survival = new[] { 1.0 }.Concat(cutSurvival).ToArray();
            var keep = new bool[cut.Length];
            foreach (var t in eventTimes)
            {
                var j = FirstAtOrAfter(cut, t);
                if (j > 0 && j < cut.Length)
                {
                    keep[j] = true;
                }
            }

            foreach (var i in rows)
            {
                var t = data.Stop(i);
                var extend = cause[i] != 0 && cause[i] != ofInterest;
                if (!extend)
                {
                    Add(zero, t, cause[i] == ofInterest, 1, i, 0);
                    continue;
                }

                var j = FirstAtOrAfter(cut, t);
                var atEnding = survival[j];
                Add(zero, cut[j], false, 1, i, 0);
                var more = 0;
                for (j++; j < cut.Length; j++)
                {
                    if (keep[j])
                    {
                        Add(cut[j - 1], cut[j], false, survival[j] / atEnding, i, ++more);
                    }
                }
            }

            void Add(double from, double to, bool happened, double weight, int row, int extra)
            {
                start.Add(from);
                stop.Add(to);
                events.Add(happened);
                weights.Add(weight);
                strata.Add(stratum);
                subject.Add(row);
                added.Add(extra);
            }
        }

        var covariates = Enumerable.Range(0, data.CovariateCount)
            .Select(j => (IReadOnlyList<double>)subject.Select(i => data.Covariate(i, j)).ToArray()).ToList();
        var expanded = new SurvivalData(start, stop, events, data.CovariateNames, covariates, strata, cluster: null, weights);
        return new FineGrayData(expanded, subject, added);
    }

    /// <summary>Fits the subdistribution hazards of <paramref name="ofInterest"/> (Efron or Breslow ties).</summary>
    public static CoxFit Fit(SurvivalData data, IReadOnlyList<int> cause, int ofInterest, CoxOptions? options = null)
    {
        var expanded = Expand(data, cause, ofInterest);
        if (expanded.Data.EventCount == 0)
        {
            throw new ArgumentException("No subject ended by the cause of interest: there is nothing to model.", nameof(ofInterest));
        }

        return CoxModel.Fit(expanded.Data, options);
    }

    /// <summary>
    /// Kaplan–Meier of censoring among <paramref name="rows"/>: the times at which someone was censored and the curve just
    /// after each. At a time where endings and censorings coincide, the endings come first (they leave the risk set).
    /// </summary>
    private static (double[] Times, double[] Survival) CensoringCurve(SurvivalData data, IReadOnlyList<int> cause, IReadOnlyList<int> rows)
    {
        var stops = rows.Select(data.Stop).Order().ToArray();
        var censoredAt = rows.Where(i => cause[i] == 0).GroupBy(data.Stop).ToDictionary(c => c.Key, c => c.Count());
        var times = censoredAt.Keys.Order().ToArray();
        var survival = new double[times.Length];
        var g = 1.0;
        for (var k = 0; k < times.Length; k++)
        {
            var t = times[k];
            var later = stops.Length - UpperBound(stops, t);
            g *= 1 - ((double)censoredAt[t] / (later + censoredAt[t]));
            survival[k] = g;
        }

        return (times, survival);
    }

    /// <summary>The first index whose value is after <paramref name="t"/>.</summary>
    private static int UpperBound(double[] sorted, double t)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) / 2;
            if (sorted[mid] <= t)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The first index whose value is at or after <paramref name="t"/> (the array's length when none is).</summary>
    private static int FirstAtOrAfter(double[] sorted, double t)
    {
        var at = Array.BinarySearch(sorted, t);
        if (at < 0)
        {
            return ~at;
        }

        while (at > 0 && sorted[at - 1] == t)
        {
            at--;
        }

        return at;
    }
}
