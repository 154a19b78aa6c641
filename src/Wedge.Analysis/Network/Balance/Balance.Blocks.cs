namespace Wedge.Analysis.Network;

public static partial class Balance
{
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
}
