namespace Wedge.Analysis.Network;

public static partial class Balance
{
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
}
