namespace Wedge.Analysis.Network;

/// <summary>Degree of one node, split by sign.</summary>
public readonly record struct SignedDegree(int Positive, int Negative)
{
    public int Total => Positive + Negative;
}

/// <summary>
/// Centrality measures over the underlying undirected graph (signs ignored; pass
/// <see cref="SignedGraph.PositivePart"/> to measure the web of friendly ties only).
/// </summary>
/// <remarks>Definitions and normalisations follow networkx 2.8 (and agree with igraph where stated); see docs/methods/network.md.</remarks>
public static partial class Centrality
{
    public static SignedDegree[] Degrees(SignedGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var result = new SignedDegree[graph.NodeCount];
        for (var v = 0; v < graph.NodeCount; v++)
        {
            int pos = 0, neg = 0;
            foreach (var e in graph.IncidentEdges(v))
            {
                if (graph.Sign(e) > 0)
                {
                    pos++;
                }
                else
                {
                    neg++;
                }
            }

            result[v] = new SignedDegree(pos, neg);
        }

        return result;
    }
}
