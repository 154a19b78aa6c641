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
        var result = new List<AllianceHub>();
        for (var v = 0; v < graph.NodeCount; v++)
        {
            var z = sd > 0 ? (degrees[v].Positive - mean) / sd : 0;
            if (degrees[v].Positive == 0 || z < minZ)
            {
                continue;
            }

            var separated = SeparatedPairs(positive, v);
            result.Add(new AllianceHub(v, degrees[v].Positive, z, separated, separated > 0));
        }

        return [.. result.OrderByDescending(h => h.FriendlyDegree).ThenBy(h => graph.Label(h.Node), StringComparer.Ordinal)];
    }

    private static long SeparatedPairs(SignedGraph positive, int hub)
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
}
