namespace Wedge.Core.Durability;

/// <summary>
/// Survival data in counting-process form, as R's <c>Surv(start, stop, event)</c>: each row is at risk over
/// the interval (start, stop] and, when <see cref="Event"/> is true, has its event at stop. Right-censored data
/// (<c>Surv(time, event)</c>) has no start: every row is at risk from the beginning of time.
/// </summary>
/// <remarks>
/// Immutable after construction; the arrays handed in are copied. Covariates are held by column
/// (<c>Covariates[j][i]</c> is covariate j of row i). Strata and clusters are small non-negative integer codes
/// (rows in different strata never share a risk set; rows of one cluster are one subject for robust
/// variances). Case weights (R's <c>weights =</c>) count a row as that many subjects; offsets are not supported.
/// </remarks>
public sealed class SurvivalData
{
    private readonly double[]? _start;
    private readonly double[] _stop;
    private readonly bool[] _event;
    private readonly double[][] _covariates;
    private readonly int[] _strata;
    private readonly int[]? _cluster;
    private readonly double[]? _weights;

    /// <summary>Builds survival data and checks its shape; throws <see cref="ArgumentException"/> on a caller bug.</summary>
    public SurvivalData(
        IReadOnlyList<double>? start,
        IReadOnlyList<double> stop,
        IReadOnlyList<bool> events,
        IReadOnlyList<string>? covariateNames = null,
        IReadOnlyList<IReadOnlyList<double>>? covariates = null,
        IReadOnlyList<int>? strata = null,
        IReadOnlyList<int>? cluster = null,
        IReadOnlyList<double>? weights = null)
    {
        ArgumentNullException.ThrowIfNull(stop);
        ArgumentNullException.ThrowIfNull(events);
        var n = stop.Count;
        if (events.Count != n)
        {
            throw new ArgumentException($"{events.Count} event flags for {n} rows.", nameof(events));
        }

        _stop = [.. stop];
        _event = [.. events];
        if (start is not null)
        {
            if (start.Count != n)
            {
                throw new ArgumentException($"{start.Count} start times for {n} rows.", nameof(start));
            }

            _start = [.. start];
            for (var i = 0; i < n; i++)
            {
                if (!(_start[i] < _stop[i]))
                {
                    throw new ArgumentException($"Row {i}: start {_start[i]} is not before stop {_stop[i]}.", nameof(start));
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            if (!double.IsFinite(_stop[i]))
            {
                throw new ArgumentException($"Row {i}: time {_stop[i]} is not a finite number.", nameof(stop));
            }
        }

        covariateNames ??= [];
        covariates ??= [];
        if (covariateNames.Count != covariates.Count)
        {
            throw new ArgumentException($"{covariateNames.Count} covariate names for {covariates.Count} covariate columns.", nameof(covariateNames));
        }

        _covariates = new double[covariates.Count][];
        for (var j = 0; j < covariates.Count; j++)
        {
            if (covariates[j].Count != n)
            {
                throw new ArgumentException($"Covariate '{covariateNames[j]}' has {covariates[j].Count} values for {n} rows.", nameof(covariates));
            }

            _covariates[j] = [.. covariates[j]];
            if (_covariates[j].Any(v => !double.IsFinite(v)))
            {
                throw new ArgumentException($"Covariate '{covariateNames[j]}' has a value that is not a finite number.", nameof(covariates));
            }
        }

        CovariateNames = [.. covariateNames];
        _strata = strata is null ? new int[n] : [.. strata];
        if (_strata.Length != n || _strata.Any(s => s < 0))
        {
            throw new ArgumentException("Strata must be one non-negative code per row.", nameof(strata));
        }

        if (cluster is not null)
        {
            _cluster = [.. cluster];
            if (_cluster.Length != n || _cluster.Any(c => c < 0))
            {
                throw new ArgumentException("Clusters must be one non-negative code per row.", nameof(cluster));
            }
        }

        if (weights is not null)
        {
            _weights = [.. weights];
            if (_weights.Length != n || _weights.Any(w => !(w > 0) || !double.IsFinite(w)))
            {
                throw new ArgumentException("Case weights must be one positive finite number per row.", nameof(weights));
            }
        }
    }

    /// <summary>Number of rows.</summary>
    public int Count => _stop.Length;

    /// <summary>True when rows carry a start time (counting-process form).</summary>
    public bool HasStart => _start is not null;

    /// <summary>True when rows carry cluster codes.</summary>
    public bool HasCluster => _cluster is not null;

    /// <summary>True when rows carry case weights.</summary>
    public bool HasWeights => _weights is not null;

    /// <summary>Case weight of row i (1 when the data has none).</summary>
    public double Weight(int i) => _weights is null ? 1 : _weights[i];

    /// <summary>Names of the covariate columns, in order.</summary>
    public IReadOnlyList<string> CovariateNames { get; }

    /// <summary>Number of covariates.</summary>
    public int CovariateCount => _covariates.Length;

    /// <summary>Start of row i's interval; negative infinity for right-censored data.</summary>
    public double Start(int i) => _start is null ? double.NegativeInfinity : _start[i];

    /// <summary>End of row i's interval (its event or censoring time).</summary>
    public double Stop(int i) => _stop[i];

    /// <summary>True when row i ends with the event.</summary>
    public bool Event(int i) => _event[i];

    /// <summary>Covariate j of row i.</summary>
    public double Covariate(int i, int j) => _covariates[j][i];

    /// <summary>Stratum code of row i (0 when unstratified).</summary>
    public int Stratum(int i) => _strata[i];

    /// <summary>Cluster code of row i; throws when the data has no clusters.</summary>
    public int Cluster(int i) => _cluster is null ? throw new InvalidOperationException("The data has no clusters.") : _cluster[i];

    /// <summary>Number of events.</summary>
    public int EventCount => _event.Count(e => e);

    /// <summary>Distinct stratum codes, ascending.</summary>
    public IReadOnlyList<int> StratumCodes => [.. _strata.Distinct().Order()];

    public ReadOnlySpan<double> CovariateColumn(int j) => _covariates[j];

    /// <summary>The same rows with other strata (e.g. the groups of a log-rank test or of a set of curves).</summary>
    public SurvivalData WithStrata(IReadOnlyList<int> strata)
        => new(_start, _stop, _event, CovariateNames, _covariates, strata, _cluster, _weights);

    /// <summary>The same rows keeping only the named covariates, in the order given.</summary>
    public SurvivalData WithCovariates(IReadOnlyList<string> names)
    {
        var columns = names.Select(name =>
        {
            var j = CovariateNames.ToList().IndexOf(name);
            return j < 0 ? throw new ArgumentException($"No covariate named '{name}'.", nameof(names)) : (IReadOnlyList<double>)_covariates[j];
        }).ToList();
        return new SurvivalData(_start, _stop, _event, names, columns, _strata, _cluster, _weights);
    }
}
