using System.ComponentModel;
using Wedge.Application.Network;
using Wedge.Application.Problems;
using Wedge.Web.Hosting;

namespace Wedge.Web.Apis;

/// <summary>The web of groups as something to draw: nodes with their measures and ties with their evidence, at a date or year by year.</summary>
public static class NetworkWebApi
{
    public static IEndpointRouteBuilder MapNetworkWebApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/network/web").WithTags("Network").RefuseUnknownQuery();
        group.MapGet("/", Web).ReadsJournal().WithName("NetworkWeb")
            .WithSummary("The web at a slice for drawing: each group with degree, betweenness, PageRank, community and hub mark; each tie with sign, contested flag, weighed probability and the ties behind it.");
        group.MapGet("/years", Years).ReadsJournal().WithName("NetworkWebYears")
            .WithSummary("The web year by year (each year read at that year on the knownAt and recordedBy clocks), for a time slider; the network explorer page draws it.");
        return routes;
    }

    private static WedgeJsonResult<NetworkWeb> Web(NetworkWebService web, [AsParameters] ReadClocks clocks,
        [Description("Only ties of these kinds (comma-separated), e.g. alliance,rivalry.")] string? kind = null)
        => WedgeResults.Json(web.Web(NetworkApi.Request(clocks, kind)));

    private static WedgeJsonResult<NetworkWebSeries> Years(NetworkWebService web, [AsParameters] ReadClocks clocks, CancellationToken cancellationToken,
        [Description("First year (default: the first year a tie between groups starts or ends in).")] int? from = null,
        [Description("Last year (default: the last year a tie between groups starts or ends in).")] int? to = null,
        [Description("Only ties of these kinds (comma-separated), e.g. alliance,rivalry.")] string? kind = null)
    {
        if (clocks.At is not null)
        {
            throw Problem.Usage("bad-query", "at: each year of the series is read at that year; give from and to instead").Exception();
        }

        return WedgeResults.Json(web.Series(NetworkApi.Request(clocks, kind), from, to, cancellationToken));
    }
}
