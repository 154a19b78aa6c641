using Wedge.Core.Collections;

namespace Wedge.Analysis.Durability;

/// <summary>One covariate of a fitted Cox model. <see cref="Estimated"/> is false when R would print NA (the column was singular); the numbers are then NaN.</summary>
/// <param name="Name">Covariate name.</param>
/// <param name="Coef">Log hazard ratio.</param>
/// <param name="Se">Model-based (naive) standard error.</param>
/// <param name="RobustSe">Cluster-robust (sandwich) standard error, when the data has clusters.</param>
/// <param name="HazardRatio">exp(coef).</param>
/// <param name="Lower95">Lower 95% bound of the hazard ratio, from the robust standard error when there is one (as R's summary).</param>
/// <param name="Upper95">Upper 95% bound of the hazard ratio.</param>
/// <param name="Z">coef / standard error (robust when there is one).</param>
/// <param name="P">Two-sided normal p-value of <paramref name="Z"/>.</param>
public sealed record CoxCoefficient(string Name, double Coef, double Se, double? RobustSe, double HazardRatio, double Lower95, double Upper95, double Z, double P)
{
    /// <summary>False when the covariate was dropped as singular.</summary>
    public bool Estimated => !double.IsNaN(Coef);
}

/// <summary>A chi-square test of all coefficients being zero.</summary>
public sealed record ChiSquareTest(double Statistic, int DegreesOfFreedom, double P);

/// <summary>What a warning from a Cox fit is about; the message words follow R's.</summary>
public enum CoxWarningKind
{
    /// <summary>The iteration limit was reached before the log-likelihood converged.</summary>
    NotConverged,

    /// <summary>The log-likelihood converged while a coefficient was still running away: it may be infinite (monotone likelihood, e.g. no events in one group).</summary>
    InfiniteCoefficient,

    /// <summary>A covariate is a linear combination of others (or constant within every stratum) and was left out.</summary>
    Singular,
}

/// <summary>A documented warning of a Cox fit.</summary>
public sealed record CoxWarning(CoxWarningKind Kind, string Message, EquatableList<string> Covariates);

/// <summary>
/// A fitted Cox proportional-hazards model: the numbers R's <c>coxph</c> and its <c>summary</c> report.
/// </summary>
/// <remarks>
/// <see cref="Variance"/> is the model-based variance (R's <c>naive.var</c> when robust, else <c>var</c>);
/// <see cref="RobustVariance"/> is the sandwich variance when the data has clusters. Both are over the estimated
/// coefficients only, in the order of <see cref="EstimatedNames"/>.
/// </remarks>
public sealed class CoxFit
{
    internal CoxFit(
        CoxTies ties,
        IReadOnlyList<CoxCoefficient> coefficients,
        double[] beta,
        int[] columns,
        double[,] variance,
        double[,]? robustVariance,
        double nullLogLik,
        double logLik,
        ChiSquareTest likelihoodRatio,
        ChiSquareTest wald,
        ChiSquareTest score,
        ChiSquareTest? robustScore,
        int n,
        int events,
        int iterations,
        bool converged,
        ConcordanceCounts concordance,
        IReadOnlyList<CoxWarning> warnings)
    {
        Ties = ties;
        Coefficients = coefficients;
        Beta = beta;
        Columns = columns;
        Variance = variance;
        RobustVariance = robustVariance;
        NullLogLik = nullLogLik;
        LogLik = logLik;
        LikelihoodRatio = likelihoodRatio;
        Wald = wald;
        Score = score;
        RobustScore = robustScore;
        N = n;
        Events = events;
        Iterations = iterations;
        Converged = converged;
        Concordance = concordance;
        Warnings = warnings;
    }

    public CoxTies Ties { get; }

    /// <summary>Every covariate of the data, in order, estimated or not.</summary>
    public IReadOnlyList<CoxCoefficient> Coefficients { get; }

    /// <summary>Names of the estimated coefficients (those with <see cref="CoxCoefficient.Estimated"/>).</summary>
    public IReadOnlyList<string> EstimatedNames => [.. Coefficients.Where(c => c.Estimated).Select(c => c.Name)];

    /// <summary>Estimated coefficients, in the order of <see cref="EstimatedNames"/>.</summary>
    internal double[] Beta { get; }

    /// <summary>Covariate columns of the data behind <see cref="Beta"/>.</summary>
    internal int[] Columns { get; }

    public double[,] Variance { get; }

    public double[,]? RobustVariance { get; }

    /// <summary>Log partial likelihood at beta = 0.</summary>
    public double NullLogLik { get; }

    /// <summary>Log partial likelihood at the estimate.</summary>
    public double LogLik { get; }

    public ChiSquareTest LikelihoodRatio { get; }

    /// <summary>Wald test, with the robust variance when there is one (as R).</summary>
    public ChiSquareTest Wald { get; }

    /// <summary>Score (log-rank) test at beta = 0 with the model-based information.</summary>
    public ChiSquareTest Score { get; }

    /// <summary>Robust score test, when the data has clusters.</summary>
    public ChiSquareTest? RobustScore { get; }

    public int N { get; }

    public int Events { get; }

    /// <summary>Newton–Raphson iterations, counted as R counts them.</summary>
    public int Iterations { get; }

    public bool Converged { get; }

    public ConcordanceCounts Concordance { get; }

    public IReadOnlyList<CoxWarning> Warnings { get; }
}
