using System.Diagnostics;
using System.Globalization;
using System.Text;
using Wedge.Core.Knowledge;
using Wedge.Data.Mmp;
using Wedge.Data.Store;

// bench/mmp-import: generate an MMP-format file of N observations, then import it into a fresh SQLite store.
//   dotnet run -c Release -- generate N DIR     writes DIR/key.csv and DIR/relationships.csv
//   dotnet run -c Release -- import DIR DB      plans and applies the import, printing each phase's time
if (args.Length == 3 && args[0] == "generate")
{
    Generate(int.Parse(args[1], CultureInfo.InvariantCulture), args[2]);
    return 0;
}

if (args.Length == 1 && args[0] == "parts")
{
    string[] texts = ["The two groups conducted a joint attack on a checkpoint in 1999, as \"reported\" (observation 5).", "Fighters clashed with the other\\'s members", "A faction broke away after the group&#039;s leadership", "Leaders cited the group\u00e2\u20ac\u2122s shared goals", "to coordinate\u00c2\u00a0in the region"];
    string[] dates = ["2005-00-00", "2014-02-00", "2/22/09", "2005-03-14"];
    for (var round = 0; round < 2; round++)
    {
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < 100_000; i++) { _ = MmpText.CleanText(texts[i % 5]); }
        Console.WriteLine($"CleanText {sw.Elapsed.TotalMilliseconds:F0} ms");
        sw.Restart();
        for (var i = 0; i < 200_000; i++) { _ = MmpText.CleanName("Generated Group 123"); }
        Console.WriteLine($"CleanName x2 {sw.Elapsed.TotalMilliseconds:F0} ms");
        sw.Restart();
        for (var i = 0; i < 100_000; i++) { _ = Wedge.Core.Time.FuzzyDate.TryParse(dates[i % 4]); }
        Console.WriteLine($"Dates {sw.Elapsed.TotalMilliseconds:F0} ms");
    }

    return 0;
}

if (args.Length == 2 && args[0] == "read")
{
    // Reading and cleaning alone, to separate parsing from planning.
    var sw = Stopwatch.StartNew();
    var n = 0;
    foreach (var row in MmpReader.ReadRelationships(Path.Combine(args[1], "relationships.csv")))
    {
        n += row.Value is null ? 0 : 1;
    }

    Console.WriteLine(FormattableString.Invariant($"read {n:N0} rows in {sw.Elapsed.TotalSeconds:F2} s = {n / sw.Elapsed.TotalSeconds:N0} rows/s"));
    PrintGc();
    return 0;
}

if (args.Length == 3 && args[0] == "import")
{
    return Import(args[1], args[2]);
}

if (args.Length == 3 && args[0] == "import-store-stream")
{
    return ImportStoreStream(args[1], args[2]);
}

if (args.Length == 3 && args[0] is "import-stream" or "import-pipelined")
{
    return ImportStreaming(args[1], args[2], pipelined: args[0] == "import-pipelined");
}

Console.Error.WriteLine("usage: generate N DIR | import DIR DB | import-stream DIR DB | import-pipelined DIR DB | read DIR");
return 2;

static void Generate(int n, string dir)
{
    Directory.CreateDirectory(dir);
    var rng = new Random(20190731);
    var groups = Math.Max(50, n / 100);
    using (var key = new StreamWriter(Path.Combine(dir, "key.csv"), false, new UTF8Encoding(true)))
    {
        key.Write("group_id,name,\r\n");
        for (var g = 1; g <= groups; g++)
        {
            key.Write($"{g},Generated Group {g}{(g % 17 == 0 ? " " : "")},\r\n");
        }
    }

    string[] types = ["all", "aff", "mer", "spl", "riv"];
    string[] phrases =
    [
        "The two groups conducted a joint attack on a checkpoint",
        "Fighters of one group clashed with the other\\'s members over territory",
        "A faction broke away after a dispute over the group&#039;s leadership",
        "Leaders announced a merger, citing the group\u00e2\u20ac\u2122s shared goals",
        "The groups signed an agreement to coordinate operations\u00c2\u00a0in the region",
    ];
    using var rel = new StreamWriter(Path.Combine(dir, "relationships.csv"), false, new UTF8Encoding(true));
    rel.Write("unique_id,type,group1_id,group2_id,date,description,group1_name,group2_name\r\n");
    var sb = new StringBuilder();
    for (var i = 1; i <= n; i++)
    {
        var a = rng.Next(1, groups + 1);
        var b = rng.Next(1, groups);
        if (b >= a)
        {
            b++;
        }

        var year = rng.Next(1960, 2020);
        var date = (i % 4) switch
        {
            0 => $"{year}-00-00",
            1 => $"{year}-{rng.Next(1, 13):00}-00",
            2 => $"{rng.Next(1, 13)}/{rng.Next(1, 29)}/{year % 100:00}",
            _ => $"{year}-{rng.Next(1, 13):00}-{rng.Next(1, 29):00}",
        };
        sb.Clear();
        sb.Append(i).Append(',').Append(types[rng.Next(types.Length)]).Append(',').Append(a).Append(',').Append(b).Append(',').Append(date)
            .Append(",\"").Append(phrases[rng.Next(phrases.Length)]).Append(" in ").Append(year).Append(", as \"\"reported\"\" (observation ").Append(i).Append(").\",")
            .Append("Generated Group ").Append(a).Append(",Generated Group ").Append(b).Append("\r\n");
        rel.Write(sb);
    }
}

static int ImportStreaming(string dir, string db, bool pipelined)
{
    // The importer's two-pass stream into the prototype append path (StreamingAppend.cs): nothing held whole in memory.
    File.Delete(db);
    var total = Stopwatch.StartNew();
    KnowledgeBase current;
    using (var store = WedgeStore.Open(db))
    {
        current = store.Current();
    }

    var stream = MmpImporter.Open(Path.Combine(dir, "key.csv"), Path.Combine(dir, "relationships.csv"), current);
    var firstPass = total.Elapsed;
    var version = pipelined
        ? StreamingAppend.AppendPipelined(db, current, "bench", "bench: MMP import (streaming, two threads)", stream.Changes())
        : StreamingAppend.Append(db, current, "bench", "bench: MMP import (streaming)", stream.Changes());
    var r = stream.Report;
    var obs = r.DistinctObservations;
    var cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
    Console.WriteLine(FormattableString.Invariant($"rows read {r.RelationshipRowsRead:N0}, observations {obs:N0}, refused {r.Refused.Count}, journal version {version:N0}"));
    Console.WriteLine(FormattableString.Invariant($"first pass (read, check, index)  {firstPass.TotalSeconds:F2} s"));
    Console.WriteLine(FormattableString.Invariant($"total (second pass + append)     {total.Elapsed.TotalSeconds:F2} s = {obs / total.Elapsed.TotalSeconds:N0} observations/s"));
    Console.WriteLine(FormattableString.Invariant($"process CPU time                 {cpu:F2} s = {obs / cpu:N0} observations per CPU-second"));
    return 0;
}

static int ImportStoreStream(string dir, string db)
{
    // The path `wedge import mmp` takes: the importer's stream into WedgeStore.AppendStream.
    File.Delete(db);
    var total = Stopwatch.StartNew();
    using var store = WedgeStore.Open(db);
    var current = store.Current();
    var stream = MmpImporter.Open(Path.Combine(dir, "key.csv"), Path.Combine(dir, "relationships.csv"), current);
    var firstPass = total.Elapsed;
    var version = store.AppendStream(current.Version, "bench", "bench: MMP import (WedgeStore.AppendStream)", stream.Changes(), current);
    var r = stream.Report;
    var obs = r.DistinctObservations;
    var cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
    Console.WriteLine(FormattableString.Invariant($"rows read {r.RelationshipRowsRead:N0}, observations {obs:N0}, refused {r.Refused.Count}, journal version {version:N0}"));
    Console.WriteLine(FormattableString.Invariant($"first pass (read, check, index)  {firstPass.TotalSeconds:F2} s"));
    Console.WriteLine(FormattableString.Invariant($"total (second pass + append)     {total.Elapsed.TotalSeconds:F2} s = {obs / total.Elapsed.TotalSeconds:N0} observations/s"));
    Console.WriteLine(FormattableString.Invariant($"process CPU time                 {cpu:F2} s = {obs / cpu:N0} observations per CPU-second"));
    PrintGc();
    return 0;
}

static void PrintGc()
{
    // Where the collector's share comes from: how much was allocated, how often it collected, how long it paused.
    Console.WriteLine(FormattableString.Invariant(
        $"GC: {GC.GetTotalAllocatedBytes() / 1048576.0:N0} MiB allocated, collections gen0 {GC.CollectionCount(0)} / gen1 {GC.CollectionCount(1)} / gen2 {GC.CollectionCount(2)}, paused {GC.GetTotalPauseDuration().TotalSeconds:F2} s"));
}

static int Import(string dir, string db)
{
    File.Delete(db);
    var total = Stopwatch.StartNew();
    using var store = WedgeStore.Open(db);
    var current = store.Current();
    var sw = Stopwatch.StartNew();
    var plan = MmpImporter.Plan(Path.Combine(dir, "key.csv"), Path.Combine(dir, "relationships.csv"), current);
    var planTime = sw.Elapsed;
    sw.Restart();
    // The path `wedge import mmp` takes: Apply checks the plan against the record it was planned on, then appends.
    store.Apply(plan.Changes, "bench", "bench: MMP import", current.Version, basedOn: current);
    var appendTime = sw.Elapsed;
    var applyCheck = "ok";
    var r = plan.Report;
    var obs = r.DistinctObservations;
    Console.WriteLine(FormattableString.Invariant($"rows read {r.RelationshipRowsRead:N0}, observations {obs:N0}, refused {r.Refused.Count}, changes {plan.Changes.Count:N0}, check {applyCheck}"));
    Console.WriteLine(FormattableString.Invariant($"plan (read, clean, match, dedupe) {planTime.TotalSeconds:F2} s = {r.RelationshipRowsRead / planTime.TotalSeconds:N0} rows/s"));
    Console.WriteLine(FormattableString.Invariant($"store.Apply (check + append)     {appendTime.TotalSeconds:F2} s = {plan.Changes.Count / appendTime.TotalSeconds:N0} changes/s"));
    Console.WriteLine(FormattableString.Invariant($"total                            {total.Elapsed.TotalSeconds:F2} s = {obs / total.Elapsed.TotalSeconds:N0} observations/s"));
    var cpu = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
    Console.WriteLine(FormattableString.Invariant($"process CPU time                 {cpu:F2} s = {obs / cpu:N0} observations per CPU-second"));
    Console.WriteLine(FormattableString.Invariant($"peak managed heap ~ {GC.GetGCMemoryInfo().HeapSizeBytes / 1048576.0:N0} MiB (see /usr/bin/time -v for the process)"));
    return 0;
}
