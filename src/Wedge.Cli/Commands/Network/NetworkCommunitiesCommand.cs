using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Analysis.Network;
using Wedge.Application;
using Wedge.Application.Network;
using Wedge.Application.Store;
using Wedge.Cli.Infrastructure;
using Wedge.Core.Model;

namespace Wedge.Cli.Commands.Network;

public sealed class NetworkCommunitiesSettings : MeasureSettings
{
    [CommandOption("--algorithm <NAME>")]
    [Description("louvain (default) or leiden (every community connected).")]
    public string Algorithm { get; set; } = "louvain";

    [CommandOption("--seed <N>")]
    [Description("Seed of the first run (default 1): same seed, same partition.")]
    public int Seed { get; set; } = 1;

    [CommandOption("--restarts <N>")]
    [Description("Runs (seeds seed, seed+1, …); the partition with the highest modularity is kept (default 10).")]
    public int Restarts { get; set; } = 10;

    [CommandOption("--resolution <GAMMA>")]
    [Description("Modularity resolution (default 1; higher gives smaller communities).")]
    public double Resolution { get; set; } = 1.0;

    [CommandOption("--weighted")]
    [Description("Use edge weights.")]
    public bool Weighted { get; set; }

    public CommunityAlgorithm ParsedAlgorithm => EnumNames.Parse<CommunityAlgorithm>(Algorithm) ?? CommunityAlgorithm.Louvain;

    public override ValidationResult Validate()
        => EnumNames.Parse<CommunityAlgorithm>(Algorithm) is null ? ValidationResult.Error($"--algorithm: '{Algorithm}' is not one of: {string.Join(", ", EnumNames.All<CommunityAlgorithm>())}")
            : Restarts is < 1 or > 1000 ? ValidationResult.Error($"--restarts: {Restarts} is not between 1 and 1000")
            : !(Resolution > 0) ? ValidationResult.Error("--resolution must be positive")
            : base.Validate();
}

/// <summary>`wedge network communities`: Louvain or Leiden communities (friendly ties by default) with modularity.</summary>
public sealed class NetworkCommunitiesCommand(IAnsiConsole console, NetworkService networks) : Command<NetworkCommunitiesSettings>
{
    public override int Execute(CommandContext context, NetworkCommunitiesSettings settings, CancellationToken cancellationToken)
    {
        var r = networks.Communities(settings.Request,
            new CommunityOptions(settings.FriendlyOnly(true), settings.Seed, settings.Weighted, settings.Resolution, settings.Restarts, settings.ParsedAlgorithm), cancellationToken);
        if (settings.Json)
        {
            Output.Json(console, r);
            return 0;
        }

        var groups = r.Communities;
        console.MarkupLine($"[bold]Communities[/] ({Output.Esc(r.Network)}; links: {r.Ties} ties): {groups.Count(c => c.Count > 1)} with two or more members, " +
                           $"{groups.Count(c => c.Count == 1)} singletons; modularity {NetworkViews.F(r.Modularity, "0.0000")} ({(r.Algorithm == CommunityAlgorithm.Leiden ? "Leiden" : "Louvain")}, best of {settings.Restarts} from seed {settings.Seed}, kept seed {r.Seed})");
        var table = Output.Table("#", "size", "members");
        var i = 0;
        foreach (var c in groups.Where(c => c.Count > 1))
        {
            table.AddTextRow((++i).ToString(CultureInfo.InvariantCulture), c.Count.ToString(CultureInfo.InvariantCulture),
                string.Join(", ", c.Take(15)) + (c.Count > 15 ? $", … ({c.Count - 15} more)" : ""));
        }

        console.Write(table);
        NetworkViews.WriteWarnings(console, r.Warnings);
        return 0;
    }
}
