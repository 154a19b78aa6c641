using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Wedge.Analysis.Negotiation;
using Wedge.Application.Negotiation;
using Wedge.Application.Problems;
using Wedge.Core.Collections;
using Wedge.Core.Negotiation;
using Wedge.Web.Hosting;

namespace Wedge.Web.Pages;

/// <summary>
/// The negotiation page: a built-in scenario or an uploaded one (our YAML or KTAB's CSV, never a path on the server),
/// its table of capabilities, positions and saliences, a run of the model and the concession search. The scenario
/// travels with the form as the scenario format's text, so the page keeps no state on the server.
/// </summary>
public static class NegotiatePages
{
    public static IEndpointRouteBuilder MapNegotiatePages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("/negotiate").ExcludeFromDescription();
        pages.MapGet("", (HttpContext http, string? scenario) => WedgePages.Render(http, () =>
        {
            var name = WedgePages.Set(scenario) ?? ScenarioEdits.BuiltInNames[0];
            return Page(new NegotiateView(ScenarioEdits.BuiltIn(name), name));
        }));
        // Writes nothing: the form carries its own scenario, so there is no forgery to guard against.
        pages.MapPost("", Submit).DisableAntiforgery();
        pages.MapPost("/upload", Upload).DisableAntiforgery();
        return routes;
    }

    /// <summary>An uploaded scenario, read as the command line reads a file of that kind; shown in the table, not run yet.</summary>
    private static async Task<IResult> Upload(HttpContext http, IFormFile? file)
    {
        var fallback = ScenarioEdits.BuiltInNames[0];
        try
        {
            if (file is null)
            {
                throw Problem.Usage("no-file", "choose a scenario file to upload (.yaml, or a KTAB .csv)").Exception();
            }

            var csv = Path.GetExtension(Uploads.DisplayName(file, "scenario.yaml")).Equals(".csv", StringComparison.OrdinalIgnoreCase);
            var path = await Uploads.SaveAsync(http, file, csv ? "scenario.csv" : "scenario.yaml");
            return Page(new NegotiateView(NegotiationService.Load(path), Uploads.DisplayName(file, "upload")));
        }
        catch (ProblemException e)
        {
            var view = new NegotiateView(ScenarioEdits.BuiltIn(fallback), fallback) { Problem = Uploads.Describe(http, e.Problem) };
            return Page(view, ProblemResponses.StatusOf(e.Problem.Kind));
        }
    }

    /// <summary>The table's values applied to the scenario the form carries, then a run or a concession search.</summary>
    private static async Task<IResult> Submit(HttpContext http, NegotiationService negotiations, CancellationToken cancellationToken)
    {
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var source = WedgePages.Set(form["source"]) ?? "scenario";
        Scenario scenario;
        try
        {
            scenario = ScenarioEdits.Read(form["scenario"].ToString(), source);
        }
        catch (ProblemException e)
        {
            return WedgePages.Render(http, () => throw e);
        }

        var edits = Enumerable.Range(0, scenario.Actors.Count).Select(i => new ActorEdit(form[$"cap-{i}"],
            Enumerable.Range(0, scenario.Dimensions.Count).Select(d => (string?)form[$"pos-{i}-{d}"]).ToEquatableList(),
            Enumerable.Range(0, scenario.Dimensions.Count).Select(d => (string?)form[$"sal-{i}-{d}"]).ToEquatableList())).ToList();
        var concession = new ConcessionForm(form["seek"], form["vary"], form["keep"], form["step"], form["measure"]);
        var view = new NegotiateView(scenario, source) { Typed = edits, Concession = concession };
        var edited = ScenarioEdits.Apply(scenario, edits);
        if (edited.Scenario is null)
        {
            return Page(view with { Errors = edited.Errors }, StatusCodes.Status422UnprocessableEntity);
        }

        try
        {
            if (form["action"] == "seek")
            {
                var step = double.TryParse(concession.Step, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : double.NaN;
                if (!(step > 0))
                {
                    throw Problem.Usage("bad-step", "step must be a number above 0").Exception();
                }

                var keep = (concession.Keep ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToEquatableList();
                var request = new ConcessionRequest(concession.Seek ?? "", concession.Vary ?? "", keep, step,
                    concession.Measure == "likely" ? OutcomeMeasure.MostLikely : OutcomeMeasure.Weighted);
                return Page(view with { Answer = negotiations.Seek(edited.Scenario, request, SmpOptions.KtabDefaults, null, cancellationToken) });
            }

            return Page(view with { Forecast = negotiations.Forecast(edited.Scenario, SmpOptions.KtabDefaults) });
        }
        catch (ProblemException e)
        {
            return Page(view with { Problem = e.Problem }, ProblemResponses.StatusOf(e.Problem.Kind));
        }
    }

    private static IResult Page(NegotiateView view, int status = StatusCodes.Status200OK)
        => new RazorComponentResult<NegotiatePage>(new Dictionary<string, object?> { ["View"] = view }) { StatusCode = status };
}

/// <summary>The concession search's fields as typed.</summary>
public sealed record ConcessionForm(string? Seek, string? Vary, string? Keep, string? Step, string? Measure);

/// <summary>What the negotiation page shows: the scenario and where it came from, the values as typed, and any result or problem.</summary>
public sealed record NegotiateView(Scenario Scenario, string Source)
{
    public IReadOnlyList<ActorEdit>? Typed { get; init; }

    public EquatableList<EditError> Errors { get; init; } = [];

    public ConcessionForm? Concession { get; init; }

    public NegotiationForecast? Forecast { get; init; }

    public ConcessionAnswer? Answer { get; init; }

    public Problem? Problem { get; init; }
}
