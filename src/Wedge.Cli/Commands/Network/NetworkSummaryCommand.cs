using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Analysis.Network;
using Wedge.Application;
using Wedge.Application.Store;
using Wedge.Cli.Infrastructure;
using Wedge.Core.Model;

namespace Wedge.Cli.Commands.Network;

/// <summary>`wedge network`: the web of groups at a date: nodes, ties by kind, components.</summary>
public sealed class NetworkSummaryCommand(IAnsiConsole console, IRecordStore source) : Command<NetworkSettings>
{
    public override int Execute(CommandContext context, NetworkSettings settings, CancellationToken cancellationToken)
    {
        var network = NetworkInput.Load(settings, source);
        var g = network.Graph;
        var components = Structure.ConnectedComponents(g);
        var linked = components.Members().Where(c => c.Length > 1).OrderByDescending(c => c.Length).ThenBy(c => g.Label(c[0]), StringComparer.Ordinal).ToList();
        var byKind = network.Record?.TiesByKind.OrderBy(k => k.Key).Select(k => new KindCount(k.Key.Kebab(), k.Value)).ToList();
        var positive = Enumerable.Range(0, g.EdgeCount).Count(e => g.Sign(e) > 0);
        var isolated = components.Sizes.Count(s => s == 1);
        if (settings.Json)
        {
            Output.Json(console, new SummaryView(network.Description, g.NodeCount, g.EdgeCount, positive, g.EdgeCount - positive, byKind,
                network.Record?.MixedPairs, linked.Count, isolated,
                [.. linked.Select(c => c.Select(g.Label).Order(StringComparer.Ordinal).ToList())], network.Warnings));
            return 0;
        }

        console.MarkupLine($"[bold]Network[/] ({Output.Esc(network.Description)}): {g.NodeCount} groups, {g.EdgeCount} linked pairs ({positive} friendly, {g.EdgeCount - positive} hostile)");
        if (byKind is not null)
        {
            var kinds = Output.Table("kind", "ties held");
            foreach (var k in byKind)
            {
                kinds.AddTextRow(k.Kind, k.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            console.Write(kinds);
        }

        console.MarkupLine($"{linked.Count} component(s) with ties, {isolated} group(s) without any");
        var table = Output.Table("component", "groups", "members");
        for (var i = 0; i < linked.Count; i++)
        {
            var names = linked[i].Select(g.Label).Order(StringComparer.Ordinal).ToList();
            table.AddTextRow((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), names.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                string.Join(", ", names.Take(12)) + (names.Count > 12 ? $", … ({names.Count - 12} more)" : ""));
        }

        console.Write(table);
        NetworkViews.WriteWarnings(console, network.Warnings);
        return 0;
    }

    private sealed record KindCount(string Kind, int Count);

    private sealed record SummaryView(string Network, int Nodes, int Edges, int Friendly, int Hostile, IReadOnlyList<KindCount>? TiesByKind,
        int? MixedPairs, int Components, int Isolated, IReadOnlyList<List<string>> ComponentMembers, IReadOnlyList<string> Warnings);
}

internal static class NetworkViews
{
    public static void WriteWarnings(IAnsiConsole console, IReadOnlyList<string> warnings)
    {
        foreach (var w in warnings)
        {
            console.MarkupLine($"[yellow]note:[/] {Output.Esc(w)}");
        }
    }

    /// <summary>A double fit for JSON: NaN and infinities become null.</summary>
    public static double? Finite(double x) => double.IsFinite(x) ? x : null;

    public static string F(double x, string format = "0.####") => double.IsFinite(x) ? x.ToString(format, System.Globalization.CultureInfo.InvariantCulture) : "–";
}
