using System.Runtime.InteropServices;
using Wedge.Analysis.Assessment;
using Wedge.Analysis.Evidence;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;

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
    /// <remarks>Reads the snapshot's tie rows (<see cref="Snapshot.TieRows"/>), not tie objects: on a record of a million
    /// ties, building each as an object cost more than everything else here. The ties behind an edge are built when
    /// <see cref="SnapshotNetwork.TiesOf"/> is first asked for that edge.</remarks>
    public static SnapshotNetwork Build(Snapshot snapshot, IReadOnlySet<TieKind>? kinds = null, AssessmentParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        kinds ??= GroupTieKinds;
        var at = snapshot.Options.EffectiveAt;
        var tables = snapshot.TieRows();

        // Candidates: rows of the chosen kinds between two distinct groups, keyed by their pair of group numbers.
        var numberOf = new Dictionary<ActorId, int>();
        var groups = new List<Actor>();
        var keys = new List<long>();
        var where = new List<(int Table, int Position)>();
        for (var ti = 0; ti < tables.Count; ti++)
        {
            var sliced = tables[ti];
            var t = sliced.Table;
            var groupOf = new int[t.Actors.Length]; // 0: not looked up, -1: not a group in the slice, else number + 1
            int GroupNumber(int a)
            {
                if (groupOf[a] == 0)
                {
                    var actor = sliced.ActorOf[a];
                    if (actor is null || !IsGroup(actor))
                    {
                        groupOf[a] = -1;
                    }
                    else
                    {
                        if (!numberOf.TryGetValue(actor.Id, out var n))
                        {
                            numberOf[actor.Id] = n = groups.Count;
                            groups.Add(actor);
                        }

                        groupOf[a] = n + 1;
                    }
                }

                return groupOf[a] - 1;
            }

            for (var pos = 0; pos < sliced.Rows.Length; pos++)
            {
                var row = sliced.Rows[pos];
                if (!kinds.Contains(t.Kind[row]) || t.From[row] == t.To[row])
                {
                    continue;
                }

                var a = GroupNumber(t.From[row]);
                var b = GroupNumber(t.To[row]);
                if (a < 0 || b < 0)
                {
                    continue;
                }

                keys.Add(a < b ? (long)a << 32 | (uint)b : (long)b << 32 | (uint)a);
                where.Add((ti, pos));
            }
        }

        // The rows sorted by pair, so that each pair's rows lie side by side (their order within a pair is set below).
        var keyArray = keys.ToArray();
        var rowsByPair = where.ToArray();
        Array.Sort(keyArray, rowsByPair);
        var starts = new List<int>();
        for (var k = 0; k < keyArray.Length; k++)
        {
            if (k == 0 || keyArray[k] != keyArray[k - 1])
            {
                starts.Add(k);
            }
        }

        starts.Add(keyArray.Length);

        // Weigh each pair whose ties may speak to the date; the pair is an edge when the evidence gives it a sign. Pairs
        // are independent, so they are weighed in as many ranges as there are cores (each result lands in its pair's slot:
        // the same network for any number of cores).
        var pairs = starts.Count - 1;
        var results = new ((int Table, int Position)[] Ties, RelationWeight Relation, bool Mixed)[pairs];
        var ranges = Math.Clamp(pairs / 4096, 1, Environment.ProcessorCount);
        var tieOrder = new TieOrder([.. tables]);
        Parallel.For(0, ranges, range =>
        {
            var scan = new RowScan(parameters);
            var rows = new List<(SlicedTieTable Table, int Position)>();
            for (var g = (int)((long)pairs * range / ranges); g < (int)((long)pairs * (range + 1) / ranges); g++)
            {
                var pair = rowsByPair.AsSpan(starts[g], starts[g + 1] - starts[g]);
                if (pair.Length > 1)
                {
                    pair.Sort(tieOrder);
                }

                rows.Clear();
                foreach (var (table, position) in pair)
                {
                    rows.Add((tables[table], position));
                }

                var relation = RelationWeigher.WeighRows(CollectionsMarshal.AsSpan(rows), at, scan);
                if (relation.Sign != RelationSign.None)
                {
                    var (speaking, mixed) = Speaking(snapshot, tables, pair);
                    results[g] = (speaking, relation, mixed);
                }
            }
        });

        var weighed = new List<(int A, int B, (int Table, int Position)[] Ties, RelationWeight Relation, bool Mixed)>();
        for (var g = 0; g < pairs; g++)
        {
            if (results[g].Relation is { } relation)
            {
                var key = keyArray[starts[g]];
                weighed.Add(((int)(key >> 32), (int)key, results[g].Ties, relation, results[g].Mixed));
            }
        }

        var inGraph = new bool[groups.Count];
        foreach (var w in weighed)
        {
            inGraph[w.A] = inGraph[w.B] = true;
        }

        var members = snapshot.Actors.Where(a => IsGroup(a) && snapshot.HoldsAt(a.Active)).Select(a => a.Id).ToHashSet();
        for (var g = 0; g < groups.Count; g++)
        {
            if (inGraph[g])
            {
                members.Add(groups[g].Id);
            }
        }

        var actors = members.Select(id => snapshot.Actor(id)!)
            .OrderBy(a => a.Name, StringComparer.Ordinal).ThenBy(a => a.Id.Value, StringComparer.Ordinal).ToList();
        var index = new Dictionary<ActorId, int>();
        for (var i = 0; i < actors.Count; i++)
        {
            index[actors[i].Id] = i;
        }

        var nodeOf = new int[groups.Count];
        for (var g = 0; g < groups.Count; g++)
        {
            nodeOf[g] = inGraph[g] ? index[groups[g].Id] : -1;
        }


        // Edges in node order: by first node, then second.
        var edgeKeys = new long[weighed.Count];
        var edgeOrder = new int[weighed.Count];
        for (var k = 0; k < weighed.Count; k++)
        {
            var (u, v) = (nodeOf[weighed[k].A], nodeOf[weighed[k].B]);
            edgeKeys[k] = (long)Math.Min(u, v) << 32 | (uint)Math.Max(u, v);
            edgeOrder[k] = k;
        }

        Array.Sort(edgeKeys, edgeOrder);
        var edges = new List<SignedEdge>(weighed.Count);
        var kindCounts = new int[Enum.GetValues<TieKind>().Max(k => (int)k) + 1];
        var mixedPairs = 0;
        for (var k = 0; k < edgeOrder.Length; k++)
        {
            var w = weighed[edgeOrder[k]];
            edges.Add(new SignedEdge((int)(edgeKeys[k] >> 32), (int)edgeKeys[k], w.Relation.Sign == RelationSign.Friendly ? 1 : -1));
            mixedPairs += w.Mixed ? 1 : 0;
            foreach (var (table, position) in w.Ties)
            {
                kindCounts[(int)tables[table].Table.Kind[tables[table].Rows[position]]]++;
            }
        }

        var byKind = Enum.GetValues<TieKind>().Where(k => kindCounts[(int)k] > 0).ToDictionary(k => k, k => kindCounts[(int)k]);
        var tiesOf = new EdgeTies(snapshot, tables, edgeOrder.Select(k => weighed[k].Ties).ToArray());
        var graph = SignedGraph.Create(actors.Select(a => a.Name).ToList(), edges);
        return new SnapshotNetwork(graph, actors, tiesOf, mixedPairs, byKind, edgeOrder.Select(k => weighed[k].Relation).ToList());
    }

    /// <summary>One pair's rows in the order <see cref="Snapshot.Ties"/> gives ties: by start, then id.</summary>
    private readonly struct TieOrder(SlicedTieTable[] tables) : IComparer<(int Table, int Position)>
    {
        public int Compare((int Table, int Position) x, (int Table, int Position) y)
        {
            var (tx, ty) = (tables[x.Table], tables[y.Table]);
            var (rx, ry) = (tx.Rows[x.Position], ty.Rows[y.Position]);
            var byStart = Nullable.Compare(tx.Table.Start[rx], ty.Table.Start[ry]);
            if (byStart != 0)
            {
                return byStart;
            }

            // Id ranks compare within a table; across tables the ids themselves are read.
            return x.Table == y.Table ? tx.Table.IdRank[rx].CompareTo(ty.Table.IdRank[ry])
                : string.CompareOrdinal(tx.Table.TieAt(rx).Id, ty.Table.TieAt(ry).Id);
        }
    }

    /// <summary>The ties of a pair that speak to the date (all of them when none does), and whether those are of both signs.</summary>
    private static ((int Table, int Position)[] Ties, bool Mixed) Speaking(Snapshot snapshot, IReadOnlyList<SlicedTieTable> tables, ReadOnlySpan<(int Table, int Position)> pair)
    {
        var speaking = 0;
        int? sign = null;
        var mixed = false;
        foreach (var (table, position) in pair)
        {
            if (Speaks(snapshot, tables[table], position))
            {
                speaking++;
                var s = tables[table].Table.Kind[tables[table].Rows[position]].Sign();
                mixed |= sign is { } other && other != s;
                sign = s;
            }
        }

        if (speaking == pair.Length || speaking == 0)
        {
            return (pair.ToArray(), mixed);
        }

        var ties = new (int Table, int Position)[speaking];
        var k = 0;
        foreach (var x in pair)
        {
            if (Speaks(snapshot, tables[x.Table], x.Position))
            {
                ties[k++] = x;
            }
        }

        return (ties, mixed);
    }

    /// <summary>True when a row's tie speaks to the snapshot's date: its period holds then, or it is a start-only observation made by then.</summary>
    private static bool Speaks(Snapshot snapshot, SlicedTieTable sliced, int position)
    {
        var row = sliced.Rows[position];
        var t = sliced.Table;
        if (t.StartOnly[row])
        {
            return t.Start[row] is not null;
        }

        return snapshot.Options.EffectiveAt is { } at ? Period.MayHoldDuring(t.Start[row], sliced.SeenEnd[position], at) : sliced.SeenEnd[position] is null;
    }

    /// <summary>The ties behind each edge, built from their rows when an edge is first asked for (oldest first, then by id).</summary>
    private sealed class EdgeTies(Snapshot snapshot, IReadOnlyList<SlicedTieTable> tables, (int Table, int Position)[][] rows) : IReadOnlyList<IReadOnlyList<Tie>>
    {
        private readonly IReadOnlyList<Tie>?[] built = new IReadOnlyList<Tie>?[rows.Length];

        public int Count => rows.Length;

        public IReadOnlyList<Tie> this[int index] => built[index] ??= rows[index]
            .Select(x => snapshot.Seen(tables[x.Table].Table.TieAt(tables[x.Table].Rows[x.Position]))
                         ?? throw new InvalidOperationException("A tie row of the slice is not in the slice as an object."))
            .OrderBy(t => t.Period.Start?.Earliest ?? DateOnly.MinValue).ThenBy(t => t.Id, StringComparer.Ordinal).ToList();

        public IEnumerator<IReadOnlyList<Tie>> GetEnumerator()
        {
            for (var i = 0; i < rows.Length; i++)
            {
                yield return this[i];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
