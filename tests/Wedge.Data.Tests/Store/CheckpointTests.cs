using Microsoft.Data.Sqlite;
using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Data.Store;

namespace Wedge.Data.Tests.Store;

public class CheckpointTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Source S = new() { Id = new SourceId("s"), Title = "T" };

    private static Actor A(string id, string? name = null) => new() { Id = new ActorId(id), Name = name ?? id, Kind = ActorKind.ArmedGroup };

    private static Tie T(string id, string from, string to) => new() { Id = id, Kind = TieKind.Rivalry, From = new ActorId(from), To = new ActorId(to) };

    private static string Json(KnowledgeBase kb)
        => kb.Version + "\n" + string.Join("\n", kb.Facts.OrderBy(f => f.Key.ToString(), StringComparer.Ordinal).Select(FactJson.Serialize));

    private static long CheckpointVersion(string path)
    {
        using var conn = new SqliteConnection($"Data Source={path};Pooling=False");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT coalesce(max(version), 0) FROM checkpoint";
        return (long)cmd.ExecuteScalar()!;
    }

    /// <summary>A journal with adds, corrections and retractions over three days, a checkpoint taken on day 1.</summary>
    private static (WedgeStore Store, ManualClock Clock) Written(TempDir dir)
    {
        var clock = new ManualClock(T0);
        var store = WedgeStore.Open(dir.File("w.db"), clock);
        store.CheckpointAfter = 1;
        store.Apply([JournalChange.Add(S), .. Enumerable.Range(0, 50).Select(i => JournalChange.Add(A($"a{i}")))], "ana", "day 0");
        store.Apply([.. Enumerable.Range(0, 49).Select(i => JournalChange.Add(T($"t{i}", $"a{i}", $"a{i + 1}")))], "ana", "day 0 ties");
        clock.Now = T0.AddDays(1);
        store.Apply([JournalChange.Retract(new FactKey(FactType.Tie, "t3")), JournalChange.Correct(A("a7", "Seven"))], "bo", "day 1");
        Assert.Equal(102, store.Current().Version); // refreshes the checkpoint
        clock.Now = T0.AddDays(2);
        store.Apply([JournalChange.Correct(A("a7", "Seven again")), JournalChange.Add(A("late")), JournalChange.Retract(new FactKey(FactType.Tie, "t4"))], "bo", "day 2");
        return (store, clock);
    }

    [Fact]
    public void Read_FromTheCheckpointAndTheTail_EqualsAFullReplay_NowAndAtEveryPastTime()
    {
        using var dir = new TempDir();
        var (store, _) = Written(dir);
        using var _s = store;
        store.CheckpointAfter = int.MaxValue; // keep the day-1 checkpoint, so the tail is replayed on top of it
        Assert.Equal(102, CheckpointVersion(dir.File("w.db")));
        foreach (var at in new DateTimeOffset?[] { null, T0.AddTicks(-1), T0, T0.AddHours(12), T0.AddDays(1), T0.AddDays(1.5), T0.AddDays(2), T0.AddDays(9) })
        {
            Assert.Equal(Json(KnowledgeBase.Project(store.Read(at))), Json(store.Current(at)));
        }

        Assert.Equal("Seven again", store.Current().FindActor(new ActorId("a7"))!.Name);
        Assert.Equal("Seven", store.Current(T0.AddDays(1)).FindActor(new ActorId("a7"))!.Name);
        Assert.NotNull(store.Current(T0).Find(new FactKey(FactType.Tie, "t3")));
    }

    [Fact]
    public void Read_AfterWrites_RefreshesTheCheckpoint_WhenTheTailIsLongEnough()
    {
        using var dir = new TempDir();
        var (store, _) = Written(dir);
        using var _s = store;
        store.CheckpointAfter = 4;
        store.Current();
        Assert.Equal(102, CheckpointVersion(dir.File("w.db"))); // 3 entries past it: not worth rewriting
        store.Apply([JournalChange.Add(A("one more"))], "bo", "day 2");
        Assert.Equal(106, store.Current().Version);
        Assert.Equal(106, CheckpointVersion(dir.File("w.db")));
        Assert.Equal(Json(KnowledgeBase.Project(store.Read())), Json(store.Current()));
    }

    [Fact]
    public void Checkpoint_OfAnotherFormat_IsIgnoredAndRebuilt()
    {
        using var dir = new TempDir();
        var (store, _) = Written(dir);
        using var _s = store;
        using (var conn = new SqliteConnection($"Data Source={dir.File("w.db")};Pooling=False"))
        {
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "UPDATE checkpoint SET format = 999; UPDATE checkpoint_part SET data = x'00ff'";
            cmd.ExecuteNonQuery();
        }

        Assert.Equal(Json(KnowledgeBase.Project(store.Read())), Json(store.Current()));
        Assert.Equal(105, CheckpointVersion(dir.File("w.db")));
    }

    [Fact]
    public void Checkpoint_ThatDoesNotDecode_IsIgnored()
    {
        using var dir = new TempDir();
        var (store, _) = Written(dir);
        using var _s = store;
        store.CheckpointAfter = int.MaxValue;
        using (var conn = new SqliteConnection($"Data Source={dir.File("w.db")};Pooling=False"))
        {
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "UPDATE checkpoint_part SET data = x'05ff'";
            cmd.ExecuteNonQuery();
        }

        Assert.Equal(Json(KnowledgeBase.Project(store.Read())), Json(store.Current()));
    }

    [Fact]
    public void Checkpoint_IsNotWritten_ToAReadOnlyDatabase_AndTheReadStillAnswers()
    {
        using var dir = new TempDir();
        var path = dir.File("w.db");
        using (var store = WedgeStore.Open(path))
        {
            store.Apply([JournalChange.Add(A("a")), JournalChange.Add(A("b"))], "ana", "r");
        }

        using var conn = new SqliteConnection($"Data Source={path};Pooling=False");
        conn.Open();
        using (var lockIt = conn.CreateCommand())
        {
            // Another writer holds the lock: the checkpoint cannot be written; the read must not wait for it or fail.
            lockIt.CommandText = "PRAGMA busy_timeout = 0; BEGIN IMMEDIATE";
            lockIt.ExecuteNonQuery();
        }

        using var reader = WedgeStore.Open(path);
        reader.CheckpointAfter = 1;
        Assert.Equal(2, reader.Current().Count);
    }

    [Fact]
    public void Codec_RoundTripsEveryFactOfTheJournalFixture()
    {
        using var dir = new TempDir();
        var path = dir.File("w.db");
        using var store = WedgeStore.Open(path);
        store.CheckpointAfter = 1;
        store.Apply([.. KnowledgeBaseOfFixture().Facts.Select(JournalChange.Add)], "ana", "fixture");
        var replayed = KnowledgeBase.Project(store.Read());
        Assert.True(CheckpointVersion(path) == 0);
        store.Current();
        Assert.Equal(replayed.Version, CheckpointVersion(path));
        store.CheckpointAfter = int.MaxValue;
        Assert.Equal(Json(replayed), Json(store.Current()));
    }

    [Fact]
    public void Codec_WritesEveryPayloadMember()
    {
        // A member added to a fact needs a field in the checkpoint (and a new CheckpointCodec.Format).
        foreach (var (type, names) in WireNames.Members.Where(p => typeof(Fact).IsAssignableFrom(p.Key)))
        {
            Assert.True(CheckpointCodec.FieldsWritten[type] == names.Count, $"{type.Name}: {names.Count} payload members, the checkpoint writes {CheckpointCodec.FieldsWritten[type]}");
        }
    }

    [Fact]
    public void Open_ASchemaVersion1Database_MigratesIt_AndKeepsItsJournal()
    {
        using var dir = new TempDir();
        var path = dir.File("v1.db");
        using (var conn = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = """
                CREATE TABLE wedge_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
                INSERT INTO wedge_meta VALUES ('app', 'wedge'), ('schema_version', '1');
                CREATE TABLE journal (version INTEGER PRIMARY KEY, recorded_at INTEGER NOT NULL, author TEXT NOT NULL, reason TEXT NOT NULL,
                    action TEXT NOT NULL CHECK (action IN ('add', 'correct', 'retract')), fact_type TEXT NOT NULL, fact_id TEXT NOT NULL, payload TEXT);
                INSERT INTO journal VALUES (1, 0, 'ana', 'r', 'add', 'actor', 'a', '{"$fact":"actor","id":"a","name":"A","kind":"state","key":{"type":"actor","id":"a"},"actorRefs":[],"claims":[]}');
                """;
            cmd.ExecuteNonQuery();
        }

        using var store = WedgeStore.Open(path);
        Assert.False(store.WasCreated);
        Assert.Equal(ActorKind.State, store.Current().FindActor(new ActorId("a"))!.Kind);
        using var check = new SqliteConnection($"Data Source={path};Pooling=False");
        check.Open();
        using var q = check.CreateCommand();
        q.CommandText = "SELECT value FROM wedge_meta WHERE key = 'schema_version'";
        Assert.Equal(WedgeStore.SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), q.ExecuteScalar());
    }

    private static KnowledgeBase KnowledgeBaseOfFixture()
    {
        using var dir = new TempDir();
        var path = dir.File("fixture.db");
        WedgeStore.Open(path).Dispose();
        using (var conn = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            conn.Open();
            var v = 0;
            foreach (var line in File.ReadLines(Path.Combine(FixtureFolder(), "journal-v1.jsonl")))
            {
                var row = System.Text.Json.Nodes.JsonNode.Parse(line)!.AsObject();
                using var cmd = conn.CreateCommand();
                cmd.CommandText = "INSERT INTO journal VALUES ($v, 0, 'a', 'r', $action, $type, $id, $p)";
                cmd.Parameters.AddWithValue("$v", ++v);
                cmd.Parameters.AddWithValue("$action", (string)row["action"]!);
                cmd.Parameters.AddWithValue("$type", (string)row["fact_type"]!);
                cmd.Parameters.AddWithValue("$id", (string)row["fact_id"]!);
                cmd.Parameters.AddWithValue("$p", (object?)(string?)row["payload"] ?? DBNull.Value);
                cmd.ExecuteNonQuery();
            }
        }

        using var store = WedgeStore.Open(path);
        return KnowledgeBase.Project(store.Read());
    }

    private static string FixtureFolder([System.Runtime.CompilerServices.CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "fixtures");
}
