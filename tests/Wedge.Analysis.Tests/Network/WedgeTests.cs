using Wedge.Analysis.Network;

namespace Wedge.Analysis.Tests.Network;

public sealed class WedgeTests
{
    private static SignedGraph Path(params int[] signs)
        => SignedGraph.Create([.. Enumerable.Range(0, signs.Length + 1).Select(i => ((char)('a' + i)).ToString())],
            signs.Select((s, i) => new SignedEdge(i, i + 1, s)));

    [Fact]
    public void KeyActor_PathOfFive_MiddleActorSplitsMost()
    {
        var g = Path(1, 1, 1, 1);
        var r = Wedges.Find(g, 0, 1, WedgeTarget.Actors);
        Assert.True(r.Exact);
        Assert.Equal(10, r.PairsBefore);
        Assert.Equal("c", g.Label(Assert.Single(r.Picks).Item));
        Assert.Equal(2, r.PairsAfter); // {a,b} and {d,e}
        Assert.Equal(0.8, r.Fragmentation, 12);
    }

    [Fact]
    public void KeyTie_PathOfFive_InnerTieSplitsMost()
    {
        var g = Path(1, 1, 1, 1);
        var r = Wedges.Find(g, 0, 1, WedgeTarget.Ties);
        var e = Assert.Single(r.Picks).Item;
        Assert.Equal(("b", "c"), (g.Label(g.Source(e)), g.Label(g.Target(e))));
        Assert.Equal(4, r.PairsAfter);
    }

    [Fact]
    public void Bloc_FollowsFriendlyTiesOnly()
    {
        var g = Path(1, -1, 1);
        Assert.Equal([0, 1], Wedges.FriendlyBloc(g, 0));
    }

    [Fact]
    public void Greedy_ReportsMarginalEffects_ThatSumToTheTotalCut()
    {
        var rng = new Random(3);
        var edges = new HashSet<(int, int)>();
        while (edges.Count < 90)
        {
            int a = rng.Next(40), b = rng.Next(40);
            if (a != b)
            {
                edges.Add((Math.Min(a, b), Math.Max(a, b)));
            }
        }

        var g = SignedGraph.Create([.. Enumerable.Range(0, 40).Select(i => $"n{i}")], edges.Select(e => new SignedEdge(e.Item1, e.Item2, 1)));
        var greedy = Wedges.Find(g, 0, 3, WedgeTarget.Actors, new WedgeOptions(ExactBudget: 0));
        var exact = Wedges.Find(g, 0, 3, WedgeTarget.Actors);
        Assert.False(greedy.Exact);
        Assert.True(exact.Exact);
        Assert.Equal(greedy.PairsBefore - greedy.PairsAfter, greedy.Picks.Sum(p => p.MarginalCut));
        Assert.True(exact.PairsAfter <= greedy.PairsAfter);
        Assert.DoesNotContain(exact.Picks, p => p.Item == 0);
    }

    [Fact]
    public void Hubs_StarCentre_IsHubConnectingSeparateAllies()
    {
        var g = SignedGraph.Create([.. Enumerable.Range(0, 11).Select(i => $"n{i}")], Enumerable.Range(1, 10).Select(i => new SignedEdge(0, i, 1)));
        var hub = Assert.Single(Hubs.Find(g));
        Assert.Equal(0, hub.Node);
        Assert.True(hub.IsHub);
        Assert.Equal(45, hub.SeparatedAllyPairs);
    }

    [Fact]
    public void Hubs_CliqueMember_IsNotHub_WhenAlliesAreLinkedAnyway()
    {
        // A clique of 5 plus a pendant chain: the clique members all have high degree but connect nobody new,
        // except the one the chain hangs on.
        var edges = new List<SignedEdge>();
        for (var a = 0; a < 5; a++)
        {
            for (var b = a + 1; b < 5; b++)
            {
                edges.Add(new SignedEdge(a, b, 1));
            }
        }

        for (var i = 4; i < 15; i++)
        {
            edges.Add(new SignedEdge(i, i + 1, 1));
        }

        var g = SignedGraph.Create([.. Enumerable.Range(0, 16).Select(i => $"n{i}")], edges);
        var candidates = Hubs.Find(g, minZ: 1.0);
        Assert.Equal([0, 1, 2, 3, 4], candidates.Select(h => h.Node).Order());
        Assert.Equal(4, Assert.Single(candidates, h => h.IsHub).Node);
    }
}

public sealed class SampledBetweennessTests
{
    [Fact]
    public void Sampled_HalfTheSources_EstimatesByScaling()
    {
        // On a cycle every node is equivalent, so any sample gives the exact value after scaling by n/k.
        var n = 20;
        var g = SignedGraph.Create([.. Enumerable.Range(0, n).Select(i => $"c{i}")], Enumerable.Range(0, n).Select(i => new SignedEdge(i, (i + 1) % n, 1)));
        var exact = Centrality.Betweenness(g);
        var sampled = Centrality.Betweenness(g, new BetweennessOptions(Sources: BetweennessOptions.SampleSources(n, 10, seed: 9)));
        var total = sampled.Sum();
        Assert.Equal(exact.Sum(), total, 9);
    }
}

public sealed class HubSeparationTests
{
    [Fact]
    public void SeparatedAllyPairs_DepthFirstCount_EqualsSearchWithNodeRemoved()
    {
        for (var seed = 0; seed < 60; seed++)
        {
            var rng = new Random(seed);
            var n = 5 + seed % 30;
            var edges = new HashSet<(int, int)>();
            var m = n + rng.Next(2 * n);
            for (var i = 0; i < m; i++)
            {
                int a = rng.Next(n), b = rng.Next(n);
                if (a != b)
                {
                    edges.Add((Math.Min(a, b), Math.Max(a, b)));
                }
            }

            var g = SignedGraph.Create([.. Enumerable.Range(0, n).Select(i => $"n{i}")], edges.Select(e => new SignedEdge(e.Item1, e.Item2, 1)));
            var tree = new Hubs.DepthFirstTree(g);
            for (var v = 0; v < n; v++)
            {
                Assert.Equal(Hubs.SeparatedPairsBySearch(g, v), tree.SeparatedNeighbourPairs(v));
            }
        }
    }
}
