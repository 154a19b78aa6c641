namespace Wedge.Analysis.Numerics;

/// <summary>The two sample-quantile definitions Wedge reports, named after Hyndman and Fan (1996).</summary>
public enum QuantileDefinition
{
    /// <summary>Type 1, nearest rank: the smallest value with at least a share q of the sample at or below it (inverse of the empirical distribution).</summary>
    NearestRank,

    /// <summary>Type 7, linear interpolation between order statistics at (n − 1)q: the default of R and NumPy.</summary>
    Linear,
}

/// <summary>Sample quantiles of a sorted sample: the one place both definitions live.</summary>
public static class Quantiles
{
    /// <summary>The q-quantile (q in [0, 1]) of a sample sorted ascending; NaN for an empty sample.</summary>
    /// <remarks>The sample must already be sorted: callers that take several quantiles sort once.</remarks>
    public static double Of(IReadOnlyList<double> sorted, double q, QuantileDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (q is < 0 or > 1 || double.IsNaN(q))
        {
            throw new ArgumentOutOfRangeException(nameof(q), q, "A quantile lies in [0, 1].");
        }

        if (sorted.Count == 0)
        {
            return double.NaN;
        }

        switch (definition)
        {
            case QuantileDefinition.NearestRank:
                return sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Count) - 1, 0, sorted.Count - 1)];
            case QuantileDefinition.Linear:
                var h = (sorted.Count - 1) * q;
                var lo = (int)Math.Floor(h);
                var hi = Math.Min(lo + 1, sorted.Count - 1);
                return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
            default:
                throw new ArgumentOutOfRangeException(nameof(definition), definition, null);
        }
    }
}
