using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Analysis.Network;
using Wedge.Application;
using Wedge.Application.Network;
using Wedge.Application.Store;
using Wedge.Cli.Infrastructure;

namespace Wedge.Cli.Commands.Network;

public sealed class NetworkBalanceSettings : NetworkSettings
{
    [CommandOption("--exact-limit <N>")]
    [Description("Solve blocks of up to N groups exactly (default 250, within a budget of 20 million search steps per block); larger ones get bounds.")]
    public int ExactLimit { get; set; } = 250;

    [CommandOption("--limit <N>")]
    [Description("Triads and frustrated ties listed in tables (default 20; JSON lists all).")]
    public int Limit { get; set; } = 20;

    public override ValidationResult Validate()
        => ExactLimit < 0 || Limit < 0 ? ValidationResult.Error("--exact-limit and --limit must be 0 or more") : base.Validate();
}

/// <summary>`wedge network balance`: frustration index with bounds, the two camps, frustrated ties and the signed triad census.</summary>
public sealed class NetworkBalanceCommand(IAnsiConsole console, NetworkService networks) : Command<NetworkBalanceSettings>
{
    public override int Execute(CommandContext context, NetworkBalanceSettings settings, CancellationToken cancellationToken)
    {
        var r = networks.Balance(settings.Request, settings.ExactLimit, cancellationToken);
        if (settings.Json)
        {
            Output.Json(console, r);
            return 0;
        }

        var index = r.Exact ? $"{r.FrustrationUpper} (exact)" : $"between {r.FrustrationLower} and {r.FrustrationUpper} (bounds)";
        console.MarkupLine($"[bold]Structural balance[/] ({Output.Esc(r.Network)}): {r.Nodes} nodes, {r.Edges} ties");
        console.MarkupLine($"Frustration index: [bold]{index}[/] — the fewest ties whose sign must change for every component to split into two camps, friendly inside and hostile between.");
        // A block with no frustrated tie that the first heuristic already settled is not worth a line.
        foreach (var b in r.Blocks.Where(b => b.Upper > 0 || b.Method != BlockMethod.LocalSearchMatchedByCyclePacking))
        {
            console.MarkupLine($"  block of {b.Nodes} groups / {b.Edges} ties: {(b.Lower == b.Upper ? I(b.Upper) : $"{b.Lower}–{b.Upper}")} by {Output.Esc(b.Description)}");
        }

        var campTable = Output.Table("camp A", "camp B");
        foreach (var c in r.Camps)
        {
            campTable.AddTextRow(string.Join(", ", c.CampA), string.Join(", ", c.CampB));
        }

        console.Write(campTable);
        if (r.FrustratedTies.Count > 0)
        {
            console.MarkupLine($"[bold]Frustrated ties[/] ({r.FrustratedTies.Count}): they break the two-camp pattern");
            var ft = Output.Table("tie", "why");
            foreach (var f in r.FrustratedTies.Take(settings.Limit))
            {
                ft.AddTextRow(f.Tie, f.Why);
            }

            console.Write(ft);
        }

        var census = r.Census;
        console.MarkupLine($"[bold]Signed triads[/] (triangles): +++ {census.AllFriendly}, ++− {census.OneHostile}, +−− {census.TwoHostile}, −−− {census.AllHostile}; " +
                           $"{census.Balanced} balanced (+++ friends, +−− friends sharing an enemy), {census.Unbalanced} unbalanced");
        WriteTriads("Unbalanced triads", r.Unbalanced, settings.Limit);
        WriteTriads("Balanced triads", r.Balanced, settings.Limit);
        NetworkViews.WriteWarnings(console, r.Warnings);
        return 0;
    }

    private void WriteTriads(string title, IReadOnlyList<TriadView> triads, int limit)
    {
        if (triads.Count == 0)
        {
            return;
        }

        console.MarkupLine($"[bold]{title}[/] ({triads.Count}{(triads.Count > limit ? $", first {limit}" : "")}):");
        var t = Output.Table("signs", "A", "B", "C");
        foreach (var x in triads.Take(limit))
        {
            t.AddTextRow(x.Pattern, x.A, x.B, x.C);
        }

        console.Write(t);
    }

    private static string I(int x) => x.ToString(CultureInfo.InvariantCulture);
}
