using Wedge.Analysis.Network;

namespace Wedge.Analysis.Tests.Network;

/// <summary>Empty, single-node, edgeless and single-edge graphs: every analysis answers without throwing.</summary>
public sealed class DegenerateGraphTests
{
    public static IEnumerable<object[]> Graphs =>
    [
        [SignedGraph.Create([], [])],
        [SignedGraph.Create(["a"], [])],
        [SignedGraph.Create(["a", "b"], [])],
        [SignedGraph.Create(["a", "b"], [new SignedEdge(0, 1, -1)])],
        [SignedGraph.Create(["a", "b", "c"], [new SignedEdge(0, 1, 1)])],
    ];

    [Theory]
    [MemberData(nameof(Graphs))]
    public void EveryAnalysis_Answers(SignedGraph g)
    {
        Assert.Equal(g.NodeCount, Centrality.Betweenness(g, new BetweennessOptions(Normalized: true)).Length);
        Assert.All(Centrality.Closeness(g).NetworkX, x => Assert.True(double.IsFinite(x)));
        Assert.Equal(g.NodeCount, Centrality.Eigenvector(g).Scores.Count);
        var pr = Centrality.PageRank(g).Scores;
        if (g.NodeCount > 0)
        {
            Assert.Equal(1.0, pr.Sum(), 9);
        }

        Assert.Equal(g.NodeCount, Structure.CoreNumbers(g).Length);
        Assert.Equal(g.NodeCount, Structure.ConnectedComponents(g).Sizes.Sum());
        Assert.InRange(Structure.Clustering(g).Transitivity, 0, 1);
        var louvain = Communities.Louvain(g);
        Assert.Equal(g.NodeCount, louvain.Of.Count);
        Assert.Equal(0, Balance.Frustration(g).Upper);
        Assert.Empty(Balance.Triads(g).Triads);
        Assert.NotNull(Hubs.Find(g));
        var summary = NetworkSummary.Of(g);
        Assert.Equal(g.NodeCount, summary.Nodes);
        if (g.NodeCount > 0)
        {
            var w = Wedges.Find(g, 0, 2, WedgeTarget.Actors);
            Assert.True(w.PairsAfter <= w.PairsBefore);
            Assert.NotNull(Wedges.Find(g, 0, 2, WedgeTarget.Ties));
        }
    }

    [Fact]
    public void Create_RefusesSelfLoopDuplicateAndBadSign()
    {
        Assert.Throws<ArgumentException>(() => SignedGraph.Create(["a"], [new SignedEdge(0, 0, 1)]));
        Assert.Throws<ArgumentException>(() => SignedGraph.Create(["a", "b"], [new SignedEdge(0, 1, 1), new SignedEdge(1, 0, 1)]));
        Assert.Throws<ArgumentException>(() => SignedGraph.Create(["a", "b"], [new SignedEdge(0, 1, 0)]));
        Assert.Throws<ArgumentException>(() => SignedGraph.Create(["a", "b"], [new SignedEdge(0, 1, 1, double.NaN)]));
        Assert.Throws<ArgumentException>(() => SignedGraph.Create(["a", "b"], [new SignedEdge(0, 2, 1)]));
    }
}
