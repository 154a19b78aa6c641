using Wedge.Core.Collections;

namespace Wedge.Analysis.Network;

/// <summary>How hard <see cref="Balance.Frustration"/> tries.</summary>
/// <param name="ExactNodeLimit">Blocks (biconnected components) with at most this many nodes are solved exactly by branch and bound.</param>
/// <param name="SearchBudget">Branch-and-bound nodes allowed per block; past it the block falls back to the heuristic and its bounds.</param>
/// <param name="Restarts">Local-search restarts of the heuristic per block.</param>
/// <param name="Seed">Seed of the heuristic's random choices (results are reproducible).</param>
public sealed record BalanceOptions(int ExactNodeLimit = 250, long SearchBudget = 20_000_000, int Restarts = 20, int Seed = 1);

/// <summary>
/// The frustration index of a signed graph and a partition attaining <see cref="Upper"/>.
/// </summary>
/// <param name="Lower">A proven lower bound: no partition has fewer frustrated edges.</param>
/// <param name="Upper">Frustrated edges of <see cref="Side"/>: the best partition found. Equal to <see cref="Lower"/> when <see cref="Exact"/>.</param>
/// <param name="Side">+1 or −1 per node: the two camps (within each connected component the labels may be swapped freely).</param>
/// <param name="FrustratedEdges">Edges whose sign disagrees with <see cref="Side"/>: friendly ties across camps, hostile ties inside one.</param>
/// <param name="Blocks">Per biconnected block with a cycle: its size, bounds and the method used.</param>
public sealed record FrustrationResult(int Lower, int Upper, EquatableList<sbyte> Side, EquatableList<int> FrustratedEdges, EquatableList<BlockFrustration> Blocks)
{
    public bool Exact => Lower == Upper;
}

/// <summary>How a block's frustration was found.</summary>
public enum BlockMethod
{
    /// <summary>The local search's partition, proven optimal because the cycle packing reached the same count.</summary>
    LocalSearchMatchedByCyclePacking,

    /// <summary>Branch and bound closed the search: exact.</summary>
    BranchAndBound,

    /// <summary>Branch and bound ran out of its budget: bounds from local search and cycle packing.</summary>
    BranchAndBoundOverBudget,

    /// <summary>The block is larger than the exact limit: bounds from local search and cycle packing.</summary>
    LocalSearchAboveExactLimit,
}

/// <summary>Frustration of one block (biconnected component): its nodes and edges, bounds and how they were found.</summary>
/// <param name="Method">How the bounds were found; hosts decide what to show by it.</param>
/// <param name="Description">The method in words for people, with its figures (search nodes, budget, starts, limit).</param>
public sealed record BlockFrustration(int Nodes, int Edges, int Lower, int Upper, BlockMethod Method, string Description);

/// <summary>One triangle of the signed graph and its signs.</summary>
/// <param name="Negatives">Number of hostile edges (0: +++, 1: ++−, 2: +−−, 3: −−−).</param>
public readonly record struct SignedTriad(int A, int B, int C, int Negatives)
{
    /// <summary>Heider's (strong) balance: an even number of hostile ties (+++ friends; +−− two friends share an enemy).</summary>
    public bool IsBalanced => Negatives % 2 == 0;

    public string Pattern => Negatives switch { 0 => "+++", 1 => "++-", 2 => "+--", _ => "---" };
}

/// <summary>Signed triad census: counts of each pattern over all triangles, and the triangles themselves.</summary>
public sealed record TriadCensus(long AllFriendly, long OneHostile, long TwoHostile, long AllHostile, EquatableList<SignedTriad> Triads)
{
    public long Balanced => AllFriendly + TwoHostile;

    public long Unbalanced => OneHostile + AllHostile;
}

/// <summary>
/// Structural balance (Heider; Cartwright and Harary): how far a signed graph is from splitting into
/// two camps with only friendly ties inside and hostile ties between.
/// </summary>
/// <remarks>
/// <para>The frustration index is the least number of edges whose sign must change (equivalently,
/// that must be removed) for the graph to be balanced. It is the sum of the indices of its blocks
/// (biconnected components): blocks meet in single nodes, and flipping every camp on one side of a
/// cut node changes nothing else, so each block can be solved alone; bridges and trees cost nothing.</para>
/// <para>Each block of at most <see cref="BalanceOptions.ExactNodeLimit"/> nodes is solved exactly by
/// branch and bound (nodes in max-connectivity order; bound = frustrated edges among placed nodes +
/// Σ over unplaced nodes of the fewer edges each must frustrate towards placed ones + a packing of
/// edge-disjoint unbalanced triangles among unplaced nodes). Larger blocks, or blocks whose search
/// exceeds its budget, get a multi-start local search (upper bound) and a greedy packing of
/// edge-disjoint unbalanced cycles (lower bound: each such cycle needs at least one change).</para>
/// </remarks>
public static class Balance
{
    public static TriadCensus Triads(SignedGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var counts = new long[4];
        var list = new List<SignedTriad>();
        for (var a = 0; a < graph.NodeCount; a++)
        {
            var na = graph.Neighbors(a);
            var ea = graph.IncidentEdges(a);
            for (var i = 0; i < na.Length; i++)
            {
                var b = na[i];
                if (b <= a)
                {
                    continue;
                }

                for (var j = i + 1; j < na.Length; j++)
                {
                    var c = na[j];
                    var bc = graph.EdgeBetween(b, c);
                    if (bc < 0)
                    {
                        continue;
                    }

                    var neg = (graph.Sign(ea[i]) < 0 ? 1 : 0) + (graph.Sign(ea[j]) < 0 ? 1 : 0) + (graph.Sign(bc) < 0 ? 1 : 0);
                    counts[neg]++;
                    list.Add(new SignedTriad(a, b, c, neg));
                }
            }
        }

        return new TriadCensus(counts[0], counts[1], counts[2], counts[3], list.ToEquatableList());
    }

    public static FrustrationResult Frustration(SignedGraph graph, BalanceOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        options ??= new BalanceOptions();
        var frustrated = new bool[graph.EdgeCount];
        var blocks = new List<BlockFrustration>();
        int lower = 0, upper = 0;
        foreach (var blockEdges in BlockEdges(graph))
        {
            if (blockEdges.Count < 3)
            {
                continue; // a bridge: always satisfiable
            }

            var block = Block.Of(graph, blockEdges);
            var (lo, hi, side, method, description) = SolveBlock(block, options);
            lower += lo;
            upper += hi;
            blocks.Add(new BlockFrustration(block.N, block.M, lo, hi, method, description));
            for (var k = 0; k < block.M; k++)
            {
                if (side[block.U[k]] * side[block.V[k]] != block.Sign[k])
                {
                    frustrated[block.EdgeId[k]] = true;
                }
            }
        }

        // With the frustrated edges flipped the graph is balanced, so a sign-respecting colouring exists.
        var sides = new sbyte[graph.NodeCount];
        var queue = new Queue<int>();
        for (var s = 0; s < graph.NodeCount; s++)
        {
            if (sides[s] != 0)
            {
                continue;
            }

            sides[s] = 1;
            queue.Enqueue(s);
            while (queue.TryDequeue(out var v))
            {
                var nb = graph.Neighbors(v);
                var ie = graph.IncidentEdges(v);
                for (var k = 0; k < nb.Length; k++)
                {
                    var sign = graph.Sign(ie[k]) * (frustrated[ie[k]] ? -1 : 1);
                    if (sides[nb[k]] == 0)
                    {
                        sides[nb[k]] = (sbyte)(sides[v] * sign);
                        queue.Enqueue(nb[k]);
                    }
                }
            }
        }

        var edges = Enumerable.Range(0, graph.EdgeCount).Where(e => frustrated[e]).ToArray();
        return new FrustrationResult(lower, upper, sides.ToEquatableList(), edges.ToEquatableList(), blocks.ToEquatableList());
    }

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

    private static (int Lower, int Upper, sbyte[] Side, BlockMethod Method, string Description) SolveBlock(Block block, BalanceOptions options)
    {
        var (heuristicCost, heuristicSide) = LocalSearch(block, options);
        var packing = CyclePacking(block);
        if (packing >= heuristicCost)
        {
            return (heuristicCost, heuristicCost, heuristicSide, BlockMethod.LocalSearchMatchedByCyclePacking, "local search, matched by cycle packing");
        }

        if (block.N <= options.ExactNodeLimit)
        {
            var search = new BranchAndBound(block, heuristicCost, heuristicSide, options.SearchBudget);
            if (search.Run())
            {
                return (search.Best, search.Best, search.BestSide, BlockMethod.BranchAndBound, $"branch and bound ({search.Visited:N0} search nodes)");
            }

            return (packing, search.Best, search.BestSide, BlockMethod.BranchAndBoundOverBudget,
                $"branch and bound stopped at its budget of {options.SearchBudget:N0}; bounds from local search and cycle packing");
        }

        return (packing, heuristicCost, heuristicSide, BlockMethod.LocalSearchAboveExactLimit,
            $"local search ({options.Restarts} starts) and cycle packing; block above the exact limit of {options.ExactNodeLimit} nodes");
    }

    /// <summary>Multi-start greedy: a spanning-tree colouring from a random root, then single-node flips while any lowers the cost.</summary>
    private static (int Cost, sbyte[] Side) LocalSearch(Block b, BalanceOptions options)
    {
        var random = new Random(options.Seed);
        sbyte[]? best = null;
        var bestCost = int.MaxValue;
        var side = new sbyte[b.N];
        var order = Enumerable.Range(0, b.N).ToArray();
        for (var r = 0; r < Math.Max(1, options.Restarts); r++)
        {
            Array.Clear(side);
            var root = random.Next(b.N);
            side[root] = 1;
            var queue = new Queue<int>([root]);
            while (queue.TryDequeue(out var v))
            {
                for (var k = b.Offsets[v]; k < b.Offsets[v + 1]; k++)
                {
                    var w = b.Adj[k];
                    if (side[w] == 0)
                    {
                        side[w] = (sbyte)(side[v] * b.Sign[b.Inc[k]]);
                        queue.Enqueue(w);
                    }
                }
            }

            var improved = true;
            while (improved)
            {
                improved = false;
                random.Shuffle(order);
                foreach (var v in order)
                {
                    var gain = 0;
                    for (var k = b.Offsets[v]; k < b.Offsets[v + 1]; k++)
                    {
                        gain += side[v] * side[b.Adj[k]] == b.Sign[b.Inc[k]] ? -1 : 1;
                    }

                    if (gain > 0)
                    {
                        side[v] = (sbyte)-side[v];
                        improved = true;
                    }
                }
            }

            var cost = b.Cost(side);
            if (cost < bestCost)
            {
                bestCost = cost;
                best = (sbyte[])side.Clone();
            }
        }

        return (bestCost, best!);
    }

    /// <summary>
    /// A lower bound: greedily packs edge-disjoint unbalanced triangles, then edge-disjoint negative
    /// closed walks (shortest, by BFS over node × parity) among the edges left. Each packed walk contains
    /// an unbalanced cycle, which needs at least one change, and no edge serves two of them.
    /// </summary>
    private static int CyclePacking(Block b)
    {
        var used = new bool[b.M];
        var count = 0;
        for (var e = 0; e < b.M; e++)
        {
            if (used[e])
            {
                continue;
            }

            int u = b.U[e], v = b.V[e];
            for (var k = b.Offsets[u]; k < b.Offsets[u + 1] && !used[e]; k++)
            {
                var w = b.Adj[k];
                var uw = b.Inc[k];
                if (used[uw] || w == v)
                {
                    continue;
                }

                var vw = b.EdgeBetween(v, w);
                if (vw >= 0 && !used[vw] && b.Sign[e] * b.Sign[uw] * b.Sign[vw] < 0)
                {
                    used[e] = used[uw] = used[vw] = true;
                    count++;
                }
            }
        }

        // Longer cycles: shortest path u → v avoiding used edges and e itself whose sign is the opposite of e's.
        var parent = new int[2 * b.N];
        var parentEdge = new int[2 * b.N];
        for (var e = 0; e < b.M; e++)
        {
            if (used[e])
            {
                continue;
            }

            Array.Fill(parent, -2);
            int start = b.U[e] * 2, goal = b.V[e] * 2 + (b.Sign[e] > 0 ? 1 : 0); // parity 1 = negative path
            var queue = new Queue<int>([start]);
            parent[start] = -1;
            while (queue.TryDequeue(out var state) && parent[goal] == -2)
            {
                var x = state / 2;
                var parity = state % 2;
                for (var k = b.Offsets[x]; k < b.Offsets[x + 1]; k++)
                {
                    var f = b.Inc[k];
                    if (used[f] || f == e)
                    {
                        continue;
                    }

                    var next = b.Adj[k] * 2 + (b.Sign[f] < 0 ? 1 - parity : parity);
                    if (parent[next] == -2)
                    {
                        parent[next] = state;
                        parentEdge[next] = f;
                        queue.Enqueue(next);
                    }
                }
            }

            if (parent[goal] == -2)
            {
                continue;
            }

            used[e] = true;
            for (var s = goal; s != start; s = parent[s])
            {
                used[parentEdge[s]] = true;
            }

            count++;
        }

        return count;
    }

    /// <summary>Biconnected components as lists of edge ids (Hopcroft–Tarjan with an edge stack, iterative).</summary>
    internal static List<List<int>> BlockEdges(SignedGraph graph)
    {
        var n = graph.NodeCount;
        var disc = new int[n];
        var low = new int[n];
        Array.Fill(disc, -1);
        var time = 0;
        var blocks = new List<List<int>>();
        var edgeStack = new Stack<int>();
        var stack = new Stack<(int V, int ParentEdge, int Next)>();
        for (var root = 0; root < n; root++)
        {
            if (disc[root] >= 0)
            {
                continue;
            }

            disc[root] = low[root] = time++;
            stack.Push((root, -1, 0));
            while (stack.Count > 0)
            {
                var (v, pe, next) = stack.Pop();
                var nb = graph.Neighbors(v);
                var ie = graph.IncidentEdges(v);
                if (next < nb.Length)
                {
                    stack.Push((v, pe, next + 1));
                    var w = nb[next];
                    var e = ie[next];
                    if (e == pe)
                    {
                        continue;
                    }

                    if (disc[w] < 0)
                    {
                        edgeStack.Push(e);
                        disc[w] = low[w] = time++;
                        stack.Push((w, e, 0));
                    }
                    else if (disc[w] < disc[v])
                    {
                        edgeStack.Push(e);
                        low[v] = Math.Min(low[v], disc[w]);
                    }
                }
                else if (stack.Count > 0)
                {
                    var parent = stack.Peek().V;
                    low[parent] = Math.Min(low[parent], low[v]);
                    if (low[v] >= disc[parent])
                    {
                        var block = new List<int>();
                        int top;
                        do
                        {
                            top = edgeStack.Pop();
                            block.Add(top);
                        }
                        while (top != pe);
                        blocks.Add(block);
                    }
                }
            }
        }

        return blocks;
    }

    /// <summary>A block renumbered 0..N−1 with its own CSR.</summary>
    private sealed class Block
    {
        public required int N { get; init; }

        public required int M { get; init; }

        public required int[] U { get; init; }

        public required int[] V { get; init; }

        public required int[] Sign { get; init; }

        public required int[] EdgeId { get; init; }

        public required int[] Offsets { get; init; }

        public required int[] Adj { get; init; }

        public required int[] Inc { get; init; }

        public static Block Of(SignedGraph graph, List<int> edges)
        {
            var map = new Dictionary<int, int>();
            int Local(int v)
            {
                if (!map.TryGetValue(v, out var i))
                {
                    i = map.Count;
                    map[v] = i;
                }

                return i;
            }

            var m = edges.Count;
            var u = new int[m];
            var w = new int[m];
            var sign = new int[m];
            for (var k = 0; k < m; k++)
            {
                u[k] = Local(graph.Source(edges[k]));
                w[k] = Local(graph.Target(edges[k]));
                sign[k] = graph.Sign(edges[k]);
            }

            var n = map.Count;
            var offsets = new int[n + 1];
            for (var k = 0; k < m; k++)
            {
                offsets[u[k] + 1]++;
                offsets[w[k] + 1]++;
            }

            for (var i = 0; i < n; i++)
            {
                offsets[i + 1] += offsets[i];
            }

            var adj = new int[2 * m];
            var inc = new int[2 * m];
            var fill = (int[])offsets.Clone();
            for (var k = 0; k < m; k++)
            {
                adj[fill[u[k]]] = w[k];
                inc[fill[u[k]]++] = k;
                adj[fill[w[k]]] = u[k];
                inc[fill[w[k]]++] = k;
            }

            return new Block { N = n, M = m, U = u, V = w, Sign = sign, EdgeId = [.. edges], Offsets = offsets, Adj = adj, Inc = inc };
        }

        public int EdgeBetween(int a, int b)
        {
            for (var k = Offsets[a]; k < Offsets[a + 1]; k++)
            {
                if (Adj[k] == b)
                {
                    return Inc[k];
                }
            }

            return -1;
        }

        public int Cost(sbyte[] side)
        {
            var cost = 0;
            for (var k = 0; k < M; k++)
            {
                if (side[U[k]] * side[V[k]] != Sign[k])
                {
                    cost++;
                }
            }

            return cost;
        }
    }

    /// <summary>Depth-first branch and bound over the camps of a block's nodes.</summary>
    private sealed class BranchAndBound
    {
        private readonly Block b;
        private readonly int[] order;
        private readonly int[] position;
        private readonly sbyte[] side;
        private readonly int[] costIfPlus;
        private readonly int[] costIfMinus;
        private readonly int[] suffixPacking;
        private readonly long budget;
        private int slack; // Σ over unplaced nodes of min(costIfPlus, costIfMinus)

        public BranchAndBound(Block block, int upper, sbyte[] upperSide, long budget)
        {
            b = block;
            this.budget = budget;
            Best = upper;
            BestSide = (sbyte[])upperSide.Clone();
            side = new sbyte[b.N];
            costIfPlus = new int[b.N];
            costIfMinus = new int[b.N];
            position = new int[b.N];

            // Max-connectivity order: next is the unplaced node with most edges to placed ones (then highest degree).
            order = new int[b.N];
            var placed = new bool[b.N];
            var links = new int[b.N];
            for (var i = 0; i < b.N; i++)
            {
                var next = -1;
                for (var v = 0; v < b.N; v++)
                {
                    if (!placed[v] && (next < 0 || links[v] > links[next]
                                                || (links[v] == links[next] && Degree(v) > Degree(next))))
                    {
                        next = v;
                    }
                }

                order[i] = next;
                position[next] = i;
                placed[next] = true;
                for (var k = b.Offsets[next]; k < b.Offsets[next + 1]; k++)
                {
                    links[b.Adj[k]]++;
                }
            }

            // Unbalanced triangles packed among order[d..]: edges that only unplaced nodes share.
            suffixPacking = new int[b.N + 1];
            for (var d = b.N - 1; d >= 0; d--)
            {
                suffixPacking[d] = TrianglePacking(d);
            }
        }

        public int Best { get; private set; }

        public sbyte[] BestSide { get; }

        public long Visited { get; private set; }

        private int Degree(int v) => b.Offsets[v + 1] - b.Offsets[v];

        /// <summary>Searches; false when the budget ran out before the search space was closed.</summary>
        public bool Run()
        {
            // The first node's camp is arbitrary (the labels can be swapped).
            return Place(0, 0, [1]);
        }

        private bool Place(int depth, int cost, sbyte[] choices)
        {
            if (depth == b.N)
            {
                if (cost < Best)
                {
                    Best = cost;
                    Array.Copy(side, BestSide, b.N);
                }

                return true;
            }

            var v = order[depth];
            // Try the cheaper camp first.
            sbyte first = costIfPlus[v] <= costIfMinus[v] ? (sbyte)1 : (sbyte)-1;
            foreach (var s in choices.Length == 1 ? choices : [first, (sbyte)-first])
            {
                if (++Visited > budget)
                {
                    return false;
                }

                var added = s > 0 ? costIfPlus[v] : costIfMinus[v];
                var newCost = cost + added;
                slack -= Math.Min(costIfPlus[v], costIfMinus[v]);
                side[v] = s;
                for (var k = b.Offsets[v]; k < b.Offsets[v + 1]; k++)
                {
                    var w = b.Adj[k];
                    if (position[w] <= depth)
                    {
                        continue;
                    }

                    var before = Math.Min(costIfPlus[w], costIfMinus[w]);
                    var sign = b.Sign[b.Inc[k]];
                    if (s != sign)
                    {
                        costIfPlus[w]++;
                    }

                    if (-s != sign)
                    {
                        costIfMinus[w]++;
                    }

                    slack += Math.Min(costIfPlus[w], costIfMinus[w]) - before;
                }

                var ok = true;
                if (newCost + slack + suffixPacking[depth + 1] < Best)
                {
                    ok = Place(depth + 1, newCost, [1, -1]);
                }

                for (var k = b.Offsets[v]; k < b.Offsets[v + 1]; k++)
                {
                    var w = b.Adj[k];
                    if (position[w] <= depth)
                    {
                        continue;
                    }

                    var before = Math.Min(costIfPlus[w], costIfMinus[w]);
                    var sign = b.Sign[b.Inc[k]];
                    if (s != sign)
                    {
                        costIfPlus[w]--;
                    }

                    if (-s != sign)
                    {
                        costIfMinus[w]--;
                    }

                    slack += Math.Min(costIfPlus[w], costIfMinus[w]) - before;
                }

                side[v] = 0;
                slack += Math.Min(costIfPlus[v], costIfMinus[v]);
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        private int TrianglePacking(int from)
        {
            var used = new bool[b.M];
            var count = 0;
            for (var e = 0; e < b.M; e++)
            {
                int u = b.U[e], v = b.V[e];
                if (used[e] || position[u] < from || position[v] < from)
                {
                    continue;
                }

                for (var k = b.Offsets[u]; k < b.Offsets[u + 1] && !used[e]; k++)
                {
                    var w = b.Adj[k];
                    var uw = b.Inc[k];
                    if (used[uw] || w == v || position[w] < from)
                    {
                        continue;
                    }

                    var vw = b.EdgeBetween(v, w);
                    if (vw >= 0 && !used[vw] && b.Sign[e] * b.Sign[uw] * b.Sign[vw] < 0)
                    {
                        used[e] = used[uw] = used[vw] = true;
                        count++;
                    }
                }
            }

            return count;
        }
    }
}
