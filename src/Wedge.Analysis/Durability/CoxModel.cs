using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using Wedge.Core.Collections;
using Wedge.Core.Durability;

namespace Wedge.Analysis.Durability;

/// <summary>Settings of a Cox fit; the defaults are R's <c>coxph.control()</c>.</summary>
/// <param name="Ties">Handling of tied event times.</param>
/// <param name="MaxIterations">R's <c>iter.max</c>.</param>
/// <param name="Epsilon">Convergence: stop when |1 − previous loglik / loglik| ≤ this (R's <c>eps</c>).</param>
/// <param name="CholeskyTolerance">A pivot below this fraction of the largest diagonal marks a singular column (R's <c>toler.chol</c>).</param>
/// <param name="InfiniteTolerance">R's <c>toler.inf</c>: how far a converged coefficient may still be moving before it is flagged as possibly infinite.</param>
public sealed record CoxOptions(
    CoxTies Ties = CoxTies.Efron,
    int MaxIterations = 20,
    double Epsilon = 1e-9,
    double CholeskyTolerance = 1.8189894035458617e-12,
    double InfiniteTolerance = 3.1622776601683795e-05);

/// <summary>
/// Fits a Cox proportional-hazards model by Newton–Raphson from beta = 0, step for step as R's <c>coxph</c>
/// (same stopping rule, same step halving), so that the estimate, its variance and the three tests agree with R.
/// </summary>
public static class CoxModel
{
    /// <summary>Fits the model on every covariate of the data. Throws <see cref="ArgumentException"/> when the data has no events or no covariates.</summary>
    public static CoxFit Fit(SurvivalData data, CoxOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        options ??= new CoxOptions();
        if (data.EventCount == 0)
        {
            throw new ArgumentException("A Cox model needs at least one event; every row is censored.", nameof(data));
        }

        if (data.CovariateCount == 0)
        {
            throw new ArgumentException("A Cox model needs at least one covariate.", nameof(data));
        }

        if (data.HasWeights && options.Ties == CoxTies.Exact)
        {
            throw new ArgumentException("The exact handling of ties does not take case weights; use Efron or Breslow.", nameof(options));
        }

        var warnings = new List<CoxWarning>();
        var all = Enumerable.Range(0, data.CovariateCount).ToArray();
        var design = new CoxDesign(data, all);
        var atZero = Evaluate(design, new double[design.P], options.Ties);
        var singular = SingularColumns(atZero.Information, design.P, options.CholeskyTolerance);
        if (singular.Count > 0)
        {
            var names = singular.Select(j => data.CovariateNames[j]).ToList();
            warnings.Add(new CoxWarning(CoxWarningKind.Singular, $"X matrix deemed to be singular; variable {string.Join(", ", names)} left out.", names.ToEquatableList()));
            design = new CoxDesign(data, [.. all.Except(singular)]);
            atZero = Evaluate(design, new double[design.P], options.Ties);
        }

        var p = design.P;
        var score = Quadratic(atZero.Score, Solve(atZero.Information, p, atZero.Score));
        var (beta, final, iterations, converged) = Iterate(design, atZero, options);

        var variance = Inverse(final.Information, p);
        var names2 = design.Columns.Select(j => data.CovariateNames[j]).ToList();
        if (!converged)
        {
            warnings.Add(new CoxWarning(CoxWarningKind.NotConverged, "Ran out of iterations and did not converge.", []));
        }
        else if (options.MaxIterations > 1)
        {
            var runaway = new List<string>();
            for (var j = 0; j < p; j++)
            {
                var step = 0.0;
                for (var k = 0; k < p; k++)
                {
                    step += final.Score[k] * variance[k, j];
                }

                if (!double.IsFinite(final.Score[j]) || Math.Abs(step) > options.InfiniteTolerance * (1 + Math.Abs(beta[j])))
                {
                    runaway.Add(names2[j]);
                }
            }

            if (runaway.Count > 0)
            {
                warnings.Add(new CoxWarning(CoxWarningKind.InfiniteCoefficient, $"Loglik converged before variable {string.Join(", ", runaway)}; coefficient may be infinite.", runaway.ToEquatableList()));
            }
        }

        double[,]? robust = null;
        ChiSquareTest? robustScore = null;
        var efronResiduals = options.Ties == CoxTies.Efron;
        // As R, a fit with case weights reports the sandwich variance, each row its own cluster unless clusters are given.
        var robustAsked = data.HasCluster || data.HasWeights;
        if (robustAsked)
        {
            var residuals = CollapseByCluster(data, design, CoxScoreResiduals.Compute(design, beta, efronResiduals));
            var dfbeta = residuals.Multiply(Matrix<double>.Build.DenseOfArray(variance));
            robust = dfbeta.TransposeThisAndMultiply(dfbeta).ToArray();
            var atNull = CollapseByCluster(data, design, CoxScoreResiduals.Compute(design, new double[p], efronResiduals));
            var u0 = atNull.ColumnSums().ToArray();
            var meat = atNull.TransposeThisAndMultiply(atNull);
            robustScore = Test(Quadratic(u0, meat.Solve(Vector<double>.Build.DenseOfArray(u0)).ToArray()), p);
        }

        var used = robust ?? variance;
        var wald = Quadratic(beta, Matrix<double>.Build.DenseOfArray(used).Cholesky().Solve(Vector<double>.Build.DenseOfArray(beta)).ToArray());
        var lp = new double[data.Count];
        for (var k = 0; k < design.N; k++)
        {
            var s = 0.0;
            for (var j = 0; j < p; j++)
            {
                s += beta[j] * design.X[(k * p) + j];
            }

            lp[design.OriginalRow[k]] = s;
        }

        var coefficients = new List<CoxCoefficient>();
        var z975 = Normal.InvCDF(0, 1, 0.975);
        for (var j = 0; j < data.CovariateCount; j++)
        {
            var at = Array.IndexOf(design.Columns, j);
            if (at < 0)
            {
                coefficients.Add(new CoxCoefficient(data.CovariateNames[j], double.NaN, double.NaN, robustAsked ? double.NaN : null, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN));
                continue;
            }

            var se = Math.Sqrt(variance[at, at]);
            double? robustSe = robust is null ? null : Math.Sqrt(robust[at, at]);
            var useSe = robustSe ?? se;
            var zValue = beta[at] / useSe;
            coefficients.Add(new CoxCoefficient(
                data.CovariateNames[j], beta[at], se, robustSe, Math.Exp(beta[at]),
                Math.Exp(beta[at] - (z975 * useSe)), Math.Exp(beta[at] + (z975 * useSe)),
                zValue, 2 * Normal.CDF(0, 1, -Math.Abs(zValue))));
        }

        return new CoxFit(
            options.Ties, coefficients, beta, design.Columns, variance, robust,
            atZero.LogLik, final.LogLik, Test(2 * (final.LogLik - atZero.LogLik), p), Test(wald, p), Test(score, p), robustScore,
            data.Count, data.EventCount, iterations, converged, Concordance.Count(data, lp), warnings);
    }

    internal static CoxEvaluation Evaluate(CoxDesign design, ReadOnlySpan<double> beta, CoxTies ties, List<CoxEventTimeTerm>? terms = null)
        => ties == CoxTies.Exact
            ? CoxExactLikelihood.Evaluate(design, beta, terms)
            : CoxPartialLikelihood.Evaluate(design, beta, ties == CoxTies.Efron, terms);

    /// <summary>Newton–Raphson as R's agfit4/coxfit6: a step that lowers the log-likelihood is halved back toward the last good beta.</summary>
    private static (double[] Beta, CoxEvaluation Final, int Iterations, bool Converged) Iterate(CoxDesign design, CoxEvaluation atZero, CoxOptions options)
    {
        var p = design.P;
        var oldBeta = new double[p];
        var beta = Solve(atZero.Information, p, atZero.Score);
        if (options.MaxIterations == 0)
        {
            return (new double[p], atZero, 0, true);
        }

        var best = atZero.LogLik;
        var halving = 0;
        CoxEvaluation current = atZero;
        for (var iteration = 1; iteration <= options.MaxIterations; iteration++)
        {
            current = Evaluate(design, beta, options.Ties);
            var failed = !double.IsFinite(current.LogLik) || current.Information.Any(v => !double.IsFinite(v));
            if (!failed && halving == 0 && Math.Abs(1 - (best / current.LogLik)) <= options.Epsilon)
            {
                return (beta, current, iteration, true);
            }

            if (iteration == options.MaxIterations)
            {
                if (options.MaxIterations > 1 && (current.LogLik - best) / Math.Abs(best) < -options.Epsilon)
                {
                    // The last attempt is worse than the best beta seen: report that one.
                    beta = oldBeta;
                    current = Evaluate(design, beta, options.Ties);
                }

                return (beta, current, iteration, false);
            }

            if (failed || current.LogLik < best)
            {
                halving++;
                for (var j = 0; j < p; j++)
                {
                    beta[j] = ((oldBeta[j] * halving) + beta[j]) / (halving + 1.0);
                }
            }
            else
            {
                halving = 0;
                best = current.LogLik;
                var step = Solve(current.Information, p, current.Score);
                Array.Copy(beta, oldBeta, p);
                for (var j = 0; j < p; j++)
                {
                    beta[j] += step[j];
                }
            }
        }

        return (beta, current, options.MaxIterations, false);
    }

    /// <summary>
    /// Columns whose pivot in a tolerant Cholesky (LDLᵀ) of the information falls below tolerance × the largest
    /// diagonal: linear combinations of earlier columns, as R's cholesky2 finds them.
    /// </summary>
    internal static List<int> SingularColumns(double[] information, int p, double tolerance)
    {
        var m = (double[])information.Clone();
        var largest = 0.0;
        for (var i = 0; i < p; i++)
        {
            largest = Math.Max(largest, m[(i * p) + i]);
        }

        var eps = largest == 0 ? tolerance : largest * tolerance;
        var singular = new List<int>();
        for (var i = 0; i < p; i++)
        {
            var pivot = m[(i * p) + i];
            if (!double.IsFinite(pivot) || pivot < eps)
            {
                singular.Add(i);
                continue;
            }

            for (var j = i + 1; j < p; j++)
            {
                var factor = m[(j * p) + i] / pivot;
                m[(j * p) + j] -= factor * factor * pivot;
                for (var k = j + 1; k < p; k++)
                {
                    m[(k * p) + j] -= factor * m[(k * p) + i];
                }

                m[(j * p) + i] = factor;
            }
        }

        return singular;
    }

    private static double[] Solve(double[] information, int p, double[] rhs)
    {
        var matrix = Matrix<double>.Build.Dense(p, p, (i, j) => information[(i * p) + j]);
        return matrix.Cholesky().Solve(Vector<double>.Build.DenseOfArray(rhs)).ToArray();
    }

    private static double[,] Inverse(double[] information, int p)
    {
        var matrix = Matrix<double>.Build.Dense(p, p, (i, j) => information[(i * p) + j]);
        try
        {
            return matrix.Cholesky().Solve(Matrix<double>.Build.DenseIdentity(p)).ToArray();
        }
        catch (ArgumentException)
        {
            // Not numerically positive definite (a coefficient running to infinity): a general inverse still reports its huge variance.
            return matrix.Inverse().ToArray();
        }
    }

    private static double Quadratic(double[] a, double[] b)
    {
        var s = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    internal static ChiSquareTest Test(double statistic, int df)
        => new(statistic, df, UpperTail(statistic, df));

    /// <summary>P(χ²(df) ≥ statistic), from the regularised upper incomplete gamma so that small p-values keep their digits.</summary>
    internal static double UpperTail(double statistic, int df)
        => df <= 0 ? double.NaN : SpecialFunctions.GammaUpperRegularized(df / 2.0, Math.Max(statistic, 0) / 2.0);

    private static Matrix<double> CollapseByCluster(SurvivalData data, CoxDesign design, double[] residuals)
    {
        int ClusterOf(int i) => data.HasCluster ? data.Cluster(i) : i;
        var codes = new Dictionary<int, int>();
        for (var i = 0; i < data.Count; i++)
        {
            codes.TryAdd(ClusterOf(i), codes.Count);
        }

        var p = design.P;
        var sums = Matrix<double>.Build.Dense(codes.Count, p);
        for (var k = 0; k < design.N; k++)
        {
            var row = codes[ClusterOf(design.OriginalRow[k])];
            var w = design.Weight[k];
            for (var j = 0; j < p; j++)
            {
                sums[row, j] += w * residuals[(k * p) + j];
            }
        }

        return sums;
    }
}
