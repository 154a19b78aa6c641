using MathNet.Numerics.LinearAlgebra;
using Wedge.Core.Durability;

namespace Wedge.Analysis.Durability;

/// <summary>Result of a log-rank test, as R's <c>survdiff</c> (rho = 0).</summary>
/// <remarks>Observed and expected are summed over strata; the variance is the G × G matrix of (O − E).</remarks>
public sealed class LogRankResult
{
    internal LogRankResult(double[] observed, double[] expected, double[,] variance, ChiSquareTest test)
    {
        Observed = observed;
        Expected = expected;
        Variance = variance;
        Test = test;
    }

    /// <summary>Events per group code.</summary>
    public IReadOnlyList<double> Observed { get; }

    /// <summary>Expected events per group under equal hazards.</summary>
    public IReadOnlyList<double> Expected { get; }

    public double[,] Variance { get; }

    /// <summary>Chi-square on (groups with expected events − 1) degrees of freedom.</summary>
    public ChiSquareTest Test { get; }
}

/// <summary>
/// The log-rank test of equal hazards across groups, optionally stratified: at each event time the events are
/// shared out in proportion to the numbers at risk; observed minus expected, summed over times and strata, is
/// weighed by its hypergeometric variance.
/// </summary>
public static class LogRank
{
    /// <summary>Tests groups <paramref name="group"/> (codes 0..G−1, one per row) within the data's strata.</summary>
    public static LogRankResult Test(SurvivalData data, IReadOnlyList<int> group)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(group);
        if (group.Count != data.Count || group.Any(g => g < 0))
        {
            throw new ArgumentException("One non-negative group code per row is needed.", nameof(group));
        }

        var g = group.Max() + 1;
        var observed = new double[g];
        var expected = new double[g];
        var variance = new double[g, g];
        var atRisk = new double[g];
        var deaths = new double[g];
        foreach (var stratum in Enumerable.Range(0, data.Count).GroupBy(data.Stratum))
        {
            var byStop = stratum.OrderByDescending(data.Stop).ToArray();
            var byStart = stratum.OrderByDescending(data.Start).ToArray();
            Array.Clear(atRisk);
            var leave = 0;
            for (var pos = 0; pos < byStop.Length;)
            {
                var t = data.Stop(byStop[pos]);
                for (; leave < byStart.Length && data.Start(byStart[leave]) >= t; leave++)
                {
                    atRisk[group[byStart[leave]]]--;
                }

                Array.Clear(deaths);
                for (; pos < byStop.Length && data.Stop(byStop[pos]) == t; pos++)
                {
                    var i = byStop[pos];
                    atRisk[group[i]]++;
                    if (data.Event(i))
                    {
                        deaths[group[i]]++;
                    }
                }

                var d = deaths.Sum();
                if (d == 0)
                {
                    continue;
                }

                var n = atRisk.Sum();
                var factor = n > 1 ? d * (n - d) / (n - 1) : 0;
                for (var a = 0; a < g; a++)
                {
                    observed[a] += deaths[a];
                    expected[a] += d * atRisk[a] / n;
                    for (var b = 0; b < g; b++)
                    {
                        variance[a, b] += factor * (atRisk[a] / n) * ((a == b ? 1 : 0) - (atRisk[b] / n));
                    }
                }
            }
        }

        // As survdiff: drop the first group (the variance matrix has rank G − 1) and solve for the rest.
        var kept = Enumerable.Range(1, g - 1).ToArray();
        var chi = 0.0;
        if (kept.Length > 0)
        {
            var v = Matrix<double>.Build.Dense(kept.Length, kept.Length, (a, b) => variance[kept[a], kept[b]]);
            var diff = Vector<double>.Build.Dense(kept.Length, a => observed[kept[a]] - expected[kept[a]]);
            chi = v.Solve(diff).DotProduct(diff);
        }

        var df = expected.Count(e => e > 0) - 1;
        return new LogRankResult(observed, expected, variance, CoxModel.Test(chi, df));
    }
}
