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
            double s = offsets[v + 1] - offsets[v]; // unweighted: the degree
            if (weights is not null)
            {
                s = 0;
                for (var k = offsets[v]; k < offsets[v + 1]; k++)
                {
                    s += weights[k];
                }
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
    /// With <paramref name="parallel"/>, ranges of communities are gathered by the team; each community's
    /// entries are the same whichever thread gathers them, so the graph is too.
    /// </summary>
    public CommunityGraph Aggregate(int[] community, int count, CommunityScratch scratch, int slot, ParallelScratch? parallel = null)
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

        // Ranges of communities, cut where about `grain` member entries have accumulated (one range without a team).
        var cuts = new List<int> { 0 };
        if (parallel is not null && parallel.Team.Threads > 1 && Offsets[N] >= 4 * MinimumGrain)
        {
            var grain = Math.Max(MinimumGrain, Offsets[N] / (16 * parallel.Team.Threads));
            long sum = 0;
            for (var c = 0; c < count; c++)
            {
                for (var i = first[c]; i < first[c + 1]; i++)
                {
                    sum += Offsets[members[i] + 1] - Offsets[members[i]];
                }

                if (sum >= grain && c + 1 < count)
                {
                    cuts.Add(c + 1);
                    sum = 0;
                }
            }
        }

        cuts.Add(count);
        int[] adjacency = [];
        double[] weights = [];

        // Two passes over the entries: the first counts each community's distinct neighbours so the
        // arrays are allocated at their exact size; the second fills them. Cheaper than growing lists.
        void Count(int range, int w)
        {
            var linkTo = parallel is null ? scratch.LinkTo : parallel.LinkTo[w];
            var touched = parallel is null ? scratch.Touched : parallel.Touched[w];
            for (var c = cuts[range]; c < cuts[range + 1]; c++)
            {
                var seen = Gather(c, first, members, community, linkTo, touched, out var s);
                strength[c] = s;
                offsets[c + 1] = seen;
                for (var i = 0; i < seen; i++)
                {
                    linkTo[touched[i]] = 0;
                }
            }
        }

        void Write(int range, int w)
        {
            var linkTo = parallel is null ? scratch.LinkTo : parallel.LinkTo[w];
            var touched = parallel is null ? scratch.Touched : parallel.Touched[w];
            for (var c = cuts[range]; c < cuts[range + 1]; c++)
            {
                var seen = Gather(c, first, members, community, linkTo, touched, out _);
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

        var ranges = cuts.Count - 1;
        if (ranges == 1 || parallel is null)
        {
            Count(0, 0);
        }
        else
        {
            parallel.Team.Run(ranges, Count);
        }

        for (var c = 0; c < count; c++)
        {
            offsets[c + 1] += offsets[c];
        }

        adjacency = LevelBuffers.Fit(ref level.Adjacency, offsets[count]);
        weights = LevelBuffers.Fit(ref level.Weights, offsets[count]);
        if (ranges == 1 || parallel is null)
        {
            Write(0, 0);
        }
        else
        {
            parallel.Team.Run(ranges, Write);
        }

        return new CommunityGraph(count, offsets, adjacency, weights, strength, TotalWeight);
    }

    /// <summary>Fewest member entries in a range of communities that the team gathers as one chunk.</summary>
    private const int MinimumGrain = 16_384;

    /// <summary>
    /// Sums the weights from community <paramref name="c"/> to each other community into <paramref name="linkTo"/>
    /// (zero elsewhere), listing those communities in <paramref name="touched"/> in order of first sight; returns
    /// how many, and the community's strength in <paramref name="strength"/>.
    /// </summary>
    private int Gather(int c, int[] first, int[] members, int[] community, double[] linkTo, int[] touched, out double strength)
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

        strength = s;
        return seen;
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

/// <summary>
/// The threads of Louvain's parallel phases, kept for one run: the calling thread and <see cref="Threads"/> − 1
/// helpers. <see cref="Run"/> hands out numbered chunks that any thread may claim, so the caller never waits for a
/// helper that has not started (on a busy machine a descheduled helper would otherwise hold up every lock-step
/// batch), and what a chunk computes cannot depend on which thread ran it. Between runs a helper spins briefly
/// (batches follow each other within microseconds), then sleeps until the next one.
/// </summary>
internal sealed class WorkTeam : IDisposable
{
    // How long an idle helper spins before it sleeps, in stopwatch ticks (about 0.2 ms).
    private static readonly long SpinTicks = System.Diagnostics.Stopwatch.Frequency / 5000;

    private readonly Thread[] helpers;
    private readonly SemaphoreSlim[] wake;
    private readonly int[] sleeping;
    private Action<int, int>? body;
    private long claim; // generation << 32 | next unclaimed chunk
    private int chunks;
    private int done;
    private int generation;
    private volatile bool disposed;

    public WorkTeam(int threads)
    {
        Threads = Math.Max(1, threads);
        helpers = new Thread[Threads - 1];
        wake = new SemaphoreSlim[Threads - 1];
        sleeping = new int[Threads - 1];
        for (var h = 0; h < helpers.Length; h++)
        {
            var worker = h + 1;
            wake[h] = new SemaphoreSlim(0);
            helpers[h] = new Thread(() => Help(worker)) { IsBackground = true, Name = "Wedge communities " + worker };
            helpers[h].Start();
        }
    }

    public int Threads { get; }

    /// <summary>Runs <paramref name="work"/>(chunk, worker) for chunks 0..<paramref name="count"/>−1 and returns once all are done; worker is 0..Threads−1, unique among threads running at once.</summary>
    public void Run(int count, Action<int, int> work)
    {
        if (count <= 0)
        {
            return;
        }

        if (helpers.Length == 0 || count == 1)
        {
            for (var c = 0; c < count; c++)
            {
                work(c, 0);
            }

            return;
        }

        body = work;
        chunks = count;
        Volatile.Write(ref done, 0);
        var gen = ++generation;
        Interlocked.Exchange(ref claim, (long)gen << 32);
        for (var h = 0; h < helpers.Length; h++)
        {
            if (Interlocked.Exchange(ref sleeping[h], 0) == 1)
            {
                wake[h].Release();
            }
        }

        Work(0, gen);
        var spin = default(SpinWait);
        while (Volatile.Read(ref done) < count)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }

        body = null;
    }

    public void Dispose()
    {
        disposed = true;
        for (var h = 0; h < helpers.Length; h++)
        {
            wake[h].Release();
        }

        foreach (var t in helpers)
        {
            t.Join();
        }

        foreach (var w in wake)
        {
            w.Dispose();
        }
    }

    // Claims and runs chunks of generation gen until none is left (or a newer generation has begun).
    private void Work(int worker, int gen)
    {
        while (true)
        {
            var c = Volatile.Read(ref claim);
            var chunk = (int)(c & 0xFFFFFFFF);
            if ((int)(c >> 32) != gen || chunk >= Volatile.Read(ref chunks))
            {
                return;
            }

            if (Interlocked.CompareExchange(ref claim, c + 1, c) != c)
            {
                continue;
            }

            // Generation gen cannot end before this chunk is counted done, so body is still gen's.
            body!(chunk, worker);
            Interlocked.Increment(ref done);
        }
    }

    private void Help(int worker)
    {
        var h = worker - 1;
        var seen = 0;
        while (!disposed)
        {
            var gen = (int)(Volatile.Read(ref claim) >> 32);
            if (gen != seen)
            {
                seen = gen;
                Work(worker, gen);
                continue;
            }

            var spin = default(SpinWait);
            var since = System.Diagnostics.Stopwatch.GetTimestamp();
            while ((int)(Volatile.Read(ref claim) >> 32) == seen && !disposed
                && System.Diagnostics.Stopwatch.GetTimestamp() - since < SpinTicks)
            {
                spin.SpinOnce(sleep1Threshold: -1);
            }

            if ((int)(Volatile.Read(ref claim) >> 32) != seen || disposed)
            {
                continue;
            }

            // Sleep, unless a run began after the check: then take back the flag, or, if the caller already
            // cleared it, consume the release it sent.
            Interlocked.Exchange(ref sleeping[h], 1);
            if ((int)(Volatile.Read(ref claim) >> 32) != seen || disposed)
            {
                if (Interlocked.Exchange(ref sleeping[h], 0) == 1)
                {
                    continue;
                }
            }

            wake[h].Wait();
        }
    }
}

/// <summary>
/// What Louvain's parallel phases share for one run: the team and, per thread, a neighbour-weight buffer (kept
/// all-zero between uses) and a list of the communities touched; for the batches, the active flags of this pass
/// and the next, the pass's active nodes in the random order, and the choices of the current batch.
/// </summary>
internal sealed class ParallelScratch(CommunityScratch scratch, int n, int threads, int batch) : IDisposable
{
    public WorkTeam Team { get; } = new(threads);

    /// <summary>Per thread; the calling thread's (0) are the run's own <see cref="CommunityScratch"/> buffers.</summary>
    public double[][] LinkTo { get; } = [scratch.LinkTo, .. Enumerable.Range(1, Math.Max(1, threads) - 1).Select(_ => new double[n])];

    public int[][] Touched { get; } = [scratch.Touched, .. Enumerable.Range(1, Math.Max(1, threads) - 1).Select(_ => new int[n])];

    public int[] Visit { get; } = new int[n];

    public int[] Target { get; } = new int[batch];

    public byte[] Active { get; } = new byte[n];

    public byte[] Next { get; } = new byte[n];

    public void Dispose() => Team.Dispose();
}
