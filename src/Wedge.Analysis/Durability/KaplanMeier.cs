using MathNet.Numerics.Distributions;
using Wedge.Core.Durability;

namespace Wedge.Analysis.Durability;

/// <summary>
/// One survival curve as R's <c>survfit</c> reports it: at each distinct time of a stratum, the numbers at risk,
/// failing and censored, the Kaplan–Meier survival with Greenwood's standard error of log S, its log-scale
/// confidence band (R's default <c>conf.type = "log"</c>), and the Nelson–Aalen cumulative hazard.
/// </summary>
/// <remarks>
/// <see cref="StdErr"/> is the standard error of −log S (R's <c>std.err</c>), infinite once S reaches 0.
/// Bounds are exp(log S ± z·se), the upper capped at 1, and NaN (R's NA) where S is 0.
/// </remarks>
public sealed class SurvivalCurve
{
    internal SurvivalCurve(int stratum, RiskTable table, double[] survival, double[] stdErr, double[] lower, double[] upper, double[] cumHaz, double[] stdCumHaz)
    {
        Stratum = stratum;
        Time = table.Time;
        AtRisk = table.AtRisk;
        Events = table.Events;
        Censored = table.Censored;
        Survival = survival;
        StdErr = stdErr;
        Lower = lower;
        Upper = upper;
        CumHaz = cumHaz;
        StdCumHaz = stdCumHaz;
    }

    public int Stratum { get; }

    public IReadOnlyList<double> Time { get; }

    public IReadOnlyList<int> AtRisk { get; }

    public IReadOnlyList<int> Events { get; }

    public IReadOnlyList<int> Censored { get; }

    public IReadOnlyList<double> Survival { get; }

    public IReadOnlyList<double> StdErr { get; }

    public IReadOnlyList<double> Lower { get; }

    public IReadOnlyList<double> Upper { get; }

    public IReadOnlyList<double> CumHaz { get; }

    public IReadOnlyList<double> StdCumHaz { get; }

    /// <summary>S(t): the curve's value at the last time ≤ t (1 before the first time).</summary>
    public double SurvivalAt(double t)
    {
        var s = 1.0;
        for (var k = 0; k < Time.Count && Time[k] <= t; k++)
        {
            s = Survival[k];
        }

        return s;
    }
}

/// <summary>The Kaplan–Meier product-limit estimator, one curve per stratum, for right-censored or counting-process data.</summary>
public static class KaplanMeier
{
    /// <summary>Curves per stratum code, ascending; <paramref name="confidenceLevel"/> as R's <c>conf.int</c>.</summary>
    public static IReadOnlyList<SurvivalCurve> Fit(SurvivalData data, double confidenceLevel = 0.95)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!(confidenceLevel is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidenceLevel), confidenceLevel, "The confidence level must be between 0 and 1.");
        }

        var z = Normal.InvCDF(0, 1, 1 - ((1 - confidenceLevel) / 2));
        return [.. RiskTable.Build(data).Select(table => Curve(table, z))];
    }

    private static SurvivalCurve Curve(RiskTable table, double z)
    {
        var m = table.Time.Count;
        var survival = new double[m];
        var se = new double[m];
        var lower = new double[m];
        var upper = new double[m];
        double s = 1, greenwood = 0;
        for (var k = 0; k < m; k++)
        {
            double n = table.AtRisk[k], d = table.Events[k];
            if (d > 0)
            {
                s *= 1 - (d / n);
                greenwood += d / (n * (n - d));
            }

            survival[k] = s;
            se[k] = Math.Sqrt(greenwood);
            if (s > 0)
            {
                lower[k] = Math.Exp(Math.Log(s) - (z * se[k]));
                upper[k] = Math.Min(1, Math.Exp(Math.Log(s) + (z * se[k])));
            }
            else
            {
                lower[k] = upper[k] = double.NaN;
            }
        }

        var (cumhaz, stdChaz) = NelsonAalen.Estimate(table);
        return new SurvivalCurve(table.Stratum, table, survival, se, lower, upper, cumhaz, stdChaz);
    }
}
