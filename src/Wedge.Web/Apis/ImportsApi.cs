using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Wedge.Application.Imports;
using Wedge.Web.Hosting;

namespace Wedge.Web.Apis;

/// <summary>Imports: all of a file or none of it; a dry run says what would change and writes nothing.</summary>
public static class ImportsApi
{
    public static IEndpointRouteBuilder MapImportsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/imports").WithTags("Imports").RefuseUnknownQuery();
        group.MapPost("/case", ImportCase).WritesJournal().DisableAntiforgery().WithName("ImportCase")
            .WithSummary("Import a case file (YAML, multipart field `file`): all of it or none; needs If-Match unless dryRun. As `wedge import case`.");
        return routes;
    }

    private static async Task<WedgeJsonResult<CaseImported>> ImportCase(
        ImportService imports,
        HttpContext http,
        [Description("The case file (YAML; docs/case-format.md).")] IFormFile file,
        [FromForm, Description("Why it is imported (recorded in the journal).")] string? why = null,
        [FromForm, Description("Who imports it.")] string? author = null,
        [Description("Plan only: what would be added and corrected; nothing is written.")] bool dryRun = false)
    {
        var path = await Uploads.SaveAsync(http, file, "case.yaml");
        var done = imports.ImportCase(path, author, why ?? $"imported case file {Shown(file)} over HTTP", JournalVersion.Expected(http), dryRun);
        done = done with { File = Shown(file) };
        MarkDryRun(http, dryRun);
        JournalVersion.Written(http, done.Version);
        return WedgeResults.Json(done);
    }

    /// <summary>A dry run's response says so in a header: its body is the import's own result, with the journal's version unchanged.</summary>
    public static void MarkDryRun(HttpContext http, bool dryRun)
    {
        if (dryRun)
        {
            http.Response.Headers["Wedge-Dry-Run"] = "true";
        }
    }

    private static string Shown(IFormFile file) => Uploads.DisplayName(file, "upload");
}
