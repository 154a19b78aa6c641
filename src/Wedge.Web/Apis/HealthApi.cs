using Wedge.Application.Store;
using Wedge.Web.Hosting;

namespace Wedge.Web.Apis;

/// <summary>Whether the server is up and its database usable, with the journal version it holds.</summary>
public sealed record Health(string Status, long JournalVersion, string Version);

public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/health", (SharedKnowledgeStore store) => Check(store)).WithTags("Health").WithName("Health").RefuseUnknownQuery()
            .WithSummary("Up, with a usable database: the journal version; a database that cannot be used is a problem (422).");
        return routes;
    }

    private static WedgeJsonResult<Health> Check(SharedKnowledgeStore store)
        => WedgeResults.Json(new Health("ok", store.Version(), typeof(HealthApi).Assembly.GetName().Version?.ToString() ?? "unknown"));
}
