using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Wedge.Analysis.Dyad;
using Wedge.Application.Records;
using Wedge.Core.Collections;
using Wedge.Core.Model;
using Wedge.Web.Hosting;

namespace Wedge.Web.Apis;

/// <summary>Everything between two actors, read on the three clocks.</summary>
public static class DyadApi
{
    public static IEndpointRouteBuilder MapDyadApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/dyads").WithTags("Dyad").RefuseUnknownQuery()
            .MapGet("/{a}/{b}", Dyad).ReadsJournal().WithName("GetDyad")
            .WithSummary("Everything between two actors: ties with claims and grades, the ledger both ways, contests; as `wedge dyad A B`.");
        return routes;
    }

    private static WedgeJsonResult<DyadReport> Dyad(RecordQueries records, [FromRoute, Description("First actor.")] string a, [FromRoute, Description("Second actor.")] string b, [AsParameters] ReadClocks clocks)
        => WedgeResults.Json(records.Dyad(clocks.Slice(), a, b));
}
