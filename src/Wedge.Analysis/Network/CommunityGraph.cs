namespace Wedge.Analysis.Network;

/// <summary>
/// The weighted graph one level of Louvain or Leiden works on: CSR with 32-bit offsets and ids, no
/// self-entries (a node's internal weight only enters through its strength), no per-node objects.
/// </summary>
/// <remarks>
/// Level 0 shares the <see cref="SignedGraph"/>'s offset and adjacency arrays and, when unweighted,
/// has no weight array at all (every weight is 1): on 1M edges that saves the 16 MB a copy of the
/// weights would cost. Aggregated levels own exact-size arrays built by a counting sort.
/// </remarks>
internal sealed class CommunityGraph
{
    private CommunityGraph(int n, int[] offsets, int[] adjacency, double[]? weights, double[] strength, double totalWeight)
    {
        N = n;
        Offsets = offsets;
        Adjacency = adjacency;
        Weights = weights;
        Strength = strength;
        TotalWeight = totalWeight;
    }

    public int N { get; }

    public int[] Offsets { get; }

    public int[] Adjacency { get; }

    /// <summary>Weight per adjacency entry; null when every weight is 1.</summary>
    public double[]? Weights { get; }

    /// <summary>Sum of incident weights, internal edges of an aggregate node counted twice.</summary>
    public double[] Strength { get; }

    /// <summary>m: the total edge weight (each edge once), the same at every level.</summary>
    public double TotalWeight { get; }

    public double Weight(int entry) => Weights is null ? 1.0 : Weights[entry];

    public static CommunityGraph From(SignedGraph graph, bool weighted)
    {
        var n = graph.NodeCount;
        var offsets = graph.Offsets;
        var strength = new double[n];
        double[]? weights = null;
        if (weighted && graph.IsWeighted)
        {
            weights = new double[graph.Adjacency.Length];
            var incidence = graph.Incidence;
            var edgeWeights = graph.EdgeWeights;
            for (var k = 0; k < weights.Length; k++)
            {
                weights[k] = edgeWeights[incidence[k]];
            }
        }

        double total = 0;
        for (var v = 0; v < n; v++)
        {
            double s = 0;
            for (var k = offsets[v]; k < offsets[v + 1]; k++)
            {
                s += weights is null ? 1.0 : weights[k];
            }

            strength[v] = s;
            total += s;
        }

        return new CommunityGraph(n, offsets, graph.Adjacency, weights, strength, total / 2);
    }

    /// <summary>
    /// The graph whose nodes are the communities 0..<paramref name="count"/>−1 of <paramref name="community"/>;
    /// parallel entries are summed, entries inside a community dropped (their weight stays in the strength).
    /// <paramref name="scratch"/> supplies the per-node buffers, and the new graph's arrays come from its level
    /// buffers <paramref name="slot"/> (overwritten: the caller no longer needs the graph that slot held), so
    /// that the rounds and iterations of a run reuse them instead of leaving tens of MB of garbage per round.
    /// </summary>
    public CommunityGraph Aggregate(int[] community, int count, CommunityScratch scratch, int slot)
    {
        // Members of each community, contiguous (counting sort): first[c]..first[c+1]−1 in members.
        var first = scratch.First;
        Array.Clear(first, 0, count + 1);
        for (var v = 0; v < N; v++)
        {
            first[community[v] + 1]++;
        }

        for (var c = 0; c < count; c++)
        {
            first[c + 1] += first[c];
        }

        var members = scratch.Members;
        var fill = scratch.Fill;
        Array.Copy(first, fill, count);
        for (var v = 0; v < N; v++)
        {
            members[fill[community[v]]++] = v;
        }

        var level = scratch.Level(slot);
        var strength = LevelBuffers.Fit(ref level.Strength, count);
        var offsets = LevelBuffers.Fit(ref level.Offsets, count + 1);
        offsets[0] = 0;
        var linkTo = scratch.LinkTo;
        var touched = scratch.Touched;

        // Two passes over the entries: the first counts each community's distinct neighbours so the
        // arrays are allocated at their exact size; the second fills them. Cheaper than growing lists.
        for (var pass = 0; pass < 2; pass++)
        {
            var adjacency = pass == 0 ? [] : LevelBuffers.Fit(ref level.Adjacency, offsets[count]);
            var weights = pass == 0 ? [] : LevelBuffers.Fit(ref level.Weights, offsets[count]);
            for (var c = 0; c < count; c++)
            {
                var seen = 0;
                double s = 0;
                for (var i = first[c]; i < first[c + 1]; i++)
                {
                    var v = members[i];
                    s += Strength[v];
                    for (var k = Offsets[v]; k < Offsets[v + 1]; k++)
                    {
                        var d = community[Adjacency[k]];
                        if (d == c)
                        {
                            continue;
                        }

                        if (linkTo[d] == 0)
                        {
                            touched[seen++] = d;
                        }

                        linkTo[d] += Weights is null ? 1.0 : Weights[k];
                    }
                }

                if (pass == 0)
                {
                    strength[c] = s;
                    offsets[c + 1] = offsets[c] + seen;
                    for (var i = 0; i < seen; i++)
                    {
                        linkTo[touched[i]] = 0;
                    }
                }
                else
                {
                    var at = offsets[c];
                    for (var i = 0; i < seen; i++)
                    {
                        var d = touched[i];
                        adjacency[at] = d;
                        weights[at++] = linkTo[d];
                        linkTo[d] = 0;
                    }
                }
            }

            if (pass == 1)
            {
                return new CommunityGraph(count, offsets, adjacency, weights, strength, TotalWeight);
            }
        }

        throw new InvalidOperationException("unreachable");
    }
}

/// <summary>
/// The arrays of one aggregated level (graph and a partition of its nodes), kept by <see cref="CommunityScratch"/>
/// and reused whenever a later round or iteration builds that level again. Longer than the level needs once a
/// round has built a larger one: readers go by node and entry counts, never by array length.
/// </summary>
internal sealed class LevelBuffers
{
    public int[] Offsets = [];
    public int[] Adjacency = [];
    public double[] Weights = [];
    public double[] Strength = [];
    public int[] Partition = [];
    public int[] Refined = [];

    /// <summary>The buffer, replaced by one of exactly <paramref name="size"/> if it is shorter.</summary>
    public static T[] Fit<T>(ref T[] buffer, int size)
    {
        if (buffer.Length < size)
        {
            buffer = [];
            buffer = new T[size];
        }

        return buffer;
    }
}

/// <summary>
/// Per-node buffers sized for level 0 and reused by every level and pass of one run (levels only
/// shrink), and the level buffers by slot. <see cref="LinkTo"/> is kept all-zero between uses.
/// </summary>
internal sealed class CommunityScratch(int n)
{
    private readonly List<LevelBuffers> levels = [];

    public LevelBuffers Level(int slot)
    {
        while (levels.Count <= slot)
        {
            levels.Add(new LevelBuffers());
        }

        return levels[slot];
    }

    public int[] First { get; } = new int[n + 1];

    public int[] NodeOf { get; } = new int[n];

    public double[] CommunityVolume { get; } = new double[n];

    public double[] LinkTo { get; } = new double[n];

    public int[] Touched { get; } = new int[n];

    public int[] Members { get; } = new int[n];

    public int[] Fill { get; } = new int[n + 1];

    public double[] Volume { get; } = new double[n];

    public int[] Size { get; } = new int[n];

    public int[] Queue { get; } = new int[n];

    public bool[] Flag { get; } = new bool[n];

    public int[] Labels { get; } = new int[n];

    public double[] External { get; } = new double[n];

    public double[] Chance { get; } = new double[n + 1];
}
