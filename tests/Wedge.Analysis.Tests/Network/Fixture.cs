using System.Text.Json;
using Wedge.Analysis.Network;
using Wedge.Data.Graphs;

namespace Wedge.Analysis.Tests.Network;

/// <summary>A peer fixture: the graph file Wedge reads and the values networkx/igraph computed on it (see Fixtures/README.md).</summary>
internal sealed class Fixture
{
    private Fixture(string name, SignedGraph graph, JsonElement expected)
    {
        Name = name;
        Graph = graph;
        Expected = expected;
    }

    public string Name { get; }

    public SignedGraph Graph { get; }

    public JsonElement Expected { get; }

    public static string Folder => Repository.File("tests", "Wedge.Analysis.Tests", "Network", "Fixtures");

    public static IEnumerable<object[]> Names => new[] { "karate", "florentine", "lesmis", "random1", "random2", "random3", "mmp" }.Select(n => new object[] { n });

    public static Fixture Load(string name)
    {
        var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, name + ".expected.json"))).RootElement;
        var file = Path.Combine(Folder, expected.GetProperty("file").GetString()!);
        var read = EdgeListReader.Read(file);
        Assert.True(read.IsSuccess, string.Join("; ", read.Errors));
        return new Fixture(name, ToGraph(read.Graph!), expected);
    }

    public static SignedGraph ToGraph(EdgeList list)
        => SignedGraph.Create(list.Labels, list.Sources, list.Targets, list.Signs, list.Weights);

    public bool Has(string measure) => Expected.TryGetProperty(measure, out _);

    /// <summary>The expected value per node, in Wedge's node order.</summary>
    public double[] PerNode(string measure)
    {
        var map = Expected.GetProperty(measure);
        return [.. Graph.Labels.Select(l => map.GetProperty(l).GetDouble())];
    }

    public double Scalar(string measure) => Expected.GetProperty(measure).GetDouble();

    public static void Close(double[] expected, IReadOnlyList<double> actual, double tolerance, string what)
    {
        Assert.Equal(expected.Length, actual.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"{what}[{i}]: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }
}
