using System.Runtime.InteropServices;

namespace Wedge.Analysis.Network;

/// <summary>One undirected tie given to <see cref="SignedGraph.Create"/>: node indices, sign (+1 or −1) and a positive weight.</summary>
public readonly record struct SignedEdge(int Source, int Target, int Sign, double Weight = 1.0);

/// <summary>
/// A simple, undirected, signed graph stored as compressed adjacency arrays (CSR) so that the
/// algorithms in this folder run over flat arrays.
/// </summary>
/// <remarks>
/// <para>Nodes are 0..<see cref="NodeCount"/>−1, each with a label (an actor name, or the id read
/// from a file). Edges are 0..<see cref="EdgeCount"/>−1; each has a sign (+1 friendly, −1 hostile)
/// and a weight (&gt; 0, finite; 1 unless given). Weighted path measures read the weight as a
/// length (as networkx and igraph do).</para>
/// <para>The graph is simple: no self-loops and at most one edge per pair. Merging duplicate or
/// contradictory ties is the caller's policy (the readers and <see cref="SnapshotGraph"/> document
/// theirs); <see cref="Create"/> refuses what is left. Immutable and safe to share across threads.</para>
/// </remarks>
public sealed class SignedGraph
{
    private readonly string[] labels;
    private readonly int[] edgeSource;
    private readonly int[] edgeTarget;

    // Null when every sign is +1 / every weight is 1 (the common case for files without those columns):
    // on 1M edges that keeps 9 MB out of memory.
    private readonly sbyte[]? edgeSign;
    private readonly double[]? edgeWeight;
    private readonly int[] offsets;
    private readonly int[] adjacency;
    private readonly int[] incidence;
    private Dictionary<string, int>? index;
    private double[]? unitWeights;

    private SignedGraph(string[] labels, int[] edgeSource, int[] edgeTarget, sbyte[]? edgeSign, double[]? edgeWeight)
    {
        this.labels = labels;
        this.edgeSource = edgeSource;
        this.edgeTarget = edgeTarget;
        this.edgeSign = edgeSign is not null && Array.IndexOf(edgeSign, (sbyte)-1) >= 0 ? edgeSign : null;
        this.edgeWeight = edgeWeight is not null && Array.Exists(edgeWeight, w => w != 1.0) ? edgeWeight : null;
        var n = labels.Length;
        var m = edgeSource.Length;
        offsets = new int[n + 1];
        for (var e = 0; e < m; e++)
        {
            offsets[edgeSource[e] + 1]++;
            offsets[edgeTarget[e] + 1]++;
        }

        for (var v = 0; v < n; v++)
        {
            offsets[v + 1] += offsets[v];
        }

        adjacency = new int[2 * m];
        incidence = new int[2 * m];
        var fill = new int[n];
        Array.Copy(offsets, fill, n);
        for (var e = 0; e < m; e++)
        {
            int s = edgeSource[e], t = edgeTarget[e];
            adjacency[fill[s]] = t;
            incidence[fill[s]++] = e;
            adjacency[fill[t]] = s;
            incidence[fill[t]++] = e;
        }

        // Sorted neighbour lists make triangle counting a merge and keep results independent of input order.
        for (var v = 0; v < n; v++)
        {
            Array.Sort(adjacency, incidence, offsets[v], offsets[v + 1] - offsets[v]);
        }
    }

    /// <summary>Builds a graph; throws <see cref="ArgumentException"/> for a self-loop, a repeated pair, a sign other than ±1, a bad weight or an index out of range.</summary>
    public static SignedGraph Create(IReadOnlyList<string> labels, IEnumerable<SignedEdge> edges)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(edges);
        var n = labels.Count;
        var list = edges as IReadOnlyCollection<SignedEdge> ?? edges.ToList();
        var src = new int[list.Count];
        var dst = new int[list.Count];
        var sign = new sbyte[list.Count];
        var weight = new double[list.Count];
        var i = 0;
        foreach (var e in list)
        {
            Check(labels, i, e.Source, e.Target, e.Sign, e.Weight);
            src[i] = Math.Min(e.Source, e.Target);
            dst[i] = Math.Max(e.Source, e.Target);
            sign[i] = (sbyte)e.Sign;
            weight[i] = e.Weight;
            i++;
        }

        return Checked(labels, new SignedGraph([.. labels], src, dst, sign, weight));
    }

    /// <summary>
    /// Builds a graph from edge columns (edge i joins <paramref name="sources"/>[i] and <paramref name="targets"/>[i]);
    /// <paramref name="signs"/> empty means every sign is +1, <paramref name="weights"/> empty every weight 1.
    /// Throws as <see cref="Create(IReadOnlyList{string}, IEnumerable{SignedEdge})"/> does.
    /// </summary>
    /// <remarks>
    /// Whole arrays with every source below its target (as <c>EdgeListReader</c> gives them) are shared, not copied:
    /// on a large file that is the difference between holding the edge list once or twice. The caller must not
    /// change them afterwards.
    /// </remarks>
    public static SignedGraph Create(IReadOnlyList<string> labels, ReadOnlyMemory<int> sources, ReadOnlyMemory<int> targets,
        ReadOnlyMemory<sbyte> signs = default, ReadOnlyMemory<double> weights = default)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var m = sources.Length;
        if (targets.Length != m || (signs.Length != 0 && signs.Length != m) || (weights.Length != 0 && weights.Length != m))
        {
            throw new ArgumentException($"The edge columns differ in length ({m} sources, {targets.Length} targets, {signs.Length} signs, {weights.Length} weights).", nameof(targets));
        }

        ReadOnlySpan<int> s = sources.Span, t = targets.Span;
        ReadOnlySpan<sbyte> g = signs.Span;
        ReadOnlySpan<double> w = weights.Span;
        var ordered = true;
        for (var i = 0; i < m; i++)
        {
            Check(labels, i, s[i], t[i], g.IsEmpty ? 1 : g[i], w.IsEmpty ? 1.0 : w[i]);
            ordered &= s[i] < t[i];
        }

        int[] src, dst;
        if (ordered)
        {
            src = Whole(sources);
            dst = Whole(targets);
        }
        else
        {
            src = new int[m];
            dst = new int[m];
            for (var i = 0; i < m; i++)
            {
                src[i] = Math.Min(s[i], t[i]);
                dst[i] = Math.Max(s[i], t[i]);
            }
        }

        return Checked(labels, new SignedGraph([.. labels], src, dst, g.IsEmpty ? null : Whole(signs), w.IsEmpty ? null : Whole(weights)));
    }

    /// <summary>The array behind the memory when it is exactly that array, else a copy.</summary>
    private static T[] Whole<T>(ReadOnlyMemory<T> memory)
        => MemoryMarshal.TryGetArray(memory, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : memory.ToArray();

    private static void Check(IReadOnlyList<string> labels, int i, int source, int target, int sign, double weight)
    {
        var n = labels.Count;
        if ((uint)source >= (uint)n || (uint)target >= (uint)n)
        {
            throw new ArgumentException($"Edge {i} joins {source} and {target}, outside 0..{n - 1}.", "edges");
        }

        if (source == target)
        {
            throw new ArgumentException($"Edge {i} is a self-loop on '{labels[source]}'.", "edges");
        }

        if (sign is not (1 or -1))
        {
            throw new ArgumentException($"Edge {i} has sign {sign}; signs are +1 or -1.", "edges");
        }

        if (!(weight > 0) || double.IsInfinity(weight))
        {
            throw new ArgumentException($"Edge {i} has weight {weight}; weights are positive and finite.", "edges");
        }
    }

    /// <summary>The graph, after checking that no pair is joined twice (adjacent in the sorted neighbour lists).</summary>
    private static SignedGraph Checked(IReadOnlyList<string> labels, SignedGraph graph)
    {
        for (var v = 0; v < graph.NodeCount; v++)
        {
            var nb = graph.Neighbors(v);
            for (var k = 1; k < nb.Length; k++)
            {
                if (nb[k] == nb[k - 1])
                {
                    throw new ArgumentException($"'{labels[v]}' and '{labels[nb[k]]}' are joined by more than one edge.", "edges");
                }
            }
        }

        return graph;
    }

    public int NodeCount => labels.Length;

    public int EdgeCount => edgeSource.Length;

    public IReadOnlyList<string> Labels => labels;

    public string Label(int node) => labels[node];

    /// <summary>The node with this label, or −1.</summary>
    public int IndexOf(string label)
    {
        index ??= BuildIndex();
        return index.GetValueOrDefault(label, -1);
    }

    private Dictionary<string, int> BuildIndex()
    {
        var d = new Dictionary<string, int>(labels.Length, StringComparer.Ordinal);
        for (var i = 0; i < labels.Length; i++)
        {
            d.TryAdd(labels[i], i);
        }

        return d;
    }

    /// <summary>The smaller endpoint of an edge.</summary>
    public int Source(int edge) => edgeSource[edge];

    /// <summary>The larger endpoint of an edge.</summary>
    public int Target(int edge) => edgeTarget[edge];

    public int Sign(int edge) => edgeSign?[edge] ?? Checked(edge, 1);

    public double Weight(int edge) => edgeWeight?[edge] ?? Checked(edge, 1.0);

    /// <summary>The value, after the bounds check an array read would have made (an edge out of range throws as before).</summary>
    private T Checked<T>(int edge, T value) => (uint)edge < (uint)edgeSource.Length ? value : throw new ArgumentOutOfRangeException(nameof(edge));

    public int Other(int edge, int node) => edgeSource[edge] == node ? edgeTarget[edge] : edgeSource[edge];

    /// <summary>Neighbours of a node, ascending.</summary>
    public ReadOnlySpan<int> Neighbors(int node) => adjacency.AsSpan(offsets[node], offsets[node + 1] - offsets[node]);

    /// <summary>The edges at a node, in the order of <see cref="Neighbors"/>.</summary>
    public ReadOnlySpan<int> IncidentEdges(int node) => incidence.AsSpan(offsets[node], offsets[node + 1] - offsets[node]);

    public int Degree(int node) => offsets[node + 1] - offsets[node];

    /// <summary>The edge joining two nodes, or −1.</summary>
    public int EdgeBetween(int a, int b)
    {
        var nb = Neighbors(a);
        var k = nb.BinarySearch(b);
        return k >= 0 ? IncidentEdges(a)[k] : -1;
    }

    public IEnumerable<SignedEdge> Edges()
    {
        for (var e = 0; e < edgeSource.Length; e++)
        {
            yield return new SignedEdge(edgeSource[e], edgeTarget[e], Sign(e), Weight(e));
        }
    }

    /// <summary>The same nodes with only the edges that pass <paramref name="keep"/> (edge index given).</summary>
    public SignedGraph WithEdges(Func<int, bool> keep)
    {
        ArgumentNullException.ThrowIfNull(keep);
        var kept = Enumerable.Range(0, EdgeCount).Where(keep).ToArray();
        return new SignedGraph(labels, [.. kept.Select(e => edgeSource[e])], [.. kept.Select(e => edgeTarget[e])],
            edgeSign is null ? null : [.. kept.Select(e => edgeSign[e])], edgeWeight is null ? null : [.. kept.Select(e => edgeWeight[e])]);
    }

    /// <summary>The same nodes with only the friendly (+) edges.</summary>
    public SignedGraph PositivePart() => edgeSign is null ? this : WithEdges(e => edgeSign[e] > 0);

    /// <summary>The subgraph induced by <paramref name="nodes"/>, renumbered in the given order; <paramref name="original"/> maps back.</summary>
    public SignedGraph Induced(IReadOnlyList<int> nodes, out int[] original)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var map = new int[NodeCount];
        Array.Fill(map, -1);
        for (var i = 0; i < nodes.Count; i++)
        {
            map[nodes[i]] = i;
        }

        var src = new List<int>();
        var dst = new List<int>();
        var sg = new List<sbyte>();
        var w = new List<double>();
        for (var e = 0; e < EdgeCount; e++)
        {
            if (map[edgeSource[e]] >= 0 && map[edgeTarget[e]] >= 0)
            {
                var a = map[edgeSource[e]];
                var b = map[edgeTarget[e]];
                src.Add(Math.Min(a, b));
                dst.Add(Math.Max(a, b));
                sg.Add((sbyte)Sign(e));
                w.Add(Weight(e));
            }
        }

        original = [.. nodes];
        return new SignedGraph([.. nodes.Select(v => labels[v])], [.. src], [.. dst], [.. sg], [.. w]);
    }

    /// <summary>True when some weight differs from 1.</summary>
    public bool IsWeighted => edgeWeight is not null;

    /// <summary>The number of friendly (+1) edges.</summary>
    public int FriendlyCount => edgeSign is null ? EdgeCount : edgeSign.Count(s => s > 0);

    internal int[] Offsets => offsets;

    internal int[] Adjacency => adjacency;

    internal int[] Incidence => incidence;

    /// <summary>Weight per edge; for an unweighted graph an array of ones made on first use (callers that can, check <see cref="IsWeighted"/> first).</summary>
    internal double[] EdgeWeights => edgeWeight ?? LazyInitializer.EnsureInitialized(ref unitWeights, () => Ones(EdgeCount));

    private static double[] Ones(int count)
    {
        var ones = new double[count];
        Array.Fill(ones, 1.0);
        return ones;
    }
}
