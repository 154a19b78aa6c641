namespace Wedge.Analysis.Network;

public static partial class Balance
{
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
