using Wedge.Analysis.Network;
using Wedge.Application;
using Wedge.Application.Problems;
using Wedge.Application.Store;
using Wedge.Cli.Infrastructure;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Data.Graphs;

namespace Wedge.Cli.Commands.Network;

/// <summary>A network ready for analysis: the graph, and when it came from the record, the snapshot and ties behind it.</summary>
public sealed record LoadedNetwork(SignedGraph Graph, SnapshotNetwork? Record, Snapshot? Snapshot, string Description, IReadOnlyList<string> Warnings)
{
    /// <summary>"A — B" for an edge, with the ids of the ties behind it when it came from the record.</summary>
    public string DescribeEdge(int edge)
    {
        var text = $"{Graph.Label(Graph.Source(edge))} {(Graph.Sign(edge) > 0 ? "+" : "−")} {Graph.Label(Graph.Target(edge))}";
        return Record is null ? text : $"{text} [{string.Join(", ", Record.TiesOf[edge].Select(t => $"{t.Kind.Kebab()} {t.Id}"))}]";
    }

    /// <summary>Finds a node by actor name or alias (record) or by label (file, exact then ignoring case).</summary>
    public int FindNode(string name)
    {
        if (Record is not null && Snapshot is not null)
        {
            var actor = Output.Resolve(Snapshot, name);
            var node = Record.NodeOf(actor.Id);
            return node >= 0 ? node : throw new ProblemException(ProblemKind.Refused, "refused", $"{actor.Name} is not in the network ({Description}): it is not a group active then, or has no tie of the chosen kinds");
        }

        var exact = Graph.IndexOf(name);
        if (exact >= 0)
        {
            return exact;
        }

        var loose = Enumerable.Range(0, Graph.NodeCount).Where(v => string.Equals(Graph.Label(v), name.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        if (loose.Count == 1)
        {
            return loose[0];
        }

        var near = Enumerable.Range(0, Graph.NodeCount).Select(Graph.Label)
            .Where(l => l.Contains(name.Trim(), StringComparison.OrdinalIgnoreCase)).Take(5).ToList();
        throw new ProblemException(ProblemKind.Refused, "refused", $"no node labelled '{name}' in {Description}" + (near.Count > 0 ? $"; did you mean: {string.Join(", ", near)}" : ""));
    }
}

public static class NetworkInput
{
    /// <summary>Reads --input, or the record through <paramref name="source"/> at the settings' dates.</summary>
    public static LoadedNetwork Load(NetworkSettings settings, IRecordStore source)
    {
        if (settings.Input is { } path)
        {
            var read = EdgeListReader.Read(path, settings.GraphFormat, settings.SignConflict);
            if (!read.IsSuccess)
            {
                throw new ProblemException(ProblemKind.Refused, "refused", string.Join(Environment.NewLine, read.Errors));
            }

            var list = read.Graph!;
            var graph = SignedGraph.Create(list.Labels, [.. list.Edges.Select(e => new SignedEdge(e.Source, e.Target, e.Sign, e.Weight))]);
            return new LoadedNetwork(graph, null, null, Path.GetFileName(path), list.Warnings);
        }

        var snapshot = source.Read(settings.Slice);
        var network = SnapshotGraph.Build(snapshot, settings.Kinds);
        var warnings = network.MixedPairs > 0
            ? new[] { $"{network.MixedPairs} pair(s) hold friendly and hostile ties at once; the latest tie set the sign (hostile when equally recent)" }
            : [];
        return new LoadedNetwork(network.Graph, network, snapshot, Output.Describe(settings.ReadOptions, settings.RecordedByTime), warnings);
    }

    /// <summary>The graph the measures run on: every tie, or the friendly ones only.</summary>
    public static SignedGraph Measured(LoadedNetwork network, bool friendlyOnly) => friendlyOnly ? network.Graph.PositivePart() : network.Graph;
}
