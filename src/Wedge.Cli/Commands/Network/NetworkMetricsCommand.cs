using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Analysis.Network;
using Wedge.Application;
using Wedge.Application.Problems;
using Wedge.Application.Store;
using Wedge.Cli.Infrastructure;
using Wedge.Core.Time;
using Wedge.Reports.Network;

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

    internal static readonly string[] Sorts = ["betweenness", "degree", "friendly", "hostile", "closeness", "eigenvector", "pagerank", "clustering", "core"];

    public bool OverTime => From is not null || To is not null || Every is not null || Chart is not null || Actor is not null;

    public override ValidationResult Validate()
    {
        if (!Sorts.Contains(Sort))
        {
            return ValidationResult.Error($"--sort: '{Sort}' is not one of: {string.Join(", ", Sorts)}");
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

            foreach (var (name, value) in new[] { ("--from", From), ("--to", To) })
            {
                if (FuzzyDate.TryParse(value) is { IsSuccess: false } bad)
                {
                    return ValidationResult.Error($"{name}: {bad.Error}");
                }
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

/// <summary>Date series for measures over time.</summary>
public static class TimeSteps
{
    /// <summary>Months per step: "1y" → 12, "6m" → 6; null when malformed.</summary>
    public static int? ParseStep(string text)
    {
        text = text.Trim().ToLowerInvariant();
        if (text.Length < 2 || !int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > 1200)
        {
            return null;
        }

        return text[^1] switch { 'y' => n * 12, 'm' => n, _ => null };
    }

    /// <summary>Dates from <paramref name="from"/> to <paramref name="to"/>: whole years when the step is whole years and from is a year, else months.</summary>
    public static IReadOnlyList<FuzzyDate> Series(FuzzyDate from, FuzzyDate to, int months)
    {
        var dates = new List<FuzzyDate>();
        var yearly = months % 12 == 0 && from.Precision == DatePrecision.Year;
        var cursor = new DateOnly(from.Year, from.Month ?? 1, 1);
        while (cursor <= to.Latest && dates.Count < 5000)
        {
            dates.Add(yearly ? new FuzzyDate(cursor.Year) : new FuzzyDate(cursor.Year, cursor.Month));
            cursor = cursor.AddMonths(months);
        }

        return dates;
    }
}

/// <summary>`wedge network metrics`: centralities per group, global measures and alliance hubs; or summaries over time.</summary>
public sealed class NetworkMetricsCommand(IAnsiConsole console, IRecordStore source) : Command<NetworkMetricsSettings>
{
    public override int Execute(CommandContext context, NetworkMetricsSettings settings, CancellationToken cancellationToken)
        => settings.OverTime ? OverTime(settings) : AtOneDate(settings);

    private int AtOneDate(NetworkMetricsSettings settings)
    {
        var network = NetworkInput.Load(settings, source);
        var g = NetworkInput.Measured(network, settings.FriendlyOnly(false));
        var degrees = Centrality.Degrees(network.Graph);
        // All-sources measures cost a search per node: past ~2·10^10 node×edge steps (hours) they are
        // refused for betweenness (use --sample) and skipped for closeness, which cannot be sampled per node.
        var allSourcesAffordable = (double)g.NodeCount * Math.Max(1, g.EdgeCount) <= AllSourcesBudget;
        if (!allSourcesAffordable && settings.Sample is null)
        {
            throw new ProblemException(ProblemKind.Refused, "refused", $"exact betweenness on {g.NodeCount:N0} nodes and {g.EdgeCount:N0} ties would take hours; estimate it with --sample K (e.g. --sample 200)");
        }

        var sources = settings.Sample is { } k ? BetweennessOptions.SampleSources(g.NodeCount, k, seed: 1) : null;
        var betweenness = Centrality.Betweenness(g, new BetweennessOptions(settings.Weighted, Normalized: true, sources, settings.Threads));
        var closeness = allSourcesAffordable ? Centrality.Closeness(g, settings.Threads).NetworkX : Enumerable.Repeat(double.NaN, g.NodeCount).ToArray();
        // Power iteration is capped at about 4·10^9 edge visits; a non-converged vector is flagged, not hidden.
        var eigenResult = Centrality.Eigenvector(g, settings.Weighted, tolerance: 1e-12,
            maxIterations: (int)Math.Clamp(4e9 / (g.NodeCount + 2.0 * g.EdgeCount + 1), 100, 20_000));
        var eigen = eigenResult.Scores;
        var warnings = network.Warnings.ToList();
        if (!eigenResult.Converged)
        {
            warnings.Add($"eigenvector centrality did not converge to 1e-12 in {eigenResult.Iterations:N0} iterations (near-equal leading eigenvalues); its values are approximate");
        }

        var pagerank = Centrality.PageRank(g, weighted: settings.Weighted, threads: settings.Threads).Scores;
        var clustering = Structure.Clustering(g);
        var cores = Structure.CoreNumbers(g);
        var components = Structure.ConnectedComponents(g);
        var hubs = Hubs.Find(network.Graph, settings.HubZ);
        var rows = Enumerable.Range(0, g.NodeCount).Select(v => new NodeMetrics(g.Label(v), degrees[v].Positive, degrees[v].Negative, degrees[v].Total,
            betweenness[v], NetworkViews.Finite(closeness[v]), eigen[v], pagerank[v], clustering.Local[v], cores[v])).ToList();
        Func<NodeMetrics, double> key = settings.Sort switch
        {
            "degree" => r => r.Degree,
            "friendly" => r => r.Friendly,
            "hostile" => r => r.Hostile,
            "closeness" => r => r.Closeness ?? 0,
            "eigenvector" => r => r.Eigenvector,
            "pagerank" => r => r.PageRank,
            "clustering" => r => r.Clustering,
            "core" => r => r.Core,
            _ => r => r.Betweenness,
        };
        var shown = rows.OrderByDescending(key).ThenBy(r => r.Node, StringComparer.Ordinal).Take(settings.Top == 0 ? int.MaxValue : settings.Top).ToList();
        var global = new GlobalMetrics(g.NodeCount, g.EdgeCount, components.Sizes.Count(s => s > 1), components.Largest, clustering.Transitivity,
            clustering.Average, settings.FriendlyOnly(false) ? "friendly" : "all");
        var hubViews = hubs.Select(h => new HubView(network.Graph.Label(h.Node), h.FriendlyDegree, h.ZScore, h.SeparatedAllyPairs, h.IsHub)).ToList();
        if (settings.Json)
        {
            Output.Json(console, new MetricsView(network.Description, global, hubViews, shown, warnings));
            return 0;
        }

        console.MarkupLine($"[bold]Network metrics[/] ({Output.Esc(network.Description)}; links: {global.Ties} ties): {g.NodeCount} nodes, {g.EdgeCount} edges, " +
                           $"{global.Components} component(s) with ties, largest {global.Largest}; transitivity {NetworkViews.F(global.Transitivity)}, average clustering {NetworkViews.F(global.AverageClustering)}");
        var table = Output.Table("node", "+deg", "−deg", "betweenness", "closeness", "eigenvector", "pagerank", "clustering", "core");
        foreach (var r in shown)
        {
            table.AddTextRow(r.Node, I(r.Friendly), I(r.Hostile), NetworkViews.F(r.Betweenness), NetworkViews.F(r.Closeness ?? double.NaN), NetworkViews.F(r.Eigenvector),
                NetworkViews.F(r.PageRank), NetworkViews.F(r.Clustering), I(r.Core));
        }

        console.Write(table);
        console.MarkupLine("Betweenness normalised by (n−1)(n−2)/2 pairs (networkx normalized=True); closeness as networkx (wf_improved); eigenvector with unit length.");
        console.MarkupLine($"[bold]Alliance hubs[/]: friendly degree ≥ {NetworkViews.F(settings.HubZ)} SD above the mean, and linking allies that have no other friendly path");
        var hubTable = Output.Table("group", "friendly ties", "z", "ally pairs it alone links", "hub");
        var limit = settings.Top == 0 ? int.MaxValue : settings.Top;
        var listed = hubViews.Where(h => h.IsHub).Take(limit).ToList();
        foreach (var h in listed)
        {
            hubTable.AddTextRow(h.Node, I(h.FriendlyTies), NetworkViews.F(h.Z, "0.00"), h.AllyPairsItAloneLinks.ToString(CultureInfo.InvariantCulture), h.IsHub ? "yes" : "no");
        }

        console.Write(hubTable);
        var unlisted = hubViews.Count - listed.Count;
        if (unlisted > 0)
        {
            console.MarkupLine($"{unlisted} more candidate(s) above the threshold not listed ({hubViews.Count(h => !h.IsHub)} link no otherwise separate allies); --json lists all");
        }

        NetworkViews.WriteWarnings(console, warnings);
        return 0;
    }

    /// <summary>Node × edge steps above which all-sources measures are not attempted.</summary>
    internal const double AllSourcesBudget = 2e10;

    private int OverTime(NetworkMetricsSettings settings)
    {
        var dates = TimeSteps.Series(FuzzyDate.Parse(settings.From!), FuzzyDate.Parse(settings.To!), TimeSteps.ParseStep(settings.Every ?? "1y")!.Value);
        var points = new List<TimePoint>();
        string? actorName = null;
        foreach (var date in dates)
        {
            var at = new NetworkSettings
            {
                Db = settings.Db,
                At = date.ToString(),
                KnownAt = settings.KnownAt,
                RecordedBy = settings.RecordedBy,
                Kind = settings.Kind,
            };
            var network = NetworkInput.Load(at, source);
            ActorSummary? actor = null;
            if (settings.Actor is { } name)
            {
                // The actor may not exist yet at early dates: then it is absent, not an error.
                var lookup = network.Snapshot!.FindActor(name);
                if (!lookup.Found && lookup.Ambiguous.Count > 0)
                {
                    throw new ProblemException(ProblemKind.Refused, "refused", lookup.Describe(name));
                }

                actor = ActorSummary.Of(network.Graph, lookup.Actor is { } a ? network.Record!.NodeOf(a.Id) : -1);
                actorName ??= lookup.Actor?.Name;
            }

            points.Add(new TimePoint(date.ToString(), NetworkSummary.Of(network.Graph, new BalanceOptions(SearchBudget: 2_000_000)), actor));
        }

        if (settings.Actor is { } wanted && actorName is null)
        {
            throw new ProblemException(ProblemKind.Refused, "refused", points.Count == 0 ? "no dates in --from..--to" : $"no actor named '{wanted}' at any of the dates");
        }

        if (settings.Chart is { } chart)
        {
            var names = (settings.Measure ?? "positive,negative,components,frustration")
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            try
            {
                TimeSeriesChart.Write(chart, "Web of groups over time", [.. dates.Select(d => d.Earliest)],
                    [.. names.Select(n => new ChartSeries(n.StartsWith("actor-", StringComparison.Ordinal) ? $"{actorName}: {n[6..]}" : n,
                        [.. points.Select(p => p.Summary.Measure(n) ?? p.Actor?.Measure(n) ?? double.NaN)]))]);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new ProblemException(ProblemKind.Refused, "refused", $"cannot write chart '{chart}': {e.Message}");
            }
        }

        if (settings.Json)
        {
            Output.Json(console, points);
            return 0;
        }

        string[] headers = ["date", "nodes", "+ties", "−ties", "components", "largest", "transitivity", "unbalanced triads", "frustration", "modularity", "top hub"];
        var table = Output.Table(settings.Actor is null ? headers : [.. headers, $"{actorName} +/−", "betweenness", "pagerank"]);
        foreach (var p in points)
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

    private sealed record NodeMetrics(string Node, int Friendly, int Hostile, int Degree, double Betweenness, double? Closeness, double Eigenvector,
        double PageRank, double Clustering, int Core);

    private sealed record GlobalMetrics(int Nodes, int Edges, int Components, int Largest, double Transitivity, double AverageClustering, string Ties);

    private sealed record HubView(string Node, int FriendlyTies, double Z, long AllyPairsItAloneLinks, bool IsHub);

    private sealed record MetricsView(string Network, GlobalMetrics Global, IReadOnlyList<HubView> Hubs, IReadOnlyList<NodeMetrics> Nodes, IReadOnlyList<string> Warnings);

    private sealed record TimePoint(string Date, NetworkSummary Summary, ActorSummary? Actor);
}
