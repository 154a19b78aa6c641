using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Analysis.Network;
using Wedge.Application;
using Wedge.Application.Store;
using Wedge.Cli.Infrastructure;

namespace Wedge.Cli.Commands.Network;

public sealed class NetworkCommunitiesSettings : MeasureSettings
{
    [CommandOption("--seed <N>")]
    [Description("Seed of the first Louvain run (default 1): same seed, same partition.")]
    public int Seed { get; set; } = 1;

    [CommandOption("--restarts <N>")]
    [Description("Louvain runs (seeds seed, seed+1, …); the partition with the highest modularity is kept (default 10).")]
    public int Restarts { get; set; } = 10;

    [CommandOption("--resolution <GAMMA>")]
    [Description("Modularity resolution (default 1; higher gives smaller communities).")]
    public double Resolution { get; set; } = 1.0;

    [CommandOption("--weighted")]
    [Description("Use edge weights.")]
    public bool Weighted { get; set; }

    public override ValidationResult Validate()
        => Restarts is < 1 or > 1000 ? ValidationResult.Error($"--restarts: {Restarts} is not between 1 and 1000")
            : !(Resolution > 0) ? ValidationResult.Error("--resolution must be positive")
            : base.Validate();
}

/// <summary>`wedge network communities`: Louvain communities (friendly ties by default) with modularity.</summary>
public sealed class NetworkCommunitiesCommand(IAnsiConsole console, IRecordStore source) : Command<NetworkCommunitiesSettings>
{
    public override int Execute(CommandContext context, NetworkCommunitiesSettings settings, CancellationToken cancellationToken)
    {
        var network = NetworkInput.Load(settings, source);
        var friendly = settings.FriendlyOnly(true);
        var g = NetworkInput.Measured(network, friendly);
        var r = Communities.Louvain(g, settings.Seed, settings.Weighted, settings.Resolution, settings.Restarts);
        var groups = Enumerable.Range(0, r.Count)
            .Select(c => Enumerable.Range(0, g.NodeCount).Where(v => r.Of[v] == c).Select(g.Label).Order(StringComparer.Ordinal).ToList())
            .OrderByDescending(c => c.Count).ThenBy(c => c[0], StringComparer.Ordinal).ToList();
        if (settings.Json)
        {
            Output.Json(console, new CommunitiesView(network.Description, friendly ? "friendly" : "all", r.Modularity, r.Seed, settings.Restarts, settings.Resolution,
                groups, network.Warnings));
            return 0;
        }

        console.MarkupLine($"[bold]Communities[/] ({Output.Esc(network.Description)}; links: {(friendly ? "friendly" : "all")} ties): {groups.Count(c => c.Count > 1)} with two or more members, " +
                           $"{groups.Count(c => c.Count == 1)} singletons; modularity {NetworkViews.F(r.Modularity, "0.0000")} (Louvain, best of {settings.Restarts} from seed {settings.Seed}, kept seed {r.Seed})");
        var table = Output.Table("#", "size", "members");
        var i = 0;
        foreach (var c in groups.Where(c => c.Count > 1))
        {
            table.AddTextRow((++i).ToString(CultureInfo.InvariantCulture), c.Count.ToString(CultureInfo.InvariantCulture),
                string.Join(", ", c.Take(15)) + (c.Count > 15 ? $", … ({c.Count - 15} more)" : ""));
        }

        console.Write(table);
        NetworkViews.WriteWarnings(console, network.Warnings);
        return 0;
    }

    private sealed record CommunitiesView(string Network, string Ties, double Modularity, int Seed, int Restarts, double Resolution,
        IReadOnlyList<List<string>> Communities, IReadOnlyList<string> Warnings);
}
