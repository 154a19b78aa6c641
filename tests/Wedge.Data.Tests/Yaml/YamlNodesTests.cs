using Wedge.Data.Parameters;
using Wedge.Data.Yaml;
using YamlDotNet.RepresentationModel;

namespace Wedge.Data.Tests.Yaml;

public sealed class YamlNodesTests
{
    private static YamlMappingNode Root(string text) => (YamlMappingNode)YamlNodes.Load(new StringReader(text)).Root!;

    [Fact]
    public void Load_Malformed_SaysWhereAndWhy()
    {
        var (root, error) = YamlNodes.Load(new StringReader("a: [unclosed\nb: 1\n"));
        Assert.Null(root);
        Assert.NotNull(error);
        Assert.True(error.Line >= 1 && error.Column >= 1, $"{error.Line}:{error.Column}");
        Assert.False(string.IsNullOrWhiteSpace(error.Reason));
    }

    [Fact]
    public void Load_NoDocument_NullRootNoError()
        => Assert.Equal((null, null), YamlNodes.Load(new StringReader("# only a comment\n")));

    [Theory]
    [InlineData("k:", true)]
    [InlineData("k: ~", true)]
    [InlineData("k: null", true)]
    [InlineData("k: ''", false)] // quoted: the empty text, written on purpose
    [InlineData("k: \"~\"", false)]
    [InlineData("k: !!str null", false)] // tagged: a text
    [InlineData("k: 0", false)]
    public void Get_NullValues_AreAbsent(string yaml, bool absent)
    {
        var map = new YamlMap(Root(yaml), (_, m) => throw new InvalidOperationException(m));
        Assert.Equal(absent, map.Get("k") is null);
    }

    [Fact]
    public void AllowOnly_ReportsEachUnknownKeyWhereItIsWritten()
    {
        var problems = new List<(int Line, int Column, string Message)>();
        var map = new YamlMap(Root("id: a\ncolour: red\nname: b\nsize: 2\n"), (n, m) => problems.Add((n.Line(), n.Column(), m)));
        map.AllowOnly(["id", "name"]);
        Assert.Equal(
            [(2, 1, "unknown key 'colour' (expected one of: id, name)"), (4, 1, "unknown key 'size' (expected one of: id, name)")],
            problems);
    }

    [Fact]
    public void TypedAccess_WrongShape_ReportedAtTheValue()
    {
        var problems = new List<(int Line, int Column, string Message)>();
        var map = new YamlMap(Root("name: [a, b]\nitems: x\nmissing:\n"), (n, m) => problems.Add((n.Line(), n.Column(), m)));
        Assert.Null(map.Scalar("name", "name must be a single value"));
        Assert.Empty(map.List("items", "items must be a list"));
        Assert.Null(map.Require("missing", "missing 'missing'"));
        Assert.Equal([(1, 7, "name must be a single value"), (2, 8, "items must be a list"), (1, 1, "missing 'missing'")], problems);
    }

    [Fact]
    public void ParameterFile_NestedAndDottedKeys_FlattenedWithPlaces()
    {
        var (entries, error) = ParameterFileFormat.Read("magnitude:\n  major: 8\nbalance-band: 0.1\nbond.pledge: [1]\n", key => key is "magnitude.major" or "balance-band" or "bond.pledge");
        Assert.Null(error);
        Assert.Equal(
            [new ParameterEntry("magnitude.major", "8", 2, 10, 2, 3), new ParameterEntry("balance-band", "0.1", 3, 15, 3, 1), new ParameterEntry("bond.pledge", null, 4, 14, 4, 1)],
            entries);
    }

    [Fact]
    public void ParameterFile_ListAtTheTop_Refused()
    {
        var (_, error) = ParameterFileFormat.Read("- 1\n- 2\n", _ => true);
        Assert.Equal(new ParameterFileError(1, 1, "expected a mapping of parameter names to numbers"), error);
    }
}
