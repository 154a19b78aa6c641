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
        group.MapPost("/mmp", ImportMmp).WritesJournal().DisableAntiforgery().WithName("ImportMmp")
            .WithSummary("Import the Mapping Militants Project's CSVs (multipart fields `key` and `relationships`): all or none, with the impact on judgements; needs If-Match unless dryRun. As `wedge import mmp`.");
        group.MapPost("/stix", ImportStix).WritesJournal().DisableAntiforgery().WithName("ImportStix")
            .WithSummary("Import a STIX 2.1 bundle (multipart field `file`): all or none; needs If-Match unless dryRun. As `wedge import stix`.");
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

    private static async Task<WedgeJsonResult<MmpImported>> ImportMmp(
        ImportService imports,
        HttpContext http,
        [Description("MMP's group key (Militant-Group-Key.csv).")] IFormFile key,
        [Description("MMP's relationships (Militant-Group-Relationships.csv).")] IFormFile relationships,
        [FromForm, Description("Why it is imported (recorded in the journal).")] string? why = null,
        [FromForm, Description("Who imports it.")] string? author = null,
        [Description("Refuse the whole import if any row is refused or any group is ambiguous.")] bool strict = false,
        [Description("Grade every imported claim this way (e.g. C3) instead of MMP's default.")] string? grade = null,
        [Description("Import the claims as context: shown and cited, not weighed as evidence until accepted.")] bool asContext = false,
        [Description("Weigh the import's impact on judgements at this date (default: the record read now).")] string? at = null,
        [Description("Plan only: what would change; nothing is written.")] bool dryRun = false,
        CancellationToken cancellationToken = default)
    {
        Core.Model.Grade? parsed = grade is null ? null
            : Core.Model.Grade.TryParse(grade, out var g, out var gradeError) ? g : throw Application.Problems.Problem.Usage("bad-value", $"grade: {gradeError}").Exception();
        var keyPath = await Uploads.SaveAsync(http, key, "Militant-Group-Key.csv");
        var relationshipsPath = await Uploads.SaveAsync(http, relationships, "Militant-Group-Relationships.csv");
        var done = imports.ImportMmp(new MmpImportRequest(keyPath, relationshipsPath, null, strict, parsed, asContext, ReadClocks.Date("at", at)),
            author, why ?? "imported the Mapping Militants Project's data over HTTP", JournalVersion.Expected(http), cancellationToken, dryRun);
        if (!done.Written && done.Refusal is { } refusal)
        {
            throw refusal.Exception();
        }

        MarkDryRun(http, dryRun);
        JournalVersion.Written(http, done.Version);
        return WedgeResults.Json(done);
    }

    private static async Task<WedgeJsonResult<Application.Exchange.StixImportResult>> ImportStix(
        Application.Exchange.ExchangeService exchange,
        HttpContext http,
        [Description("The STIX 2.1 bundle (JSON).")] IFormFile file,
        [FromForm, Description("Why it is imported (recorded in the journal).")] string? why = null,
        [FromForm, Description("Who imports it.")] string? author = null,
        [Description("Plan only: what would be added; nothing is written.")] bool dryRun = false)
    {
        var path = await Uploads.SaveAsync(http, file, "bundle.json");
        var done = exchange.ImportStix(path, dryRun, author, why ?? $"imported STIX bundle {Shown(file)} over HTTP", JournalVersion.Expected(http));
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
