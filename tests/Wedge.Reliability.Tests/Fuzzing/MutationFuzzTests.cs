using System.Globalization;
using Xunit.Abstractions;

namespace Wedge.Reliability.Tests.Fuzzing;

/// <summary>
/// Every reader of outside data, fed mutated copies of real files through the `wedge` command. The contract for each
/// input: accepted (exit 0) or refused with a message (exit 1 or 2) — never a defect (exit 70, a stack trace), never
/// longer than <see cref="PerInput"/>, and a refusal writes nothing (the journal keeps its version; no output file).
/// A bounded number of inputs per reader runs in every test run; <c>WEDGE_FUZZ_INPUTS=N</c> runs N per reader and
/// <c>WEDGE_FUZZ_SEED=S</c> draws another sequence. A failure prints the seed and index that reproduce it and keeps
/// the input in a folder it names.
/// </summary>
public sealed class MutationFuzzTests(BuiltInExportsFixture exports, ITestOutputHelper output) : IClassFixture<BuiltInExportsFixture>
{
    /// <summary>Inputs per reader in an ordinary run: enough to reach every mutation kind on every seed, small enough for CI.</summary>
    private const int DefaultInputs = 40;

    /// <summary>How long one input may take before it counts as a hang (generous: CI machines are slow and shared).</summary>
    private static readonly TimeSpan PerInput = TimeSpan.FromSeconds(30);

    public static TheoryData<string> Readers() => [.. FuzzTargets.All.Select(t => t.Name)];

    [Theory]
    [MemberData(nameof(Readers))]
    public void MutatedInputs_AreAcceptedOrRefusedCleanly(string reader)
    {
        var target = FuzzTargets.All.Single(t => t.Name == reader);
        var seeds = FuzzTargets.Seeds(target, exports.Exports);
        var inputs = Setting("WEDGE_FUZZ_INPUTS", DefaultInputs);
        var sequence = Setting("WEDGE_FUZZ_SEED", 15);
        using var dir = new TempDir("wedge-fuzz");
        var paths = new FuzzPaths(Database(target, dir), dir.Path);
        if (target.Name.StartsWith("mmp-", StringComparison.Ordinal))
        {
            // The file not being fuzzed is the other one's seed.
            var other = target.Name == "mmp-key" ? "mmp-relationships" : "mmp-key";
            File.WriteAllBytes(paths.Other, FuzzTargets.Seeds(FuzzTargets.All.Single(t => t.Name == other), exports.Exports)[0].Bytes);
        }

        // Each seed as it is must be accepted: a reader that refused everything would pass the rest vacuously.
        foreach (var seed in seeds)
        {
            var run = Feed(target, paths, seed, seed.Bytes, "seed");
            Assert.True(run.Code == 0, $"{reader}: the seed {seed.Name} is refused\n{run.Transcript}");
            Reset(paths);
        }

        var failures = new List<string>();
        var (accepted, refused) = (0, 0);
        for (var i = 0; i < inputs && failures.Count < 5; i++)
        {
            var seed = seeds[i % seeds.Count];
            var random = new Random(MixSeed(sequence, reader, i));
            var input = Mutator.Mutate(seed.Bytes, target.Shape, random);
            var failure = Check(target, paths, seed, input, $"{i}");
            if (failure is null)
            {
                continue;
            }

            if (failure == "")
            {
                accepted++;
            }
            else if (failure == "refused")
            {
                refused++;
            }
            else
            {
                var kept = Keep(reader, sequence, i, target.Extension, input);
                failures.Add($"input {i} (WEDGE_FUZZ_SEED={sequence}, from seed {seed.Name}, kept as {kept}): {failure}");
            }
        }

        output.WriteLine($"{reader}: {inputs} inputs (sequence {sequence}): {accepted} accepted, {refused} refused, {failures.Count} failures");
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
    }

    /// <summary>"" when accepted, "refused" when cleanly refused, else what broke the contract.</summary>
    private string? Check(FuzzTarget target, FuzzPaths paths, Seed seed, byte[] input, string label)
    {
        var before = target.Writes ? WedgeCli.JournalVersion(paths.Database) : 0;
        WedgeRun run;
        try
        {
            run = Feed(target, paths, seed, input, label);
        }
        catch (TimeoutException e)
        {
            return e.Message;
        }

        try
        {
            if (run.Code is not (0 or 1 or 2) || run.Err.Contains("unexpected error", StringComparison.Ordinal) || (run.Out + run.Err).Contains("\n   at ", StringComparison.Ordinal))
            {
                return $"not a clean acceptance or refusal\n{run.Transcript}";
            }

            if (run.Code != 0)
            {
                if (target.Writes && WedgeCli.JournalVersion(paths.Database) != before)
                {
                    return $"refused, yet the journal moved from version {before} to {WedgeCli.JournalVersion(paths.Database)}\n{run.Transcript}";
                }

                if (File.Exists(paths.Output))
                {
                    return $"refused, yet it wrote {paths.Output}\n{run.Transcript}";
                }

                if (run.Err.Trim().Length == 0)
                {
                    return $"refused without a word\n{run.Transcript}";
                }
            }

            return run.Code == 0 ? "" : "refused";
        }
        finally
        {
            Reset(paths);
        }
    }

    private static WedgeRun Feed(FuzzTarget target, FuzzPaths paths, Seed seed, byte[] input, string label)
    {
        var file = Path.Combine(paths.Directory, $"input-{label}{target.Extension}");
        File.WriteAllBytes(file, input);
        try
        {
            return WedgeCli.Run(PerInput, target.Command(paths, file, seed));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static void Reset(FuzzPaths paths) => File.Delete(paths.Output);

    /// <summary>
    /// Imports start from an empty record (so accepted inputs stay cheap to plan), or one holding the actors the
    /// import's names match (<see cref="FuzzTarget.Actors"/>); `assess` reads the built-in case.
    /// </summary>
    private string Database(FuzzTarget target, TempDir dir)
    {
        if (!target.Writes)
        {
            return exports.Exports.Database;
        }

        var db = dir.File("fuzz.db");
        var run = WedgeCli.Run(TimeSpan.FromMinutes(1), "init", "--empty", "--db", db);
        Assert.True(run.Code == 0, run.Transcript);
        if (target.Actors is { } actors)
        {
            run = WedgeCli.Run(TimeSpan.FromMinutes(1), "import", "case", actors, "--db", db);
            Assert.True(run.Code == 0, run.Transcript);
        }

        return db;
    }

    /// <summary>A seed for <see cref="Random"/> that is the same in every process (string.GetHashCode is not).</summary>
    private static int MixSeed(int sequence, string reader, int index)
    {
        var h = 2166136261u;
        foreach (var c in $"{sequence}/{reader}/{index}")
        {
            h = (h ^ c) * 16777619u;
        }

        return (int)(h & 0x7fffffff);
    }

    private static string Keep(string reader, int sequence, int index, string extension, byte[] input)
    {
        var folder = Path.Combine(Path.GetTempPath(), "wedge-fuzz-failures");
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{reader}-{sequence}-{index}{extension}");
        File.WriteAllBytes(path, input);
        return path;
    }

    private static int Setting(string variable, int fallback)
        => int.TryParse(Environment.GetEnvironmentVariable(variable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : fallback;
}

/// <summary>Builds the built-in case's exports once for all readers.</summary>
public sealed class BuiltInExportsFixture : IDisposable
{
    public BuiltInExports Exports { get; } = new();

    public void Dispose() => Exports.Dispose();
}
