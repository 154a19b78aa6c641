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
public sealed class NetworkWedgesCommand(IAnsiConsole console, NetworkService networks) : Command<NetworkWedgesSettings>
{
    public override int Execute(CommandContext context, NetworkWedgesSettings settings, CancellationToken cancellationToken)
    {
        var r = networks.Wedges(settings.Request, new WedgeRequest(settings.Around!, settings.K, settings.Ties, settings.ExactBudget), cancellationToken);
        if (settings.Json)
        {
            Output.Json(console, r);
            return 0;
        }

        console.MarkupLine($"[bold]Wedges around {Output.Esc(r.Anchor)}[/] ({Output.Esc(r.Network)}): its friendly bloc has {r.Bloc.Count} groups, " +
                           $"{r.PairsBefore} pairs linked by friendly paths");
        if (r.Bloc.Count <= 1)
        {
            console.MarkupLine("It has no friendly ties: there is no bloc to split.");
            return 0;
        }

        var table = Output.Table("pick", settings.Ties ? "tie broken" : "actor removed", "pairs it cuts", "linked pairs left");
        for (var i = 0; i < r.Picks.Count; i++)
        {
            table.AddTextRow((i + 1).ToString(CultureInfo.InvariantCulture), r.Picks[i].Removed, r.Picks[i].PairsCut.ToString(CultureInfo.InvariantCulture),
                r.Picks[i].PairsLeft.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(table);
        var exact = r.Method == "exact";
        console.MarkupLine($"Fragmentation after: {NetworkViews.F(r.Fragmentation, "0.000")} (1 − linked pairs left / before). " +
                           (exact ? $"Exact: all {r.Evaluated:N0} subsets of {r.Picks.Count} compared." : $"Greedy ({r.Evaluated:N0} trials): each pick is the best given the earlier ones."));
        NetworkViews.WriteWarnings(console, r.Warnings);
        return 0;
    }
}
