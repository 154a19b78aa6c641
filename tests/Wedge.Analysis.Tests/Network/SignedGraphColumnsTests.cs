using Wedge.Analysis.Network;
using Wedge.Data.Graphs;

namespace Wedge.Analysis.Tests.Network;

/// <summary>The graph built from the reader's columns is the graph built from its edges, and stores no sign or weight it does not need.</summary>
public sealed class SignedGraphColumnsTests
{
    private static SignedGraph FromEdges(EdgeList list)
        => SignedGraph.Create(list.Labels, list.Edges.Select(e => new SignedEdge(e.Source, e.Target, e.Sign, e.Weight)));

    [Theory]
    [MemberData(nameof(Fixture.Names), MemberType = typeof(Fixture))]
    public void Columns_GiveTheSameGraphAsEdges(string name)
    {
        var columns = Fixture.Load(name).Graph;
        var read = EdgeListReader.Read(Path.Combine(Fixture.Folder, Fixture.Load(name).Expected.GetProperty("file").GetString()!));
        var edges = FromEdges(read.Graph!);
        Assert.Equal(edges.Labels, columns.Labels);
        Assert.Equal(edges.Edges(), columns.Edges());
        Assert.Equal(edges.IsWeighted, columns.IsWeighted);
        for (var v = 0; v < edges.NodeCount; v++)
        {
            Assert.True(edges.Neighbors(v).SequenceEqual(columns.Neighbors(v)));
            Assert.True(edges.IncidentEdges(v).SequenceEqual(columns.IncidentEdges(v)));
        }
    }

    [Fact]
    public void UnsignedUnweighted_SignsAndWeightsAreOne()
    {
        var g = SignedGraph.Create(["a", "b", "c"], new[] { 0, 1 }, new[] { 1, 2 });
        Assert.Equal([1, 1], Enumerable.Range(0, 2).Select(g.Sign));
        Assert.Equal([1.0, 1.0], Enumerable.Range(0, 2).Select(g.Weight));
        Assert.False(g.IsWeighted);
        Assert.Equal(2, g.FriendlyCount);
        Assert.Same(g, g.PositivePart());
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Sign(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => g.Weight(-1));
    }

    [Fact]
    public void Columns_UnorderedPairsNormalisedAndRefusalsAsForEdges()
    {
        var g = SignedGraph.Create(["a", "b", "c"], new[] { 1, 2 }, new[] { 0, 1 }, new sbyte[] { -1, 1 }, new[] { 2.0, 1.0 });
        Assert.Equal([new SignedEdge(0, 1, -1, 2.0), new SignedEdge(1, 2, 1, 1.0)], g.Edges());
        Assert.Equal(1, g.FriendlyCount);
        Assert.Contains("self-loop", Assert.Throws<ArgumentException>(() => SignedGraph.Create(["a", "b"], new[] { 0 }, new[] { 0 })).Message, StringComparison.Ordinal);
        Assert.Contains("more than one edge", Assert.Throws<ArgumentException>(() => SignedGraph.Create(["a", "b"], new[] { 0, 1 }, new[] { 1, 0 })).Message, StringComparison.Ordinal);
        Assert.Contains("sign 2", Assert.Throws<ArgumentException>(() => SignedGraph.Create(["a", "b"], new[] { 0 }, new[] { 1 }, new sbyte[] { 2 })).Message, StringComparison.Ordinal);
        Assert.Contains("differ in length", Assert.Throws<ArgumentException>(() => SignedGraph.Create(["a", "b"], new[] { 0 }, new[] { 1, 0 })).Message, StringComparison.Ordinal);
    }
}
