using Wedge.Core.Durability;
namespace Wedge.Analysis.Durability;

/// <summary>
/// Survival data laid out for the Cox risk-set sweeps: rows ordered by stratum, then stop time descending,
/// covariates row-major and centred on their means (centring leaves the partial likelihood unchanged and keeps
/// exp(eta) in range).
/// </summary>
internal sealed class CoxDesign
{
    public CoxDesign(SurvivalData data, IReadOnlyList<int> columns)
    {
        N = data.Count;
        P = columns.Count;
        Columns = [.. columns];
        OriginalRow = [.. Enumerable.Range(0, N).OrderBy(data.Stratum).ThenByDescending(data.Stop)];
        Start = new double[N];
        Stop = new double[N];
        Event = new bool[N];
        Stratum = new int[N];
        Weight = new double[N];
        X = new double[N * P];
        Means = new double[P];
        for (var j = 0; j < P; j++)
        {
            var column = data.CovariateColumn(columns[j]);
            var sum = 0.0;
            foreach (var v in column)
            {
                sum += v;
            }

            Means[j] = sum / N;
        }

        for (var k = 0; k < N; k++)
        {
            var i = OriginalRow[k];
            Start[k] = data.Start(i);
            Stop[k] = data.Stop(i);
            Event[k] = data.Event(i);
            Stratum[k] = data.Stratum(i);
            Weight[k] = data.Weight(i);
            for (var j = 0; j < P; j++)
            {
                X[(k * P) + j] = data.Covariate(i, columns[j]) - Means[j];
            }
        }

        // Positions in sweep order, sorted by stratum then start descending: the order in which rows leave the risk set.
        StartOrder = [.. Enumerable.Range(0, N).OrderBy(k => Stratum[k]).ThenByDescending(k => Start[k])];
        var bounds = new List<int> { 0 };
        for (var k = 1; k < N; k++)
        {
            if (Stratum[k] != Stratum[k - 1])
            {
                bounds.Add(k);
            }
        }

        bounds.Add(N);
        StratumBounds = [.. bounds];
    }

    public int N { get; }

    public int P { get; }

    /// <summary>Which covariates of the data are in the model, in order.</summary>
    public int[] Columns { get; }

    /// <summary>Sweep position → row of the original data.</summary>
    public int[] OriginalRow { get; }

    public double[] Start { get; }

    public double[] Stop { get; }

    public bool[] Event { get; }

    public int[] Stratum { get; }

    /// <summary>Case weight per sweep position (1 without weights).</summary>
    public double[] Weight { get; }

    /// <summary>Centred covariates, row-major in sweep order.</summary>
    public double[] X { get; }

    public double[] Means { get; }

    public int[] StartOrder { get; }

    /// <summary>Sweep positions where each stratum begins, then N. Strata occupy the same ranges in <see cref="StartOrder"/>.</summary>
    public int[] StratumBounds { get; }

    /// <summary>Linear predictor (centred covariates) per sweep position.</summary>
    public double[] LinearPredictor(ReadOnlySpan<double> beta)
    {
        var eta = new double[N];
        for (var k = 0; k < N; k++)
        {
            var s = 0.0;
            var row = X.AsSpan(k * P, P);
            for (var j = 0; j < P; j++)
            {
                s += beta[j] * row[j];
            }

            eta[k] = s;
        }

        return eta;
    }
}
