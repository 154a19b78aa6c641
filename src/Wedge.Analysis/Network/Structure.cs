using Wedge.Core.Collections;

namespace Wedge.Analysis.Network;

/// <summary>Connected components: a component number per node (numbered by smallest member) and each component's size.</summary>
public sealed record Components(EquatableList<int> Of, EquatableList<int> Sizes)
{
    public int Count => Sizes.Count;

    public int Largest => Sizes.Count == 0 ? 0 : Sizes.Max();

    /// <summary>The members of each component, ascending.</summary>
    public IReadOnlyList<int[]> Members()
    {
        var lists = Sizes.Select(s => new List<int>(s)).ToArray();
        for (var v = 0; v < Of.Count; v++)
        {
            lists[Of[v]].Add(v);
        }

        return [.. lists.Select(l => l.ToArray())];
    }
}

/// <summary>Clustering coefficients: per node and for the whole graph.</summary>
/// <param name="Local">Triangles through the node over the pairs of its neighbours, k(k−1)/2; 0 when k &lt; 2 (networkx; igraph's default gives NaN there).</param>
/// <param name="Average">Mean of <paramref name="Local"/> over all nodes, zeros included (networkx's average_clustering).</param>
/// <param name="Transitivity">Global clustering: 3 × triangles / connected triples (networkx transitivity, igraph transitivity_undirected).</param>
public sealed record Clustering(EquatableList<double> Local, double Average, double Transitivity, long Triangles);

/// <summary>Structural measures over the underlying undirected graph (signs ignored).</summary>
public static class Structure
{
    public static Components ConnectedComponents(SignedGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var of = new int[n];
        Array.Fill(of, -1);
        var sizes = new List<int>();
        var queue = new int[n];
        var offsets = graph.Offsets;
        var adj = graph.Adjacency;
        for (var s = 0; s < n; s++)
        {
            if (of[s] >= 0)
            {
                continue;
            }

            var c = sizes.Count;
            int head = 0, tail = 0;
            queue[tail++] = s;
            of[s] = c;
            while (head < tail)
            {
                var v = queue[head++];
                for (var k = offsets[v]; k < offsets[v + 1]; k++)
                {
                    var w = adj[k];
                    if (of[w] < 0)
                    {
                        of[w] = c;
                        queue[tail++] = w;
                    }
                }
            }

            sizes.Add(tail);
        }

        return new Components(of.ToEquatableList(), [.. sizes]);
    }

    public static Clustering Clustering(SignedGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var local = new double[n];
        var mark = new bool[n];
        long triangles3 = 0;
        double triples = 0;
        for (var v = 0; v < n; v++)
        {
            var nb = graph.Neighbors(v);
            foreach (var u in nb)
            {
                mark[u] = true;
            }

            long links = 0;
            foreach (var u in nb)
            {
                foreach (var w in graph.Neighbors(u))
                {
                    if (mark[w])
                    {
                        links++;
                    }
                }
            }

            foreach (var u in nb)
            {
                mark[u] = false;
            }

            // Each link among neighbours was seen from both ends.
            var t = links / 2;
            double k = nb.Length;
            local[v] = k < 2 ? 0 : t / (k * (k - 1) / 2);
            triangles3 += t;
            triples += k * (k - 1) / 2;
        }

        return new Clustering(local.ToEquatableList(), n == 0 ? 0 : local.Average(), triples == 0 ? 0 : triangles3 / triples, triangles3 / 3);
    }

    /// <summary>Core number of each node: the largest k such that the node belongs to a subgraph where every node has degree ≥ k (Batagelj–Zaversnik, O(m)).</summary>
    public static int[] CoreNumbers(SignedGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var deg = new int[n];
        var maxDeg = 0;
        for (var v = 0; v < n; v++)
        {
            deg[v] = graph.Degree(v);
            maxDeg = Math.Max(maxDeg, deg[v]);
        }

        var bin = new int[maxDeg + 1];
        foreach (var d in deg)
        {
            bin[d]++;
        }

        var start = 0;
        for (var d = 0; d <= maxDeg; d++)
        {
            var count = bin[d];
            bin[d] = start;
            start += count;
        }

        var pos = new int[n];
        var vert = new int[n];
        for (var v = 0; v < n; v++)
        {
            pos[v] = bin[deg[v]];
            vert[pos[v]] = v;
            bin[deg[v]]++;
        }

        for (var d = maxDeg; d > 0; d--)
        {
            bin[d] = bin[d - 1];
        }

        if (maxDeg >= 0 && bin.Length > 0)
        {
            bin[0] = 0;
        }

        for (var i = 0; i < n; i++)
        {
            var v = vert[i];
            foreach (var u in graph.Neighbors(v))
            {
                if (deg[u] > deg[v])
                {
                    var du = deg[u];
                    var pu = pos[u];
                    var pw = bin[du];
                    var w = vert[pw];
                    if (u != w)
                    {
                        pos[u] = pw;
                        vert[pu] = w;
                        pos[w] = pu;
                        vert[pw] = u;
                    }

                    bin[du]++;
                    deg[u]--;
                }
            }
        }

        return deg;
    }

    /// <summary>Nodes whose removal disconnects their component (articulation points), by Hopcroft–Tarjan, iteratively.</summary>
    public static bool[] ArticulationPoints(SignedGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var disc = new int[n];
        var low = new int[n];
        var cut = new bool[n];
        Array.Fill(disc, -1);
        var time = 0;
        var stack = new Stack<(int v, int parentEdge, int next)>();
        for (var root = 0; root < n; root++)
        {
            if (disc[root] >= 0)
            {
                continue;
            }

            var rootChildren = 0;
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
                    if (ie[next] == pe)
                    {
                        continue;
                    }

                    if (disc[w] < 0)
                    {
                        disc[w] = low[w] = time++;
                        if (v == root)
                        {
                            rootChildren++;
                        }

                        stack.Push((w, ie[next], 0));
                    }
                    else
                    {
                        low[v] = Math.Min(low[v], disc[w]);
                    }
                }
                else if (stack.Count > 0)
                {
                    var parent = stack.Peek().v;
                    low[parent] = Math.Min(low[parent], low[v]);
                    if (parent != root && low[v] >= disc[parent])
                    {
                        cut[parent] = true;
                    }
                }
            }

            cut[root] = rootChildren > 1;
        }

        return cut;
    }
}
