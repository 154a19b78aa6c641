using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Analysis.Network;
using Wedge.Application;
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
public sealed class NetworkBalanceCommand(IAnsiConsole console, IRecordStore source) : Command<NetworkBalanceSettings>
{
    public override int Execute(CommandContext context, NetworkBalanceSettings settings, CancellationToken cancellationToken)
    {
        var network = NetworkInput.Load(settings, source);
        var g = network.Graph;
        var result = Balance.Frustration(g, new BalanceOptions(ExactNodeLimit: settings.ExactLimit));
        var census = Balance.Triads(g);
        var camps = Structure.ConnectedComponents(g).Members().Where(c => c.Length > 1)
            .Select(c => new CampsView(
                [.. c.Where(v => result.Side[v] > 0).Select(g.Label).Order(StringComparer.Ordinal)],
                [.. c.Where(v => result.Side[v] < 0).Select(g.Label).Order(StringComparer.Ordinal)]))
            .OrderByDescending(c => c.CampA.Count + c.CampB.Count).ToList();
        var frustrated = result.FrustratedEdges.Select(e => new FrustratedView(g.Label(g.Source(e)), g.Label(g.Target(e)),
            g.Sign(e) > 0 ? "friendly across camps" : "hostile inside a camp", network.DescribeEdge(e))).ToList();
        TriadView View(SignedTriad t) => new(t.Pattern, g.Label(t.A), g.Label(t.B), g.Label(t.C), t.IsBalanced);
        var unbalanced = census.Triads.Where(t => !t.IsBalanced).Select(View).ToList();
        var balanced = census.Triads.Where(t => t.IsBalanced).Select(View).ToList();
        if (settings.Json)
        {
            Output.Json(console, new BalanceView(network.Description, g.NodeCount, g.EdgeCount, result.Lower, result.Upper, result.Exact,
                result.Blocks, camps, frustrated,
                new CensusView(census.AllFriendly, census.OneHostile, census.TwoHostile, census.AllHostile), unbalanced, balanced, network.Warnings));
            return 0;
        }

        var index = result.Exact ? $"{result.Upper} (exact)" : $"between {result.Lower} and {result.Upper} (bounds)";
        console.MarkupLine($"[bold]Structural balance[/] ({Output.Esc(network.Description)}): {g.NodeCount} nodes, {g.EdgeCount} ties");
        console.MarkupLine($"Frustration index: [bold]{index}[/] — the fewest ties whose sign must change for every component to split into two camps, friendly inside and hostile between.");
        foreach (var b in result.Blocks.Where(b => b.Upper > 0 || !b.Method.StartsWith("local search, matched", StringComparison.Ordinal)))
        {
            console.MarkupLine($"  block of {b.Nodes} groups / {b.Edges} ties: {(b.Lower == b.Upper ? I(b.Upper) : $"{b.Lower}–{b.Upper}")} by {Output.Esc(b.Method)}");
        }

        var campTable = Output.Table("camp A", "camp B");
        foreach (var c in camps)
        {
            campTable.AddTextRow(string.Join(", ", c.CampA), string.Join(", ", c.CampB));
        }

        console.Write(campTable);
        if (frustrated.Count > 0)
        {
            console.MarkupLine($"[bold]Frustrated ties[/] ({frustrated.Count}): they break the two-camp pattern");
            var ft = Output.Table("tie", "why");
            foreach (var f in frustrated.Take(settings.Limit))
            {
                ft.AddTextRow(f.Tie, f.Why);
            }

            console.Write(ft);
        }

        console.MarkupLine($"[bold]Signed triads[/] (triangles): +++ {census.AllFriendly}, ++− {census.OneHostile}, +−− {census.TwoHostile}, −−− {census.AllHostile}; " +
                           $"{census.Balanced} balanced (+++ friends, +−− friends sharing an enemy), {census.Unbalanced} unbalanced");
        WriteTriads("Unbalanced triads", unbalanced, settings.Limit);
        WriteTriads("Balanced triads", balanced, settings.Limit);
        NetworkViews.WriteWarnings(console, network.Warnings);
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

    private sealed record CampsView(IReadOnlyList<string> CampA, IReadOnlyList<string> CampB);

    private sealed record FrustratedView(string A, string B, string Why, string Tie);

    private sealed record TriadView(string Pattern, string A, string B, string C, bool Balanced);

    private sealed record CensusView(long AllFriendly, long OneHostile, long TwoHostile, long AllHostile);

    private sealed record BalanceView(string Network, int Nodes, int Edges, int FrustrationLower, int FrustrationUpper, bool Exact,
        IReadOnlyList<BlockFrustration> Blocks, IReadOnlyList<CampsView> Camps, IReadOnlyList<FrustratedView> FrustratedTies, CensusView Census,
        IReadOnlyList<TriadView> Unbalanced, IReadOnlyList<TriadView> Balanced, IReadOnlyList<string> Warnings);
}
