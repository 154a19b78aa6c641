using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Wedge.Analysis.Network;
using Wedge.Application.Network;
using Wedge.Application.Problems;
using Wedge.Core.Collections;
using Wedge.Core.Model;
using Wedge.Web.Hosting;

namespace Wedge.Web.Apis;

/// <summary>The web of groups as a signed graph, read from the record at a slice.</summary>
public static class NetworkApi
{
    public static IEndpointRouteBuilder MapNetworkApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/network").WithTags("Network").RefuseUnknownQuery();
        group.MapGet("/", Summary).ReadsJournal().WithName("NetworkSummary")
            .WithSummary("The network at a slice: nodes, ties by kind, components; as `wedge network --json`.");
        group.MapGet("/metrics", Metrics).ReadsJournal().WithName("NetworkMetrics")
            .WithSummary("Centralities per group, global measures and alliance hubs at a slice; as `wedge network metrics --json`.");
        group.MapGet("/over-time", OverTime).ReadsJournal().WithName("NetworkOverTime")
            .WithSummary("The network's summary (and one actor's place) at dates from..to every step; as `wedge network metrics --from --to --every --json`.");
        group.MapGet("/over-time/chart", OverTimeChart).ReadsJournal().WithName("NetworkOverTimeChart")
            .Produces(StatusCodes.Status200OK, contentType: "image/png").Produces(StatusCodes.Status200OK, contentType: "image/svg+xml")
            .WithSummary("The measures over time as a chart (PNG or SVG); as `wedge network metrics --from --to --every --chart FILE --measure …`.");
        group.MapGet("/balance", Balance).ReadsJournal().WithName("NetworkBalance")
            .WithSummary("Structural balance: frustration index, camps, frustrated ties and the signed triad census; as `wedge network balance --json`.");
        group.MapGet("/wedges", Wedges).ReadsJournal().WithName("NetworkWedges")
            .WithSummary("The k actors (or ties) whose removal most splits an actor's friendly bloc; as `wedge network wedges --json`.");
        group.MapPost("/file/{measure}", OnAFile).DisableAntiforgery().WithName("NetworkOnAFile")
            .WithSummary("summary, metrics, balance or communities of an uploaded signed edge list (multipart `file`: CSV, KONECT-style edges or GraphML); as `wedge network ... --input FILE --json`.");
        group.MapGet("/communities", Communities).ReadsJournal().WithName("NetworkCommunities")
            .WithSummary("Louvain or Leiden communities with their modularity (fixed seed, best of several restarts); as `wedge network communities --json`.");
        return routes;
    }

    /// <summary>Bounds that keep one request from holding the machine: restarts, sampled sources, exact budgets.</summary>
    public const int MaxRestarts = 1000;

    private static WedgeJsonResult<NetworkMetrics> Metrics(NetworkService network, [AsParameters] ReadClocks clocks,
        [Description("Only ties of these kinds (comma-separated).")] string? kind = null,
        [Description("all (default) or friendly: the ties the measures run on.")] string? ties = null,
        [Description("Weigh ties by their evidence in betweenness, closeness, eigenvector and PageRank.")] bool weighted = false,
        [Description("Estimate betweenness from this many sampled sources (required past a few thousand nodes).")] int? sample = null,
        [Description("Alliance hubs: friendly degree at least this many standard deviations above the mean (default 2).")] double hubZ = 2.0,
        [Description("Rank the nodes by: betweenness (default), degree, friendly, hostile, closeness, eigenvector, pagerank, clustering, core.")] string sort = "betweenness",
        [Description("How many nodes to list (default 20; 0 for all).")] int top = 20,
        CancellationToken cancellationToken = default)
    {
        if (!MetricsOptions.Sorts.Contains(sort))
        {
            throw Problem.Usage("bad-value", $"sort: '{sort}' is not one of: {string.Join(", ", MetricsOptions.Sorts)}").Exception();
        }

        if (sample is < 1 || top < 0 || !(hubZ >= 0 && double.IsFinite(hubZ)))
        {
            throw Problem.Usage("bad-value", "sample must be at least 1, top 0 or more, hubZ a number 0 or more").Exception();
        }

        return WedgeResults.Json(network.Metrics(Request(clocks, kind), new MetricsOptions(FriendlyOnly(ties, false), weighted, sample, hubZ, 1, sort, top), cancellationToken));
    }

    private static WedgeJsonResult<NetworkOverTime> OverTime(NetworkService network, [AsParameters] ReadClocks clocks,
        [Description("First date: YYYY, YYYY-MM or YYYY-MM-DD.")] string from,
        [Description("Last date.")] string to,
        [Description("Step between dates, e.g. 1y (default), 6m, 3m.")] string every = "1y",
        [Description("Also each date's place of this actor (friendly and hostile ties, betweenness, PageRank).")] string? actor = null,
        [Description("Only ties of these kinds (comma-separated).")] string? kind = null,
        CancellationToken cancellationToken = default)
    {
        if (clocks.At is not null)
        {
            throw Problem.Usage("bad-value", "at and from/to exclude each other: the dates come from from, to and every").Exception();
        }

        var step = TimeSteps.ParseStep(every) ?? throw Problem.Usage("bad-value", $"every: '{every}' is not a step like 1y, 6m or 3m").Exception();
        var first = ReadClocks.Date("from", from)!.Value;
        var last = ReadClocks.Date("to", to)!.Value;
        return WedgeResults.Json(network.OverTime(new OverTimeRequest(Request(clocks, kind), first, last, step, actor), null, cancellationToken));
    }

    private static async Task<IResult> OverTimeChart(NetworkService network, HttpContext http, [AsParameters] ReadClocks clocks,
        [Description("First date.")] string from,
        [Description("Last date.")] string to,
        [Description("Step between dates (default 1y).")] string every = "1y",
        [Description("The measures drawn, comma-separated (default positive,negative,components,frustration; actor-… with actor).")] string measures = "positive,negative,components,frustration",
        [Description("Also this actor's place (for actor-… measures).")] string? actor = null,
        [Description("png (default) or svg.")] string format = "png",
        [Description("Only ties of these kinds (comma-separated).")] string? kind = null)
    {
        var extension = format.ToLowerInvariant() switch
        {
            "png" => ".png",
            "svg" => ".svg",
            _ => throw Problem.Usage("bad-value", $"format: '{format}' is not png or svg").Exception(),
        };
        var names = measures.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToEquatableList();
        var known = NetworkSummary.MeasureNames.Concat(ActorSummary.MeasureNames).ToHashSet();
        if ((names.Count == 0 ? measures : names.FirstOrDefault(n => !known.Contains(n))) is { } unknown)
        {
            throw Problem.Usage("bad-value", $"measures: '{unknown}' is not one of: {string.Join(", ", known)}").Exception();
        }

        var step = TimeSteps.ParseStep(every) ?? throw Problem.Usage("bad-value", $"every: '{every}' is not a step like 1y, 6m or 3m").Exception();
        var request = new OverTimeRequest(Request(clocks, kind), ReadClocks.Date("from", from)!.Value, ReadClocks.Date("to", to)!.Value, step, actor);
        var directory = Path.Combine(Path.GetTempPath(), "wedge-charts", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var path = Path.Combine(directory, "chart" + extension);
            network.OverTime(request, new OverTimeChart(path, names), http.RequestAborted);
            return Results.File(await File.ReadAllBytesAsync(path, http.RequestAborted), extension == ".png" ? "image/png" : "image/svg+xml", "network-over-time" + extension);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static WedgeJsonResult<BalanceReport> Balance(NetworkService network, [AsParameters] ReadClocks clocks,
        [Description("Only ties of these kinds (comma-separated).")] string? kind = null,
        [Description("Solve blocks up to this many ties exactly (default 250, at most 2000); larger ones by local search with a proven lower bound.")] int exactLimit = 250,
        CancellationToken cancellationToken = default)
        => exactLimit is < 0 or > 2000
            ? throw Problem.Usage("bad-value", $"exactLimit: {exactLimit} is out of range (0 to 2000)").Exception()
            : WedgeResults.Json(network.Balance(Request(clocks, kind), exactLimit, cancellationToken));

    private static WedgeJsonResult<WedgesReport> Wedges(NetworkService network, [AsParameters] ReadClocks clocks,
        [Description("The actor whose friendly bloc is to be split, e.g. Taliban.")] string around,
        [Description("How many actors (or ties) to remove (default 3).")] int k = 3,
        [Description("Remove ties instead of actors.")] bool removeTies = false,
        [Description("Only ties of these kinds (comma-separated).")] string? kind = null,
        CancellationToken cancellationToken = default)
        => k is < 1 or > 20
            ? throw Problem.Usage("bad-value", $"k: {k} is out of range (1 to 20)").Exception()
            : WedgeResults.Json(network.Wedges(Request(clocks, kind), new WedgeRequest(around, k, removeTies), cancellationToken));

    private static WedgeJsonResult<CommunitiesReport> Communities(NetworkService network, [AsParameters] ReadClocks clocks,
        [Description("friendly (default) or all: the ties the partition is found on.")] string? ties = null,
        [Description("Seed of the first run (default 1).")] int seed = 1,
        [Description("Weigh ties by their evidence.")] bool weighted = false,
        [Description("Resolution (default 1).")] double resolution = 1.0,
        [Description("Runs from successive seeds; the best is kept (default 10, at most 1000).")] int restarts = 10,
        [Description("Only ties of these kinds (comma-separated).")] string? kind = null,
        [Description("louvain (default) or leiden (every community connected).")] string algorithm = "louvain",
        CancellationToken cancellationToken = default)
        => restarts is < 1 or > MaxRestarts || !(resolution > 0 && double.IsFinite(resolution))
            ? throw Problem.Usage("bad-value", $"restarts must be 1 to {MaxRestarts} and resolution a positive number").Exception()
            : EnumNames.Parse<CommunityAlgorithm>(algorithm) is not { } parsed
                ? throw Problem.Usage("bad-value", $"algorithm: '{algorithm}' is not one of: {string.Join(", ", EnumNames.All<CommunityAlgorithm>())}").Exception()
                : WedgeResults.Json(network.Communities(Request(clocks, kind), new CommunityOptions(FriendlyOnly(ties, true), seed, weighted, resolution, restarts, parsed), cancellationToken));

    private static async Task<WedgeJsonResult<object>> OnAFile(NetworkService network, HttpContext http,
        [FromRoute, Description("summary, metrics, balance or communities.")] string measure,
        [Description("The signed edge list: CSV (source,target,sign), a KONECT-style edge list, or GraphML.")] IFormFile file,
        [Description("When a pair holds both signs: error (default), negative, positive or drop.")] string onConflict = "error",
        [Description("metrics: estimate betweenness from this many sampled sources.")] int? sample = null,
        CancellationToken cancellationToken = default)
    {
        var conflict = EnumNames.Parse<Data.Graphs.SignConflict>(onConflict)
            ?? throw Problem.Usage("bad-value", $"onConflict: '{onConflict}' is not one of: error, negative, positive, drop").Exception();
        if (sample is < 1)
        {
            throw Problem.Usage("bad-value", "sample must be at least 1").Exception();
        }

        var shown = Uploads.DisplayName(file, "edges.csv");
        var extension = Path.GetExtension(shown).ToLowerInvariant() is ".graphml" or ".xml" ? ".graphml" : Path.GetExtension(shown).ToLowerInvariant() is ".csv" ? ".csv" : ".txt";
        var path = await Uploads.SaveAsync(http, file, "edges" + extension);
        var request = NetworkRequest.FromFile(new NetworkFile(path, Data.Graphs.GraphFormat.Auto, conflict));
        object result = measure.ToLowerInvariant() switch
        {
            "summary" => network.Overview(request),
            "metrics" => network.Metrics(request, new MetricsOptions(Sample: sample), cancellationToken),
            "balance" => network.Balance(request, cancellationToken: cancellationToken),
            "communities" => network.Communities(request, new CommunityOptions(), cancellationToken),
            _ => throw Problem.NotFound("unknown-measure", $"'{measure}' is not one of: summary, metrics, balance, communities").Exception(),
        };
        return WedgeResults.Json(result);
    }

    /// <summary>Which ties the measures run on: "all" or "friendly"; the default when absent.</summary>
    private static bool FriendlyOnly(string? ties, bool byDefault) => ties?.Trim().ToLowerInvariant() switch
    {
        null => byDefault,
        "friendly" => true,
        "all" => false,
        _ => throw Problem.Usage("bad-value", $"ties: '{ties}' is not one of: all, friendly").Exception(),
    };

    private static WedgeJsonResult<NetworkOverview> Summary(NetworkService network, [AsParameters] ReadClocks clocks,
        [Description("Only ties of these kinds (comma-separated), e.g. alliance,rivalry.")] string? kind = null)
        => WedgeResults.Json(network.Overview(Request(clocks, kind)));

    /// <summary>The network the query selects: the record at the clocks' slice, ties of the given kinds or all.</summary>
    public static NetworkRequest Request(ReadClocks clocks, string? kind)
    {
        var slice = clocks.Slice();
        EquatableList<TieKind>? parsed = kind is null
            ? null
            : kind.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(Parse).Distinct().Order().ToEquatableList();
        return new NetworkRequest(slice, parsed);
    }

    /// <summary>A kind of tie between groups (the kinds the network is built from).</summary>
    private static TieKind Parse(string text)
        => EnumNames.Parse<TieKind>(text) is { } k && SnapshotGraph.GroupTieKinds.Contains(k)
            ? k
            : throw Problem.Usage("bad-value", $"kind: '{text}' is not one of: {string.Join(", ", SnapshotGraph.GroupTieKinds.Select(x => x.Kebab()))}").Exception();
}
