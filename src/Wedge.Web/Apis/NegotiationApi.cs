using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Wedge.Analysis.Negotiation;
using Wedge.Application.Negotiation;
using Wedge.Application.Problems;
using Wedge.Core.Collections;
using Wedge.Data.Scenarios;
using Wedge.Web.Hosting;

namespace Wedge.Web.Apis;

/// <summary>The built-in scenarios by name.</summary>
public sealed record ScenarioNames(EquatableList<string> BuiltIn);

/// <summary>
/// Bargaining forecasts (KTAB's spatial model): a built-in scenario by name, or an uploaded scenario (Wedge YAML, or a
/// KTAB CSV when the upload's name ends in .csv). A request value is never a path: names are looked up among the
/// built-in scenarios only, and uploads are saved where the server chooses.
/// </summary>
public static class NegotiationApi
{
    /// <summary>Bounds that keep one request from holding the machine for minutes (documented in docs/api.md).</summary>
    public const int MaxRuns = 20_000;

    public static IEndpointRouteBuilder MapNegotiationApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/negotiations").WithTags("Negotiation").RefuseUnknownQuery();
        group.MapGet("/", () => WedgeResults.Json(new ScenarioNames([.. BuiltInScenarios.Names]))).WithName("Scenarios")
            .WithSummary("The built-in scenarios.");
        group.MapGet("/{name}", (NegotiationService n, [FromRoute] string name, bool everyoneAtTable = false)
            => WedgeResults.Json(n.Forecast(BuiltIn(name), Options(everyoneAtTable, 1)))).WithName("Forecast")
            .WithSummary("Where talks over a built-in scenario settle, who moves whom, which faction may split; as `wedge negotiate NAME --json`.");
        group.MapGet("/{name}/chart", Chart).WithName("ForecastChart")
            .Produces(StatusCodes.Status200OK, contentType: "image/png").Produces(StatusCodes.Status200OK, contentType: "image/svg+xml")
            .WithSummary("Positions over the turns of a built-in scenario's forecast, as a chart (PNG or SVG); as `wedge negotiate NAME --chart FILE`.");
        group.MapGet("/{name}/monte-carlo", (NegotiationService n, [FromRoute] string name, int runs = 1000, int seed = 1, CancellationToken cancellationToken = default)
            => WedgeResults.Json(n.MonteCarlo(BuiltIn(name), Runs(runs), seed, Options(false, seed), null, cancellationToken))).WithName("MonteCarlo")
            .WithSummary($"Outcome distributions over the scenario's ranged inputs (runs at most 20000; stops when the request is cancelled); as `wedge negotiate NAME --runs N --json`.");
        group.MapGet("/{name}/concession", Concession).WithName("Concession")
            .WithSummary("The smallest change of one actor's position that brings the forecast to what is sought, keeping the limits; as `wedge negotiate NAME --seek --vary --keep --json`.");
        group.MapPost("/forecast", async (NegotiationService n, HttpContext http, IFormFile file, bool everyoneAtTable = false)
            => WedgeResults.Json(n.Forecast(await Upload(http, file), Options(everyoneAtTable, 1)))).DisableAntiforgery().WithName("ForecastUpload")
            .WithSummary("As GET /api/negotiations/{name}, for an uploaded scenario (multipart field `file`: Wedge YAML, or KTAB CSV named *.csv).");
        group.MapPost("/monte-carlo", async (NegotiationService n, HttpContext http, IFormFile file, int runs = 1000, int seed = 1)
            => WedgeResults.Json(n.MonteCarlo(await Upload(http, file), Runs(runs), seed, Options(false, seed), null, http.RequestAborted))).DisableAntiforgery().WithName("MonteCarloUpload")
            .WithSummary("As GET /api/negotiations/{name}/monte-carlo, for an uploaded scenario.");
        group.MapPost("/import-ktab", ImportKtab).DisableAntiforgery().WithName("ImportKtab")
            .WithSummary("A KTAB scenario CSV (multipart field `file`) converted to Wedge's scenario YAML, as a download; as `wedge import ktab`.");
        return routes;
    }

    private static WedgeJsonResult<ConcessionAnswer> Concession(NegotiationService n, [FromRoute] string name,
        [Description("The outcome sought, e.g. `aq-ties <= 20`.")] string seek,
        [Description("The position to vary, ACTOR:DIMENSION, e.g. united-states:us-troops.")] string vary,
        [Description("Limits to keep, e.g. `fragmentation(taliban) < 0.3`; several separated by ';'.")] string? keep = null,
        [Description("Step in position points (default 1).")] double step = 1,
        [Description("weighted (default) or likely: which forecast the condition is checked on.")] string measure = "weighted",
        CancellationToken cancellationToken = default)
    {
        if (!(step > 0 && step <= 100))
        {
            throw Problem.Usage("bad-value", $"step: {step} is not between 0 and 100").Exception();
        }

        var which = measure switch
        {
            "weighted" => OutcomeMeasure.Weighted,
            "likely" => OutcomeMeasure.MostLikely,
            _ => throw Problem.Usage("bad-value", $"measure: '{measure}' is not weighted or likely").Exception(),
        };
        var limits = keep?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToEquatableList() ?? [];
        return WedgeResults.Json(n.Seek(BuiltIn(name), new ConcessionRequest(seek, vary, limits, step, which), Options(false, 1), null, cancellationToken));
    }

    private static async Task<IResult> Chart(NegotiationService n, HttpContext http, [FromRoute] string name,
        [Description("png (default) or svg.")] string format = "png", bool everyoneAtTable = false)
    {
        var extension = format.ToLowerInvariant() switch
        {
            "png" => ".png",
            "svg" => ".svg",
            _ => throw Problem.Usage("bad-value", $"format: '{format}' is not png or svg").Exception(),
        };
        var scenario = BuiltIn(name);
        var directory = Path.Combine(Path.GetTempPath(), "wedge-charts", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var path = Path.Combine(directory, "forecast" + extension);
            n.Forecast(scenario, Options(everyoneAtTable, 1), path);
            return Results.File(await File.ReadAllBytesAsync(path, http.RequestAborted), extension == ".png" ? "image/png" : "image/svg+xml", $"{scenario}{extension}");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task<IResult> ImportKtab(NegotiationService n, HttpContext http, IFormFile file)
    {
        var path = await Uploads.SaveAsync(http, file, "scenario.csv");
        var output = Path.Combine(Path.GetDirectoryName(path)!, "scenario.yaml");
        var imported = n.ImportKtab(path, output, force: false);
        http.Response.Headers["Wedge-Scenario"] = $"{imported.Actors} actors, {imported.Dimensions} dimensions";
        return Results.File(await File.ReadAllBytesAsync(output, http.RequestAborted), "application/yaml", Path.ChangeExtension(Uploads.DisplayName(file, "scenario.csv"), ".yaml"));
    }

    /// <summary>A built-in scenario's name, checked: a request never names a file.</summary>
    private static string BuiltIn(string name)
        => BuiltInScenarios.Find(name) is not null
            ? name
            : throw Problem.NotFound("scenario-not-found", $"no built-in scenario '{name}' (built-in: {string.Join(", ", BuiltInScenarios.Names)}); to run your own, upload it").Exception();

    private static async Task<string> Upload(HttpContext http, IFormFile file)
        => await Uploads.SaveAsync(http, file, file.FileName.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? "scenario.csv" : "scenario.yaml");

    private static int Runs(int runs)
        => runs is >= 1 and <= MaxRuns ? runs : throw Problem.Usage("bad-value", $"runs: {runs} is out of range (1 to {MaxRuns})").Exception();

    private static SmpOptions Options(bool everyoneAtTable, int seed) => SmpOptions.KtabDefaults with { Seed = seed, HonourTableLimits = !everyoneAtTable };
}
