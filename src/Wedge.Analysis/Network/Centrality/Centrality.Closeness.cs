using Wedge.Core.Collections;

namespace Wedge.Analysis.Network;

public static partial class Centrality
{
    /// <summary>
    /// Closeness as networkx defines it (<c>wf_improved=True</c>): (r−1)/Σd × (r−1)/(n−1), where r counts
    /// the nodes reachable from v (v included) and Σd sums their hop distances; 0 for an isolated node.
    /// igraph's closeness (mean over reachable nodes only) is <see cref="ClosenessResult.WithinComponent"/>.
    /// </summary>
    public static ClosenessResult Closeness(SignedGraph graph, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var nx = new double[n];
        var within = new double[n];
        var offsets = graph.Offsets;
        var adj = graph.Adjacency;
        Parallel.For(0, n, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, threads) },
            () => (dist: Enumerable.Repeat(-1, n).ToArray(), queue: new int[n]),
            (s, _, buf) =>
            {
                var (dist, queue) = buf;
                int head = 0, tail = 0;
                queue[tail++] = s;
                dist[s] = 0;
                long sum = 0;
                while (head < tail)
                {
                    var v = queue[head++];
                    sum += dist[v];
                    for (var k = offsets[v]; k < offsets[v + 1]; k++)
                    {
                        var w = adj[k];
                        if (dist[w] < 0)
                        {
                            dist[w] = dist[v] + 1;
                            queue[tail++] = w;
                        }
                    }
                }

                for (var i = 0; i < tail; i++)
                {
                    dist[queue[i]] = -1;
                }

                var reach = tail - 1;
                if (sum > 0 && n > 1)
                {
                    within[s] = reach / (double)sum;
                    nx[s] = within[s] * reach / (n - 1.0);
                }
                else
                {
                    within[s] = double.NaN;
                }

                return buf;
            },
            _ => { });
        return new ClosenessResult(nx.ToEquatableList(), within.ToEquatableList());
    }
}

/// <param name="NetworkX">networkx's closeness (scaled by the reachable share of the graph).</param>
/// <param name="WithinComponent">igraph's closeness: 1 / mean distance to the reachable nodes; NaN for an isolated node.</param>
public sealed record ClosenessResult(EquatableList<double> NetworkX, EquatableList<double> WithinComponent);
