using Wedge.Data.Graphs;

namespace Wedge.Data.Tests.Graphs;

public sealed class EdgeListReaderTests
{
    private static GraphReadResult ReadFile(TempDir dir, string name, string text, SignConflict conflicts = SignConflict.Error)
    {
        var path = dir.File(name);
        File.WriteAllText(path, text);
        return EdgeListReader.Read(path, GraphFormat.Auto, conflicts);
    }

    private static GraphReadError Error(GraphReadResult r)
    {
        Assert.False(r.IsSuccess);
        return Assert.Single(r.Errors);
    }

    [Fact]
    public void EdgeList_KonectStyleComments_AreSkipped()
    {
        using var dir = new TempDir();
        var r = ReadFile(dir, "net.edges", "% sym signed\n% 3 3\n# another comment\n\n1 2 1\n2\t3 -1\n3 1 +1 2.5\n");
        Assert.True(r.IsSuccess, string.Join(";", r.Errors));
        var g = r.Graph!;
        Assert.Equal(["1", "2", "3"], g.Labels);
        Assert.Equal(3, g.Edges.Count);
        Assert.Equal(-1, g.Edges[1].Sign);
        Assert.Equal(2.5, g.Edges[2].Weight);
        Assert.Equal(7, g.Edges[2].Line);
    }

    [Fact]
    public void EdgeList_NonNumericSign_NamesFileAndLine()
    {
        using var dir = new TempDir();
        var e = Error(ReadFile(dir, "net.txt", "% c\na b 1\na c friend\n"));
        Assert.Equal("net.txt:3: sign 'friend' is not a non-zero number (use 1 or -1)", e.ToString());
    }

    [Fact]
    public void EdgeList_MissingColumn_NamesLine()
    {
        using var dir = new TempDir();
        var e = Error(ReadFile(dir, "net.txt", "a b\nc\n"));
        Assert.Equal(2, e.Line);
        Assert.Contains("found one field 'c'", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void EdgeList_ZeroSign_Refused()
    {
        using var dir = new TempDir();
        Assert.Contains("non-zero", Error(ReadFile(dir, "net.txt", "a b 0\n")).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void EdgeList_SelfLoop_DroppedWithWarning()
    {
        using var dir = new TempDir();
        var r = ReadFile(dir, "net.txt", "a b\nb b -1\n");
        Assert.True(r.IsSuccess);
        Assert.Single(r.Graph!.Edges);
        Assert.Contains("net.txt:2: self-loop on 'b' dropped", r.Graph.Warnings);
    }

    [Fact]
    public void EdgeList_ConflictingSigns_RefusedWithBothLines()
    {
        using var dir = new TempDir();
        var e = Error(ReadFile(dir, "net.txt", "a b 1\nc d 1\nb a -1\n"));
        Assert.Equal(3, e.Line);
        Assert.Contains("on line 1", e.Reason, StringComparison.Ordinal);
        Assert.Contains("--on-conflict", e.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(SignConflict.Negative, 2, -1)]
    [InlineData(SignConflict.Positive, 2, 1)]
    [InlineData(SignConflict.Drop, 1, 0)]
    public void EdgeList_ConflictingSigns_RuleApplied(SignConflict rule, int edges, int signOfAb)
    {
        using var dir = new TempDir();
        var r = ReadFile(dir, "net.txt", "a b 1\nc d 1\nb a -1\na b 1\n", rule);
        Assert.True(r.IsSuccess);
        Assert.Equal(edges, r.Graph!.Edges.Count);
        if (signOfAb != 0)
        {
            Assert.Equal(signOfAb, r.Graph.Edges[0].Sign);
        }
    }

    [Fact]
    public void EdgeList_RepeatedPair_MergedWhenSameSign_RefusedWhenWeightDiffers()
    {
        using var dir = new TempDir();
        var merged = ReadFile(dir, "a.txt", "a b 1 2\nb a 1 2\n");
        Assert.True(merged.IsSuccess);
        Assert.Single(merged.Graph!.Edges);
        Assert.Contains(merged.Graph.Warnings, w => w.Contains("1 repeated pair merged", StringComparison.Ordinal));
        Assert.Contains("weight 3 here but 2 on line 1", Error(ReadFile(dir, "b.txt", "a b 1 2\nb a 1 3\n")).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void EdgeList_Empty_Refused()
    {
        using var dir = new TempDir();
        Assert.Contains("no edges", Error(ReadFile(dir, "net.txt", "% only a comment\n\n")).Reason, StringComparison.Ordinal);
        Assert.Contains("no edges", Error(ReadFile(dir, "empty.txt", "")).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void EdgeList_HugeNodeId_IsALabelNotANumber()
    {
        // Ids are text: one beyond any 64-bit integer is read as it is, not overflowed.
        using var dir = new TempDir();
        var r = ReadFile(dir, "net.txt", "99999999999999999999999999 1\n");
        Assert.True(r.IsSuccess);
        Assert.Equal("99999999999999999999999999", r.Graph!.Labels[0]);
    }

    [Fact]
    public void EdgeList_OverflowingSignOrWeight_Refused()
    {
        using var dir = new TempDir();
        Assert.Contains("sign '1e400'", Error(ReadFile(dir, "a.txt", "a b 1e400\n")).Reason, StringComparison.Ordinal);
        Assert.Contains("weight '-2'", Error(ReadFile(dir, "b.txt", "a b 1 -2\n")).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_HeaderInAnyOrder_QuotedNames()
    {
        using var dir = new TempDir();
        var r = ReadFile(dir, "net.csv", "Sign,Source,Target\n-1,\"Al Qaeda, core\",Taliban\n1,Taliban,Haqqani\n");
        Assert.True(r.IsSuccess, string.Join(";", r.Errors));
        Assert.Equal(["Al Qaeda, core", "Taliban", "Haqqani"], r.Graph!.Labels);
        Assert.Equal(-1, r.Graph.Edges[0].Sign);
        Assert.Equal(3, r.Graph.Edges[1].Line);
    }

    [Fact]
    public void Csv_MissingColumn_NamesIt()
    {
        using var dir = new TempDir();
        Assert.Equal("net.csv:1: missing column target; header is 'source,sign'", Error(ReadFile(dir, "net.csv", "source,sign\na,1\n")).ToString());
    }

    [Fact]
    public void Csv_ShortRowAndBadSign_NameLines()
    {
        using var dir = new TempDir();
        Assert.Equal(3, Error(ReadFile(dir, "a.csv", "source,target,sign\na,b,1\nc\n")).Line);
        Assert.Equal("b.csv:2: sign 'x' is not a non-zero number (use 1 or -1)", Error(ReadFile(dir, "b.csv", "source,target,sign\na,b,x\n")).ToString());
    }

    [Fact]
    public void Csv_Empty_Refused()
    {
        using var dir = new TempDir();
        Assert.Contains("empty file", Error(ReadFile(dir, "net.csv", "")).Reason, StringComparison.Ordinal);
        Assert.Contains("no edges", Error(ReadFile(dir, "h.csv", "source,target\n")).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void GraphMl_SignAndWeightKeys_AndIsolatedNodes()
    {
        using var dir = new TempDir();
        var r = ReadFile(dir, "net.graphml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="d0" for="edge" attr.name="sign" attr.type="int"/>
              <key id="d1" for="edge" attr.name="weight" attr.type="double"/>
              <graph edgedefault="undirected">
                <node id="a"/><node id="b"/><node id="c"/><node id="lonely"/>
                <edge source="a" target="b"><data key="d0">-1</data><data key="d1">2</data></edge>
                <edge source="b" target="c"/>
              </graph>
            </graphml>
            """);
        Assert.True(r.IsSuccess, string.Join(";", r.Errors));
        Assert.Equal(["a", "b", "c", "lonely"], r.Graph!.Labels);
        Assert.Equal((-1, 2.0), (r.Graph.Edges[0].Sign, r.Graph.Edges[0].Weight));
        Assert.Equal(1, r.Graph.Edges[1].Sign);
    }

    [Fact]
    public void GraphMl_Malformed_NamesLine()
    {
        using var dir = new TempDir();
        var e = Error(ReadFile(dir, "net.graphml", "<graphml>\n<graph>\n<edge source=\"a\" target=\"b\">\n</graphml>\n"));
        Assert.Contains("not well-formed GraphML", e.Reason, StringComparison.Ordinal);
        Assert.True(e.Line > 0);
    }

    [Fact]
    public void MissingFile_IsAnError()
    {
        Assert.Contains("no such file", Error(EdgeListReader.Read("/nonexistent/x.csv")).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void EdgeList_LineEnds_CrLfCrAndNoFinalNewline_CountLikeReadLine()
    {
        var r = EdgeListReader.ReadEdgeListText("t", "a b\r\n% c\rc d\n\ne f -1");
        Assert.True(r.IsSuccess, string.Join(";", r.Errors));
        Assert.Equal([1, 3, 5], r.Graph!.Edges.Select(e => e.Line));
        Assert.Equal(["a", "b", "c", "d", "e", "f"], r.Graph.Labels);
    }

    [Fact]
    public void EdgeList_LineLongerThanTheBuffer_IsReadWhole()
    {
        var longName = new string('x', 200_000);
        var r = EdgeListReader.ReadEdgeListText("t", $"a b\n{longName} c\nc d\n");
        Assert.True(r.IsSuccess, string.Join(";", r.Errors));
        Assert.Equal(longName, r.Graph!.Labels[2]);
        Assert.Equal([1, 2, 3], r.Graph.Edges.Select(e => e.Line));
    }

    [Fact]
    public void EdgeList_Columns_NoSignOrWeightColumnWhenAllPlainAndLinesSurviveMerges()
    {
        var r = EdgeListReader.ReadEdgeListText("t", "b a\n% c\na b\nb c\n\nc d\n");
        Assert.True(r.IsSuccess, string.Join(";", r.Errors));
        var g = r.Graph!;
        Assert.Equal(3, g.Count);
        Assert.Equal([0, 0, 2], g.Sources.ToArray());
        Assert.Equal([1, 2, 3], g.Targets.ToArray());
        Assert.True(g.Signs.IsEmpty);
        Assert.True(g.Weights.IsEmpty);
        Assert.Equal([1, 4, 6], g.Edges.Select(e => e.Line));
        Assert.Contains("1 repeated pair merged", g.Warnings[0], StringComparison.Ordinal);
    }

    [Fact]
    public void EdgeList_DropRule_ClosesGapsAndKeepsLines()
    {
        var r = EdgeListReader.ReadEdgeListText("t", "a b 1 2\nb c -1\nc a 1\nb a -1 2\nc d 1 3\n", SignConflict.Drop);
        Assert.True(r.IsSuccess, string.Join(";", r.Errors));
        var g = r.Graph!;
        Assert.Equal([(1, 2, -1, 1.0, 2), (0, 2, 1, 1.0, 3), (2, 3, 1, 3.0, 5)],
            g.Edges.Select(e => (e.Source, e.Target, e.Sign, e.Weight, e.Line)));
        Assert.Equal(g.Count, g.Signs.Length);
        Assert.Equal(g.Count, g.Weights.Length);
    }

    [Fact]
    public void EdgeList_ManyPairs_RepeatsFoundAcrossTableGrowth()
    {
        // 5,000 distinct pairs (the pair table grows several times), then each given again reversed: all merged.
        var text = new System.Text.StringBuilder();
        for (var i = 0; i < 5000; i++)
        {
            text.Append(i).Append(' ').Append((i * 7 + 1) % 5003 + 5003).Append('\n');
        }

        for (var i = 0; i < 5000; i++)
        {
            text.Append((i * 7 + 1) % 5003 + 5003).Append(' ').Append(i).Append('\n');
        }

        var r = EdgeListReader.ReadEdgeListText("t", text.ToString());
        Assert.True(r.IsSuccess, string.Join(";", r.Errors));
        Assert.Equal(5000, r.Graph!.Count);
        Assert.Contains("5000 repeated pairs merged", r.Graph.Warnings[^1], StringComparison.Ordinal);
        Assert.Contains("but +1 on line 1 ", Error(EdgeListReader.ReadEdgeListText("t", text + "5004 0 -1\n")).Reason, StringComparison.Ordinal);
    }
}
