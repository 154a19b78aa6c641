using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Analysis.Network;
using Wedge.Application.Network;
using Wedge.Cli.Infrastructure;
using Wedge.Core.Collections;
using Wedge.Core.Model;
using Wedge.Data.Graphs;

namespace Wedge.Cli.Commands.Network;

/// <summary>Options every `wedge network` verb takes: where the graph comes from and which ties it holds.</summary>
public class NetworkSettings : ReadSettings
{
    [CommandOption("--kind <KINDS>")]
    [Description("Only ties of these kinds, comma-separated (alliance, affiliation, merger, sponsorship, rivalry, split). Default: all of them.")]
    public string? Kind { get; set; }

    [CommandOption("--input <FILE>")]
    [Description("Read a network from FILE instead of the record: CSV with a header naming source, target and optionally sign, weight; whitespace edge list (source target sign weight, % or # comments); GraphML.")]
    public string? Input { get; set; }

    [CommandOption("--input-format <FORMAT>")]
    [Description("Format of --input: csv, edges or graphml (default: from the extension). (--format is how tables are written.)")]
    public string? InputFormat { get; set; }

    [CommandOption("--on-conflict <RULE>")]
    [Description("A pair given with both signs in --input: error (default), negative, positive or drop.")]
    public string? OnConflict { get; set; }

    public EquatableList<TieKind>? Kinds => Kind is null
        ? null
        : Kind.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(k => EnumNames.Parse<TieKind>(k)!.Value).Distinct().Order().ToEquatableList();

    /// <summary>The network these options name: the --input file, or the record at the three clocks.</summary>
    public NetworkRequest Request => Input is { } path
        ? NetworkRequest.FromFile(new NetworkFile(path, GraphFormat, SignConflict))
        : new NetworkRequest(Slice, Kinds);

    public GraphFormat GraphFormat => InputFormat?.Trim().ToLowerInvariant() switch
    {
        "csv" => GraphFormat.Csv,
        "edges" or "edgelist" or "txt" or "tsv" => GraphFormat.EdgeList,
        "graphml" => GraphFormat.GraphMl,
        _ => GraphFormat.Auto,
    };

    public SignConflict SignConflict => EnumNames.Parse<SignConflict>(OnConflict ?? "error") ?? SignConflict.Error;

    public override ValidationResult Validate()
    {
        if (Kind is not null)
        {
            foreach (var k in Kind.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (EnumNames.Parse<TieKind>(k) is not { } kind || !SnapshotGraph.GroupTieKinds.Contains(kind))
                {
                    return ValidationResult.Error($"--kind: '{k}' is not one of: {string.Join(", ", SnapshotGraph.GroupTieKinds.Select(x => x.Kebab()))}");
                }
            }
        }

        if (InputFormat is not null && GraphFormat == GraphFormat.Auto)
        {
            return ValidationResult.Error($"--input-format: '{InputFormat}' is not one of: csv, edges, graphml");
        }

        if (OnConflict is not null && EnumNames.Parse<SignConflict>(OnConflict) is null)
        {
            return ValidationResult.Error($"--on-conflict: '{OnConflict}' is not one of: error, negative, positive, drop");
        }

        if (Input is not null && (Kind is not null || At is not null || KnownAt is not null || RecordedBy is not null))
        {
            return ValidationResult.Error("--kind, --at, --known-at and --recorded-by read the record; they do not apply to an --input file");
        }

        return base.Validate();
    }
}

/// <summary>Options of verbs that measure the graph: whether hostile ties count as links.</summary>
public class MeasureSettings : NetworkSettings
{
    [CommandOption("--ties <WHICH>")]
    [Description("Which ties link nodes for the measures: all (signs ignored) or friendly. Default: all for metrics, friendly for communities.")]
    public string? Ties { get; set; }

    [CommandOption("--threads <N>")]
    [Description("Threads for betweenness, closeness and PageRank (default 1).")]
    public int Threads { get; set; } = 1;

    public bool FriendlyOnly(bool byDefault) => Ties is null ? byDefault : Ties.Trim().Equals("friendly", StringComparison.OrdinalIgnoreCase);

    public override ValidationResult Validate()
    {
        if (Ties is not null && !Ties.Trim().Equals("all", StringComparison.OrdinalIgnoreCase) && !Ties.Trim().Equals("friendly", StringComparison.OrdinalIgnoreCase))
        {
            return ValidationResult.Error($"--ties: '{Ties}' is not one of: all, friendly");
        }

        if (Threads < 1 || Threads > 64)
        {
            return ValidationResult.Error($"--threads: {Threads} is not between 1 and 64");
        }

        return base.Validate();
    }
}
