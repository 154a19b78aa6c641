using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Wedge.Analysis.Hypotheses;
using Wedge.Application.Hypotheses;
using Wedge.Application.Problems;
using Wedge.Core.Collections;
using Wedge.Core.Hypotheses;
using Wedge.Data.Hypotheses;
using Wedge.Web.Hosting;

namespace Wedge.Web.Apis;

/// <summary>Competing hypotheses on the record: a built-in matrix by name (never a path), or an uploaded one.</summary>
public static class HypothesesApi
{
    public static IEndpointRouteBuilder MapHypothesesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/hypotheses").WithTags("Hypotheses").RefuseUnknownQuery();
        group.MapGet("/", () => WedgeResults.Json(HypothesesService.List())).WithName("Matrices")
            .WithSummary("The built-in matrices; as `wedge hypotheses list --json`.");
        group.MapGet("/{name}", (HypothesesService h, [FromRoute] string name, [AsParameters] ReadClocks clocks)
            => WedgeResults.Json(h.Show(clocks.Slice(), BuiltIn(name)))).ReadsJournal().WithName("MatrixShow")
            .WithSummary("The matrix with each cell's consensus and each item's weights and diagnosticity; as `wedge hypotheses show NAME --json`.");
        group.MapGet("/{name}/score", (HypothesesService h, [FromRoute] string name, [AsParameters] ReadClocks clocks)
            => WedgeResults.Json(h.Score(clocks.Slice(), BuiltIn(name)))).ReadsJournal().WithName("MatrixScore")
            .WithSummary("The hypotheses ranked by PARC's and Open Synthesis's inconsistency, sensitivity, and the call in words; as `wedge hypotheses score NAME --json`.");
        group.MapGet("/{name}/sensitivity", (HypothesesService h, [FromRoute] string name, [AsParameters] ReadClocks clocks)
            => WedgeResults.Json(h.Score(clocks.Slice(), BuiltIn(name)).Scores.Sensitivity)).ReadsJournal().WithName("MatrixSensitivity")
            .WithSummary("The items that, taken away or re-weighted, change the ranking; as `wedge hypotheses sensitivity NAME --json`.");
        group.MapGet("/{name}/watch", (HypothesesService h, [FromRoute] string name, [AsParameters] ReadClocks clocks)
            => WedgeResults.Json(h.Watch(clocks.Slice(), BuiltIn(name)))).ReadsJournal().WithName("MatrixWatch")
            .WithSummary("The indicators to watch and the facts on record that fire them; as `wedge hypotheses watch NAME --json`.");
        group.MapPost("/score", Upload).DisableAntiforgery().ReadsJournal().WithName("MatrixScoreUpload")
            .WithSummary("Score an uploaded matrix (multipart `file`, YAML; docs/methods/hypotheses.md) on the record.");
        return routes;
    }

    private static async Task<WedgeJsonResult<HypothesesReport>> Upload(HypothesesService h, HttpContext http, [Description("The matrix (YAML).")] IFormFile file,
        [AsParameters] ReadClocks clocks)
    {
        var path = await Uploads.SaveAsync(http, file, "matrix.yaml");
        AchMatrix matrix;
        try
        {
            matrix = AchYaml.ReadFile(path);
        }
        catch (AchFormatException e)
        {
            throw new Problem(ProblemKind.Refused, "matrix-invalid", e.Message, Uploads.DisplayName(file, "matrix.yaml"), e.Line, e.Column).Exception();
        }

        return WedgeResults.Json(h.Score(clocks.Slice(), matrix));
    }

    private static AchMatrix BuiltIn(string name) => HypothesesService.BuiltIn(name);
}
