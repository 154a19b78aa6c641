using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wedge.Analysis.Assessment;
using Wedge.Application;
using Wedge.Application.Assessment;
using Wedge.Application.Imports;
using Wedge.Application.Problems;
using Wedge.Application.Records;
using Wedge.Application.Store;
using Wedge.Core.Model;
using Wedge.Web.Components;
using Wedge.Web.Hosting;

namespace Wedge.Web.Pages;

/// <summary>
/// The analyst's pages: Razor components rendered on the server (static rendering, no circuit), each filled by one
/// application service call, plus small module scripts under /assets for what must move in the browser (the explorer).
/// </summary>
public static class WedgePages
{
    /// <summary>Paths the pages own; they get <see cref="SecurityHeaders.PagePolicy"/> (scripts and styles from this server).</summary>
    private static readonly string[] Roots = [Assets.Prefix, "/explore", "/actors", "/dyads", "/record", "/negotiate", "/hypotheses", "/durability", "/login", "/logout"];

    public static bool IsPage(PathString path) => path == "/" || Roots.Any(r => path.StartsWithSegments(r));

    public static IServiceCollection AddWedgePages(this IServiceCollection services)
    {
        services.AddRazorComponents();
        return services;
    }

    public static IEndpointRouteBuilder MapWedgePages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/", () => TypedResults.Redirect("/explore"));
        pages.MapGet("/explore", (HttpContext http, [FromQuery] string? knownAt, [FromQuery] string? recordedBy, [FromQuery] string[]? kind, [FromQuery] int? year)
            => Render(http, () => Page<Explorer>(new() { ["Query"] = new ExplorerQuery(Set(knownAt), Set(recordedBy), kind ?? [], year).Checked() })));
        pages.MapGet("/actors", (HttpContext http, RecordQueries records, string? at, string? knownAt, string? recordedBy, string? kind) => Render(http, () =>
        {
            var clocks = PageClocks.From(at, knownAt, recordedBy);
            var slice = clocks.Slice();
            ActorKind? wanted = Set(kind) is { } k ? QueryValues.Kind<ActorKind>("kind", k) : null;
            return Page<ActorsPage>(new()
            {
                ["Actors"] = records.Actors(slice, new ActorFilter(wanted)),
                ["Kind"] = wanted,
                ["Clocks"] = clocks,
                ["Slice"] = Slices.Describe(slice),
            });
        }));
        pages.MapGet("/actors/{name}", (HttpContext http, RecordQueries records, string name, string? at, string? knownAt, string? recordedBy) => Render(http, () =>
        {
            var clocks = PageClocks.From(at, knownAt, recordedBy);
            var slice = clocks.Slice();
            var profile = records.Actor(slice, name);
            return Page<ActorPage>(new()
            {
                ["Profile"] = profile,
                ["Timeline"] = records.Timeline(slice, profile.Id),
                ["Clocks"] = clocks,
                ["Slice"] = Slices.Describe(slice),
            });
        }));
        pages.MapGet("/dyads/{a}/{b}", (HttpContext http, RecordQueries records, AssessmentService assessments, string a, string b, string? at, string? knownAt,
            string? recordedBy, CancellationToken cancellationToken) => Render(http, () =>
        {
            var clocks = PageClocks.From(at, knownAt, recordedBy);
            var slice = clocks.Slice();
            var report = records.Dyad(slice, a, b);
            AllianceAssessment? assessment = null;
            string? refused = null;
            try
            {
                assessment = assessments.Assess(slice, new AssessRequest(report.A.Id, report.B.Id), cancellationToken);
            }
            catch (ProblemException e) when (e.Problem.Kind != ProblemKind.Internal)
            {
                // The pair itself is on record (the report above); the assessment may still be refused (e.g. no ledger).
                refused = e.Problem.Message;
            }

            return Page<DyadPage>(new()
            {
                ["Report"] = report,
                ["Assessment"] = assessment,
                ["AssessmentProblem"] = refused,
                ["Timeline"] = records.Timeline(slice, report.A.Id, report.B.Id),
                ["Clocks"] = clocks,
                ["Slice"] = Slices.Describe(slice),
            });
        }));
        pages.MapGet("/record/import", (SharedKnowledgeStore store) => Page<ImportPage>(new() { ["Version"] = store.Version() }));
        pages.MapPost("/record/import", ImportCase).Requires(Wedge.Core.Accounts.Capability.Write).DisableAntiforgery();
        routes.MapNegotiatePages();
        routes.MapRecordPages();
        routes.MapAnalysisPages();
        return routes;
    }

    /// <summary>
    /// The import form's post: the same service call as the API's, a dry run unless unticked. A real import expects the
    /// version the form was loaded at (as If-Match does), so nothing lands over changes the user has not seen.
    /// </summary>
    private static async Task<IResult> ImportCase(HttpContext http, ImportService imports, SharedKnowledgeStore store, IFormFile? file,
        [FromForm] string? author, [FromForm] string? why, [FromForm] bool? dryRun, [FromForm] long? version)
    {
        // A checkbox left unticked sends nothing: only a ticked one asks for a dry run.
        var plan = dryRun == true;
        var shown = file is null ? null : Uploads.DisplayName(file, "upload");
        var page = new Dictionary<string, object?> { ["DryRun"] = plan, ["FileName"] = shown, ["Author"] = Set(author), ["Why"] = Set(why) };
        try
        {
            if (file is null)
            {
                throw Problem.Usage("no-file", "choose a case file to import").Exception();
            }

            var path = await Uploads.SaveAsync(http, file, "case.yaml");
            var done = imports.ImportCase(path, Set(author), Set(why) ?? $"imported case file {shown} from the import page", plan ? null : version, plan);
            page["Result"] = done with { File = shown! };
            page["Version"] = done.Version;
            return Page<ImportPage>(page);
        }
        catch (ProblemException e)
        {
            page["Problem"] = Uploads.Describe(http, e.Problem);
            page["Version"] = store.Version();
            return new RazorComponentResult<ImportPage>(page) { StatusCode = ProblemResponses.StatusOf(e.Problem.Kind) };
        }
    }

    /// <summary>A form's field as a value: a field left empty is not set (the API's parameters are simply absent).</summary>
    public static string? Set(string? field) => string.IsNullOrWhiteSpace(field) ? null : field.Trim();

    /// <summary>A page component with its parameters.</summary>
    public static RazorComponentResult Page<TPage>(Dictionary<string, object?> parameters) where TPage : Microsoft.AspNetCore.Components.IComponent
        => new RazorComponentResult<TPage>(parameters);

    /// <summary>Renders a page, or the problem its service reports as a page with the problem's status.</summary>
    public static IResult Render(HttpContext http, Func<IResult> page)
    {
        try
        {
            return page();
        }
        catch (ProblemException e)
        {
            var problem = Uploads.Describe(http, e.Problem);
            return new RazorComponentResult<ProblemPage>(new Dictionary<string, object?> { ["Problem"] = problem })
            {
                StatusCode = ProblemResponses.StatusOf(problem.Kind),
            };
        }
    }
}
