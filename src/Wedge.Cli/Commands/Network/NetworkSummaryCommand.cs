using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application;
using Wedge.Application.Network;
using Wedge.Application.Store;
using Wedge.Cli.Infrastructure;

namespace Wedge.Cli.Commands.Network;

/// <summary>`wedge network`: the web of groups at a date: nodes, ties by kind, components.</summary>
public sealed class NetworkSummaryCommand(IAnsiConsole console, NetworkService networks) : Command<NetworkSettings>
{
    public override int Execute(CommandContext context, NetworkSettings settings, CancellationToken cancellationToken)
    {
        var n = networks.Overview(settings.Request);
        if (settings.Json)
        {
            Output.Json(console, n);
            return 0;
        }

        console.MarkupLine($"[bold]Network[/] ({Output.Esc(n.Network)}): {n.Nodes} groups, {n.Edges} linked pairs ({n.Friendly} friendly, {n.Hostile} hostile)");
        if (n.TiesByKind is not null)
        {
            var kinds = Output.Table("kind", "ties held");
            foreach (var k in n.TiesByKind)
            {
                kinds.AddTextRow(k.Kind, k.Count.ToString(CultureInfo.InvariantCulture));
            }

            console.Write(kinds);
        }

        console.MarkupLine($"{n.Components} component(s) with ties, {n.Isolated} group(s) without any");
        var table = Output.Table("component", "groups", "members");
        for (var i = 0; i < n.ComponentMembers.Count; i++)
        {
            var names = n.ComponentMembers[i];
            table.AddTextRow((i + 1).ToString(CultureInfo.InvariantCulture), names.Count.ToString(CultureInfo.InvariantCulture),
                string.Join(", ", names.Take(12)) + (names.Count > 12 ? $", … ({names.Count - 12} more)" : ""));
        }

        console.Write(table);
        NetworkViews.WriteWarnings(console, n.Warnings);
        return 0;
    }
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

    public static string F(double x, string format = "0.####") => double.IsFinite(x) ? x.ToString(format, System.Globalization.CultureInfo.InvariantCulture) : "–";
}
