using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Analysis.Network;
using Wedge.Application;
using Wedge.Application.Network;
using Wedge.Cli.Infrastructure;
using Wedge.Core.Collections;
using Wedge.Core.Time;

namespace Wedge.Cli.Commands.Network;

public sealed class NetworkMetricsSettings : MeasureSettings
{
    [CommandOption("--top <N>")]
    [Description("Show the N nodes ranked highest (default 20; 0 for all).")]
    public int Top { get; set; } = 20;

    [CommandOption("--sort <MEASURE>")]
    [Description("Rank by: betweenness (default), degree, friendly, hostile, closeness, eigenvector, pagerank, clustering, core.")]
    public string Sort { get; set; } = "betweenness";

    [CommandOption("--weighted")]
    [Description("Use edge weights (lengths for betweenness, strengths for PageRank).")]
    public bool Weighted { get; set; }

    [CommandOption("--sample <K>")]
    [Description("Estimate betweenness from K sources chosen with a fixed seed (scaled by n/K, as networkx's k); default: exact.")]
    public int? Sample { get; set; }

    [CommandOption("--hub-z <Z>")]
    [Description("Alliance-hub threshold: friendly degree at least Z standard deviations above the mean (default 2).")]
    public double HubZ { get; set; } = 2.0;

    [CommandOption("--from <DATE>")]
    [Description("Measures over time: first date (with --to and --every).")]
    public string? From { get; set; }

    [CommandOption("--to <DATE>")]
    [Description("Measures over time: last date.")]
    public string? To { get; set; }

    [CommandOption("--every <STEP>")]
    [Description("Measures over time: step, e.g. 1y, 6m (default 1y).")]
    public string? Every { get; set; }

    [CommandOption("--chart <FILE>")]
    [Description("Measures over time: also draw a chart (.png or .svg).")]
    public string? Chart { get; set; }

    [CommandOption("--actor <NAME>")]
    [Description("Measures over time: also follow this actor (friendly and hostile ties, betweenness, PageRank; chart them as actor-friendly, actor-hostile, actor-betweenness, actor-pagerank).")]
    public string? Actor { get; set; }

    [CommandOption("--measure <NAMES>")]
    [Description("Measures over time to chart, comma-separated (default: positive,negative,components,frustration).")]
    public string? Measure { get; set; }

    public bool OverTime => From is not null || To is not null || Every is not null || Chart is not null || Actor is not null;

    public override ValidationResult Validate()
    {
        if (!MetricsOptions.Sorts.Contains(Sort))
        {
            return ValidationResult.Error($"--sort: '{Sort}' is not one of: {string.Join(", ", MetricsOptions.Sorts)}");
        }

        if (Sample is < 1)
        {
            return ValidationResult.Error("--sample: must be at least 1");
        }

        if (Top < 0)
        {
            return ValidationResult.Error("--top: must be 0 (all) or more");
        }

        if (OverTime)
        {
            if (From is null || To is null)
            {
                return ValidationResult.Error("measures over time need both --from and --to");
            }

            if (Input is not null)
            {
                return ValidationResult.Error("measures over time read the record at each date; they do not apply to an --input file");
            }

            if (At is not null)
            {
                return ValidationResult.Error("--at and --from/--to exclude each other: the dates come from --from, --to and --every");
            }

            if (CommandLine.CheckDates(("--from", From), ("--to", To)) is { } badDate)
            {
                return badDate;
            }

            if (TimeSteps.ParseStep(Every ?? "1y") is null)
            {
                return ValidationResult.Error($"--every: '{Every}' is not a step like 1y, 6m or 3m");
            }

            if (Chart is not null && Path.GetExtension(Chart).ToLowerInvariant() is not (".png" or ".svg"))
            {
                return ValidationResult.Error($"--chart: '{Chart}' must end in .png or .svg");
            }

            var known = NetworkSummary.MeasureNames.Concat(Actor is null ? [] : ActorSummary.MeasureNames).ToList();
            var unknown = (Measure ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .FirstOrDefault(m => !known.Contains(m));
            if (unknown is not null)
            {
                return ValidationResult.Error($"--measure: '{unknown}' is not one of: {string.Join(", ", known)}" +
                                              (Actor is null && ActorSummary.MeasureNames.Contains(unknown) ? " (actor- measures need --actor)" : ""));
            }
        }

        return base.Validate();
    }
}

/// <summary>`wedge network metrics`: centralities per group, global measures and alliance hubs; or summaries over time.</summary>
public sealed class NetworkMetricsCommand(IAnsiConsole console, NetworkService networks) : Command<NetworkMetricsSettings>
{
    public override int Execute(CommandContext context, NetworkMetricsSettings settings, CancellationToken cancellationToken)
        => settings.OverTime ? OverTime(settings, cancellationToken) : AtOneDate(settings, cancellationToken);

    private int AtOneDate(NetworkMetricsSettings settings, CancellationToken cancellationToken)
    {
        var m = networks.Metrics(settings.Request, new MetricsOptions(settings.FriendlyOnly(false), settings.Weighted, settings.Sample, settings.HubZ,
            settings.Threads, settings.Sort, settings.Top), cancellationToken);
        if (settings.Json)
        {
            Output.Json(console, m);
            return 0;
        }

        var global = m.Global;
        console.MarkupLine($"[bold]Network metrics[/] ({Output.Esc(m.Network)}; links: {global.Ties} ties): {global.Nodes} nodes, {global.Edges} edges, " +
                           $"{global.Components} component(s) with ties, largest {global.Largest}; transitivity {NetworkViews.F(global.Transitivity)}, average clustering {NetworkViews.F(global.AverageClustering)}");
        var table = Output.Table("node", "+deg", "−deg", "betweenness", "closeness", "eigenvector", "pagerank", "clustering", "core");
        foreach (var r in m.Nodes)
        {
            table.AddTextRow(r.Node, I(r.Friendly), I(r.Hostile), NetworkViews.F(r.Betweenness), NetworkViews.F(r.Closeness ?? double.NaN), NetworkViews.F(r.Eigenvector),
                NetworkViews.F(r.PageRank), NetworkViews.F(r.Clustering), I(r.Core));
        }

        console.Write(table);
        console.MarkupLine("Betweenness normalised by (n−1)(n−2)/2 pairs (networkx normalized=True); closeness as networkx (wf_improved); eigenvector with unit length.");
        console.MarkupLine($"[bold]Alliance hubs[/]: friendly degree ≥ {NetworkViews.F(settings.HubZ)} SD above the mean, and linking allies that have no other friendly path");
        var hubTable = Output.Table("group", "friendly ties", "z", "ally pairs it alone links", "hub");
        var limit = settings.Top == 0 ? int.MaxValue : settings.Top;
        var listed = m.Hubs.Where(h => h.IsHub).Take(limit).ToList();
        foreach (var h in listed)
        {
            hubTable.AddTextRow(h.Node, I(h.FriendlyTies), NetworkViews.F(h.Z, "0.00"), h.AllyPairsItAloneLinks.ToString(CultureInfo.InvariantCulture), h.IsHub ? "yes" : "no");
        }

        console.Write(hubTable);
        var unlisted = m.Hubs.Count - listed.Count;
        if (unlisted > 0)
        {
            console.MarkupLine($"{unlisted} more candidate(s) above the threshold not listed ({m.Hubs.Count(h => !h.IsHub)} link no otherwise separate allies); --json lists all");
        }

        NetworkViews.WriteWarnings(console, m.Warnings);
        return 0;
    }

    private int OverTime(NetworkMetricsSettings settings, CancellationToken cancellationToken)
    {
        var request = new OverTimeRequest(settings.Request, CommandLine.Date(settings.From)!.Value, CommandLine.Date(settings.To)!.Value,
            TimeSteps.ParseStep(settings.Every ?? "1y")!.Value, settings.Actor);
        var chart = settings.Chart is { } path
            ? new OverTimeChart(path, (settings.Measure ?? "positive,negative,components,frustration")
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToEquatableList())
            : null;
        var series = networks.OverTime(request, chart, cancellationToken);
        if (settings.Json)
        {
            Output.Json(console, series.Points);
            return 0;
        }

        string[] headers = ["date", "nodes", "+ties", "−ties", "components", "largest", "transitivity", "unbalanced triads", "frustration", "modularity", "top hub"];
        var table = Output.Table(settings.Actor is null ? headers : [.. headers, $"{series.ActorName} +/−", "betweenness", "pagerank"]);
        foreach (var p in series.Points)
        {
            var s = p.Summary;
            string[] cells =
            [
                p.Date, I(s.Nodes), I(s.PositiveEdges), I(s.NegativeEdges), I(s.Components), I(s.LargestComponent), NetworkViews.F(s.Transitivity),
                s.UnbalancedTriads.ToString(CultureInfo.InvariantCulture),
                s.FrustrationLower == s.FrustrationUpper ? I(s.FrustrationUpper) : $"{s.FrustrationLower}–{s.FrustrationUpper}",
                NetworkViews.F(s.FriendlyModularity), s.TopHub ?? "",
            ];
            table.AddTextRow(p.Actor is not { } a ? cells
                : a.Present ? [.. cells, $"{a.FriendlyTies}/{a.HostileTies}", NetworkViews.F(a.Betweenness), NetworkViews.F(a.PageRank)]
                : [.. cells, "absent", "", ""]);
        }

        console.Write(table);
        if (settings.Chart is not null)
        {
            console.MarkupLine($"chart written to {Output.Esc(settings.Chart)}");
        }

        return 0;
    }

    private static string I(int x) => x.ToString(CultureInfo.InvariantCulture);
}
