using Wedge.Analysis.Network;
using Wedge.Application.Problems;
using Wedge.Application.Store;
using Wedge.Core.Collections;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Data.Files;
using Wedge.Data.Graphs;
using Wedge.Reports.Network;

namespace Wedge.Application.Network;

/// <summary>The `network` verbs: the web of groups as a signed graph, from the record at a slice or from a file.</summary>
public sealed class NetworkService(IRecordStore store)
{
    /// <summary>Node × edge steps above which all-sources measures are not attempted.</summary>
    public const double AllSourcesBudget = 2e10;

    /// <summary>Reads the network file, or the record at the request's slice.</summary>
    public LoadedNetwork Load(NetworkRequest request)
    {
        if (request.File is { } file)
        {
            var read = EdgeListReader.Read(file.Path, file.Format, file.OnConflict);
            if (!read.IsSuccess)
            {
                throw Problem.Refused("network-file-invalid", string.Join(Environment.NewLine, read.Errors)).Exception();
            }

            var list = read.Graph!;
            var graph = SignedGraph.Create(list.Labels, list.Sources, list.Targets, list.Signs, list.Weights);
            return new LoadedNetwork(graph, null, null, Path.GetFileName(file.Path), list.Warnings.ToEquatableList());
        }

        return FromSnapshot(store.Read(request.Slice), request.Kinds, Slices.Describe(request.Slice));
    }

    /// <summary>
    /// Networks built from a snapshot, kept as long as the snapshot is: a long-running host that shares snapshots per
    /// journal version and slice (the web server) then weighs every pair once per version, not once per request.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Snapshot, System.Collections.Concurrent.ConcurrentDictionary<string, SnapshotNetwork>> Built = new();

    private static LoadedNetwork FromSnapshot(Snapshot snapshot, EquatableList<TieKind>? kinds, string description)
    {
        var key = kinds is null ? "" : string.Join(',', kinds);
        var network = Built.GetOrCreateValue(snapshot).GetOrAdd(key, _ => SnapshotGraph.Build(snapshot, kinds?.ToHashSet()));
        var warnings = network.MixedPairs > 0
            ? new[] { $"{network.MixedPairs} pair(s) hold friendly and hostile ties at once; each took the sign its weighed evidence gives (docs/methods/evidence.md)" }
            : [];
        return new LoadedNetwork(network.Graph, network, snapshot, description, warnings.ToEquatableList());
    }

    public NetworkOverview Overview(NetworkRequest request)
    {
        var network = Load(request);
        var g = network.Graph;
        var components = Structure.ConnectedComponents(g);
        var linked = components.Members().Where(c => c.Length > 1).OrderByDescending(c => c.Length).ThenBy(c => g.Label(c[0]), StringComparer.Ordinal).ToList();
        var byKind = network.Record?.TiesByKind.OrderBy(k => k.Key).Select(k => new KindCount(k.Key.Kebab(), k.Value)).ToEquatableList();
        var positive = Enumerable.Range(0, g.EdgeCount).Count(e => g.Sign(e) > 0);
        return new NetworkOverview(network.Description, g.NodeCount, g.EdgeCount, positive, g.EdgeCount - positive, byKind,
            network.Record?.MixedPairs, linked.Count, components.Sizes.Count(s => s == 1),
            linked.Select(c => c.Select(g.Label).Order(StringComparer.Ordinal).ToEquatableList()).ToEquatableList(), network.Warnings);
    }

    public NetworkMetrics Metrics(NetworkRequest request, MetricsOptions options, CancellationToken cancellationToken = default)
    {
        var network = Load(request);
        var g = network.Measured(options.FriendlyOnly);
        var degrees = Centrality.Degrees(network.Graph);
        // All-sources measures cost a search per node: past ~2·10^10 node×edge steps (hours) they are
        // refused for betweenness (use --sample) and skipped for closeness, which cannot be sampled per node.
        var allSourcesAffordable = (double)g.NodeCount * Math.Max(1, g.EdgeCount) <= AllSourcesBudget;
        if (!allSourcesAffordable && options.Sample is null)
        {
            throw Problem.Refused("too-large-for-exact", $"exact betweenness on {g.NodeCount:N0} nodes and {g.EdgeCount:N0} ties would take hours; estimate it with --sample K (e.g. --sample 200)").Exception();
        }

        var sources = options.Sample is { } k ? BetweennessOptions.SampleSources(g.NodeCount, k, seed: 1) : null;
        var betweenness = Centrality.Betweenness(g, new BetweennessOptions(options.Weighted, Normalized: true, sources, options.Threads));
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<double> closeness = allSourcesAffordable ? Centrality.Closeness(g, options.Threads).NetworkX : Enumerable.Repeat(double.NaN, g.NodeCount).ToArray();
        cancellationToken.ThrowIfCancellationRequested();
        // Power iteration is capped at about 4·10^9 edge visits; a non-converged vector is flagged, not hidden.
        var eigenResult = Centrality.Eigenvector(g, options.Weighted, tolerance: 1e-12,
            maxIterations: (int)Math.Clamp(4e9 / (g.NodeCount + 2.0 * g.EdgeCount + 1), 100, 20_000));
        var eigen = eigenResult.Scores;
        var warnings = network.Warnings.ToList();
        if (!eigenResult.Converged)
        {
            warnings.Add($"eigenvector centrality did not converge to 1e-12 in {eigenResult.Iterations:N0} iterations (near-equal leading eigenvalues); its values are approximate");
        }

        var pagerank = Centrality.PageRank(g, weighted: options.Weighted, threads: options.Threads).Scores;
        cancellationToken.ThrowIfCancellationRequested();
        var clustering = Structure.Clustering(g);
        var cores = Structure.CoreNumbers(g);
        var components = Structure.ConnectedComponents(g);
        var hubs = Hubs.Find(network.Graph, options.HubZ);
        var rows = Enumerable.Range(0, g.NodeCount).Select(v => new NodeMetrics(g.Label(v), degrees[v].Positive, degrees[v].Negative, degrees[v].Total,
            betweenness[v], Finite(closeness[v]), eigen[v], pagerank[v], clustering.Local[v], cores[v])).ToList();
        Func<NodeMetrics, double> key = options.Sort switch
        {
            "degree" => r => r.Degree,
            "friendly" => r => r.Friendly,
            "hostile" => r => r.Hostile,
            "closeness" => r => r.Closeness ?? 0,
            "eigenvector" => r => r.Eigenvector,
            "pagerank" => r => r.PageRank,
            "clustering" => r => r.Clustering,
            "core" => r => r.Core,
            _ => r => r.Betweenness,
        };
        var shown = rows.OrderByDescending(key).ThenBy(r => r.Node, StringComparer.Ordinal).Take(options.Top == 0 ? int.MaxValue : options.Top).ToEquatableList();
        var global = new GlobalMetrics(g.NodeCount, g.EdgeCount, components.Sizes.Count(s => s > 1), components.Largest, clustering.Transitivity,
            clustering.Average, options.FriendlyOnly ? "friendly" : "all");
        var hubViews = hubs.Select(h => new HubView(network.Graph.Label(h.Node), h.FriendlyDegree, h.ZScore, h.SeparatedAllyPairs, h.IsHub)).ToEquatableList();
        return new NetworkMetrics(network.Description, global, hubViews, shown, warnings.ToEquatableList());
    }

    /// <summary>
    /// Summaries of the network at each date of a series. The journal is read and projected once; each
    /// date is a snapshot of that one knowledge base (the journal is never replayed per date).
    /// </summary>
    public NetworkOverTime OverTime(OverTimeRequest request, OverTimeChart? chart = null, CancellationToken cancellationToken = default)
    {
        var dates = TimeSteps.Series(request.From, request.To, request.StepMonths);
        var slice = request.Network.Slice;
        var knowledge = store.Knowledge(slice.RecordedBy);
        var points = new List<TimePoint>();
        string? actorName = null;
        foreach (var date in dates)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var at = slice.WithAt(date);
            var network = FromSnapshot(Snapshot.Of(knowledge, at.Options), request.Network.Kinds, Slices.Describe(at));
            ActorSummary? actor = null;
            if (request.Actor is { } name)
            {
                // The actor may not exist yet at early dates: then it is absent, not an error.
                var lookup = network.Snapshot!.FindActor(name);
                if (!lookup.Found && lookup.Ambiguous.Count > 0)
                {
                    throw Problem.Refused("actor-ambiguous", lookup.Describe(name)).Exception();
                }

                actor = ActorSummary.Of(network.Graph, lookup.Actor is { } a ? network.Record!.NodeOf(a.Id) : -1);
                actorName ??= lookup.Actor?.Name;
            }

            points.Add(new TimePoint(date.ToString(), NetworkSummary.Of(network.Graph, new BalanceOptions(SearchBudget: 2_000_000)), actor));
        }

        if (request.Actor is { } wanted && actorName is null)
        {
            throw (points.Count == 0
                ? Problem.Usage("no-dates", "no dates in --from..--to")
                : Problem.NotFound("actor-not-found", $"no actor named '{wanted}' at any of the dates")).Exception();
        }

        if (chart is not null)
        {
            try
            {
                var image = TimeSeriesChart.Render(ChartFormats.FromPath(chart.Path), "Web of groups over time", [.. dates.Select(d => d.Earliest)],
                    [.. chart.Measures.Select(n => new ChartSeries(n.StartsWith("actor-", StringComparison.Ordinal) ? $"{actorName}: {n[6..]}" : n,
                        [.. points.Select(p => p.Summary.Measure(n) ?? p.Actor?.Measure(n) ?? double.NaN)]))]);
                AtomicFile.Write(chart.Path, (Stream file) => file.Write(image));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw Problem.Refused("cannot-write", $"cannot write chart '{chart.Path}': {e.Message}").Exception();
            }
        }

        return new NetworkOverTime(actorName, points.ToEquatableList());
    }

    public BalanceReport Balance(NetworkRequest request, int exactLimit = 250, CancellationToken cancellationToken = default)
    {
        var network = Load(request);
        var g = network.Graph;
        var result = Analysis.Network.Balance.Frustration(g, new BalanceOptions(ExactNodeLimit: exactLimit));
        cancellationToken.ThrowIfCancellationRequested();
        var census = Analysis.Network.Balance.Triads(g);
        var camps = Structure.ConnectedComponents(g).Members().Where(c => c.Length > 1)
            .Select(c => new CampsView(
                c.Where(v => result.Side[v] > 0).Select(g.Label).Order(StringComparer.Ordinal).ToEquatableList(),
                c.Where(v => result.Side[v] < 0).Select(g.Label).Order(StringComparer.Ordinal).ToEquatableList()))
            .OrderByDescending(c => c.CampA.Count + c.CampB.Count).ToEquatableList();
        var frustrated = result.FrustratedEdges.Select(e => new FrustratedView(g.Label(g.Source(e)), g.Label(g.Target(e)),
            g.Sign(e) > 0 ? "friendly across camps" : "hostile inside a camp", network.DescribeEdge(e))).ToEquatableList();
        TriadView View(SignedTriad t) => new(t.Pattern, g.Label(t.A), g.Label(t.B), g.Label(t.C), t.IsBalanced);
        return new BalanceReport(network.Description, g.NodeCount, g.EdgeCount, result.Lower, result.Upper, result.Exact,
            result.Blocks.ToEquatableList(), camps, frustrated,
            new CensusView(census.AllFriendly, census.OneHostile, census.TwoHostile, census.AllHostile),
            census.Triads.Where(t => !t.IsBalanced).Select(View).ToEquatableList(), census.Triads.Where(t => t.IsBalanced).Select(View).ToEquatableList(),
            network.Warnings);
    }

    public WedgesReport Wedges(NetworkRequest request, WedgeRequest wedge, CancellationToken cancellationToken = default)
    {
        var network = Load(request);
        cancellationToken.ThrowIfCancellationRequested();
        var g = network.Graph;
        var anchor = network.FindNode(wedge.Around);
        var target = wedge.Ties ? WedgeTarget.Ties : WedgeTarget.Actors;
        var r = Analysis.Network.Wedges.Find(g, anchor, wedge.K, target, new WedgeOptions(wedge.ExactBudget));
        var picks = r.Picks.Select(p => new PickView(target == WedgeTarget.Actors ? g.Label(p.Item) : network.DescribeEdge(p.Item), p.MarginalCut, p.PairsAfter)).ToEquatableList();
        var bloc = r.Bloc.Select(g.Label).Order(StringComparer.Ordinal).ToEquatableList();
        return new WedgesReport(network.Description, g.Label(anchor), target == WedgeTarget.Actors ? "actors" : "ties", bloc, r.PairsBefore, picks,
            r.PairsAfter, r.Fragmentation, r.Exact ? "exact" : "greedy", r.Evaluated, network.Warnings);
    }

    public CommunitiesReport Communities(NetworkRequest request, CommunityOptions options, CancellationToken cancellationToken = default)
    {
        var network = Load(request);
        cancellationToken.ThrowIfCancellationRequested();
        var g = network.Measured(options.FriendlyOnly);
        var r = options.Algorithm == CommunityAlgorithm.Leiden
            ? Analysis.Network.Communities.Leiden(g, options.Seed, options.Weighted, options.Resolution, options.Restarts)
            : Analysis.Network.Communities.Louvain(g, options.Seed, options.Weighted, options.Resolution, options.Restarts);
        var groups = Enumerable.Range(0, r.Count)
            .Select(c => Enumerable.Range(0, g.NodeCount).Where(v => r.Of[v] == c).Select(g.Label).Order(StringComparer.Ordinal).ToEquatableList())
            .OrderByDescending(c => c.Count).ThenBy(c => c[0], StringComparer.Ordinal).ToEquatableList();
        return new CommunitiesReport(network.Description, options.FriendlyOnly ? "friendly" : "all", options.Algorithm, r.Modularity, r.Seed, options.Restarts, options.Resolution,
            groups, network.Warnings);
    }

    /// <summary>A double fit for JSON: NaN and infinities become null.</summary>
    private static double? Finite(double x) => double.IsFinite(x) ? x : null;
}
