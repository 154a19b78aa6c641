using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Wedge.Analysis.Dyad;
using Wedge.Application.Records;
using Wedge.Core.Collections;
using Wedge.Core.Model;
using Wedge.Web.Hosting;

namespace Wedge.Web.Apis;

/// <summary>Actors on record and one actor's profile, read on the three clocks.</summary>
public static class ActorsApi
{
    public static IEndpointRouteBuilder MapActorsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/actors").WithTags("Actors").RefuseUnknownQuery();
        group.MapGet("/", Actors).ReadsJournal().WithName("ListActors")
            .WithSummary("Actors on record (groups, factions, states, people), as `wedge actors`.");
        group.MapGet("/{name}", Actor).ReadsJournal().WithName("GetActor")
            .WithSummary("One actor's profile: aliases, factions, leaders over time, ties, claims; as `wedge actor NAME`.");
        return routes;
    }

    private static WedgeJsonResult<EquatableList<ActorEntry>> Actors(
        RecordQueries records,
        [AsParameters] ReadClocks clocks,
        [Description("Only actors of this kind: armed-group, faction, state, person, other.")] string? kind = null,
        [Description("Only actors an MMP import created because no actor on record matched them.")] bool unmatched = false)
    {
        var slice = clocks.Slice();
        var filter = new ActorFilter(kind is null ? null : QueryValues.Kind<ActorKind>("kind", kind), unmatched);
        return WedgeResults.Json(records.Actors(slice, filter));
    }

    private static WedgeJsonResult<ActorProfile> Actor(RecordQueries records, [FromRoute, Description("Id, name or alias, e.g. Haqqani Network.")] string name, [AsParameters] ReadClocks clocks)
        => WedgeResults.Json(records.Actor(clocks.Slice(), name));
}
