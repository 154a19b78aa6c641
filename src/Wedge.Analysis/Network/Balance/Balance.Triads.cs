using Wedge.Core.Collections;

namespace Wedge.Analysis.Network;

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

public static partial class Balance
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
}
