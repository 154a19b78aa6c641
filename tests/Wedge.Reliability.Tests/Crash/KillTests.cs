using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Xunit.Abstractions;

namespace Wedge.Reliability.Tests.Crash;

/// <summary>
/// Crash safety: a real `wedge import mmp` in a child process, killed with SIGKILL at random moments. After every kill
/// the database must pass SQLite's integrity check, hold all of the import or none of it, and still answer `assess`.
/// A few trials run in every CI run; WEDGE_KILL_TRIALS=100 runs the long campaign (docs/reliability.md).
/// </summary>
public sealed class KillTests(ITestOutputHelper log) : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(3);
    private readonly TempDir dir = new("wedge-kill");

    public void Dispose() => dir.Dispose();

    private static int Trials => int.TryParse(Environment.GetEnvironmentVariable("WEDGE_KILL_TRIALS"), CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 4;

    [Fact]
    public void ImportMmp_KilledAtRandomMoments_LeavesAllOrNothing_AndTheStoreStillAnswers()
    {
        var (key, relationships) = MmpFiles.Generate(dir.File("mmp"), observations: 60_000);
        var pristine = dir.File("pristine.db");
        Assert.Equal(0, WedgeCli.Run(Limit, "init", "--db", pristine).Code);
        var before = WedgeCli.JournalVersion(pristine);

        // One import left to finish: how long it takes, and the journal version a whole import reaches.
        var whole = Copy(pristine, "whole.db");
        var watch = Stopwatch.StartNew();
        var errors = new StringBuilder();
        using (var run = WedgeProcess.Start(errors, "import", "mmp", "--key", key, "--relationships", relationships, "--db", whole))
        {
            Assert.True(run.WaitForExit(Limit), "the uncut import did not finish");
            run.WaitForExit(); // and its output drained
            Assert.True(run.ExitCode == 0, errors.ToString());
        }

        var took = watch.Elapsed;
        var after = WedgeCli.JournalVersion(whole);
        Assert.True(after > before + 100_000, $"the import wrote {after - before} journal rows");

        var random = new Random(20261204);
        int none = 0, all = 0;
        for (var trial = 0; trial < Trials; trial++)
        {
            var db = Copy(pristine, $"trial-{trial}.db");
            // Anywhere in the run: from start-up (nothing written yet) to the commit and after.
            var at = TimeSpan.FromMilliseconds(random.NextDouble() * took.TotalMilliseconds * 1.1);
            using (var run = WedgeProcess.Start(new StringBuilder(), "import", "mmp", "--key", key, "--relationships", relationships, "--db", db))
            {
                Thread.Sleep(at);
                if (!run.HasExited)
                {
                    run.Kill(entireProcessTree: true); // SIGKILL: no handler, no finally, no flush
                }

                Assert.True(run.WaitForExit(Limit));
            }

            Assert.Equal("ok", IntegrityCheck(db));
            var version = WedgeCli.JournalVersion(db);
            Assert.True(version == before || version == after, $"trial {trial}, killed at {at.TotalMilliseconds:F0} ms: journal at {version}, neither {before} (none) nor {after} (all)");
            if (version == before)
            {
                none++;
            }
            else
            {
                all++;
            }

            var assess = WedgeCli.Run(Limit, "assess", "Taliban", "al-Qaeda", "--at", "2018-09-11", "--runs", "0", "--db", db);
            Assert.True(assess.Code == 0, assess.Transcript);
            foreach (var file in Directory.GetFiles(dir.Path, Path.GetFileName(db) + "*"))
            {
                File.Delete(file);
            }
        }

        log.WriteLine($"{Trials} kills over an import of {took.TotalSeconds:F1} s: {none} left none of it, {all} all of it; every store passed integrity_check and answered assess");
    }

    private string Copy(string from, string name)
    {
        var to = dir.File(name);
        File.Copy(from, to, overwrite: true);
        return to;
    }

    private static string IntegrityCheck(string db)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        return (string)command.ExecuteScalar()!;
    }
}
