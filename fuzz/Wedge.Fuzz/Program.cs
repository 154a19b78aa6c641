using SharpFuzz;
using Wedge.Application.Problems;
using Wedge.Fuzz;

// Wedge.Fuzz READER            under afl-fuzz: SharpFuzz's persistent loop, one input per run from standard input
// Wedge.Fuzz READER FILE...    each file once, saying accepted, refused (and why) or DEFECT (exit 1): to replay
//                              afl's crashes and hangs, and to check seeds
// Wedge.Fuzz --list            the readers
// Wedge.Fuzz --stix CASE OUT   writes CASE (a case file, on an empty record) as a STIX bundle: the STIX seed
// The instrumented assemblies write each branch they take to SharpFuzz's coverage map, which Fuzzer.Run points at
// afl's shared memory; until then (building the harnesses, or when replaying files without afl) it points at a
// scratch map of the same size, else the first branch would write through a null pointer.
Coverage.UseScratchMap();

if (args.Length == 0 || args[0] == "--list")
{
    Console.WriteLine(string.Join(Environment.NewLine, Harnesses.All.Select(h => h.Name)));
    return args.Length == 0 ? 2 : 0;
}

if (args is ["--stix", var casePath, var outPath])
{
    var record = RecordInMemory.With(Wedge.Core.Knowledge.KnowledgeBase.Empty, casePath);
    var bundle = Wedge.Data.Exchange.Stix.StixExporter.Export(Wedge.Core.Knowledge.Snapshot.Of(record, new Wedge.Core.Knowledge.ReadOptions()),
        Wedge.Data.Exchange.Stix.RecordedTimes.From([]), new DateTimeOffset(2026, 12, 4, 0, 0, 0, TimeSpan.Zero));
    File.WriteAllText(outPath, bundle.ToJson());
    return 0;
}

if (Harnesses.Find(args[0]) is not { } harness)
{
    Console.Error.WriteLine($"no reader '{args[0]}'; the readers: {string.Join(", ", Harnesses.All.Select(h => h.Name))}");
    return 2;
}

var input = Path.Combine(Scratch.Directory, harness.FileName);
if (args.Length > 1)
{
    var defects = 0;
    foreach (var file in args.Skip(1).SelectMany<string, string>(a => Directory.Exists(a) ? Directory.GetFiles(a).Order(StringComparer.Ordinal) : [a]))
    {
        File.Copy(file, input, overwrite: true);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            Contract.Run(harness, input);
            Console.WriteLine($"{file}: accepted ({clock.ElapsedMilliseconds} ms)");
        }
        catch (ProblemException e)
        {
            Console.WriteLine($"{file}: refused ({clock.ElapsedMilliseconds} ms): {Contract.FirstLine(e.Message)}");
        }
        catch (Exception e)
        {
            defects++;
            Console.WriteLine($"{file}: DEFECT ({clock.ElapsedMilliseconds} ms): {e}");
        }
    }

    return defects == 0 ? 0 : 1;
}

// Built once before the loop: the services, the built-in record and the JIT's first pass are not what is fuzzed.
_ = Harnesses.All;
Fuzzer.Run(stream =>
{
    using (var file = File.Create(input))
    {
        stream.CopyTo(file);
    }

    try
    {
        Contract.Run(harness, input);
    }
    catch (ProblemException)
    {
        // A located refusal: what the command line shows as "error: FILE:LINE: reason" with exit 1 or 2.
    }
});
return 0;

internal static unsafe class Coverage
{
    /// <summary>afl's default map size (MAP_SIZE), which SharpFuzz's instrumentation indexes into.</summary>
    private const int MapSize = 1 << 16;

    public static void UseScratchMap() => SharpFuzz.Common.Trace.SharedMem = (byte*)System.Runtime.InteropServices.NativeMemory.AllocZeroed(MapSize);
}

/// <summary>What counts as a clean outcome: acceptance, or a problem the command line exits 1 or 2 with.</summary>
internal static class Contract
{
    public static void Run(Harness harness, string input)
    {
        try
        {
            harness.Read(input);
        }
        catch (ProblemException e) when (ExitCodes.Of(e.Problem.Kind) is not (ExitCodes.RefusedOrNotFound or ExitCodes.Usage))
        {
            // An internal problem (exit 70) or a conflict is not a refusal of the input.
            throw new InvalidOperationException($"not a refusal: {e.Problem.Kind} {e.Problem.Code}: {e.Message}", e);
        }
    }

    public static string FirstLine(string text)
    {
        var line = text.Split('\n')[0].TrimEnd('\r');
        return line.Length > 300 ? line[..300] + "…" : line;
    }
}
