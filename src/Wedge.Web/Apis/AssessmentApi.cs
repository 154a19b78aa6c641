using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Wedge.Analysis.Assessment;
using Wedge.Application.Assessment;
using Wedge.Application.Problems;
using Wedge.Web.Hosting;

namespace Wedge.Web.Apis;

/// <summary>An alliance assessed from the record: each side's ledger over time, dependence, bonds, verdict, uncertainty.</summary>
public static class AssessmentApi
{
    public static IEndpointRouteBuilder MapAssessmentApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/assessments").WithTags("Assessment").RefuseUnknownQuery();
        group.MapGet("/{a}/{b}", Assess).ReadsJournal().WithName("Assess")
            .WithSummary("Assess the alliance between A and B, as `wedge assess A B --json`; every figure carries the ledger entries, ties and claims behind it (what --explain shows).");
        return routes;
    }

    private static WedgeJsonResult<AllianceAssessment> Assess(
        AssessmentService assessments,
        [FromRoute, Description("First actor, e.g. Taliban.")] string a,
        [FromRoute, Description("Second actor, e.g. al-Qaeda.")] string b,
        [AsParameters] ReadClocks clocks,
        [Description("Monte Carlo runs (default from the parameters: 2000; 0 skips the simulation); at most 100000.")] int? runs = null,
        [Description("Seed of the simulation; the same seed gives the same intervals.")] int? seed = null,
        CancellationToken cancellationToken = default)
    {
        var slice = clocks.Slice();
        if (runs is < 0 or > MaxRuns)
        {
            throw Problem.Usage("bad-value", $"runs: {runs} is out of range (0 to {MaxRuns})").Exception();
        }

        if (seed is < 0)
        {
            throw Problem.Usage("bad-value", "seed: must be 0 or more").Exception();
        }

        return WedgeResults.Json(assessments.Assess(slice, new AssessRequest(a, b, null, runs, seed), cancellationToken));
    }

    /// <summary>A bound on simulation runs per request, so one request cannot hold a core for minutes.</summary>
    public const int MaxRuns = 100_000;
}
