namespace Wedge.Analysis.Network;

public static partial class Balance
{
    /// <summary>Brute force over all 2^(n−1) partitions; for tests and tiny graphs (n ≤ 24).</summary>
    public static int FrustrationByEnumeration(SignedGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        if (n > 24)
        {
            throw new ArgumentException("Enumeration is for graphs of at most 24 nodes.", nameof(graph));
        }

        var best = int.MaxValue;
        for (long mask = 0; mask < 1L << Math.Max(0, n - 1); mask++)
        {
            var cost = 0;
            for (var e = 0; e < graph.EdgeCount; e++)
            {
                var su = ((mask >> graph.Source(e)) & 1) == 0 ? 1 : -1;
                var sv = ((mask >> graph.Target(e)) & 1) == 0 ? 1 : -1;
                if (su * sv != graph.Sign(e))
                {
                    cost++;
                }
            }

            best = Math.Min(best, cost);
        }

        return n == 0 ? 0 : best;
    }
}
