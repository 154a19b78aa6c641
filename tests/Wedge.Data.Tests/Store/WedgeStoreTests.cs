using Microsoft.Data.Sqlite;
using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Data.Store;

namespace Wedge.Data.Tests.Store;

public class WedgeStoreTests
{
    private static Actor A(string id, string? name = null) => new() { Id = new ActorId(id), Name = name ?? id, Kind = ActorKind.ArmedGroup };

    [Fact]
    public void Append_ThenRead_GivesEntriesWithAuthorReasonAndTime()
    {
        using var dir = new TempDir();
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var store = WedgeStore.Open(dir.File("w.db"), clock);
        Assert.True(store.WasCreated);
        var v = store.Append(0, "ana", "first", [JournalChange.Add(A("a")), JournalChange.Add(A("b"))]);
        Assert.Equal(2, v);
        var entries = store.Read().ToList();
        Assert.Equal([1L, 2L], entries.Select(e => e.Version));
        Assert.All(entries, e => Assert.Equal(("ana", "first", clock.Now), (e.Author, e.Reason, e.RecordedAt)));
        Assert.Equal(FactJson.Serialize(A("a")), FactJson.Serialize(entries[0].Fact!));
    }

    [Fact]
    public void Append_AgainstOlderVersion_IsRefusedAndWritesNothing()
    {
        using var dir = new TempDir();
        using var store = WedgeStore.Open(dir.File("w.db"));
        store.Append(0, "ana", "r", [JournalChange.Add(A("a"))]);
        var ex = Assert.Throws<JournalConflictException>(() => store.Append(0, "bo", "r", [JournalChange.Add(A("b"))]));
        Assert.Equal("The journal is at version 1, but this change was prepared against version 0. Someone else recorded changes first; reload and try again.", ex.Message);
        Assert.Equal(1, store.Version);
    }

    [Fact]
    public void TwoConnections_SecondWriterWithStaleVersion_IsRefused()
    {
        using var dir = new TempDir();
        using var first = WedgeStore.Open(dir.File("w.db"));
        using var second = WedgeStore.Open(dir.File("w.db"));
        var seen = second.Version;
        first.Append(first.Version, "ana", "r", [JournalChange.Add(A("a"))]);
        Assert.Throws<JournalConflictException>(() => second.Append(seen, "bo", "r", [JournalChange.Add(A("b"))]));
    }

    [Fact]
    public void Journal_IsAppendOnly_UpdatesAndDeletesAreRefusedByTheDatabase()
    {
        using var dir = new TempDir();
        var path = dir.File("w.db");
        using (var store = WedgeStore.Open(path))
        {
            store.Append(0, "ana", "r", [JournalChange.Add(A("a"))]);
        }

        using var conn = new SqliteConnection($"Data Source={path};Pooling=False");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "DELETE FROM journal";
        Assert.Contains("append-only", Assert.Throws<SqliteException>(() => cmd.ExecuteNonQuery()).Message, StringComparison.Ordinal);
        cmd.CommandText = "UPDATE journal SET author = 'mallory'";
        Assert.Contains("append-only", Assert.Throws<SqliteException>(() => cmd.ExecuteNonQuery()).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordedBy_ReproducesTheRecordBeforeARetraction()
    {
        using var dir = new TempDir();
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var store = WedgeStore.Open(dir.File("w.db"), clock);
        store.Apply([JournalChange.Add(A("a")), JournalChange.Add(A("b"))], "ana", "add");
        var before = clock.Now;
        clock.Now = before.AddHours(1);
        store.Apply([JournalChange.Retract(new FactKey(FactType.Actor, "b"))], "ana", "wrong group");
        clock.Now = before.AddHours(2);
        store.Apply([JournalChange.Correct(A("a", "Renamed"))], "ana", "rename");

        Assert.Equal(["a", "b"], store.Current(before).All<Actor>().Select(a => a.Id.Value).Order());
        Assert.Equal("a", store.Current(before).FindActor(new ActorId("a"))!.Name);
        Assert.Equal(["a"], store.Current().All<Actor>().Select(a => a.Id.Value));
        Assert.Equal("Renamed", store.Current().FindActor(new ActorId("a"))!.Name);
    }

    [Fact]
    public void RecordedTime_NeverRunsBackwards()
    {
        using var dir = new TempDir();
        var clock = new ManualClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var store = WedgeStore.Open(dir.File("w.db"), clock);
        store.Append(0, "ana", "r", [JournalChange.Add(A("a"))]);
        clock.Now = clock.Now.AddDays(-1);
        store.Append(1, "ana", "r", [JournalChange.Add(A("b"))]);
        var times = store.Read().Select(e => e.RecordedAt).ToList();
        Assert.True(times[1] >= times[0]);
    }

    [Fact]
    public void Apply_InvalidBatch_WritesNothing()
    {
        using var dir = new TempDir();
        using var store = WedgeStore.Open(dir.File("w.db"));
        store.Apply([JournalChange.Add(A("a"))], "ana", "r");
        var tie = new Tie { Id = "t", Kind = TieKind.Alliance, From = new ActorId("a"), To = new ActorId("ghost") };
        var ex = Assert.Throws<ChangesRefusedException>(() => store.Apply([JournalChange.Add(A("b")), JournalChange.Add(tie)], "ana", "r"));
        Assert.Contains("unknown actor 'ghost'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(1, store.Version);
    }

    [Fact]
    public void Open_FileThatIsNotSqlite_IsRefusedAndLeftUntouched()
    {
        using var dir = new TempDir();
        var path = dir.File("notes.db");
        File.WriteAllText(path, "my notes, not a database");
        var ex = Assert.Throws<StoreException>(() => WedgeStore.Open(path));
        Assert.Contains("not a Wedge database (the file is not an SQLite database)", ex.Message, StringComparison.Ordinal);
        Assert.Equal("my notes, not a database", File.ReadAllText(path));
    }

    [Fact]
    public void Open_SqliteFileOfAnotherApp_IsRefusedAndLeftUntouched()
    {
        using var dir = new TempDir();
        var path = dir.File("other.db");
        using (var conn = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "CREATE TABLE things (x INTEGER)";
            cmd.ExecuteNonQuery();
        }

        var bytes = File.ReadAllBytes(path);
        var ex = Assert.Throws<StoreException>(() => WedgeStore.Open(path));
        Assert.Contains("an SQLite file without Wedge's tables", ex.Message, StringComparison.Ordinal);
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Fact]
    public void Open_EmptyFile_IsRefusedAndLeftUntouched()
    {
        // A failed create never leaves an empty file (the database is built aside and moved into place), so an empty
        // file is not ours to fill.
        using var dir = new TempDir();
        var path = dir.File("empty.db");
        File.WriteAllBytes(path, []);
        var ex = Assert.Throws<StoreException>(() => WedgeStore.Open(path));
        Assert.Equal($"{path}: not a Wedge database (the file is empty); it was left untouched. Remove it to start a new database there.", ex.Message);
        Assert.Equal(0, new FileInfo(path).Length);
    }

    [Fact]
    public void Open_WithoutASchemaVersion_IsRefusedAndLeftUntouched()
    {
        using var dir = new TempDir();
        var path = dir.File("w.db");
        WedgeStore.Open(path).Dispose();
        using (var conn = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "DELETE FROM wedge_meta WHERE key = 'schema_version'";
            cmd.ExecuteNonQuery();
        }

        var bytes = File.ReadAllBytes(path);
        var ex = Assert.Throws<StoreException>(() => WedgeStore.Open(path));
        Assert.Equal($"{path}: a damaged Wedge database (its schema version is missing); it was left untouched.", ex.Message);
        Assert.Equal(bytes, File.ReadAllBytes(path));
    }

    [Fact]
    public void Open_FromANewerWedge_SaysWhichVersions()
    {
        using var dir = new TempDir();
        var path = dir.File("w.db");
        WedgeStore.Open(path).Dispose();
        using (var conn = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "UPDATE wedge_meta SET value = '99' WHERE key = 'schema_version'";
            cmd.ExecuteNonQuery();
        }

        var ex = Assert.Throws<StoreException>(() => WedgeStore.Open(path));
        Assert.Equal($"{path}: written by a newer Wedge (schema version 99; this one reads up to {WedgeStore.SchemaVersion}); it was left untouched. Use a newer wedge to open it.", ex.Message);
    }

    [Fact]
    public void Create_LeavesOnlyTheDatabase_AtTheLatestSchema()
    {
        using var dir = new TempDir();
        var path = dir.File("w.db");
        using (var store = WedgeStore.Open(path))
        {
            Assert.True(store.WasCreated);
        }

        Assert.Equal(["w.db"], Directory.GetFiles(dir.Path).Select(Path.GetFileName));
        using var conn = new SqliteConnection($"Data Source={path};Pooling=False");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT value FROM wedge_meta WHERE key = 'schema_version'";
        Assert.Equal(WedgeStore.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), cmd.ExecuteScalar());
    }

    [Fact]
    public void Facts_SurviveTheJournalExactly()
    {
        using var dir = new TempDir();
        using var store = WedgeStore.Open(dir.File("w.db"));
        var source = new Source { Id = new SourceId("s"), Title = "T", Date = Core.Time.FuzzyDate.Parse("2018-09") };
        var claim = new Claim { Id = new ClaimId("c"), Source = source.Id, Text = "<script>x</script> \"quoted\"", Grade = Grade.Parse("C3"), PublicSince = Core.Time.FuzzyDate.Parse("2015"), Stance = ClaimStance.Disputes };
        var actor = A("a") with { Aliases = ["x", "y"], ExternalIds = new Dictionary<string, string> { ["mmp"] = "1" }, Active = new Core.Time.Period(Core.Time.FuzzyDate.Parse("1996"), null), Claims = [claim.Id] };
        var ledger = new LedgerEntry { Id = "l", Provider = actor.Id, Recipient = actor.Id, Category = LedgerCategory.InternalStrife, Magnitude = new Magnitude(2, 4), Claims = [claim.Id] };
        store.Apply([JournalChange.Add(source), JournalChange.Add(claim), JournalChange.Add(actor), JournalChange.Add(ledger)], "ana", "r");
        var kb = store.Current();
        Assert.Equal(FactJson.Serialize(claim), FactJson.Serialize(kb.Find(claim.Key)!));
        Assert.Equal(FactJson.Serialize(actor), FactJson.Serialize(kb.Find(actor.Key)!));
        Assert.Equal(FactJson.Serialize(ledger), FactJson.Serialize(kb.Find(ledger.Key)!));
        Assert.Equal(FactJson.Serialize(source), FactJson.Serialize(kb.Find(source.Key)!));
    }

    [Fact]
    public void ReadLog_FiltersByFactAndKeepsTheLast()
    {
        using var dir = new TempDir();
        using var store = WedgeStore.Open(dir.File("w.db"));
        store.Apply([JournalChange.Add(A("a")), JournalChange.Add(A("b"))], "ana", "add");
        store.Apply([JournalChange.Correct(A("a", "A"))], "bo", "rename");
        Assert.Equal([1L, 3L], store.ReadLog("actor:a").Select(e => e.Version));
        Assert.Equal([1L, 3L], store.ReadLog("a").Select(e => e.Version));
        var last = Assert.Single(store.ReadLog(last: 1));
        Assert.Equal((3L, "bo", "rename", JournalAction.Correct), (last.Version, last.Author, last.Reason, last.Action));
    }

    [Fact]
    public void Apply_EmptyBatch_WritesNothingButStillChecksTheVersion()
    {
        using var dir = new TempDir();
        using var store = WedgeStore.Open(dir.File("w.db"));
        store.Apply([JournalChange.Add(A("a"))], "ana", "r");
        Assert.Equal(1, store.Apply([], "ana", "nothing", 1));
        Assert.Throws<JournalConflictException>(() => store.Apply([], "ana", "nothing", 0));
    }

    [Fact]
    public void Apply_BasedOnAStaleRecord_IsRefused()
    {
        using var dir = new TempDir();
        using var store = WedgeStore.Open(dir.File("w.db"));
        var seen = store.Current();
        store.Apply([JournalChange.Add(A("a"))], "ana", "r");
        Assert.Throws<JournalConflictException>(() => store.Apply([JournalChange.Add(A("b"))], "bo", "r", basedOn: seen));
        Assert.Equal(1, store.Version);
    }
}
