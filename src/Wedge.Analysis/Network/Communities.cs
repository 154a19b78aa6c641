using Wedge.Core.Collections;

namespace Wedge.Analysis.Network;

/// <summary>A partition of the nodes: community per node (0..Count−1, numbered by first member) and its modularity.</summary>
public sealed record CommunityResult(EquatableList<int> Of, int Count, double Modularity, int Levels, int Seed);

/// <summary>Community detection over the underlying undirected graph (signs ignored; pass the positive part for friendly blocs).</summary>
public static class Communities
{
    /// <summary>
    /// Newman's modularity Q = Σ_c [ L_c / m − γ (d_c / 2m)² ], where L_c is the weight of edges inside c,
    /// d_c the total degree (strength) of its nodes and m the total edge weight; as igraph's
    /// <c>modularity</c> and networkx's <c>community.modularity</c>. 0 for a graph without edges (igraph gives NaN).
    /// </summary>
    public static double Modularity(SignedGraph graph, IReadOnlyList<int> membership, bool weighted = false, double resolution = 1.0)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentNullException.ThrowIfNull(membership);
        if (membership.Count != graph.NodeCount)
        {
            throw new ArgumentException($"Membership has {membership.Count} entries for {graph.NodeCount} nodes.", nameof(membership));
        }

        var k = membership.Count == 0 ? 0 : membership.Max() + 1;
        var inside = new double[k];
        var degree = new double[k];
        double m = 0;
        for (var e = 0; e < graph.EdgeCount; e++)
        {
            var w = weighted ? graph.Weight(e) : 1.0;
            int a = membership[graph.Source(e)], b = membership[graph.Target(e)];
            m += w;
            degree[a] += w;
            degree[b] += w;
            if (a == b)
            {
                inside[a] += w;
            }
        }

        if (m == 0)
        {
            return 0;
        }

        double q = 0;
        for (var c = 0; c < k; c++)
        {
            q += inside[c] / m - resolution * (degree[c] / (2 * m)) * (degree[c] / (2 * m));
        }

        return q;
    }

    /// <summary>
    /// Louvain (Blondel et al. 2008): nodes move greedily to the neighbouring community that most raises
    /// modularity, visited in a seeded random order, until no move helps; communities then become nodes
    /// and the process repeats. With <paramref name="restarts"/> &gt; 1 it runs seeds
    /// <paramref name="seed"/>, seed+1, … and keeps the partition with the highest modularity (first on ties).
    /// </summary>
    public static CommunityResult Louvain(SignedGraph graph, int seed = 1, bool weighted = false, double resolution = 1.0, int restarts = 1)
    {
        ArgumentNullException.ThrowIfNull(graph);
        CommunityResult? best = null;
        for (var r = 0; r < Math.Max(1, restarts); r++)
        {
            var result = LouvainOnce(graph, seed + r, weighted, resolution);
            if (best is null || result.Modularity > best.Modularity + 1e-12)
            {
                best = result;
            }
        }

        return best!;
    }

    private static CommunityResult LouvainOnce(SignedGraph graph, int seed, bool weighted, double resolution)
    {
        var n = graph.NodeCount;
        var baseLevel = LevelGraph.From(graph, weighted);
        var level = baseLevel;
        var membership = Enumerable.Range(0, n).ToArray();
        var random = new Random(seed);
        var levels = 0;
        for (var round = 0; round < 20; round++)
        {
            while (true)
            {
                var (moved, community, count) = MoveNodes(level, random, resolution, null);
                if (!moved)
                {
                    break;
                }

                levels++;
                for (var v = 0; v < n; v++)
                {
                    membership[v] = community[membership[v]];
                }

                if (count == level.N)
                {
                    break;
                }

                level = level.Aggregate(community, count);
            }

            // Refinement: single nodes of the original graph may still gain by moving once the
            // communities have settled; if any does, coarsen again from the refined partition.
            var (refined, better, total) = MoveNodes(baseLevel, random, resolution, membership);
            if (!refined)
            {
                break;
            }

            membership = better;
            level = baseLevel.Aggregate(better, total);
        }

        var renumbered = Renumber(membership, out var k);
        return new CommunityResult(renumbered.ToEquatableList(), k, Modularity(graph, renumbered, weighted, resolution), levels, seed);
    }

    private static int[] Renumber(int[] membership, out int count)
    {
        var map = new Dictionary<int, int>();
        var result = new int[membership.Length];
        for (var v = 0; v < membership.Length; v++)
        {
            if (!map.TryGetValue(membership[v], out var c))
            {
                c = map.Count;
                map[membership[v]] = c;
            }

            result[v] = c;
        }

        count = map.Count;
        return result;
    }

    private static (bool Moved, int[] Community, int Count) MoveNodes(LevelGraph g, Random random, double resolution, int[]? start)
    {
        var n = g.N;
        var community = start is null ? Enumerable.Range(0, n).ToArray() : (int[])start.Clone();
        var total = new double[n];
        for (var v = 0; v < n; v++)
        {
            total[community[v]] += g.Strength[v];
        }

        var twoM = g.TotalWeight * 2;
        if (twoM == 0)
        {
            return (false, community, n);
        }

        var order = Enumerable.Range(0, n).ToArray();
        random.Shuffle(order);
        var linkTo = new double[n];
        var touched = new int[n];
        var anyMove = false;
        for (var pass = 0; pass < 1000; pass++)
        {
            var moves = 0;
            foreach (var v in order)
            {
                var own = community[v];
                var kv = g.Strength[v];
                var seen = 0;
                for (var k = g.Offsets[v]; k < g.Offsets[v + 1]; k++)
                {
                    var c = community[g.Adjacency[k]];
                    if (linkTo[c] == 0)
                    {
                        touched[seen++] = c;
                    }

                    linkTo[c] += g.Weights[k];
                }

                total[own] -= kv;
                var best = own;
                var bestGain = linkTo[own] - resolution * total[own] * kv / twoM;
                for (var i = 0; i < seen; i++)
                {
                    var c = touched[i];
                    var gain = linkTo[c] - resolution * total[c] * kv / twoM;
                    if (gain > bestGain)
                    {
                        best = c;
                        bestGain = gain;
                    }
                }

                for (var i = 0; i < seen; i++)
                {
                    linkTo[touched[i]] = 0;
                }

                total[best] += kv;
                if (best != own)
                {
                    community[v] = best;
                    moves++;
                }
            }

            if (moves == 0)
            {
                break;
            }

            anyMove = true;
        }

        var renumbered = Renumber(community, out var count);
        return (anyMove, renumbered, count);
    }

    /// <summary>A weighted graph of one Louvain level: CSR without self-entries, internal weight per node kept apart.</summary>
    private sealed class LevelGraph
    {
        public required int N { get; init; }

        public required int[] Offsets { get; init; }

        public required int[] Adjacency { get; init; }

        public required double[] Weights { get; init; }

        /// <summary>Weight of edges inside each node (each counted once).</summary>
        public required double[] Inside { get; init; }

        /// <summary>Sum of incident weights, internal edges counted twice.</summary>
        public required double[] Strength { get; init; }

        public required double TotalWeight { get; init; }

        public static LevelGraph From(SignedGraph graph, bool weighted)
        {
            var n = graph.NodeCount;
            var weights = new double[graph.Adjacency.Length];
            var strength = new double[n];
            double total = 0;
            for (var v = 0; v < n; v++)
            {
                for (var k = graph.Offsets[v]; k < graph.Offsets[v + 1]; k++)
                {
                    var w = weighted ? graph.EdgeWeights[graph.Incidence[k]] : 1.0;
                    weights[k] = w;
                    strength[v] += w;
                    total += w;
                }
            }

            return new LevelGraph
            {
                N = n,
                Offsets = graph.Offsets,
                Adjacency = graph.Adjacency,
                Weights = weights,
                Inside = new double[n],
                Strength = strength,
                TotalWeight = total / 2,
            };
        }

        public LevelGraph Aggregate(int[] community, int count)
        {
            var members = new List<int>[count];
            for (var c = 0; c < count; c++)
            {
                members[c] = [];
            }

            for (var v = 0; v < N; v++)
            {
                members[community[v]].Add(v);
            }

            var offsets = new int[count + 1];
            var adjacency = new List<int>(Adjacency.Length);
            var weights = new List<double>(Adjacency.Length);
            var inside = new double[count];
            var strength = new double[count];
            var linkTo = new double[count];
            var touched = new List<int>();
            for (var c = 0; c < count; c++)
            {
                touched.Clear();
                foreach (var v in members[c])
                {
                    inside[c] += Inside[v];
                    strength[c] += Strength[v];
                    for (var k = Offsets[v]; k < Offsets[v + 1]; k++)
                    {
                        var d = community[Adjacency[k]];
                        if (linkTo[d] == 0)
                        {
                            touched.Add(d);
                        }

                        linkTo[d] += Weights[k];
                    }
                }

                touched.Sort();
                foreach (var d in touched)
                {
                    if (d == c)
                    {
                        inside[c] += linkTo[d] / 2;
                    }
                    else
                    {
                        adjacency.Add(d);
                        weights.Add(linkTo[d]);
                    }

                    linkTo[d] = 0;
                }

                offsets[c + 1] = adjacency.Count;
            }

            return new LevelGraph
            {
                N = count,
                Offsets = offsets,
                Adjacency = [.. adjacency],
                Weights = [.. weights],
                Inside = inside,
                Strength = strength,
                TotalWeight = TotalWeight,
            };
        }
    }
}
