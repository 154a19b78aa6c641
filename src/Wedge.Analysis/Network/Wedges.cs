using Wedge.Core.Collections;

namespace Wedge.Analysis.Network;

/// <summary>What a wedge search removes.</summary>
public enum WedgeTarget
{
    /// <summary>Actors (nodes) of the bloc, the anchor excepted.</summary>
    Actors,

    /// <summary>Friendly ties (edges) inside the bloc.</summary>
    Ties,
}

/// <param name="ExactBudget">Largest number of k-subsets the exact search may evaluate; beyond it the search is greedy.</param>
/// <param name="IncludeAnchor">Let the anchor itself be removed (off by default: the question is what splits the bloc around it).</param>
public sealed record WedgeOptions(long ExactBudget = 300_000, bool IncludeAnchor = false);

/// <summary>One removed actor or tie, in pick order, with the bloc's linked pairs after it and the pairs it cut (its marginal effect).</summary>
public readonly record struct WedgePick(int Item, long PairsAfter, long MarginalCut);

/// <summary>
/// The result of a wedge (key-player) search on the friendly bloc around an anchor.
/// </summary>
/// <param name="Bloc">Nodes of the bloc: the anchor's component through friendly ties.</param>
/// <param name="PairsBefore">Pairs of bloc members linked by a friendly path: n(n−1)/2 for a bloc of n.</param>
/// <param name="PairsAfter">Pairs of surviving members still linked by a friendly path, after every pick.</param>
/// <param name="Fragmentation">1 − PairsAfter / PairsBefore: Borgatti's fragmentation with removed actors counted as cut off (0 when nothing is split, 1 when no pair is linked).</param>
/// <param name="Exact">True when every k-subset was evaluated (the picks are optimal); false for greedy picks.</param>
public sealed record WedgeResult(int Anchor, WedgeTarget Target, EquatableList<int> Bloc, long PairsBefore, EquatableList<WedgePick> Picks, long PairsAfter,
    double Fragmentation, bool Exact, long Evaluated);

/// <summary>
/// Wedges: the k actors or k friendly ties whose removal most reduces the cohesion of a bloc, cohesion
/// being the number of member pairs still linked by friendly paths (equivalently Borgatti's fragmentation).
/// </summary>
/// <remarks>
/// Exact when C(candidates, k) ≤ <see cref="WedgeOptions.ExactBudget"/>: every subset is scored and the
/// one leaving fewest linked pairs wins (ties: the lexicographically first subset in bloc order). Greedy
/// otherwise: each step removes the candidate that cuts most pairs given the earlier picks, and the
/// marginal effect of each pick is reported. Hostile ties play no part: a wedge breaks cooperation.
/// </remarks>
public static class Wedges
{
    /// <summary>The anchor's component through friendly ties, ascending.</summary>
    public static int[] FriendlyBloc(SignedGraph graph, int anchor)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var seen = new bool[graph.NodeCount];
        var queue = new Queue<int>([anchor]);
        seen[anchor] = true;
        var bloc = new List<int>();
        while (queue.TryDequeue(out var v))
        {
            bloc.Add(v);
            var nb = graph.Neighbors(v);
            var ie = graph.IncidentEdges(v);
            for (var k = 0; k < nb.Length; k++)
            {
                if (graph.Sign(ie[k]) > 0 && !seen[nb[k]])
                {
                    seen[nb[k]] = true;
                    queue.Enqueue(nb[k]);
                }
            }
        }

        bloc.Sort();
        return [.. bloc];
    }

    public static WedgeResult Find(SignedGraph graph, int anchor, int k, WedgeTarget target, WedgeOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        options ??= new WedgeOptions();
        var bloc = FriendlyBloc(graph, anchor);
        var local = graph.WithEdges(e => graph.Sign(e) > 0).Induced(bloc, out _);
        var localAnchor = Array.BinarySearch(bloc, anchor);
        var candidates = target == WedgeTarget.Actors
            ? Enumerable.Range(0, local.NodeCount).Where(v => options.IncludeAnchor || v != localAnchor).ToArray()
            : Enumerable.Range(0, local.EdgeCount).ToArray();
        k = Math.Min(k, candidates.Length);
        var scorer = new PairScorer(local);
        var before = Pairs(local.NodeCount);
        var subsets = Binomial(candidates.Length, k);
        var exact = subsets <= options.ExactBudget;
        int[] chosen;
        long evaluated;
        if (exact)
        {
            (chosen, evaluated) = Exhaustive(scorer, candidates, k, target);
        }
        else
        {
            (chosen, evaluated) = Greedy(scorer, candidates, k, target);
        }

        // Report picks in order of marginal effect (greedy order), so each line says what it adds.
        var picks = new List<WedgePick>();
        var removedNodes = new bool[local.NodeCount];
        var removedEdges = new bool[local.EdgeCount];
        var remaining = chosen.ToList();
        var current = before;
        while (remaining.Count > 0)
        {
            var best = -1;
            var bestPairs = long.MaxValue;
            foreach (var c in remaining)
            {
                Toggle(c, true);
                var p = scorer.Pairs(removedNodes, removedEdges);
                Toggle(c, false);
                if (p < bestPairs)
                {
                    bestPairs = p;
                    best = c;
                }
            }

            Toggle(best, true);
            remaining.Remove(best);
            var item = target == WedgeTarget.Actors ? bloc[best] : graph.EdgeBetween(bloc[local.Source(best)], bloc[local.Target(best)]);
            picks.Add(new WedgePick(item, bestPairs, current - bestPairs));
            current = bestPairs;
        }

        void Toggle(int c, bool on)
        {
            if (target == WedgeTarget.Actors)
            {
                removedNodes[c] = on;
            }
            else
            {
                removedEdges[c] = on;
            }
        }

        return new WedgeResult(anchor, target, bloc.ToEquatableList(), before, picks.ToEquatableList(), current, before == 0 ? 0 : 1.0 - (double)current / before, exact, evaluated);
    }

    private static (int[] Chosen, long Evaluated) Exhaustive(PairScorer scorer, int[] candidates, int k, WedgeTarget target)
    {
        var removedNodes = new bool[scorer.Graph.NodeCount];
        var removedEdges = new bool[scorer.Graph.EdgeCount];
        var removed = target == WedgeTarget.Actors ? removedNodes : removedEdges;
        var pick = new int[k];
        var best = Array.Empty<int>();
        var bestPairs = long.MaxValue;
        long evaluated = 0;

        void Recurse(int depth, int from)
        {
            if (depth == k)
            {
                evaluated++;
                var p = scorer.Pairs(removedNodes, removedEdges);
                if (p < bestPairs)
                {
                    bestPairs = p;
                    best = [.. pick.Select(i => candidates[i])];
                }

                return;
            }

            for (var i = from; i <= candidates.Length - (k - depth); i++)
            {
                pick[depth] = i;
                removed[candidates[i]] = true;
                Recurse(depth + 1, i + 1);
                removed[candidates[i]] = false;
            }
        }

        Recurse(0, 0);
        return (best, evaluated);
    }

    private static (int[] Chosen, long Evaluated) Greedy(PairScorer scorer, int[] candidates, int k, WedgeTarget target)
    {
        var removedNodes = new bool[scorer.Graph.NodeCount];
        var removedEdges = new bool[scorer.Graph.EdgeCount];
        var removed = target == WedgeTarget.Actors ? removedNodes : removedEdges;
        var chosen = new List<int>();
        long evaluated = 0;
        for (var step = 0; step < k; step++)
        {
            var best = -1;
            var bestPairs = long.MaxValue;
            foreach (var c in candidates)
            {
                if (removed[c])
                {
                    continue;
                }

                removed[c] = true;
                var p = scorer.Pairs(removedNodes, removedEdges);
                evaluated++;
                removed[c] = false;
                if (p < bestPairs)
                {
                    bestPairs = p;
                    best = c;
                }
            }

            removed[best] = true;
            chosen.Add(best);
        }

        return ([.. chosen], evaluated);
    }

    internal static long Pairs(long n) => n * (n - 1) / 2;

    private static long Binomial(int n, int k)
    {
        if (k < 0 || k > n)
        {
            return 0;
        }

        double result = 1;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
            if (result > long.MaxValue / 2)
            {
                return long.MaxValue;
            }
        }

        return (long)Math.Round(result);
    }

    /// <summary>Counts linked pairs of surviving nodes by BFS over surviving edges.</summary>
    private sealed class PairScorer(SignedGraph graph)
    {
        private readonly int[] mark = new int[graph.NodeCount];
        private readonly int[] queue = new int[graph.NodeCount];
        private int stamp;

        public SignedGraph Graph => graph;

        public long Pairs(bool[] removedNodes, bool[] removedEdges)
        {
            stamp++;
            long pairs = 0;
            for (var s = 0; s < graph.NodeCount; s++)
            {
                if (removedNodes[s] || mark[s] == stamp)
                {
                    continue;
                }

                int head = 0, tail = 0;
                queue[tail++] = s;
                mark[s] = stamp;
                while (head < tail)
                {
                    var v = queue[head++];
                    var nb = graph.Neighbors(v);
                    var ie = graph.IncidentEdges(v);
                    for (var k = 0; k < nb.Length; k++)
                    {
                        var w = nb[k];
                        if (mark[w] != stamp && !removedNodes[w] && !removedEdges[ie[k]])
                        {
                            mark[w] = stamp;
                            queue[tail++] = w;
                        }
                    }
                }

                pairs += Wedges.Pairs(tail);
            }

            return pairs;
        }
    }
}
