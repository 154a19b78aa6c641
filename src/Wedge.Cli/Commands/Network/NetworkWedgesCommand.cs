using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Analysis.Network;
using Wedge.Application;
using Wedge.Application.Store;
using Wedge.Cli.Infrastructure;

namespace Wedge.Cli.Commands.Network;

public sealed class NetworkWedgesSettings : NetworkSettings
{
    [CommandOption("--around <ACTOR>")]
    [Description("The anchor: the bloc is its component through friendly ties.")]
    public string? Around { get; set; }

    [CommandOption("-k|--count <K>")]
    [Description("How many actors (or ties) to remove (default 3). Spelled -k 3 or --count 3 (the CLI library takes no one-letter long options).")]
    public int K { get; set; } = 3;

    [CommandOption("--ties")]
    [Description("Remove friendly ties instead of actors.")]
    public bool Ties { get; set; }

    [CommandOption("--exact-budget <N>")]
    [Description("Evaluate every k-subset when there are at most N of them (default 300000); else pick greedily.")]
    public long ExactBudget { get; set; } = 300_000;

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Around))
        {
            return ValidationResult.Error("--around ACTOR is required: the bloc is that actor's friendly component");
        }

        return K is < 1 or > 50 ? ValidationResult.Error($"-k: {K} is not between 1 and 50") : base.Validate();
    }
}

/// <summary>`wedge network wedges --around ACTOR --k 3`: the actors or ties whose removal most splits the actor's bloc.</summary>
public sealed class NetworkWedgesCommand(IAnsiConsole console, IRecordStore source) : Command<NetworkWedgesSettings>
{
    public override int Execute(CommandContext context, NetworkWedgesSettings settings, CancellationToken cancellationToken)
    {
        var network = NetworkInput.Load(settings, source);
        var g = network.Graph;
        var anchor = network.FindNode(settings.Around!);
        var target = settings.Ties ? WedgeTarget.Ties : WedgeTarget.Actors;
        var r = Wedges.Find(g, anchor, settings.K, target, new Wedge.Analysis.Network.WedgeOptions(settings.ExactBudget));
        var picks = r.Picks.Select(p => new PickView(target == WedgeTarget.Actors ? g.Label(p.Item) : network.DescribeEdge(p.Item), p.MarginalCut, p.PairsAfter)).ToList();
        var bloc = r.Bloc.Select(g.Label).Order(StringComparer.Ordinal).ToList();
        if (settings.Json)
        {
            Output.Json(console, new WedgesView(network.Description, g.Label(anchor), target == WedgeTarget.Actors ? "actors" : "ties", bloc, r.PairsBefore, picks,
                r.PairsAfter, r.Fragmentation, r.Exact ? "exact" : "greedy", r.Evaluated, network.Warnings));
            return 0;
        }

        console.MarkupLine($"[bold]Wedges around {Output.Esc(g.Label(anchor))}[/] ({Output.Esc(network.Description)}): its friendly bloc has {bloc.Count} groups, " +
                           $"{r.PairsBefore} pairs linked by friendly paths");
        if (bloc.Count <= 1)
        {
            console.MarkupLine("It has no friendly ties: there is no bloc to split.");
            return 0;
        }

        var table = Output.Table("pick", target == WedgeTarget.Actors ? "actor removed" : "tie broken", "pairs it cuts", "linked pairs left");
        for (var i = 0; i < picks.Count; i++)
        {
            table.AddTextRow((i + 1).ToString(CultureInfo.InvariantCulture), picks[i].Removed, picks[i].PairsCut.ToString(CultureInfo.InvariantCulture),
                picks[i].PairsLeft.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(table);
        console.MarkupLine($"Fragmentation after: {NetworkViews.F(r.Fragmentation, "0.000")} (1 − linked pairs left / before). " +
                           (r.Exact ? $"Exact: all {r.Evaluated:N0} subsets of {picks.Count} compared." : $"Greedy ({r.Evaluated:N0} trials): each pick is the best given the earlier ones."));
        NetworkViews.WriteWarnings(console, network.Warnings);
        return 0;
    }

    private sealed record PickView(string Removed, long PairsCut, long PairsLeft);

    private sealed record WedgesView(string Network, string Anchor, string Removes, IReadOnlyList<string> Bloc, long PairsBefore, IReadOnlyList<PickView> Picks,
        long PairsAfter, double Fragmentation, string Method, long Evaluated, IReadOnlyList<string> Warnings);
}
