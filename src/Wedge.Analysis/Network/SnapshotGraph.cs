using Wedge.Core.Knowledge;
using Wedge.Core.Model;

namespace Wedge.Analysis.Network;

/// <summary>
/// The web of groups in a snapshot as a signed graph, with the actors and ties behind each node and edge.
/// </summary>
/// <param name="Actors">The actor of each node (same order as the graph's nodes).</param>
/// <param name="TiesOf">For each edge, the ties held at the date that it stands for (oldest first).</param>
/// <param name="MixedPairs">Pairs holding friendly and hostile ties at once; each took the sign of its latest tie.</param>
/// <param name="TiesByKind">Ties held at the date, by kind (before pairs were merged).</param>
public sealed record SnapshotNetwork(SignedGraph Graph, IReadOnlyList<Actor> Actors, IReadOnlyList<IReadOnlyList<Tie>> TiesOf, int MixedPairs,
    IReadOnlyDictionary<TieKind, int> TiesByKind)
{
    public int NodeOf(ActorId id)
    {
        for (var i = 0; i < Actors.Count; i++)
        {
            if (Actors[i].Id == id)
            {
                return i;
            }
        }

        return -1;
    }
}

/// <summary>
/// Builds the signed graph of groups from a snapshot.
/// </summary>
/// <remarks>
/// <para>Nodes: actors of kind armed group, faction, state or other (never persons) that are active at
/// the snapshot's date, plus any such actor at the end of a tie held then. A faction is its own node;
/// its belonging to a parent is not a tie (record an affiliation if it acts as one).</para>
/// <para>Edges: ties whose period holds at the date (<see cref="Snapshot.HoldsAt"/>), of the chosen
/// kinds, between two group nodes. Direction is dropped. The sign is <see cref="TieKinds.Sign"/>:
/// alliance, affiliation, merger and sponsorship are friendly; rivalry and split are hostile. A split
/// counts as hostile while its period holds: from the break until the end recorded for it (a split
/// dated to a single day or year counts only then, unless recorded as lasting).</para>
/// <para>Several ties between one pair become one edge. When they disagree in sign, the tie that
/// started latest decides (the newest state of the relation; earliest day of each start, no start
/// counting as oldest); when ties of both signs share the latest start, or none has a start, hostile. Such pairs are counted in <see cref="SnapshotNetwork.MixedPairs"/>.</para>
/// </remarks>
public static class SnapshotGraph
{
    /// <summary>Tie kinds between groups (leadership joins a person to a group and is never an edge).</summary>
    public static IReadOnlySet<TieKind> GroupTieKinds { get; } = new HashSet<TieKind>
    {
        TieKind.Alliance, TieKind.Affiliation, TieKind.Merger, TieKind.Sponsorship, TieKind.Rivalry, TieKind.Split,
    };

    public static bool IsGroup(Actor actor) => actor.Kind is ActorKind.ArmedGroup or ActorKind.Faction or ActorKind.State or ActorKind.Other;

    /// <param name="kinds">Tie kinds to keep; null for <see cref="GroupTieKinds"/>.</param>
    public static SnapshotNetwork Build(Snapshot snapshot, IReadOnlySet<TieKind>? kinds = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        kinds ??= GroupTieKinds;
        var held = snapshot.Ties
            .Where(t => kinds.Contains(t.Kind) && t.From != t.To && snapshot.HoldsAt(t.Period)
                        && snapshot.Actor(t.From) is { } a && IsGroup(a) && snapshot.Actor(t.To) is { } b && IsGroup(b))
            .ToList();
        var members = snapshot.Actors.Where(a => IsGroup(a) && snapshot.HoldsAt(a.Active)).Select(a => a.Id).ToHashSet();
        foreach (var t in held)
        {
            members.Add(t.From);
            members.Add(t.To);
        }

        var actors = members.Select(id => snapshot.Actor(id)!)
            .OrderBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.Id.Value, StringComparer.Ordinal).ToList();
        var index = new Dictionary<ActorId, int>();
        for (var i = 0; i < actors.Count; i++)
        {
            index[actors[i].Id] = i;
        }

        var byPair = held.GroupBy(t => (Math.Min(index[t.From], index[t.To]), Math.Max(index[t.From], index[t.To])))
            .OrderBy(g => g.Key.Item1).ThenBy(g => g.Key.Item2).ToList();
        var edges = new List<SignedEdge>();
        var tiesOf = new List<IReadOnlyList<Tie>>();
        var mixed = 0;
        foreach (var pair in byPair)
        {
            var ties = pair.OrderBy(t => t.Period.Start?.Earliest ?? DateOnly.MinValue).ThenBy(t => t.Id, StringComparer.Ordinal).ToList();
            var signs = ties.Select(t => t.Kind.Sign()).Distinct().Count();
            int sign;
            if (signs == 1)
            {
                sign = ties[0].Kind.Sign();
            }
            else
            {
                mixed++;
                var latestStart = ties.Max(t => t.Period.Start?.Earliest ?? DateOnly.MinValue);
                var latest = ties.Where(t => (t.Period.Start?.Earliest ?? DateOnly.MinValue) == latestStart).Select(t => t.Kind.Sign()).Distinct().ToList();
                sign = latest.Count == 1 && latestStart != DateOnly.MinValue ? latest[0] : -1;
            }

            edges.Add(new SignedEdge(pair.Key.Item1, pair.Key.Item2, sign));
            tiesOf.Add(ties);
        }

        var byKind = held.GroupBy(t => t.Kind).ToDictionary(g => g.Key, g => g.Count());
        var graph = SignedGraph.Create(actors.Select(a => a.Name).ToList(), edges);
        return new SnapshotNetwork(graph, actors, tiesOf, mixed, byKind);
    }
}
