using Wedge.Core.Collections;

namespace Wedge.Analysis.Network;

/// <summary>A partition of the nodes: community per node (0..Count−1, numbered by first member) and its modularity.</summary>
public sealed record CommunityResult(EquatableList<int> Of, int Count, double Modularity, int Levels, int Seed);

/// <summary>How <c>network communities</c> finds its partition: <see cref="Communities.Louvain"/> or <see cref="Communities.Leiden"/>.</summary>
public enum CommunityAlgorithm
{
    /// <summary>Louvain, with refinement rounds; communities may be disconnected.</summary>
    Louvain,

    /// <summary>Leiden; every community is connected.</summary>
    Leiden,
}

/// <summary>Community detection over the underlying undirected graph (signs ignored; pass the positive part for friendly blocs).</summary>
public static partial class Communities
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
    /// <remarks>
    /// <para>Each round is a multilevel cycle as in NetworKit's PLM with refinement: local moving, aggregation,
    /// the same on the aggregate, then the coarse partition projected back and improved by local moving on the
    /// finer level. Rounds repeat from the last partition while one gains at least <see cref="RoundGain"/>
    /// (at most 20). Local moving visits a queue: every node in a seeded random order, then the neighbours of
    /// moved nodes (Leiden's fast local moving).</para>
    /// <para>On levels of at least <see cref="ParallelMinimum"/> nodes and sparse enough (see <see cref="InBatches"/>),
    /// whatever the thread count, the random order is cut into batches of <see cref="Batch"/> nodes: the nodes of
    /// a batch choose their best community (on <paramref name="threads"/> threads) against the communities and
    /// community volumes as they stood when the batch began, then the moves are applied in order (as NetworKit's
    /// PLM moves nodes in parallel against shared volumes, but in lock-step so that the outcome does not depend
    /// on timing). Later passes visit only nodes with a neighbour that moved. A level stops after
    /// <see cref="ParallelPasses"/> passes even if some node still wants to move, since two neighbours in
    /// one batch can swap back and forth. Smaller or denser levels move nodes one at a time, each seeing every
    /// earlier move. The batches are used on one thread too: on the 100k-node benchmark graphs they found
    /// higher modularity than moving one node at a time (BA 0.1997 / 0.1977 against 0.1962 / 0.1969 for seeds
    /// 1 / 2; G(n, m) 0.2084 / 0.2150 against 0.2061 / 0.2054), and on BA in less time.</para>
    /// <para>Determinism: the partition depends on the graph, the seed and the options only, not on the thread
    /// count (the batches, not the threads, fix who sees which move).</para>
    /// </remarks>
    public static CommunityResult Louvain(SignedGraph graph, int seed = 1, bool weighted = false, double resolution = 1.0, int restarts = 1, int threads = 1)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var baseLevel = CommunityGraph.From(graph, weighted);
        var scratch = new CommunityScratch(baseLevel.N);
        using var workers = baseLevel.N >= ParallelMinimum ? new ParallelScratch(scratch, baseLevel.N, threads, Batch) : null;
        CommunityResult? best = null;
        for (var r = 0; r < Math.Max(1, restarts); r++)
        {
            var result = LouvainOnce(graph, baseLevel, seed + r, weighted, resolution, scratch, workers);
            if (best is null || result.Modularity > best.Modularity + 1e-12)
            {
                best = result;
            }
        }

        return best!;
    }

    /// <summary>Nodes per batch of the parallel local moving (fixed, so that the result does not depend on the thread count).</summary>
    public const int Batch = 1024;

    /// <summary>Levels with fewer nodes than this move one node at a time.</summary>
    public const int ParallelMinimum = 16 * Batch;

    /// <summary>
    /// Whether a level moves in parallel batches: at least <see cref="ParallelMinimum"/> nodes, and sparse enough
    /// that a node has on average at most a quarter of a neighbour in its own batch (mean degree × Batch / N ≤ ¼).
    /// Denser levels (the first aggregate of a graph without much structure) converge slowly on stale choices and
    /// move sequentially. A property of the level alone, so the thread count cannot change the result.
    /// </summary>
    internal static bool InBatches(CommunityGraph g)
        => g.N >= ParallelMinimum && 4L * g.Offsets[g.N] * Batch <= (long)g.N * g.N;

    /// <summary>Most passes over a level in the parallel local moving (NetworKit's PLM stops at 32 too).</summary>
    public const int ParallelPasses = 32;

    private static CommunityResult LouvainOnce(SignedGraph graph, CommunityGraph baseLevel, int seed, bool weighted, double resolution,
        CommunityScratch scratch, ParallelScratch? workers)
    {
        var n = baseLevel.N;
        var membership = new int[n];
        for (var v = 0; v < n; v++)
        {
            membership[v] = v;
        }

        var random = new Random(seed);
        var levels = 0;
        var previous = double.NegativeInfinity;
        for (var round = 0; round < 20; round++)
        {
            // Each round is one multilevel cycle from the partition the last one left; rounds past the first
            // stop once one raises modularity by less than RoundGain (on graphs without much structure,
            // G(n, m), every round moves a few nodes for a gain of 1e-6 or less).
            if (!Multilevel(baseLevel, membership, random, resolution, scratch, workers, 0, ref levels))
            {
                break;
            }

            var q = LevelModularity(baseLevel, membership, resolution, scratch, workers);
            if (q - previous < RoundGain)
            {
                break;
            }

            previous = q;
        }

        var renumbered = Renumber(membership, out var k);
        return new CommunityResult(renumbered.ToEquatableList(), k, Modularity(graph, renumbered, weighted, resolution), levels, seed);
    }

    /// <summary>
    /// One multilevel cycle, as NetworKit's PLM with refinement: local moving from <paramref name="community"/>
    /// (labels in 0..N−1, updated in place and renumbered), then, if the communities are fewer than the nodes,
    /// the same on the graph of communities, whose result is projected back and improved by a second local
    /// moving on this level. False if no node moved on this level.
    /// </summary>
    private static bool Multilevel(CommunityGraph g, int[] community, Random random, double resolution, CommunityScratch scratch,
        ParallelScratch? workers, int depth, ref int levels)
    {
        if (!MoveNodes(g, random, resolution, community, scratch, workers))
        {
            return false;
        }

        levels++;
        RenumberInPlace(community, g.N, scratch.Labels, out var count);
        if (count == g.N)
        {
            return true;
        }

        // Level depth+1 lives in level buffers depth+1: the next round overwrites them once this one is done.
        var coarse = g.Aggregate(community, count, scratch, depth + 1, workers);
        var above = LevelBuffers.Fit(ref scratch.Level(depth + 1).Partition, count);
        for (var c = 0; c < count; c++)
        {
            above[c] = c;
        }

        if (Multilevel(coarse, above, random, resolution, scratch, workers, depth + 1, ref levels))
        {
            for (var v = 0; v < g.N; v++)
            {
                community[v] = above[community[v]];
            }

            MoveNodes(g, random, resolution, community, scratch, workers);
            RenumberInPlace(community, g.N, scratch.Labels, out _);
        }

        return true;
    }

    /// <summary>Smallest gain in modularity for which Louvain runs another round of refinement and coarsening.</summary>
    public const double RoundGain = 1e-5;

    /// <summary>
    /// Modularity of <paramref name="community"/> (labels in 0..N−1) on a level graph. The weight inside communities
    /// is summed over fixed blocks of <see cref="ModularityBlock"/> nodes (by the team when there is one), and the
    /// block sums are added in order, so the value does not depend on the thread count.
    /// </summary>
    private static double LevelModularity(CommunityGraph g, int[] community, double resolution, CommunityScratch scratch, ParallelScratch? workers)
    {
        var n = g.N;
        var volume = scratch.Volume;
        Array.Clear(volume, 0, n);
        for (var v = 0; v < n; v++)
        {
            volume[community[v]] += g.Strength[v];
        }

        var blocks = (n + ModularityBlock - 1) / ModularityBlock;
        var inside = new double[blocks];
        void Inside(int block, int w)
        {
            double sum = 0;
            for (var v = block * ModularityBlock; v < Math.Min(n, (block + 1) * ModularityBlock); v++)
            {
                var c = community[v];
                for (var k = g.Offsets[v]; k < g.Offsets[v + 1]; k++)
                {
                    if (community[g.Adjacency[k]] == c)
                    {
                        sum += g.Weight(k);
                    }
                }
            }

            inside[block] = sum;
        }

        if (workers is null)
        {
            for (var b = 0; b < blocks; b++)
            {
                Inside(b, 0);
            }
        }
        else
        {
            workers.Team.Run(blocks, Inside);
        }

        double within = 0;
        foreach (var sum in inside)
        {
            within += sum;
        }

        var twoM = 2 * g.TotalWeight;
        var q = within / twoM;
        for (var c = 0; c < n; c++)
        {
            q -= resolution * (volume[c] / twoM) * (volume[c] / twoM);
        }

        return q;
    }

    /// <summary>Nodes per block of <see cref="LevelModularity"/>'s sum.</summary>
    private const int ModularityBlock = 4096;

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

    /// <summary>
    /// Louvain's local moving over <paramref name="community"/> (labels in 0..N−1, updated in place):
    /// passes over a seeded random order until a pass moves nothing. True if any node moved.
    /// </summary>
    private static bool MoveNodes(CommunityGraph g, Random random, double resolution, int[] community, CommunityScratch scratch, ParallelScratch? workers)
    {
        var n = g.N;
        var twoM = g.TotalWeight * 2;
        if (twoM == 0)
        {
            return false;
        }

        if (workers is null || !InBatches(g))
        {
            return FastLocalMove(g, community, random, resolution, scratch);
        }

        var total = scratch.Volume;
        Array.Clear(total, 0, n);
        for (var v = 0; v < n; v++)
        {
            total[community[v]] += g.Strength[v];
        }

        var order = scratch.Queue;
        for (var v = 0; v < n; v++)
        {
            order[v] = v;
        }

        random.Shuffle(order.AsSpan(0, n));
        return MoveNodesInBatches(g, resolution, community, order, total, workers);
    }

    /// <summary>
    /// The parallel local moving described on <see cref="Louvain"/>: batches chosen in parallel, applied in
    /// order. A pass visits only the active nodes: all at first, then those with a neighbour that moved to
    /// a community other than theirs in the pass before (the queue of Leiden's fast local moving, in passes).
    /// The batches are cut from the active nodes (in the random order), so that a late pass with few active
    /// nodes holds a few batches, not N / <see cref="Batch"/>. A batch is handed to the team in chunks of
    /// <see cref="Chunk"/> nodes: the choices read only the state from before the batch, so who chose which
    /// chunk cannot change them.
    /// </summary>
    private static bool MoveNodesInBatches(CommunityGraph g, double resolution, int[] community, int[] order, double[] total, ParallelScratch par)
    {
        var n = g.N;
        var scale = resolution / (g.TotalWeight * 2);
        var target = par.Target;
        var active = par.Active;
        var next = par.Next;
        var visit = par.Visit;
        Array.Fill(active, (byte)1, 0, n);
        var anyMove = false;
        int start = 0, end = 0; // the batch being chosen: visit[start..end)

        // Chooses the best community of one chunk of the batch against the state before the batch.
        void Choose(int chunk, int w)
        {
            var linkTo = par.LinkTo[w];
            var touched = par.Touched[w];
            var offsets = g.Offsets;
            var adjacency = g.Adjacency;
            var weights = g.Weights;
            var strength = g.Strength;
            var from = start + chunk * Chunk;
            var to = Math.Min(end, from + Chunk);
            for (var i = from; i < to; i++)
            {
                var v = visit[i];
                var own = community[v];
                target[i - start] = own;
                var kv = strength[v];
                var seen = 0;
                for (var k = offsets[v]; k < offsets[v + 1]; k++)
                {
                    var c = community[adjacency[k]];
                    if (linkTo[c] == 0)
                    {
                        touched[seen++] = c;
                    }

                    linkTo[c] += weights is null ? 1.0 : weights[k];
                }

                var factor = scale * kv;
                var best = own;
                var bestGain = linkTo[own] - factor * (total[own] - kv);
                for (var j = 0; j < seen; j++)
                {
                    var c = touched[j];
                    var gain = linkTo[c] - factor * total[c];
                    if (c != own && gain > bestGain)
                    {
                        best = c;
                        bestGain = gain;
                    }

                    linkTo[c] = 0;
                }

                if (best != own)
                {
                    target[i - start] = best;

                    // Every move is applied, so neighbours can be woken here; racing writes all store 1.
                    for (var k = offsets[v]; k < offsets[v + 1]; k++)
                    {
                        var u = adjacency[k];
                        if (community[u] != best)
                        {
                            next[u] = 1;
                        }
                    }
                }
            }
        }

        Action<int, int> choose = Choose;
        for (var pass = 0; pass < ParallelPasses; pass++)
        {
            var count = 0;
            for (var i = 0; i < n; i++)
            {
                if (active[order[i]] != 0)
                {
                    visit[count++] = order[i];
                }
            }

            var moves = 0;
            Array.Clear(next, 0, n);
            for (start = 0; start < count; start += Batch)
            {
                end = Math.Min(count, start + Batch);
                par.Team.Run((end - start + Chunk - 1) / Chunk, choose);
                for (var i = start; i < end; i++)
                {
                    var v = visit[i];
                    var best = target[i - start];
                    var own = community[v];
                    if (best != own)
                    {
                        var kv = g.Strength[v];
                        total[own] -= kv;
                        total[best] += kv;
                        community[v] = best;
                        moves++;
                    }
                }
            }

            if (moves == 0)
            {
                break;
            }

            anyMove = true;
            (active, next) = (next, active);
        }

        return anyMove;
    }

    /// <summary>Nodes per chunk a thread claims within a batch (a batch has <see cref="Batch"/> / Chunk of them).</summary>
    internal const int Chunk = 64;
}
