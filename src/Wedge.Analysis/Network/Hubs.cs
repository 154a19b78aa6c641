namespace Wedge.Analysis.Network;

/// <summary>
/// One candidate alliance hub: a node whose count of friendly ties stands far above the network's.
/// </summary>
/// <param name="FriendlyDegree">Friendly (+) ties of the node.</param>
/// <param name="ZScore">(FriendlyDegree − mean) / standard deviation, over nodes with at least one tie (population SD).</param>
/// <param name="SeparatedAllyPairs">Pairs of the node's friendly neighbours with no friendly path avoiding it: the allies it alone connects.</param>
/// <param name="IsHub">ZScore ≥ the threshold and SeparatedAllyPairs &gt; 0.</param>
public sealed record AllianceHub(int Node, int FriendlyDegree, double ZScore, long SeparatedAllyPairs, bool IsHub);

/// <summary>Alliance hubs, defined so that a reader can check each step (see docs/methods/network.md).</summary>
public static class Hubs
{
    /// <summary>
    /// Nodes whose friendly degree is at least <paramref name="minZ"/> standard deviations above the mean
    /// (the candidates, highest first); a candidate is a hub when it also connects allies that are
    /// otherwise separate (removing it splits its friendly neighbours into different friendly components).
    /// </summary>
    public static IReadOnlyList<AllianceHub> Find(SignedGraph graph, double minZ = 2.0)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var degrees = Centrality.Degrees(graph);
        var active = degrees.Where(d => d.Total > 0).Select(d => (double)d.Positive).ToArray();
        if (active.Length == 0)
        {
            return [];
        }

        var mean = active.Average();
        var sd = Math.Sqrt(active.Select(x => (x - mean) * (x - mean)).Average());
        var positive = graph.PositivePart();
        var tree = new DepthFirstTree(positive);
        var result = new List<AllianceHub>();
        for (var v = 0; v < graph.NodeCount; v++)
        {
            var z = sd > 0 ? (degrees[v].Positive - mean) / sd : 0;
            if (degrees[v].Positive == 0 || z < minZ)
            {
                continue;
            }

            var separated = tree.SeparatedNeighbourPairs(v);
            result.Add(new AllianceHub(v, degrees[v].Positive, z, separated, separated > 0));
        }

        return [.. result.OrderByDescending(h => h.FriendlyDegree).ThenBy(h => graph.Label(h.Node), StringComparer.Ordinal)];
    }

    /// <summary>The same count by a search with the hub removed: O(m) per hub; the reference for tests.</summary>
    internal static long SeparatedPairsBySearch(SignedGraph positive, int hub)
    {
        var component = new int[positive.NodeCount];
        Array.Fill(component, -1);
        component[hub] = int.MaxValue;
        var sizes = new Dictionary<int, long>();
        var queue = new Queue<int>();
        var next = 0;
        foreach (var ally in positive.Neighbors(hub))
        {
            if (component[ally] < 0)
            {
                component[ally] = next;
                queue.Enqueue(ally);
                while (queue.TryDequeue(out var v))
                {
                    foreach (var w in positive.Neighbors(v))
                    {
                        if (component[w] < 0)
                        {
                            component[w] = next;
                            queue.Enqueue(w);
                        }
                    }
                }

                next++;
            }

            sizes[component[ally]] = sizes.GetValueOrDefault(component[ally]) + 1;
        }

        long total = sizes.Values.Sum();
        long within = sizes.Values.Sum(s => s * (s - 1) / 2);
        return total * (total - 1) / 2 - within;
    }

    /// <summary>
    /// A depth-first forest with discovery times, low points and subtree sizes. Removing v splits off
    /// each DFS child c with low[c] ≥ disc[v] (its subtree); v's other neighbours stay together. So the
    /// neighbours v separates are counted in O(deg log deg) per node instead of a search per node.
    /// </summary>
    internal sealed class DepthFirstTree
    {
        private readonly SignedGraph graph;
        private readonly int[] disc;
        private readonly int[] low;
        private readonly int[] size;
        private readonly int[] parent;

        public DepthFirstTree(SignedGraph graph)
        {
            this.graph = graph;
            var n = graph.NodeCount;
            disc = new int[n];
            low = new int[n];
            size = new int[n];
            parent = new int[n];
            Array.Fill(disc, -1);
            var time = 0;
            var stack = new Stack<(int V, int Next)>();
            for (var root = 0; root < n; root++)
            {
                if (disc[root] >= 0)
                {
                    continue;
                }

                parent[root] = -1;
                disc[root] = low[root] = time++;
                stack.Push((root, 0));
                while (stack.Count > 0)
                {
                    var (v, next) = stack.Pop();
                    var nb = graph.Neighbors(v);
                    if (next < nb.Length)
                    {
                        stack.Push((v, next + 1));
                        var w = nb[next];
                        if (disc[w] < 0)
                        {
                            parent[w] = v;
                            disc[w] = low[w] = time++;
                            stack.Push((w, 0));
                        }
                        else if (w != parent[v])
                        {
                            low[v] = Math.Min(low[v], disc[w]);
                        }
                    }
                    else
                    {
                        size[v] = time - disc[v];
                        if (parent[v] >= 0)
                        {
                            low[parent[v]] = Math.Min(low[parent[v]], low[v]);
                        }
                    }
                }
            }
        }

        public long SeparatedNeighbourPairs(int v)
        {
            // v's DFS children, by discovery time: neighbour w lies in child c's subtree when disc[c] ≤ disc[w] < disc[c] + size[c].
            var children = new List<int>();
            foreach (var w in graph.Neighbors(v))
            {
                if (parent[w] == v && disc[w] > disc[v])
                {
                    children.Add(w);
                }
            }

            children.Sort((a, b) => disc[a].CompareTo(disc[b]));
            var starts = children.Select(c => disc[c]).ToArray();
            var counts = new long[children.Count];
            long rest = 0;
            foreach (var w in graph.Neighbors(v))
            {
                var k = Array.BinarySearch(starts, disc[w]);
                if (k < 0)
                {
                    k = ~k - 1;
                }

                if (k >= 0 && disc[w] < starts[k] + size[children[k]] && low[children[k]] >= disc[v])
                {
                    counts[k]++;
                }
                else
                {
                    rest++;
                }
            }

            long total = graph.Degree(v);
            var within = rest * (rest - 1) / 2 + counts.Sum(c => c * (c - 1) / 2);
            return total * (total - 1) / 2 - within;
        }
    }
}
