using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Wedge.Core.Collections;

namespace Wedge.Analysis.Network;

/// <summary>How <see cref="Centrality.Betweenness"/> runs: weights, sampling, threads.</summary>
/// <param name="Weighted">Read edge weights as lengths (Dijkstra); otherwise every edge has length 1 (BFS).</param>
/// <param name="Normalized">Divide by the number of pairs not containing the node, (n−1)(n−2)/2, as networkx's <c>normalized=True</c>; otherwise the raw pair count, as igraph's default and networkx's <c>normalized=False</c>.</param>
/// <param name="Sources">Null for exact betweenness; else the source nodes of a sampled estimate (scaled by n/|sources|, as networkx's <c>k</c>).</param>
/// <param name="Threads">Worker threads (sources are split between them); 1 runs on the caller's thread.</param>
public sealed record BetweennessOptions(bool Weighted = false, bool Normalized = false, EquatableList<int>? Sources = null, int Threads = 1)
{
    /// <summary>A seeded sample of <paramref name="k"/> distinct sources (all nodes when k ≥ n).</summary>
    public static EquatableList<int> SampleSources(int nodeCount, int k, int seed)
    {
        var all = Enumerable.Range(0, nodeCount).ToArray();
        if (k >= nodeCount)
        {
            return all.ToEquatableList();
        }

        new Random(seed).Shuffle(all);
        return all[..k].ToEquatableList();
    }
}

public static partial class Centrality
{
    /// <summary>
    /// Brandes' betweenness: for each node, the sum over unordered pairs {s, t} (neither equal to it)
    /// of the share of shortest s–t paths that pass through it. Endpoints are not counted.
    /// </summary>
    public static double[] Betweenness(SignedGraph graph, BetweennessOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        options ??= new BetweennessOptions();
        var n = graph.NodeCount;
        IReadOnlyList<int> sources = options.Sources is { } chosen ? chosen : Enumerable.Range(0, n).ToArray();
        var total = new double[n];
        var threads = Math.Max(1, options.Threads);
        var gate = new object();
        var chunk = Math.Max(1, (sources.Count + threads * 8 - 1) / (threads * 8));
        var chunks = (sources.Count + chunk - 1) / chunk;

        void Run(Func<BrandesWorker> worker, int from, int to)
        {
            var w = worker();
            for (var i = from; i < to; i++)
            {
                if (options.Weighted)
                {
                    w.Weighted(sources[i]);
                }
                else
                {
                    w.Unweighted(sources[i]);
                }
            }
        }

        if (threads == 1)
        {
            var w = new BrandesWorker(graph, options.Weighted);
            Run(() => w, 0, sources.Count);
            Array.Copy(w.Score, total, n);
        }
        else
        {
            Parallel.For(0, chunks, new ParallelOptions { MaxDegreeOfParallelism = threads },
                () => new BrandesWorker(graph, options.Weighted),
                (c, _, w) =>
                {
                    Run(() => w, c * chunk, Math.Min(sources.Count, (c + 1) * chunk));
                    return w;
                },
                w =>
                {
                    lock (gate)
                    {
                        for (var v = 0; v < n; v++)
                        {
                            total[v] += w.Score[v];
                        }
                    }
                });
        }

        // Each unordered pair was counted from both ends.
        var scale = 0.5;
        if (options.Normalized)
        {
            scale = n > 2 ? 1.0 / ((n - 1.0) * (n - 2.0)) : 1.0;
        }

        if (options.Sources is { } sample && sample.Count > 0)
        {
            scale *= (double)n / sample.Count;
        }

        for (var v = 0; v < n; v++)
        {
            total[v] *= scale;
        }

        return total;
    }

    /// <summary>Per-source Brandes state, reused across sources; <see cref="Score"/> accumulates both ends of every pair.</summary>
    private sealed class BrandesWorker
    {
        private readonly SignedGraph graph;
        private readonly double[] weightedDist;
        private readonly double[] sigma;
        private readonly double[] delta;
        private readonly int[] order;
        private readonly bool[] settled;
        private readonly PriorityQueue<int, double> heap = new();
        private readonly NodeState[] state;
        private readonly long[] dag; // shortest-path DAG edges of the current source: predecessor << 32 | node

        public BrandesWorker(SignedGraph graph, bool weighted)
        {
            this.graph = graph;
            var n = graph.NodeCount;
            order = new int[n];
            Score = new double[n];

            // Only the arrays of the chosen variant: on a million edges each worker's state is megabytes.
            if (weighted)
            {
                weightedDist = new double[n];
                Array.Fill(weightedDist, double.PositiveInfinity);
                sigma = new double[n];
                delta = new double[n];
                settled = new bool[n];
                state = [];
                dag = [];
            }
            else
            {
                weightedDist = sigma = delta = [];
                settled = [];
                state = new NodeState[n];
                Array.Fill(state, NodeState.Unvisited);
                dag = new long[graph.EdgeCount];
            }
        }

        public double[] Score { get; }

        public void Unweighted(int s)
        {
            // Distance, path count and dependency of a node sit side by side (one cache line per visit),
            // and the loops index through refs: the two things that decide speed on large graphs.
            var offsets = graph.Offsets;
            var adj = graph.Adjacency;
            ref var offset0 = ref MemoryMarshal.GetArrayDataReference(offsets);
            ref var adj0 = ref MemoryMarshal.GetArrayDataReference(adj);
            ref var state0 = ref MemoryMarshal.GetArrayDataReference(state);
            ref var order0 = ref MemoryMarshal.GetArrayDataReference(order);
            ref var dag0 = ref MemoryMarshal.GetArrayDataReference(dag);
            int head = 0, tail = 0, dagCount = 0;
            Unsafe.Add(ref order0, tail++) = s;
            ref var root = ref Unsafe.Add(ref state0, s);
            root.Dist = 0;
            root.Sigma = 1;
            while (head < tail)
            {
                var v = Unsafe.Add(ref order0, head++);
                ref var sv = ref Unsafe.Add(ref state0, v);
                var dv = sv.Dist + 1;
                var sigmaV = sv.Sigma;
                var end = Unsafe.Add(ref offset0, v + 1);
                for (var k = Unsafe.Add(ref offset0, v); k < end; k++)
                {
                    var w = Unsafe.Add(ref adj0, k);
                    ref var sw = ref Unsafe.Add(ref state0, w);
                    var dw = sw.Dist;
                    if (dw < 0)
                    {
                        sw.Dist = dv;
                        sw.Sigma = sigmaV;
                        Unsafe.Add(ref order0, tail++) = w;
                        Unsafe.Add(ref dag0, dagCount++) = ((long)v << 32) | (uint)w;
                    }
                    else if (dw == dv)
                    {
                        sw.Sigma += sigmaV;
                        Unsafe.Add(ref dag0, dagCount++) = ((long)v << 32) | (uint)w;
                    }
                }
            }

            // Walk the shortest-path DAG backwards: edges were recorded in BFS order of their tail, so every
            // edge out of w comes after every edge into w, and w's dependency is complete when it is first read.
            for (var i = dagCount - 1; i >= 0; i--)
            {
                var link = Unsafe.Add(ref dag0, i);
                ref var sv = ref Unsafe.Add(ref state0, (int)(link >> 32));
                ref var sw = ref Unsafe.Add(ref state0, (int)(uint)link);
                sv.Delta += sv.Sigma * (1.0 + sw.Delta) / sw.Sigma;
            }

            ref var score0 = ref MemoryMarshal.GetArrayDataReference(Score);
            for (var i = 1; i < tail; i++)
            {
                var w = Unsafe.Add(ref order0, i);
                Unsafe.Add(ref score0, w) += Unsafe.Add(ref state0, w).Delta;
            }

            for (var i = 0; i < tail; i++)
            {
                Unsafe.Add(ref state0, Unsafe.Add(ref order0, i)) = NodeState.Unvisited;
            }
        }

        public void Weighted(int s)
        {
            var offsets = graph.Offsets;
            var adj = graph.Adjacency;
            var inc = graph.Incidence;
            var wt = graph.EdgeWeights;
            var count = 0;
            weightedDist[s] = 0;
            sigma[s] = 1;
            heap.Clear();
            heap.Enqueue(s, 0);
            var touched = new List<int> { s };
            while (heap.TryDequeue(out var v, out var d))
            {
                if (settled[v] || d > weightedDist[v])
                {
                    continue;
                }

                settled[v] = true;
                order[count++] = v;
                for (var k = offsets[v]; k < offsets[v + 1]; k++)
                {
                    var w = adj[k];
                    if (settled[w])
                    {
                        continue;
                    }

                    // Exact comparison, as networkx does: integer-valued lengths tie exactly.
                    var alt = d + wt[inc[k]];
                    if (alt < weightedDist[w])
                    {
                        if (double.IsPositiveInfinity(weightedDist[w]))
                        {
                            touched.Add(w);
                        }

                        weightedDist[w] = alt;
                        sigma[w] = sigma[v];
                        heap.Enqueue(w, alt);
                    }
                    else if (alt == weightedDist[w])
                    {
                        sigma[w] += sigma[v];
                    }
                }
            }

            for (var i = count - 1; i > 0; i--)
            {
                var w = order[i];
                var coeff = (1.0 + delta[w]) / sigma[w];
                for (var k = offsets[w]; k < offsets[w + 1]; k++)
                {
                    var v = adj[k];
                    if (settled[v] && weightedDist[v] + wt[inc[k]] == weightedDist[w])
                    {
                        delta[v] += sigma[v] * coeff;
                    }
                }

                Score[w] += delta[w];
            }

            foreach (var v in touched)
            {
                weightedDist[v] = double.PositiveInfinity;
                sigma[v] = 0;
                delta[v] = 0;
                settled[v] = false;
            }
        }
    }
}

/// <summary>Per-node Brandes state for unweighted graphs (hop distance, −1 = unvisited; shortest-path count; dependency).</summary>
internal struct NodeState
{
    public static readonly NodeState Unvisited = new() { Dist = -1 };

    public int Dist;
    public double Sigma;
    public double Delta;
}
