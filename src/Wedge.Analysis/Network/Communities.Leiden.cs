using Wedge.Core.Collections;

namespace Wedge.Analysis.Network;

public static partial class Communities
{
    /// <summary>
    /// Leiden (Traag, Waltman &amp; van Eck 2019) for modularity with resolution γ: fast local moving
    /// (a queue holds only the nodes whose neighbourhood changed), then a refinement inside each community
    /// that merges only well-connected singletons into well-connected sub-communities, then aggregation of
    /// the refined partition with the unrefined one as the starting partition of the coarser graph.
    /// Iterations repeat from the previous partition until one changes nothing (or
    /// <paramref name="iterations"/> have run, when it is positive; igraph's and leidenalg's default is 2).
    /// With <paramref name="restarts"/> &gt; 1 it runs seeds <paramref name="seed"/>, seed+1, … and keeps the
    /// partition with the highest modularity (first on ties).
    /// </summary>
    /// <remarks>
    /// <para>Every community is connected: the refined communities are (a singleton only joins a
    /// sub-community it has an edge to), a level ends only when each community is one aggregate node,
    /// and, as a guard for the rare level where refinement merges nothing, a final pass splits any
    /// disconnected community into its components (which can only raise modularity).</para>
    /// <para>Randomness: the order of the queue and of the refinement, and the refinement's choice among
    /// candidates with gain ΔH ≥ 0, drawn with probability ∝ exp(ΔH/θ), θ = 0.01, ΔH in units of edge
    /// weight (as igraph's <c>community_leiden</c> with <c>beta=0.01</c>). All of it comes from one
    /// <see cref="Random"/> seeded with <paramref name="seed"/>: the result depends on the graph, the
    /// seed and the options only. Leiden runs on one thread, so the thread count cannot change it.</para>
    /// </remarks>
    public static CommunityResult Leiden(SignedGraph graph, int seed = 1, bool weighted = false, double resolution = 1.0, int restarts = 1, int iterations = 0)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (!(resolution > 0) || double.IsInfinity(resolution))
        {
            throw new ArgumentException($"Resolution {resolution} is not positive and finite.", nameof(resolution));
        }

        var g0 = CommunityGraph.From(graph, weighted);
        var scratch = new CommunityScratch(g0.N);
        CommunityResult? best = null;
        for (var r = 0; r < Math.Max(1, restarts); r++)
        {
            var result = LeidenOnce(graph, g0, scratch, seed + r, weighted, resolution, iterations);
            if (best is null || result.Modularity > best.Modularity + 1e-12)
            {
                best = result;
            }
        }

        return best!;
    }

    private static CommunityResult LeidenOnce(SignedGraph graph, CommunityGraph g0, CommunityScratch scratch, int seed, bool weighted, double resolution, int iterations)
    {
        var n = g0.N;
        var membership = new int[n];
        for (var v = 0; v < n; v++)
        {
            membership[v] = v;
        }

        var levels = 0;
        if (g0.TotalWeight > 0)
        {
            var random = new Random(seed);
            var limit = iterations > 0 ? iterations : int.MaxValue;
            for (var it = 0; it < limit; it++)
            {
                if (!LeidenIteration(g0, membership, random, resolution, scratch, ref levels))
                {
                    break;
                }
            }

            SplitDisconnected(g0, membership, scratch);
        }

        var renumbered = Renumber(membership, out var k);
        return new CommunityResult(renumbered.ToEquatableList(), k, Modularity(graph, renumbered, weighted, resolution), levels, seed);
    }

    /// <summary>One Leiden iteration from <paramref name="membership"/> (updated in place); false when no node moved at any level.</summary>
    private static bool LeidenIteration(CommunityGraph g0, int[] membership, Random random, double gamma, CommunityScratch scratch, ref int levels)
    {
        // Level L's graph, partition and refinement live in level buffers 1 + L % 2: building level L+1 reads only
        // level L, so two sets serve every level and iteration.
        var g = g0;
        var depth = 0;
        var partition = LevelBuffers.Fit(ref scratch.Level(1).Partition, g0.N);
        Array.Copy(membership, partition, g0.N);
        int[]? nodeOf = null; // level-0 node -> node of g, null while g is g0
        var changed = false;
        while (true)
        {
            changed |= FastLocalMove(g, partition, random, gamma, scratch);
            RenumberInPlace(partition, g.N, scratch.Labels, out var count);
            if (count == g.N)
            {
                break;
            }

            var refined = Refine(g, partition, count, random, gamma, scratch, 1 + depth % 2, out var refinedCount);
            if (refinedCount == g.N)
            {
                break; // nothing merged: aggregating would give the same graph again
            }

            var above = 1 + (depth + 1) % 2;
            var coarse = LevelBuffers.Fit(ref scratch.Level(above).Partition, refinedCount);
            for (var v = 0; v < g.N; v++)
            {
                coarse[refined[v]] = partition[v];
            }

            if (nodeOf is null)
            {
                nodeOf = scratch.NodeOf;
                Array.Copy(refined, nodeOf, g0.N);
            }
            else
            {
                for (var i = 0; i < g0.N; i++)
                {
                    nodeOf[i] = refined[nodeOf[i]];
                }
            }

            g = g.Aggregate(refined, refinedCount, scratch, above);
            partition = coarse;
            depth++;
            levels++;
        }

        for (var i = 0; i < membership.Length; i++)
        {
            membership[i] = partition[nodeOf is null ? i : nodeOf[i]];
        }

        return changed;
    }

    /// <summary>
    /// Moves nodes to the neighbouring (or an empty) community of highest gain, visiting a queue that
    /// starts with every node in random order and takes back the neighbours of a moved node that are
    /// outside its new community. <paramref name="community"/> holds labels in 0..N−1 and is updated in place.
    /// </summary>
    private static bool FastLocalMove(CommunityGraph g, int[] community, Random random, double gamma, CommunityScratch scratch)
    {
        var n = g.N;
        var volume = scratch.Volume;
        var size = scratch.Size;
        var empty = scratch.Members; // stack of unused labels
        Array.Clear(volume, 0, n);
        Array.Clear(size, 0, n);
        for (var v = 0; v < n; v++)
        {
            volume[community[v]] += g.Strength[v];
            size[community[v]]++;
        }

        var emptyCount = 0;
        for (var c = n - 1; c >= 0; c--)
        {
            if (size[c] == 0)
            {
                empty[emptyCount++] = c;
            }
        }

        var queue = scratch.Queue;
        var inQueue = scratch.Flag;
        for (var v = 0; v < n; v++)
        {
            queue[v] = v;
        }

        random.Shuffle(queue.AsSpan(0, n));
        Array.Fill(inQueue, true, 0, n);
        int head = 0, queued = n;
        var scale = gamma / (2 * g.TotalWeight);
        var linkTo = scratch.LinkTo;
        var touched = scratch.Touched;
        var offsets = g.Offsets;
        var adjacency = g.Adjacency;
        var weights = g.Weights;
        var moved = false;
        while (queued > 0)
        {
            var v = queue[head];
            head = head + 1 == n ? 0 : head + 1;
            queued--;
            inQueue[v] = false;
            var own = community[v];
            var seen = 0;
            for (var k = offsets[v]; k < offsets[v + 1]; k++)
            {
                var c = community[adjacency[k]];
                if (linkTo[c] == 0)
                {
                    touched[seen++] = c;
                }

                linkTo[c] += weights is null ? 1.0 : weights[k];
            }

            var kv = g.Strength[v];
            var factor = scale * kv;
            volume[own] -= kv;
            var best = own;
            var bestGain = linkTo[own] - factor * volume[own];
            for (var i = 0; i < seen; i++)
            {
                var c = touched[i];
                var gain = linkTo[c] - factor * volume[c];
                if (gain > bestGain + 1e-12 * Math.Abs(bestGain))
                {
                    best = c;
                    bestGain = gain;
                }

                linkTo[c] = 0;
            }

            // Alone, v gains 0: better than a community it is tied to too weakly for its weight.
            if (bestGain < 0 && size[own] > 1 && emptyCount > 0)
            {
                best = empty[--emptyCount];
            }

            volume[best] += kv;
            if (best == own)
            {
                continue;
            }

            moved = true;
            community[v] = best;
            size[best]++;
            if (--size[own] == 0)
            {
                empty[emptyCount++] = own;
            }

            for (var k = offsets[v]; k < offsets[v + 1]; k++)
            {
                var u = adjacency[k];
                if (!inQueue[u] && community[u] != best)
                {
                    inQueue[u] = true;
                    var tail = head + queued;
                    queue[tail >= n ? tail - n : tail] = u;
                    queued++;
                }
            }
        }

        return moved;
    }

    /// <summary>
    /// The refinement: within each community S of <paramref name="community"/> (labels 0..count−1), starting
    /// from singletons, each node still alone and well connected to S (w(v, S−v) ≥ γ k_v (K_S − k_v) / 2m)
    /// may join a well-connected sub-community T of S (w(T, S−T) ≥ γ K_T (K_S − K_T) / 2m) it is tied to,
    /// drawn among those with gain ≥ 0 (staying alone gains 0) with probability ∝ exp(gain / θ).
    /// Returns the refined labels, numbered 0..refinedCount−1.
    /// </summary>
    private static int[] Refine(CommunityGraph g, int[] community, int count, Random random, double gamma, CommunityScratch scratch, int slot, out int refinedCount)
    {
        const double theta = 0.01;
        var n = g.N;
        var scale = gamma / (2 * g.TotalWeight);
        var offsets = g.Offsets;
        var adjacency = g.Adjacency;
        var weights = g.Weights;
        var communityVolume = scratch.CommunityVolume;
        Array.Clear(communityVolume, 0, count);
        var refined = LevelBuffers.Fit(ref scratch.Level(slot).Refined, n);
        var volume = scratch.Volume;     // K_T per refined label
        var external = scratch.External; // w(T, S − T) per refined label
        var alone = scratch.Flag;         // the refined community labelled v still holds only v
        for (var v = 0; v < n; v++)
        {
            refined[v] = v;
            volume[v] = g.Strength[v];
            alone[v] = true;
            communityVolume[community[v]] += g.Strength[v];
            double inside = 0;
            for (var k = offsets[v]; k < offsets[v + 1]; k++)
            {
                if (community[adjacency[k]] == community[v])
                {
                    inside += weights is null ? 1.0 : weights[k];
                }
            }

            external[v] = inside;
        }

        var order = scratch.Queue;
        for (var v = 0; v < n; v++)
        {
            order[v] = v;
        }

        random.Shuffle(order.AsSpan(0, n));
        var linkTo = scratch.LinkTo;
        var touched = scratch.Touched;
        var chance = scratch.Chance;
        foreach (var v in order.AsSpan(0, n))
        {
            if (!alone[v])
            {
                continue;
            }

            var s = community[v];
            var kv = g.Strength[v];
            var ks = communityVolume[s];
            if (external[v] < gamma * kv * (ks - kv) / (2 * g.TotalWeight))
            {
                continue;
            }

            var seen = 0;
            for (var k = offsets[v]; k < offsets[v + 1]; k++)
            {
                var u = adjacency[k];
                if (community[u] != s)
                {
                    continue;
                }

                var t = refined[u];
                if (linkTo[t] == 0)
                {
                    touched[seen++] = t;
                }

                linkTo[t] += weights is null ? 1.0 : weights[k];
            }

            // Candidates: v alone (gain 0), then every well-connected T with gain ≥ 0.
            var candidates = 0;
            var bestGain = 0.0;
            for (var i = 0; i < seen; i++)
            {
                var t = touched[i];
                var kt = volume[t];
                var gain = linkTo[t] - scale * kv * kt;
                if (gain >= 0 && external[t] >= scale * kt * (ks - kt))
                {
                    touched[candidates] = t;
                    chance[candidates++] = gain;
                    bestGain = Math.Max(bestGain, gain);
                }
                else
                {
                    linkTo[t] = 0;
                }
            }

            if (candidates == 0)
            {
                continue;
            }

            // Boltzmann draw, shifted by the best gain so that exp cannot overflow; "stay" is the last slot.
            double total = 0;
            for (var i = 0; i < candidates; i++)
            {
                chance[i] = Math.Exp((chance[i] - bestGain) / theta);
                total += chance[i];
            }

            chance[candidates] = Math.Exp(-bestGain / theta);
            total += chance[candidates];
            var draw = random.NextDouble() * total;
            var chosen = -1;
            for (var i = 0; i < candidates; i++)
            {
                draw -= chance[i];
                if (draw < 0)
                {
                    chosen = touched[i];
                    break;
                }
            }

            if (chosen >= 0)
            {
                refined[v] = chosen;
                volume[chosen] += kv;
                external[chosen] += external[v] - 2 * linkTo[chosen];
                alone[v] = false;
                alone[chosen] = false;
            }

            for (var i = 0; i < candidates; i++)
            {
                linkTo[touched[i]] = 0;
            }
        }

        RenumberInPlace(refined, n, scratch.Labels, out refinedCount);
        return refined;
    }

    /// <summary>Splits every community that is not connected in <paramref name="g"/> into its components.</summary>
    private static void SplitDisconnected(CommunityGraph g, int[] community, CommunityScratch scratch)
    {
        var n = g.N;
        var component = scratch.Labels;
        Array.Fill(component, -1, 0, n);
        var firstComponentOf = new int[n]; // community -> its first component's label, or -1
        Array.Fill(firstComponentOf, -1);
        var stack = scratch.Queue;
        var next = 0;
        for (var root = 0; root < n; root++)
        {
            if (component[root] >= 0)
            {
                continue;
            }

            var c = community[root];
            var label = next++;
            component[root] = label;
            var top = 0;
            stack[top++] = root;
            while (top > 0)
            {
                var v = stack[--top];
                for (var k = g.Offsets[v]; k < g.Offsets[v + 1]; k++)
                {
                    var u = g.Adjacency[k];
                    if (component[u] < 0 && community[u] == c)
                    {
                        component[u] = label;
                        stack[top++] = u;
                    }
                }
            }

            if (firstComponentOf[c] < 0)
            {
                firstComponentOf[c] = label;
            }
        }

        // The first component keeps the community's label; later ones get fresh labels past n.
        for (var v = 0; v < n; v++)
        {
            var c = community[v];
            community[v] = component[v] == firstComponentOf[c] ? c : n + component[v];
        }
    }

    /// <summary>Renumbers the first <paramref name="n"/> labels (in 0..n−1) by first appearance, in place; <paramref name="map"/> is scratch.</summary>
    private static void RenumberInPlace(int[] labels, int n, int[] map, out int count)
    {
        Array.Fill(map, -1, 0, n);
        count = 0;
        for (var v = 0; v < n; v++)
        {
            var c = labels[v];
            if (map[c] < 0)
            {
                map[c] = count++;
            }

            labels[v] = map[c];
        }
    }
}
