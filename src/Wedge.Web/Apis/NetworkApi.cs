using System.ComponentModel;
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
        return routes;
    }

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
