using Wedge.Analysis.Network;
using Wedge.Application.Problems;
using Wedge.Application.Records;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Text;

namespace Wedge.Application.Network;

/// <summary>A network ready for analysis: the graph, and when it came from the record, the snapshot and ties behind it.</summary>
public sealed record LoadedNetwork(SignedGraph Graph, SnapshotNetwork? Record, Snapshot? Snapshot, string Description, Core.Collections.EquatableList<string> Warnings)
{
    /// <summary>"A — B" for an edge, with the ids of the ties behind it when it came from the record.</summary>
    public string DescribeEdge(int edge)
    {
        var text = $"{Graph.Label(Graph.Source(edge))} {(Graph.Sign(edge) > 0 ? "+" : "−")} {Graph.Label(Graph.Target(edge))}";
        return Record is null ? text : $"{text} [{string.Join(", ", Record.TiesOf[edge].Select(t => $"{t.Kind.Kebab()} {t.Id}"))}]";
    }

    /// <summary>Finds a node by actor name or alias (record) or by label (file: exact, then by <see cref="NameKey"/>, ignoring case and accents).</summary>
    public int FindNode(string name)
    {
        if (Record is not null && Snapshot is not null)
        {
            var actor = RecordQueries.Resolve(Snapshot, name);
            var node = Record.NodeOf(actor.Id);
            return node >= 0 ? node : throw Problem.Refused("not-in-network", $"{actor.Name} is not in the network ({Description}): it is not a group active then, or has no tie of the chosen kinds").Exception();
        }

        var exact = Graph.IndexOf(name);
        if (exact >= 0)
        {
            return exact;
        }

        var key = NameKey.Of(name);
        var loose = Enumerable.Range(0, Graph.NodeCount).Where(v => key.Length > 0 && NameKey.Of(Graph.Label(v)) == key).ToList();
        if (loose.Count == 1)
        {
            return loose[0];
        }

        var near = Enumerable.Range(0, Graph.NodeCount).Select(Graph.Label)
            .Where(l => key.Length > 0 && NameKey.Of(l).Contains(key, StringComparison.Ordinal)).Take(5).ToList();
        throw Problem.NotFound("node-not-found", $"no node labelled '{name}' in {Description}" + (near.Count > 0 ? $"; did you mean: {string.Join(", ", near)}" : "")).Exception();
    }

    /// <summary>The graph the measures run on: every tie, or the friendly ones only.</summary>
    public SignedGraph Measured(bool friendlyOnly) => friendlyOnly ? Graph.PositivePart() : Graph;
}
