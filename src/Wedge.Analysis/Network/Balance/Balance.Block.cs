namespace Wedge.Analysis.Network;

public static partial class Balance
{
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
}
