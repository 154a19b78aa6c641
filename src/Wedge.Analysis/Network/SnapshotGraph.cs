using Wedge.Analysis.Assessment;
using Wedge.Analysis.Evidence;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;

namespace Wedge.Analysis.Network;

/// <summary>
/// The web of groups in a snapshot as a signed graph, with the actors and ties behind each node and edge.
/// </summary>
/// <param name="Actors">The actor of each node (same order as the graph's nodes).</param>
/// <param name="TiesOf">For each edge, the ties held at the date that it stands for (oldest first).</param>
/// <param name="MixedPairs">Pairs with friendly and hostile ties speaking to the date; each took the sign its weighed evidence gives.</param>
/// <param name="TiesByKind">Ties held at the date, by kind (before pairs were merged).</param>
/// <param name="RelationOf">For each edge, its weighed relation (numbers only; <c>dyad</c> shows the trail).</param>
/// <remarks>A view over a graph, not a value: a class, compared by reference.</remarks>
public sealed class SnapshotNetwork(SignedGraph graph, IReadOnlyList<Actor> actors, IReadOnlyList<IReadOnlyList<Tie>> tiesOf, int mixedPairs,
    IReadOnlyDictionary<TieKind, int> tiesByKind, IReadOnlyList<RelationWeight> relationOf)
{
    public SignedGraph Graph { get; } = graph;

    public IReadOnlyList<Actor> Actors { get; } = actors;

    public IReadOnlyList<IReadOnlyList<Tie>> TiesOf { get; } = tiesOf;

    public int MixedPairs { get; } = mixedPairs;

    public IReadOnlyDictionary<TieKind, int> TiesByKind { get; } = tiesByKind;

    public IReadOnlyList<RelationWeight> RelationOf { get; } = relationOf;

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
/// <para>Edges: one per pair of group nodes whose ties (of the chosen kinds) speak to the date, signed by the
/// weighed relation between the two (<see cref="RelationWeigher"/>, docs/methods/evidence.md): every claim
/// counts by its grade, one source is one witness, start-only observations carry forward until later
/// contrary evidence. A pair whose evidence reaches neither sign (P below <c>evidence.threshold</c>) has no
/// edge. Direction is dropped. Pairs with ties of both signs speaking to the date are counted in
/// <see cref="SnapshotNetwork.MixedPairs"/>; the latest tie no longer decides.</para>
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
    public static SnapshotNetwork Build(Snapshot snapshot, IReadOnlySet<TieKind>? kinds = null, AssessmentParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        kinds ??= GroupTieKinds;
        var at = snapshot.Options.EffectiveAt;
        var candidates = snapshot.Ties
            .Where(t => kinds.Contains(t.Kind) && t.From != t.To
                        && snapshot.Actor(t.From) is { } a && IsGroup(a) && snapshot.Actor(t.To) is { } b && IsGroup(b))
            .ToList();

        // Weigh each pair whose ties may speak to the date; the pair is an edge when the evidence gives it a sign.
        var weighed = new List<(ActorId A, ActorId B, List<Tie> Ties, RelationWeight Relation, bool Mixed)>();
        foreach (var pair in candidates.GroupBy(t => string.CompareOrdinal(t.From.Value, t.To.Value) < 0 ? (t.From, t.To) : (t.To, t.From)))
        {
            var ties = pair.ToList();
            var relation = RelationWeigher.Gather(snapshot, ties, at, parameters).Weigh(withTrail: false);
            if (relation.Sign == RelationSign.None)
            {
                continue;
            }

            var speaking = ties.Where(t => Speaks(snapshot, t)).ToList();
            var mixed = speaking.Select(t => t.Kind.Sign()).Distinct().Count() > 1;
            weighed.Add((pair.Key.Item1, pair.Key.Item2, speaking.Count > 0 ? speaking : ties, relation, mixed));
        }

        var members = snapshot.Actors.Where(a => IsGroup(a) && snapshot.HoldsAt(a.Active)).Select(a => a.Id).ToHashSet();
        foreach (var w in weighed)
        {
            members.Add(w.A);
            members.Add(w.B);
        }

        var actors = members.Select(id => snapshot.Actor(id)!)
            .OrderBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.Id.Value, StringComparer.Ordinal).ToList();
        var index = new Dictionary<ActorId, int>();
        for (var i = 0; i < actors.Count; i++)
        {
            index[actors[i].Id] = i;
        }

        var ordered = weighed.Select(w => (U: Math.Min(index[w.A], index[w.B]), V: Math.Max(index[w.A], index[w.B]), w))
            .OrderBy(x => x.U).ThenBy(x => x.V).ToList();
        var edges = ordered.Select(x => new SignedEdge(x.U, x.V, x.w.Relation.Sign == RelationSign.Friendly ? 1 : -1)).ToList();
        var tiesOf = ordered.Select(x => (IReadOnlyList<Tie>)x.w.Ties.OrderBy(t => t.Period.Start?.Earliest ?? DateOnly.MinValue).ThenBy(t => t.Id, StringComparer.Ordinal).ToList()).ToList();
        var byKind = ordered.SelectMany(x => x.w.Ties).GroupBy(t => t.Kind).ToDictionary(g => g.Key, g => g.Count());
        var graph = SignedGraph.Create(actors.Select(a => a.Name).ToList(), edges);
        return new SnapshotNetwork(graph, actors, tiesOf, ordered.Count(x => x.w.Mixed), byKind, ordered.Select(x => x.w.Relation).ToList());
    }

    /// <summary>True when a tie speaks to the snapshot's date: its period holds then, or it is a start-only observation made by then.</summary>
    private static bool Speaks(Snapshot snapshot, Tie t) => t.StartOnly ? t.Period.Start is not null : snapshot.HoldsAt(t.Period);
}
