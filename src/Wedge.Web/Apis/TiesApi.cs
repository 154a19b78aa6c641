using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Wedge.Analysis.Dyad;
using Wedge.Application.Records;
using Wedge.Core.Collections;
using Wedge.Core.Model;
using Wedge.Web.Hosting;

namespace Wedge.Web.Apis;

/// <summary>Ties on record, read on the three clocks.</summary>
public static class TiesApi
{
    public static IEndpointRouteBuilder MapTiesApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/ties").WithTags("Ties").RefuseUnknownQuery()
            .MapGet("/", Ties).ReadsJournal().WithName("ListTies")
            .WithSummary("Ties on record, optionally of one kind or one actor, with periods, claims and grades; as `wedge ties`.");
        return routes;
    }

    private static WedgeJsonResult<EquatableList<TieView>> Ties(
        RecordQueries records,
        [AsParameters] ReadClocks clocks,
        [Description("Only ties of this kind: alliance, affiliation, sponsorship, rivalry, split, merger, leadership.")] string? kind = null,
        [Description("Only ties of this actor (id, name or alias).")] string? actor = null)
    {
        var slice = clocks.Slice();
        return WedgeResults.Json(records.Ties(slice, kind is null ? null : QueryValues.Kind<TieKind>("kind", kind), actor));
    }
}
