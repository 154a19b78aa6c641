using Wedge.Core.Collections;

namespace Wedge.Analysis.Network;

public static partial class Centrality
{
    /// <summary>
    /// PageRank of the undirected graph read as a walk along each edge both ways (weights proportional
    /// to <see cref="SignedGraph.Weight"/> when <paramref name="weighted"/>), damping
    /// <paramref name="damping"/>, a uniform jump, and isolated nodes jumping uniformly (networkx's and
    /// igraph's defaults). Power iteration until the L1 change falls below <paramref name="tolerance"/>.
    /// </summary>
    public static IterativeResult PageRank(SignedGraph graph, double damping = 0.85, bool weighted = false, double tolerance = 1e-13,
        int maxIterations = 10_000, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(graph);
        weighted &= graph.IsWeighted; // all weights 1: the unweighted sums, without an array of ones
        var n = graph.NodeCount;
        if (n == 0)
        {
            return new IterativeResult([], 0, true);
        }

        var offsets = graph.Offsets;
        var adj = graph.Adjacency;
        var inc = graph.Incidence;
        var wt = graph.EdgeWeights;
        var outShare = new double[n];
        for (var v = 0; v < n; v++)
        {
            double strength = 0;
            for (var k = offsets[v]; k < offsets[v + 1]; k++)
            {
                strength += weighted ? wt[inc[k]] : 1.0;
            }

            outShare[v] = strength > 0 ? 1.0 / strength : 0.0;
        }

        var x = new double[n];
        var y = new double[n];
        var push = new double[n];
        Array.Fill(x, 1.0 / n);
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) };
        var blocks = threads > 1 ? threads * 4 : 1;
        var blockSize = (n + blocks - 1) / blocks;
        for (var it = 1; it <= maxIterations; it++)
        {
            double dangling = 0;
            for (var v = 0; v < n; v++)
            {
                push[v] = x[v] * outShare[v];
                if (outShare[v] == 0)
                {
                    dangling += x[v];
                }
            }

            var baseline = (1.0 - damping) / n + damping * dangling / n;
            var changes = new double[blocks];

            void Pull(int b)
            {
                double change = 0;
                var end = Math.Min(n, (b + 1) * blockSize);
                for (var v = b * blockSize; v < end; v++)
                {
                    double s = 0;
                    if (weighted)
                    {
                        for (var k = offsets[v]; k < offsets[v + 1]; k++)
                        {
                            s += push[adj[k]] * wt[inc[k]];
                        }
                    }
                    else
                    {
                        for (var k = offsets[v]; k < offsets[v + 1]; k++)
                        {
                            s += push[adj[k]];
                        }
                    }

                    var next = baseline + damping * s;
                    change += Math.Abs(next - x[v]);
                    y[v] = next;
                }

                changes[b] = change;
            }

            if (blocks == 1)
            {
                Pull(0);
            }
            else
            {
                Parallel.For(0, blocks, options, Pull);
            }

            (x, y) = (y, x);
            if (changes.Sum() < tolerance)
            {
                return new IterativeResult(x.ToEquatableList(), it, true);
            }
        }

        return new IterativeResult(x.ToEquatableList(), maxIterations, false);
    }
}
