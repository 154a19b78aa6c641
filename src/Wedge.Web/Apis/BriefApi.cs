using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Wedge.Application.Assessment;
using Wedge.Application.Problems;
using Wedge.Reports.Briefs;
using Wedge.Web.Hosting;

namespace Wedge.Web.Apis;

/// <summary>The sourced brief on an alliance, as a download: the same document `wedge brief` writes.</summary>
public static class BriefApi
{
    public static IEndpointRouteBuilder MapBriefApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/briefs/{a}/{b}", Brief).WithTags("Brief").RefuseUnknownQuery().ReadsJournal().WithName("Brief")
            .WithSummary("The brief on the alliance between A and B as a download: self-contained HTML, or PDF printed by a headless Chromium on the server; as `wedge brief A B`.")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf");
        return routes;
    }

    private static async Task<IResult> Brief(
        AssessmentService assessments,
        HttpContext http,
        [FromRoute, Description("First actor, e.g. Taliban.")] string a,
        [FromRoute, Description("Second actor, e.g. al-Qaeda.")] string b,
        [AsParameters] ReadClocks clocks,
        [Description("html (default) or pdf.")] string format = "html",
        [Description("a4 (default) or letter.")] string paper = "a4",
        [Description("The brief's title (default: the pair).")] string? title = null,
        [Description("Who wrote it, on the cover.")] string? author = null,
        [Description("Monte Carlo runs behind the intervals (default 2000; 0 skips them); at most 100000.")] int? runs = null,
        [Description("Seed of the simulation.")] int? seed = null,
        CancellationToken cancellationToken = default)
    {
        var pdf = format.ToLowerInvariant() switch
        {
            "html" => false,
            "pdf" => true,
            _ => throw Problem.Usage("bad-value", $"format: '{format}' is not html or pdf").Exception(),
        };
        var size = paper.ToLowerInvariant() switch
        {
            "a4" => PaperSize.A4,
            "letter" => PaperSize.Letter,
            _ => throw Problem.Usage("bad-value", $"paper: '{paper}' is not a4 or letter").Exception(),
        };
        if (runs is < 0 or > AssessmentApi.MaxRuns || seed is < 0)
        {
            throw Problem.Usage("bad-value", $"runs must be 0 to {AssessmentApi.MaxRuns} and seed 0 or more").Exception();
        }

        // Written where the server chooses, read back, and removed when the response is done.
        var directory = Path.Combine(Path.GetTempPath(), "wedge-briefs", Guid.NewGuid().ToString("N"));
        http.Response.RegisterForDispose(new Removal(directory));
        var written = assessments.Brief(clocks.Slice(), new AssessRequest(a, b, null, runs, seed), directory, new BriefRequest(title, author, size, pdf), cancellationToken);
        if (pdf && written.Pdf is null)
        {
            throw Problem.Refused("pdf-unavailable", $"this server cannot print the brief as PDF ({written.PdfNote}); ask for format=html").Exception();
        }

        var name = $"brief-{Slug(a)}-{Slug(b)}";
        return pdf
            ? Results.File(await File.ReadAllBytesAsync(written.Pdf!, cancellationToken), "application/pdf", name + ".pdf")
            : Results.File(await File.ReadAllBytesAsync(written.Html, cancellationToken), "text/html; charset=utf-8", name + ".html");
    }

    /// <summary>A file name from an actor's name: letters and digits, the rest dashes (never a path).</summary>
    private static string Slug(string name)
        => new string([.. name.Select(c => char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-')]).Trim('-') is { Length: > 0 } s ? s : "actor";

    private sealed class Removal(string directory) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: the system's temporary folder is cleaned anyway.
            }
        }
    }
}
