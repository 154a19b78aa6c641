using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Wedge.Analysis.Dyad;
using Wedge.Application.Records;
using Wedge.Core.Collections;
using Wedge.Core.Model;
using Wedge.Web.Hosting;

namespace Wedge.Web.Apis;

/// <summary>One actor's (or a pair's) events, ties and roles in date order.</summary>
public static class TimelineApi
{
    public static IEndpointRouteBuilder MapTimelineApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/timeline").WithTags("Timeline").RefuseUnknownQuery()
            .MapGet("/{name}", Timeline).ReadsJournal().WithName("GetTimeline")
            .WithSummary("Events, ties and roles of one actor's bloc (or of a pair, with `with`) in date order; as `wedge timeline`.");
        return routes;
    }

    private static WedgeJsonResult<EquatableList<TimelineEntry>> Timeline(
        RecordQueries records,
        [FromRoute, Description("The actor (id, name or alias).")] string name,
        [AsParameters] ReadClocks clocks,
        [Description("Only what involves this second actor too.")] string? with = null)
        => WedgeResults.Json(records.Timeline(clocks.Slice(), name, with));
}
