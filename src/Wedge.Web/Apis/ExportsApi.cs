using System.ComponentModel;
using System.Text;
using Wedge.Analysis.Spells;
using Wedge.Application.Exchange;
using Wedge.Application.Problems;
using Wedge.Application.Spells;
using Wedge.Core.Model;
using Wedge.Data.Export;
using Wedge.Web.Hosting;

namespace Wedge.Web.Apis;

/// <summary>The spell rule as query parameters, read as the command line's `--policy` and `--censor-at`.</summary>
public sealed record SpellPolicy(
    [property: Description("When sources disagree: any-source (default: any source's split or rivalry ends an alliance) or same-source (only the spell's own sources can end it).")]
    string? Policy = null,
    [property: Description("End of the data, where open spells are censored (default: the latest date observed).")]
    string? CensorAt = null)
{
    public SpellRule Rule() => SpellRule.Default with
    {
        Conflicts = (Policy?.Trim().ToLowerInvariant() ?? "any-source") switch
        {
            "any-source" => ConflictPolicy.AnySourceEnds,
            "same-source" => ConflictPolicy.SameSourceEnds,
            _ => throw Problem.Usage("bad-value", $"policy: '{Policy}' is not one of: any-source, same-source").Exception(),
        },
        CensorAt = ReadClocks.Date("censorAt", CensorAt),
    };
}

/// <summary>Spells, and the record for other tools: GraphML, GEXF (Gephi's timeline) and STIX 2.1 bundles, as downloads.</summary>
public static class ExportsApi
{
    public static IEndpointRouteBuilder MapExportsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/spells", Spells).WithTags("Spells").RefuseUnknownQuery().ReadsJournal().WithName("Spells")
            .WithSummary("Intervals in which relations held, by the documented spell rule; as `wedge spells --json`.");
        var group = routes.MapGroup("/api/exports").WithTags("Exports").RefuseUnknownQuery();
        group.MapGet("/graphml", GraphMl).ReadsJournal().WithName("ExportGraphMl")
            .WithSummary("Every actor and one edge per tie (with `at`, the ties that may hold then), as a GraphML download; as `wedge export graphml`.");
        group.MapGet("/gexf", Gexf).ReadsJournal().WithName("ExportGexf")
            .WithSummary("A dynamic GEXF 1.3 graph whose edges are spells, for Gephi's timeline, as a download; as `wedge export gexf`.");
        group.MapGet("/case", Case).ReadsJournal().WithName("ExportCase")
            .WithSummary("The whole record as a case file (YAML; docs/case-format.md), re-importable without loss, as a download; as `wedge export case`.");
        group.MapGet("/stix", Stix).ReadsJournal().WithName("ExportStix")
            .WithSummary("The record as a STIX 2.1 bundle (docs/exchange/stix.md), as a download; as `wedge export stix`.");
        return routes;
    }

    private static WedgeJsonResult<SpellList> Spells(SpellsService spells, [AsParameters] ReadClocks clocks, [AsParameters] SpellPolicy policy,
        [Description("Only spells of this kind: alliance, affiliation or rivalry.")] string? kind = null)
    {
        TieKind? parsed = kind is null ? null
            : EnumNames.Parse<TieKind>(kind) is { } k && SpellRule.Default.EndedBy.ContainsKey(k) ? k
            : throw Problem.Usage("bad-value", $"kind: '{kind}' does not form spells (one of: {string.Join(", ", SpellRule.Default.EndedBy.Keys.Select(x => x.Kebab()))})").Exception();
        return WedgeResults.Json(spells.Spells(clocks.Slice(), policy.Rule(), parsed));
    }

    private static IResult GraphMl(SpellsService spells, [AsParameters] ReadClocks clocks)
    {
        var graph = spells.Ties(clocks.Slice()).Graph;
        return Download(w => GraphMlWriter.Write(w, graph), "application/graphml+xml", "wedge.graphml");
    }

    private static IResult Gexf(SpellsService spells, [AsParameters] ReadClocks clocks, [AsParameters] SpellPolicy policy)
    {
        var export = spells.SpellEdges(clocks.Slice(), policy.Rule());
        return Download(w => GexfWriter.Write(w, export.Graph, export.Description), "application/gexf+xml", "wedge.gexf");
    }

    private static IResult Case(Application.Records.RecordQueries records,
        [Description("Read the journal as it stood at this time (recorded time).")] string? recordedBy = null,
        [Description("The case id written at the top (default: export).")] string caseId = "export")
    {
        var slice = new ReadClocks(RecordedBy: recordedBy).Slice();
        var kb = records.Whole(slice.RecordedBy);
        return Download(w => Data.Cases.CaseWriter.Write(w, kb, caseId, "Wedge export"), "application/yaml", "wedge-case.yaml");
    }

    private static IResult Stix(ExchangeService exchange, [AsParameters] ReadClocks clocks)
        => Results.File(Encoding.UTF8.GetBytes(exchange.ExportStix(clocks.Slice()).ToJson()), "application/stix+json;version=2.1", "wedge-stix.json");

    /// <summary>The whole file written in memory first, so a failure is a problem response rather than half a download.</summary>
    private static IResult Download(Action<TextWriter> write, string contentType, string name)
    {
        var text = new StringWriter();
        write(text);
        return Results.File(new UTF8Encoding(false).GetBytes(text.ToString()), contentType, name);
    }
}
