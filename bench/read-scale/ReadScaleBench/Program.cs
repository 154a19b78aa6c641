using System.Diagnostics;
using System.Globalization;
using Wedge.Analysis.Assessment;
using Wedge.Analysis.Dyad;
using Wedge.Analysis.Network;
using Wedge.Core.Knowledge;
using Wedge.Core.Time;
using Wedge.Data.Store;

// Where one read's time goes, phase by phase, in one process: opening the store, the record (checkpoint + tail),
// the snapshot at a date, and each analysis the read-scale goals name. usage: ReadScaleBench DB [A B] [AT]
if (args.Length is not (1 or 3 or 4))
{
    Console.Error.WriteLine("usage: ReadScaleBench DB [A B] [AT]");
    return 2;
}

var (nameA, nameB) = args.Length >= 3 ? (args[1], args[2]) : ("Taliban", "al-Qaeda");
var at = FuzzyDate.Parse(args.Length == 4 ? args[3] : "2018-09-11");
var clock = Stopwatch.StartNew();
var laps = new List<string>();
long lastAllocated = 0;
var lastCpu = TimeSpan.Zero;
int lastCollections = 0;
void Lap(string what)
{
    var cpu = Process.GetCurrentProcess().TotalProcessorTime;
    var allocated = GC.GetTotalAllocatedBytes();
    var collections = GC.CollectionCount(0);
    laps.Add(string.Create(CultureInfo.InvariantCulture, $"{what} {clock.Elapsed.TotalSeconds:F3} (cpu {(cpu - lastCpu).TotalSeconds:F3}, {(allocated - lastAllocated) / 1e6:F0} MB, {collections - lastCollections} GC)"));
    (lastAllocated, lastCollections, lastCpu) = (allocated, collections, cpu);
    clock.Restart();
}

using var store = WedgeStore.Open(args[0]);
Lap("open");
var kb = store.Current();
Lap("record");
var now = Snapshot.Of(kb, ReadOptions.Now);
var actors = now.Actors.Count();
Lap("snapshot-now+actors");
var snapshot = Snapshot.Of(kb, new ReadOptions(at));
Lap("snapshot-at");
var a = snapshot.FindActor(nameA).Actor!.Id;
var b = snapshot.FindActor(nameB).Actor!.Id;
Lap("find");
DyadReport.Build(snapshot, a, b);
Lap("dyad");
var tables = kb.TieTables();
Lap("network-table");
var rows = snapshot.TieRows().Sum(t => t.Rows.Length);
Lap("network-slice");
var network = SnapshotGraph.Build(snapshot);
Lap("network-weigh");
if (Environment.GetEnvironmentVariable("SKIP_ASSESS") is null)
{
    AllianceAssessor.Assess(snapshot, a, b, AssessmentParameters.Default, simulate: false);
    Lap("assess");
}

Console.WriteLine($"{Path.GetFileName(args[0])}: {kb.Count:N0} facts, {actors:N0} actors, {network.Graph.EdgeCount:N0} edges | {string.Join(" | ", laps)}");
return 0;
