using MathNet.Numerics.LinearAlgebra;
using Wedge.Core.Durability;

namespace Wedge.Analysis.Durability;

/// <summary>How time enters the proportional-hazards test (R's <c>cox.zph</c> <c>transform</c>).</summary>
public enum TimeTransform
{
    /// <summary>1 − the Kaplan–Meier estimate just before the event time (R's default).</summary>
    KaplanMeier,

    /// <summary>The event time itself.</summary>
    Identity,
}

/// <summary>One row of the test: a covariate, or the global test over all of them.</summary>
public sealed record ProportionalHazardsRow(string Name, double ChiSquare, int DegreesOfFreedom, double P);

/// <summary>
/// The test of proportional hazards of R's <c>cox.zph</c> (survival ≥ 3.0): a score test, at the fitted beta, for
/// adding x·g(t) to the model for each covariate, where g is the transformed time centred on its mean over events.
/// </summary>
/// <remarks>
/// The score for the added terms is Σ g(t)·(score at t) and the information is the 2p × 2p matrix built from
/// Σ I(t), Σ g(t)·I(t) and Σ g(t)²·I(t), with the per-time terms of the fitted model (Efron's when the fit used
/// Efron, else Breslow's, as R does). A small p-value says the covariate's effect drifts with time.
/// </remarks>
public static class ProportionalHazardsTest
{
    public static IReadOnlyList<ProportionalHazardsRow> Test(SurvivalData data, CoxFit fit, TimeTransform transform = TimeTransform.KaplanMeier)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(fit);
        var design = new CoxDesign(data, fit.Columns);
        var terms = new List<CoxEventTimeTerm>();
        CoxPartialLikelihood.Evaluate(design, fit.Beta, fit.Ties == CoxTies.Efron, terms);
        var p = design.P;

        Func<double, double> g = transform == TimeTransform.Identity ? t => t : KaplanMeierTransform(data);
        var gt = terms.Select(term => g(term.Time)).ToArray();
        var mean = terms.Select((term, k) => term.Events * gt[k]).Sum() / terms.Sum(term => term.Events);

        var info = Matrix<double>.Build.Dense(2 * p, 2 * p);
        var u = Vector<double>.Build.Dense(2 * p);
        for (var k = 0; k < terms.Count; k++)
        {
            var w = gt[k] - mean;
            var term = terms[k];
            for (var a = 0; a < p; a++)
            {
                u[p + a] += w * term.Score[a];
                for (var b = 0; b < p; b++)
                {
                    var v = term.Information[(a * p) + b];
                    info[a, b] += v;
                    info[a, p + b] += w * v;
                    info[p + a, b] += w * v;
                    info[p + a, p + b] += w * w * v;
                }
            }
        }

        var names = fit.EstimatedNames;
        var rows = new List<ProportionalHazardsRow>();
        for (var j = 0; j < p; j++)
        {
            int[] keep = [.. Enumerable.Range(0, p), p + j];
            var sub = Matrix<double>.Build.Dense(keep.Length, keep.Length, (a, b) => info[keep[a], keep[b]]);
            var us = Vector<double>.Build.Dense(keep.Length, a => u[keep[a]]);
            var chi = sub.Solve(us).DotProduct(us);
            rows.Add(new ProportionalHazardsRow(names[j], chi, 1, CoxModel.UpperTail(chi, 1)));
        }

        var global = info.Solve(u).DotProduct(u);
        rows.Add(new ProportionalHazardsRow("GLOBAL", global, p, CoxModel.UpperTail(global, p)));
        return rows;
    }

    /// <summary>t ↦ 1 − S(t−), with S the Kaplan–Meier curve of all rows ignoring strata.</summary>
    private static Func<double, double> KaplanMeierTransform(SurvivalData data)
    {
        var curve = KaplanMeier.Fit(data.WithStrata(new int[data.Count]))[0];
        var times = curve.Time.ToArray();
        var surv = curve.Survival.ToArray();
        return t =>
        {
            var before = Array.BinarySearch(times, t);
            var index = before >= 0 ? before - 1 : ~before - 1;
            return 1 - (index >= 0 ? surv[index] : 1);
        };
    }
}
