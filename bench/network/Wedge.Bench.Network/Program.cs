using System.Diagnostics;
using System.Globalization;
using Wedge.Analysis.Network;
using Wedge.Core.Collections;
using Wedge.Data.Graphs;

// Times Wedge's network algorithms on one edge-list file; prints one JSON object (seconds per task).
// Usage: Wedge.Bench.Network FILE THREADS SOURCES_FILE EXACT(0|1) TASKS(comma list)
if (args.Length < 5)
{
    Console.Error.WriteLine("usage: Wedge.Bench.Network FILE THREADS SOURCES_FILE EXACT(0|1) TASKS");
    return 2;
}

var file = args[0];
var threads = int.Parse(args[1], CultureInfo.InvariantCulture);
var sourcesFile = args[2];
var exact = args[3] == "1";
var tasks = args[4].Split(',').ToHashSet();

// Warm-up on a small graph so that JIT compilation is not timed.
var warm = SignedGraph.Create([.. Enumerable.Range(0, 200).Select(i => i.ToString(CultureInfo.InvariantCulture))],
    Enumerable.Range(0, 199).Select(i => new SignedEdge(i, i + 1, 1)).Concat(Enumerable.Range(0, 150).Select(i => new SignedEdge(i, (i * 7 + 13) % 200 == i ? (i + 2) % 200 : (i * 7 + 13) % 200, 1)))
        .DistinctBy(e => (Math.Min(e.Source, e.Target), Math.Max(e.Source, e.Target))).Where(e => e.Source != e.Target));
Centrality.Betweenness(warm, new BetweennessOptions(Threads: threads));
Centrality.PageRank(warm, threads: threads);
Communities.Louvain(warm, threads: threads);
Communities.Leiden(warm);
Structure.ConnectedComponents(warm);

var results = new Dictionary<string, double>();
var sw = Stopwatch.StartNew();
var read = EdgeListReader.Read(file, GraphFormat.EdgeList, SignConflict.Error);
if (!read.IsSuccess)
{
    Console.Error.WriteLine(string.Join("\n", read.Errors));
    return 1;
}

results["read"] = sw.Elapsed.TotalSeconds;
var list = read.Graph!;

// The graph shares the reader's columns (node ids, no sign or weight column for an unsigned, unweighted file).
var graph = SignedGraph.Create(list.Labels, list.Sources, list.Targets, list.Signs, list.Weights);
read = null;
list = null;
GC.Collect(); // let the reader's buffers go before timing
results["load"] = sw.Elapsed.TotalSeconds;
results["nodes"] = graph.NodeCount;
results["edges"] = graph.EdgeCount;

double Time(Action action)
{
    var watch = Stopwatch.StartNew();
    action();
    return watch.Elapsed.TotalSeconds;
}

if (tasks.Contains("components"))
{
    var count = 0;
    results["components"] = Time(() => count = Structure.ConnectedComponents(graph).Count);
    results["components_count"] = count;
}

if (tasks.Contains("pagerank"))
{
    results["pagerank"] = Time(() => Centrality.PageRank(graph, tolerance: 1e-10, threads: threads));
}

if (tasks.Contains("louvain"))
{
    double q = 0;
    results["louvain"] = Time(() => q = Communities.Louvain(graph, seed: 1, threads: threads).Modularity);
    results["louvain_modularity"] = q;
}

if (tasks.Contains("leiden"))
{
    double q = 0;
    var count = 0;
    results["leiden"] = Time(() =>
    {
        var r = Communities.Leiden(graph, seed: 1, iterations: 2);
        q = r.Modularity;
        count = r.Count;
    });
    results["leiden_modularity"] = q;
    results["leiden_communities"] = count;
}

if (tasks.Contains("betweenness_sampled"))
{
    // Source ids as written by the generator (igraph vertex ids = labels); map through labels.
    var sources = File.ReadAllLines(sourcesFile).Where(l => l.Length > 0).Select(l => graph.IndexOf(l.Trim())).Where(v => v >= 0).ToArray();
    results["betweenness_sampled"] = Time(() => Centrality.Betweenness(graph, new BetweennessOptions(Sources: sources.ToEquatableList(), Threads: threads)));
    results["betweenness_sources"] = sources.Length;
}

if (tasks.Contains("betweenness_exact") && exact)
{
    results["betweenness_exact"] = Time(() => Centrality.Betweenness(graph, new BetweennessOptions(Threads: threads)));
}

// Written by hand, not by JsonSerializer: its reflection is not available in the Native AOT build.
Console.WriteLine("{" + string.Join(", ", results.Select(r => $"\"{r.Key}\": {r.Value.ToString("R", CultureInfo.InvariantCulture)}")) + "}");
return 0;
