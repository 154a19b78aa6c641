using System.Diagnostics;
using System.Globalization;
using Wedge.Core.Knowledge;
using Wedge.Data.Store;

// Where a read's time goes on one database: opening, the record from the checkpoint plus the tail (what every command
// now does), the same record by a full replay of the journal (what every command did before), and the snapshot the
// commands take of it. usage: StoreReadBench DB
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: StoreReadBench DB");
    return 2;
}

var clock = Stopwatch.StartNew();
double Lap()
{
    var s = clock.Elapsed.TotalSeconds;
    clock.Restart();
    return s;
}

using var store = WedgeStore.Open(args[0]);
var open = Lap();
var kb = store.Current();
var current = Lap();
var again = store.Current();
var currentAgain = Lap();
var snapshot = Snapshot.Of(kb, ReadOptions.Now);
var snap = Lap();
var replayed = KnowledgeBase.Project(store.Read());
var replay = Lap();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{Path.GetFileName(args[0])}: {kb.Count:N0} facts at version {kb.Version:N0} | open {open:F2} s | record (checkpoint + tail) {current:F2} s, again {currentAgain:F2} s | full replay {replay:F2} s | snapshot {snap:F2} s ({snapshot.Actors.Count():N0} actors) | same record: {replayed.Count == again.Count}"));
return 0;
