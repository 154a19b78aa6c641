namespace Wedge.Analysis.Network;

/// <summary>
/// A one-line portrait of a signed network, the unit of measures over time.
/// </summary>
/// <param name="Nodes">All nodes, isolated ones included.</param>
/// <param name="Density">Edges over n(n−1)/2 (0 for fewer than two nodes).</param>
/// <param name="Components">Connected components with at least one edge (isolated nodes are not counted).</param>
/// <param name="LargestComponent">Nodes in the largest component.</param>
/// <param name="FrustrationLower">Proven lower bound of the frustration index.</param>
/// <param name="FrustrationUpper">Frustrated edges of the best partition found (equal to the lower bound when exact).</param>
/// <param name="FriendlyModularity">Louvain modularity of the friendly ties (seed 1); 0 without friendly ties.</param>
/// <param name="TopHub">Label of the friendliest hub, or null.</param>
public sealed record NetworkSummary(int Nodes, int Edges, int PositiveEdges, int NegativeEdges, double Density, int Components,
    int LargestComponent, double Transitivity, long BalancedTriads, long UnbalancedTriads, int FrustrationLower, int FrustrationUpper,
    double FriendlyModularity, string? TopHub)
{
    /// <summary>The measures this summary can chart, by name.</summary>
    public static IReadOnlyList<string> MeasureNames { get; } =
        ["nodes", "edges", "positive", "negative", "density", "components", "largest", "transitivity", "balanced-triads",
         "unbalanced-triads", "frustration", "modularity"];

    /// <summary>The value of a named measure (see <see cref="MeasureNames"/>); null for an unknown name.</summary>
    public double? Measure(string name) => name switch
    {
        "nodes" => Nodes,
        "edges" => Edges,
        "positive" => PositiveEdges,
        "negative" => NegativeEdges,
        "density" => Density,
        "components" => Components,
        "largest" => LargestComponent,
        "transitivity" => Transitivity,
        "balanced-triads" => BalancedTriads,
        "unbalanced-triads" => UnbalancedTriads,
        "frustration" => FrustrationUpper,
        "modularity" => FriendlyModularity,
        _ => null,
    };

    public static NetworkSummary Of(SignedGraph graph, BalanceOptions? balance = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var n = graph.NodeCount;
        var positive = graph.FriendlyCount;
        var components = Structure.ConnectedComponents(graph);
        var triads = Balance.Triads(graph);
        var frustration = Balance.Frustration(graph, balance);
        var friendly = graph.PositivePart();
        var modularity = friendly.EdgeCount > 0 ? Communities.Louvain(friendly, seed: 1).Modularity : 0;
        var hub = Hubs.Find(graph).FirstOrDefault(h => h.IsHub);
        return new NetworkSummary(n, graph.EdgeCount, positive, graph.EdgeCount - positive,
            n < 2 ? 0 : graph.EdgeCount / (n * (n - 1.0) / 2), components.Sizes.Count(s => s > 1), components.Largest,
            Structure.Clustering(graph).Transitivity, triads.Balanced, triads.Unbalanced, frustration.Lower, frustration.Upper,
            modularity, hub is null ? null : graph.Label(hub.Node));
    }
}

/// <summary>One actor's place in the web at one date, the unit of an actor's measures over time.</summary>
/// <param name="Present">False when the actor is not a node of the graph then (all measures are 0).</param>
/// <param name="Betweenness">Normalised as networkx's <c>normalized=True</c>.</param>
public sealed record ActorSummary(bool Present, int FriendlyTies, int HostileTies, double Betweenness, double PageRank)
{
    /// <summary>Measure names for charts, prefixed "actor-".</summary>
    public static IReadOnlyList<string> MeasureNames { get; } = ["actor-friendly", "actor-hostile", "actor-betweenness", "actor-pagerank"];

    public double? Measure(string name) => name switch
    {
        "actor-friendly" => FriendlyTies,
        "actor-hostile" => HostileTies,
        "actor-betweenness" => Betweenness,
        "actor-pagerank" => PageRank,
        _ => null,
    };

    /// <param name="node">The actor's node, or −1 when absent.</param>
    public static ActorSummary Of(SignedGraph graph, int node)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (node < 0)
        {
            return new ActorSummary(false, 0, 0, 0, 0);
        }

        var degree = Centrality.Degrees(graph)[node];
        var betweenness = Centrality.Betweenness(graph, new BetweennessOptions(Normalized: true))[node];
        var pagerank = Centrality.PageRank(graph).Scores[node];
        return new ActorSummary(true, degree.Positive, degree.Negative, betweenness, pagerank);
    }
}
