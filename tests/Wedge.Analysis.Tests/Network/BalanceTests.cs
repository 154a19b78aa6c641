using Wedge.Analysis.Network;

namespace Wedge.Analysis.Tests.Network;

public sealed class BalanceTests
{
    private static SignedGraph Random(int n, double density, double negative, int seed)
    {
        var rng = new Random(seed);
        var edges = new List<SignedEdge>();
        for (var a = 0; a < n; a++)
        {
            for (var b = a + 1; b < n; b++)
            {
                if (rng.NextDouble() < density)
                {
                    edges.Add(new SignedEdge(a, b, rng.NextDouble() < negative ? -1 : 1));
                }
            }
        }

        return SignedGraph.Create([.. Enumerable.Range(0, n).Select(i => $"v{i}")], edges);
    }

    private static void AssertConsistent(SignedGraph g, FrustrationResult r)
    {
        Assert.Equal(r.Upper, r.FrustratedEdges.Count);
        var frustrated = r.FrustratedEdges.ToHashSet();
        for (var e = 0; e < g.EdgeCount; e++)
        {
            var agrees = r.Side[g.Source(e)] * r.Side[g.Target(e)] == g.Sign(e);
            Assert.Equal(!agrees, frustrated.Contains(e));
        }
    }

    [Fact]
    public void Frustration_BlockMethod_IsTyped()
    {
        // One unbalanced triangle: the local search finds one frustrated tie and the packing proves it.
        var triangle = SignedGraph.Create(["a", "b", "c"], [new SignedEdge(0, 1, 1), new SignedEdge(1, 2, 1), new SignedEdge(0, 2, -1)]);
        var block = Assert.Single(Balance.Frustration(triangle).Blocks);
        Assert.Equal(BlockMethod.LocalSearchMatchedByCyclePacking, block.Method);
        Assert.Equal("local search, matched by cycle packing", block.Description);

        // A dense random block where the packing falls short: branch and bound closes it, or reports its budget.
        var dense = Balance.Frustration(Random(14, 0.9, 0.5, seed: 3));
        Assert.Contains(dense.Blocks, b => b.Method is BlockMethod.BranchAndBound && b.Description.StartsWith("branch and bound (", StringComparison.Ordinal));
        var capped = Balance.Frustration(Random(14, 0.9, 0.5, seed: 3), new BalanceOptions(SearchBudget: 1));
        Assert.Contains(capped.Blocks, b => b.Method is BlockMethod.BranchAndBoundOverBudget);
        var large = Balance.Frustration(Random(14, 0.9, 0.5, seed: 3), new BalanceOptions(ExactNodeLimit: 5));
        Assert.Contains(large.Blocks, b => b.Method is BlockMethod.LocalSearchAboveExactLimit && b.Description.Contains("exact limit of 5 nodes", StringComparison.Ordinal));
    }

    [Fact]
    public void Frustration_SmallRandomGraphs_ExactSolverAgreesWithBruteForce()
    {
        // 300 graphs of 3–14 nodes, sparse to dense, few to many hostile ties.
        for (var i = 0; i < 300; i++)
        {
            var g = Random(3 + i % 12, 0.2 + 0.6 * (i % 7) / 6.0, 0.1 + 0.8 * (i % 5) / 4.0, i);
            var brute = Balance.FrustrationByEnumeration(g);
            var r = Balance.Frustration(g);
            Assert.True(r.Exact, $"graph {i}: not solved exactly ({r.Lower}..{r.Upper})");
            Assert.Equal(brute, r.Upper);
            AssertConsistent(g, r);
        }
    }

    [Fact]
    public void Frustration_HeuristicOnly_BoundsBracketTheTruth()
    {
        for (var i = 0; i < 150; i++)
        {
            var g = Random(6 + i % 10, 0.5, 0.4, 1000 + i);
            var brute = Balance.FrustrationByEnumeration(g);
            var r = Balance.Frustration(g, new BalanceOptions(ExactNodeLimit: 0, Restarts: 3));
            Assert.InRange(brute, r.Lower, r.Upper);
            AssertConsistent(g, r);
        }
    }

    [Fact]
    public void Frustration_BudgetExhausted_FallsBackToValidBounds()
    {
        var g = Random(22, 0.6, 0.5, 77);
        var r = Balance.Frustration(g, new BalanceOptions(SearchBudget: 50));
        var brute = Balance.FrustrationByEnumeration(g);
        Assert.InRange(brute, r.Lower, r.Upper);
        AssertConsistent(g, r);
    }

    [Fact]
    public void Frustration_EnemyOfMyEnemyTriangle_IsBalanced()
    {
        // Two friends who share an enemy: +−− is balanced, camps {a, b} against {c}.
        var g = SignedGraph.Create(["a", "b", "c"], [new(0, 1, 1), new(0, 2, -1), new(1, 2, -1)]);
        var r = Balance.Frustration(g);
        Assert.Equal(0, r.Upper);
        Assert.True(r.Exact);
        Assert.Equal(r.Side[0], r.Side[1]);
        Assert.NotEqual(r.Side[0], r.Side[2]);
    }

    [Fact]
    public void Frustration_TreeAndBridges_CostNothing()
    {
        var g = SignedGraph.Create(["a", "b", "c", "d"], [new(0, 1, -1), new(1, 2, -1), new(1, 3, 1)]);
        Assert.Equal(0, Balance.Frustration(g).Upper);
    }

    [Fact]
    public void Frustration_TwoUnbalancedTrianglesSharingACutNode_CountsBoth()
    {
        var g = SignedGraph.Create(["a", "b", "c", "d", "e"],
            [new(0, 1, 1), new(1, 2, 1), new(0, 2, -1), new(2, 3, -1), new(3, 4, -1), new(2, 4, -1)]);
        var r = Balance.Frustration(g);
        Assert.Equal(2, r.Upper);
        Assert.True(r.Exact);
        Assert.Equal(2, r.Blocks.Count);
    }

    [Theory]
    [MemberData(nameof(PeerFixtureTests.Names), MemberType = typeof(PeerFixtureTests))]
    public void TriadCensus_MatchesFixture(string name)
    {
        var f = Fixture.Load(name);
        var census = Balance.Triads(f.Graph);
        var expected = f.Expected.GetProperty("triad_census");
        Assert.Equal(expected.GetProperty("+++").GetInt64(), census.AllFriendly);
        Assert.Equal(expected.GetProperty("++-").GetInt64(), census.OneHostile);
        Assert.Equal(expected.GetProperty("+--").GetInt64(), census.TwoHostile);
        Assert.Equal(expected.GetProperty("---").GetInt64(), census.AllHostile);
        Assert.Equal(census.AllFriendly + census.OneHostile + census.TwoHostile + census.AllHostile, census.Triads.Count);
    }

    [Fact]
    public void Frustration_MmpNetwork_BoundsHoldAndEdgesNameActors()
    {
        var f = Fixture.Load("mmp");
        var r = Balance.Frustration(f.Graph);
        Assert.True(r.Exact, $"{r.Lower}..{r.Upper}"); // its largest block (111 groups) is within the exact solver's reach
        var heuristic = Balance.Frustration(f.Graph, new BalanceOptions(ExactNodeLimit: 0));
        Assert.InRange(r.Upper, heuristic.Lower, heuristic.Upper);
        AssertConsistent(f.Graph, r);
        // Every unbalanced triangle needs one of its edges frustrated.
        foreach (var t in Balance.Triads(f.Graph).Triads.Where(t => !t.IsBalanced))
        {
            var edges = new[] { f.Graph.EdgeBetween(t.A, t.B), f.Graph.EdgeBetween(t.B, t.C), f.Graph.EdgeBetween(t.A, t.C) };
            Assert.Contains(edges, e => r.FrustratedEdges.Contains(e));
        }
    }
}
