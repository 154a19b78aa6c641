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
public static partial class Balance
{
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
}
