using Wedge.Core.Durability;
namespace Wedge.Analysis.Durability;

/// <summary>Pair counts behind Harrell's concordance, as R's <c>concordance()</c> reports them for a Cox model.</summary>
/// <param name="Concordant">Comparable pairs where the row that failed first had the higher risk score.</param>
/// <param name="Discordant">Comparable pairs where it had the lower risk score.</param>
/// <param name="TiedX">Comparable pairs with equal risk scores.</param>
/// <param name="TiedY">Pairs failing at the same time with different risk scores (not comparable).</param>
/// <param name="TiedXY">Pairs failing at the same time with equal risk scores (not comparable).</param>
public sealed record ConcordanceCounts(double Concordant, double Discordant, double TiedX, double TiedY, double TiedXY)
{
    /// <summary>(concordant + tiedX / 2) / (concordant + discordant + tiedX); NaN when no pair is comparable.</summary>
    public double Value => (Concordant + (TiedX / 2)) / (Concordant + Discordant + TiedX);
}

/// <summary>
/// Concordance between a risk score and survival: a pair is comparable when one row fails at a time at which the
/// other is at risk (still under observation, including censored at that same time), within a stratum.
/// Higher scores are taken to mean earlier failure, as for a Cox linear predictor (R's <c>reverse = TRUE</c>).
/// </summary>
/// <remarks>O(n log n): a backward sweep over time keeps the risk set's scores in a Fenwick tree of score ranks. With case
/// weights a pair counts the product of its two weights, as if each row were that many subjects.</remarks>
public static class Concordance
{
    /// <summary>Counts pairs for the given risk score per row.</summary>
    public static ConcordanceCounts Count(SurvivalData data, IReadOnlyList<double> score)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(score);
        if (score.Count != data.Count)
        {
            throw new ArgumentException($"{score.Count} scores for {data.Count} rows.", nameof(score));
        }

        var n = data.Count;
        var distinct = score.Distinct().Order().ToArray();
        var rank = new int[n];
        for (var i = 0; i < n; i++)
        {
            rank[i] = Array.BinarySearch(distinct, score[i]);
        }

        var byStop = Enumerable.Range(0, n).OrderBy(data.Stratum).ThenByDescending(data.Stop).ToArray();
        var byStart = Enumerable.Range(0, n).OrderBy(data.Stratum).ThenByDescending(data.Start).ToArray();
        var tree = new Fenwick(distinct.Length);
        double concordant = 0, discordant = 0, tiedX = 0, tiedY = 0, tiedXY = 0;
        var deaths = new List<int>();
        var pos = 0;
        var leave = 0;
        while (pos < n)
        {
            var stratum = data.Stratum(byStop[pos]);
            var end = pos;
            while (end < n && data.Stratum(byStop[end]) == stratum)
            {
                end++;
            }

            var inTree = 0.0;
            while (pos < end)
            {
                var t = data.Stop(byStop[pos]);
                while (leave < end && data.Start(byStart[leave]) >= t)
                {
                    var gone = byStart[leave++];
                    tree.Add(rank[gone], -data.Weight(gone));
                    inTree -= data.Weight(gone);
                }

                deaths.Clear();
                for (; pos < end && data.Stop(byStop[pos]) == t; pos++)
                {
                    var i = byStop[pos];
                    if (data.Event(i))
                    {
                        deaths.Add(i);
                    }
                    else
                    {
                        tree.Add(rank[i], data.Weight(i));
                        inTree += data.Weight(i);
                    }
                }

                foreach (var i in deaths)
                {
                    var w = data.Weight(i);
                    var below = tree.PrefixSum(rank[i] - 1);
                    var equal = tree.PrefixSum(rank[i]) - below;
                    concordant += w * below;
                    tiedX += w * equal;
                    discordant += w * (inTree - below - equal);
                }

                for (var a = 0; a < deaths.Count; a++)
                {
                    for (var b = a + 1; b < deaths.Count; b++)
                    {
                        var pair = data.Weight(deaths[a]) * data.Weight(deaths[b]);
                        if (rank[deaths[a]] == rank[deaths[b]])
                        {
                            tiedXY += pair;
                        }
                        else
                        {
                            tiedY += pair;
                        }
                    }
                }

                foreach (var i in deaths)
                {
                    tree.Add(rank[i], data.Weight(i));
                    inTree += data.Weight(i);
                }
            }

            // Clear what is left of this stratum before the next one.
            for (; leave < end; leave++)
            {
                tree.Add(rank[byStart[leave]], -data.Weight(byStart[leave]));
            }
        }

        return new ConcordanceCounts(concordant, discordant, tiedX, tiedY, tiedXY);
    }

    private sealed class Fenwick(int size)
    {
        private readonly double[] _counts = new double[size + 1];

        public void Add(int index, double delta)
        {
            for (var i = index + 1; i < _counts.Length; i += i & -i)
            {
                _counts[i] += delta;
            }
        }

        /// <summary>Weight of the entries with rank ≤ index (0 when index &lt; 0).</summary>
        public double PrefixSum(int index)
        {
            var sum = 0.0;
            for (var i = index + 1; i > 0; i -= i & -i)
            {
                sum += _counts[i];
            }

            return sum;
        }
    }
}
