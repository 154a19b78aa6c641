using System.Globalization;
using System.Text.Json;
using Xunit.Abstractions;

namespace Wedge.Reliability.Tests.Crash;

/// <summary>
/// Eight `wedge` processes writing to one database at once, none asking for a version check: case imports, additions,
/// and corrections of two different fields of one tie. Every write lands (a writer overtaken by another is rebased),
/// nothing crashes, and the tie ends with both fields as their writers last set them.
/// </summary>
public sealed class ConcurrentWritersTests(ITestOutputHelper log) : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);
    private readonly TempDir dir = new("wedge-concurrent");

    public void Dispose() => dir.Dispose();

    private const int Rounds = 3;

    [Fact]
    public async Task EightWritersAtOnce_EveryWriteLands_AndCorrectionsOfDifferentFieldsBothHold()
    {
        var db = dir.File("wedge.db");
        Assert.Equal(0, WedgeCli.Run(Limit, "init", "--db", db).Code);
        var before = WedgeCli.JournalVersion(db);

        // Each writer runs its rounds one after another; the eight writers run at the same time.
        var writers = new List<Func<int, string[]>>();
        for (var w = 0; w < 4; w++)
        {
            var importer = w;
            writers.Add(round => ["import", "case", Case(importer, round), "--db", db]);
        }

        for (var w = 0; w < 2; w++)
        {
            var adder = w;
            writers.Add(round => ["add", "actor", $"adder-{adder}-{round}", "--name", $"Adder {adder} group {round}", "--kind", "armed-group", "--db", db]);
        }

        writers.Add(round => ["correct", "tie:t-aq-taliban-alliance", "--set", $"note=note from round {round}", "--why", "concurrency test", "--db", db]);
        writers.Add(round => ["correct", "tie:t-aq-taliban-alliance", "--set", $"period.start=2001-{10 + round:00}", "--why", "concurrency test", "--db", db]);

        var results = writers.Select((writer, i) => Task.Run(() => Enumerable.Range(0, Rounds)
            .Select(round => (Writer: i, Round: round, Run: WedgeProcess.Run(Limit, writer(round)))).ToList())).ToArray();
        var runs = (await Task.WhenAll(results).WaitAsync(Limit * 2)).SelectMany(r => r).ToList();

        foreach (var (writer, round, (code, errors)) in runs)
        {
            Assert.DoesNotContain("   at ", errors, StringComparison.Ordinal);
            Assert.True(code == 0, $"writer {writer}, round {round}: exit {code}\n{errors}");
        }

        // Every write is in the journal.
        var written = WedgeCli.JournalVersion(db) - before;
        log.WriteLine($"{runs.Count} writes by 8 processes at once: all accepted; {written} journal rows");
        for (var w = 0; w < 4; w++)
        {
            for (var round = 0; round < Rounds; round++)
            {
                Assert.Equal(0, WedgeCli.Run(Limit, "actor", $"importer-{w}-{round}", "--db", db).Code);
            }
        }

        for (var w = 0; w < 2; w++)
        {
            for (var round = 0; round < Rounds; round++)
            {
                Assert.Equal(0, WedgeCli.Run(Limit, "actor", $"adder-{w}-{round}", "--db", db).Code);
            }
        }

        // Both correctors' last values hold on the one tie: neither undid the other.
        var ties = WedgeCli.Run(Limit, "ties", "--json", "--db", db);
        Assert.True(ties.Code == 0, ties.Transcript);
        var tie = JsonDocument.Parse(ties.Out).RootElement.EnumerateArray().Single(t => t.GetProperty("id").GetString() == "t-aq-taliban-alliance");
        Assert.Equal($"note from round {Rounds - 1}", tie.GetProperty("note").GetString());
        Assert.StartsWith($"2001-{10 + Rounds - 1:00}", tie.GetProperty("period").GetProperty("start").GetString());
    }

    /// <summary>A small case of its own: one actor backed by one claim from the built-in case's source.</summary>
    private string Case(int writer, int round)
    {
        var path = dir.File($"case-{writer}-{round}.yaml");
        File.WriteAllText(path, string.Create(CultureInfo.InvariantCulture, $"""
            case: writer-{writer}-{round}
            title: Written by writer {writer} in round {round}
            claims:
              - id: c-importer-{writer}-{round}
                source: bacon-2018
                text: A claim written by a concurrent writer
                grade: C3
            actors:
              - id: importer-{writer}-{round}
                name: Importer {writer} group {round}
                kind: armed-group
                claims: [c-importer-{writer}-{round}]
            """));
        return path;
    }
}
