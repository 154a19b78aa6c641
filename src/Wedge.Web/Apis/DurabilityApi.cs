using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Wedge.Analysis.Durability;
using Wedge.Application.Durability;
using Wedge.Application.Problems;
using Wedge.Data.Survival;
using Wedge.Web.Hosting;

namespace Wedge.Web.Apis;

/// <summary>How long alliances hold: survival analysis of the record's alliances, and of a researcher's own CSV upload.</summary>
public static class DurabilityApi
{
    public static IEndpointRouteBuilder MapDurabilityApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/durability").WithTags("Durability").RefuseUnknownQuery();
        group.MapGet("/record", Record).ReadsJournal().WithName("DurabilityRecord")
            .WithSummary("A Cox model of the hazard of a break over the record's alliance spells, and a pair's outlook; as `wedge durability record --json`.");
        group.MapGet("/curves", Curves).ReadsJournal().WithName("DurabilityCurves")
            .WithSummary("Kaplan–Meier of the record's alliances (by group), log-rank, and how they ended; as `wedge durability curves --json`.");
        group.MapGet("/panel", Panel).ReadsJournal().WithName("DurabilityPanel")
            .WithSummary("The record's alliance spells as counting-process rows (CSV download), or with codebook=true the codebook; as `wedge durability record --export`.");
        group.MapGet("/backtest", Backtest).ReadsJournal().WithName("DurabilityBacktest")
            .WithSummary("The record's model fitted at cut years without hindsight and scored on what followed; as `wedge durability backtest --json`.");
        group.MapPost("/{method}", OnAFile).DisableAntiforgery().WithName("DurabilityOnAFile")
            .WithSummary("cox, finegray, km, logrank, zph or cif on an uploaded CSV (multipart field `file`), with R's numbers; as `wedge durability METHOD --json`.");
        return routes;
    }

    private static WedgeJsonResult<RecordDurabilityResult> Record(RecordDurabilityService durability, [AsParameters] ReadClocks clocks, [AsParameters] SpellPolicy policy,
        [Description("Covariates of the model, comma-separated (default: leader_death_known,shared_rival,state_sponsor,other_allies).")] string? covariates = null,
        [Description("Give the outlook of one alliance: pair=A&with=B.")] string? pair = null,
        [Description("The other actor of pair.")] string? with = null)
    {
        if ((pair is null) != (with is null))
        {
            throw Problem.Usage("bad-value", "pair and with go together: pair=A&with=B").Exception();
        }

        return WedgeResults.Json(durability.Analyse(clocks.Slice(), policy.Rule(), List(covariates), pair is not null ? (pair, with!) : null));
    }

    private static WedgeJsonResult<RecordCurvesResult> Curves(RecordDurabilityService durability, [AsParameters] ReadClocks clocks, [AsParameters] SpellPolicy policy,
        [Description("One curve with and one without this covariate on a spell's first day.")] string? by = null)
        => WedgeResults.Json(durability.Curves(clocks.Slice(), policy.Rule(), by));

    private static async Task<IResult> Panel(RecordDurabilityService durability, HttpContext http, [AsParameters] ReadClocks clocks, [AsParameters] SpellPolicy policy,
        [Description("Give the codebook (plain text) instead of the rows.")] bool codebook = false)
    {
        var directory = Path.Combine(Path.GetTempPath(), "wedge-panels", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            var path = Path.Combine(directory, "alliance-spells.csv");
            durability.Export(clocks.Slice(), policy.Rule(), path);
            return codebook
                ? Results.File(await File.ReadAllBytesAsync(path + ".codebook.txt", http.RequestAborted), "text/plain; charset=utf-8", "alliance-spells.csv.codebook.txt")
                : Results.File(await File.ReadAllBytesAsync(path, http.RequestAborted), "text/csv; charset=utf-8", "alliance-spells.csv");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static WedgeJsonResult<BacktestResult> Backtest(RecordDurabilityService durability, [AsParameters] ReadClocks clocks, [AsParameters] SpellPolicy policy,
        [Description("Cut years, comma-separated (default: five, two years apart, the last whose horizon fits in the data).")] string? years = null,
        [Description("Years after each cut in which a break is predicted (default 3).")] double horizon = 3,
        [Description("Read each cut in valid time only (the record as compiled now, up to the cut), not as it was public then.")] bool validTimeOnly = false,
        [Description("Covariates of the model, comma-separated.")] string? covariates = null)
    {
        int[]? cuts = years is null ? null : [.. List(years)!.Select(y => int.TryParse(y, out var v) && y.Length == 4 ? v
            : throw Problem.Usage("bad-value", $"years: '{y}' is not a four-digit year").Exception())];
        return WedgeResults.Json(durability.Backtest(clocks.Slice(), policy.Rule(), cuts, horizon, List(covariates), hindsightFree: !validTimeOnly));
    }

    private static async Task<WedgeJsonResult<object>> OnAFile(
        HttpContext http,
        [FromRoute, Description("cox, finegray, km, logrank, zph or cif.")] string method,
        [Description("The researcher's CSV, with a header row.")] IFormFile file,
        [FromForm, Description("Event or censoring time column (the stop time with start).")] string time,
        [FromForm, Description("Event column: 0/1, 1/2 or true/false; for finegray and cif, the ending (0 or 'censored' for censored).")] string? @event = null,
        [FromForm, Description("Start time column (counting-process form).")] string? start = null,
        [FromForm, Description("Covariate columns, comma-separated.")] string? covariates = null,
        [FromForm, Description("Strata column.")] string? strata = null,
        [FromForm, Description("Cluster column (robust standard errors).")] string? cluster = null,
        [FromForm, Description("Ties: efron (default), breslow or exact.")] string? ties = null,
        [FromForm, Description("Group column (km, logrank, cif).")] string? group = null,
        [FromForm, Description("finegray: the ending to model, as written in the event column.")] string? of = null,
        [FromForm, Description("zph: km (default) or identity.")] string? transform = null,
        [FromForm, Description("km: confidence level (default 0.95).")] double? level = null)
    {
        if (@event is null)
        {
            throw Problem.Usage("missing-value", "event: name the event (or, for finegray and cif, the ending) column").Exception();
        }

        var path = await Uploads.SaveAsync(http, file, "data.csv");
        var columns = new SurvivalColumns(time, @event, start, List(covariates), strata, cluster);
        var method_ = Ties(ties);
        object result = method.ToLowerInvariant() switch
        {
            "cox" => SurvivalFileService.Cox(path, columns, method_),
            "finegray" => SurvivalFileService.FineGray(path, columns with { Start = start }, of ?? throw Problem.Usage("missing-value", "of: name the ending to model").Exception(), method_),
            "km" => SurvivalFileService.KaplanMeier(path, columns with { Strata = group ?? strata, Covariates = null }, level ?? 0.95),
            "logrank" => SurvivalFileService.LogRank(path, columns, group ?? throw Problem.Usage("missing-value", "group: name the column whose groups are compared").Exception()),
            "zph" => SurvivalFileService.Zph(path, columns, method_, transform?.ToLowerInvariant() switch
            {
                null or "km" => TimeTransform.KaplanMeier,
                "identity" => TimeTransform.Identity,
                _ => throw Problem.Usage("bad-value", $"transform: '{transform}' is not km or identity").Exception(),
            }),
            "cif" => SurvivalFileService.Incidence(path, columns with { Strata = group ?? strata, Covariates = null }),
            _ => throw Problem.NotFound("unknown-method", $"'{method}' is not one of: cox, finegray, km, logrank, zph, cif").Exception(),
        };
        return WedgeResults.Json(result); // written by its own type: CoxResult, FineGrayResult, KaplanMeierResult, …
    }

    private static CoxTies Ties(string? text) => text?.ToLowerInvariant() switch
    {
        null or "efron" => CoxTies.Efron,
        "breslow" => CoxTies.Breslow,
        "exact" => CoxTies.Exact,
        _ => throw Problem.Usage("bad-value", $"ties: '{text}' is not efron, breslow or exact").Exception(),
    };

    private static List<string>? List(string? text) => text?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
