using Wedge.Analysis.Network;
using Wedge.Core.Collections;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Data.Graphs;

namespace Wedge.Application.Network;

/// <summary>A network file to read instead of the record.</summary>
public sealed record NetworkFile(string Path, GraphFormat Format = GraphFormat.Auto, SignConflict OnConflict = SignConflict.Error);

/// <summary>Where a network comes from: the record at a slice (ties of some kinds, or all), or a file.</summary>
public sealed record NetworkRequest(ReadSlice Slice, EquatableList<TieKind>? Kinds = null, NetworkFile? File = null)
{
    public static NetworkRequest FromFile(NetworkFile file) => new(ReadSlice.Now, null, file);
}

/// <summary>How many ties of one kind the network holds.</summary>
public sealed record KindCount(string Kind, int Count);

/// <summary>`network`: nodes, ties by kind, components.</summary>
public sealed record NetworkOverview(string Network, int Nodes, int Edges, int Friendly, int Hostile, EquatableList<KindCount>? TiesByKind,
    int? MixedPairs, int Components, int Isolated, EquatableList<EquatableList<string>> ComponentMembers, EquatableList<string> Warnings);

/// <summary>Which measures `network metrics` computes and how.</summary>
public sealed record MetricsOptions(bool FriendlyOnly = false, bool Weighted = false, int? Sample = null, double HubZ = 2.0, int Threads = 1,
    string Sort = "betweenness", int Top = 20)
{
    /// <summary>The measures a table may be ranked by.</summary>
    public static EquatableList<string> Sorts { get; } = new[] { "betweenness", "degree", "friendly", "hostile", "closeness", "eigenvector", "pagerank", "clustering", "core" }.ToEquatableList();
}

public sealed record NodeMetrics(string Node, int Friendly, int Hostile, int Degree, double Betweenness, double? Closeness, double Eigenvector,
    double PageRank, double Clustering, int Core);

public sealed record GlobalMetrics(int Nodes, int Edges, int Components, int Largest, double Transitivity, double AverageClustering, string Ties);

public sealed record HubView(string Node, int FriendlyTies, double Z, long AllyPairsItAloneLinks, bool IsHub);

/// <summary>`network metrics` at one date: global measures, alliance hubs, and the top nodes by the chosen measure.</summary>
public sealed record NetworkMetrics(string Network, GlobalMetrics Global, EquatableList<HubView> Hubs, EquatableList<NodeMetrics> Nodes, EquatableList<string> Warnings);

/// <summary>Measures over time: dates from <see cref="From"/> to <see cref="To"/> every <see cref="StepMonths"/>, optionally following one actor.</summary>
public sealed record OverTimeRequest(NetworkRequest Network, Core.Time.FuzzyDate From, Core.Time.FuzzyDate To, int StepMonths, string? Actor = null);

/// <summary>A chart of measures over time, written to <see cref="Path"/> (.png or .svg).</summary>
public sealed record OverTimeChart(string Path, EquatableList<string> Measures);

/// <summary>The network's summary at one date, and the followed actor's place in it.</summary>
public sealed record TimePoint(string Date, NetworkSummary Summary, ActorSummary? Actor);

/// <summary>`network metrics --from --to`: one point per date; <see cref="ActorName"/> is the followed actor's name when it was found.</summary>
public sealed record NetworkOverTime(string? ActorName, EquatableList<TimePoint> Points);

public sealed record CampsView(EquatableList<string> CampA, EquatableList<string> CampB);

public sealed record FrustratedView(string A, string B, string Why, string Tie);

public sealed record TriadView(string Pattern, string A, string B, string C, bool Balanced);

public sealed record CensusView(long AllFriendly, long OneHostile, long TwoHostile, long AllHostile)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public long Balanced => AllFriendly + TwoHostile;

    [System.Text.Json.Serialization.JsonIgnore]
    public long Unbalanced => OneHostile + AllHostile;
}

/// <summary>`network balance`: frustration index with bounds, the two camps, frustrated ties and the signed triad census.</summary>
public sealed record BalanceReport(string Network, int Nodes, int Edges, int FrustrationLower, int FrustrationUpper, bool Exact,
    EquatableList<BlockFrustration> Blocks, EquatableList<CampsView> Camps, EquatableList<FrustratedView> FrustratedTies, CensusView Census,
    EquatableList<TriadView> Unbalanced, EquatableList<TriadView> Balanced, EquatableList<string> Warnings);

/// <summary>What `network wedges` removes and how hard it may search.</summary>
public sealed record WedgeRequest(string Around, int K = 3, bool Ties = false, long ExactBudget = 300_000);

public sealed record PickView(string Removed, long PairsCut, long PairsLeft);

/// <summary>`network wedges`: the actors or ties whose removal most splits an actor's friendly bloc.</summary>
public sealed record WedgesReport(string Network, string Anchor, string Removes, EquatableList<string> Bloc, long PairsBefore, EquatableList<PickView> Picks,
    long PairsAfter, double Fragmentation, string Method, long Evaluated, EquatableList<string> Warnings);

/// <summary>Settings for `network communities`: the algorithm (Louvain by default), its seed, resolution and restarts.</summary>
public sealed record CommunityOptions(bool FriendlyOnly = true, int Seed = 1, bool Weighted = false, double Resolution = 1.0, int Restarts = 10,
    CommunityAlgorithm Algorithm = CommunityAlgorithm.Louvain);

/// <summary>`network communities`: the best partition found by the algorithm, largest community first.</summary>
public sealed record CommunitiesReport(string Network, string Ties, CommunityAlgorithm Algorithm, double Modularity, int Seed, int Restarts, double Resolution,
    EquatableList<EquatableList<string>> Communities, EquatableList<string> Warnings);
