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

    private static Claim C(string id, string grade = "B2", string? publicSince = null)
        => new() { Id = new ClaimId(id), Source = S.Id, Text = $"says {id}", Grade = Grade.Parse(grade), PublicSince = publicSince is null ? null : Wedge.Core.Time.FuzzyDate.Parse(publicSince) };

    private static Tie Sourced(string id, string from, string to, string start, params string[] claims)
        => T(id, from, to) with { Period = Wedge.Core.Time.Period.Since(Wedge.Core.Time.FuzzyDate.Parse(start)), Claims = [.. claims.Select(c => new ClaimId(c))] };

    /// <summary>Ties and claims in the checkpoint, then a tail that corrects, retracts and adds both kinds (or, with
    /// <paramref name="correctClaims"/> false, only ties and new claims).</summary>
    /// <param name="onDemand">Read the checkpoint a section at a time, as the command line does, even this small one.</param>
    private static WedgeStore WrittenWithClaims(TempDir dir, bool correctClaims = true, bool onDemand = false)
    {
        var clock = new ManualClock(T0);
        var store = WedgeStore.Open(dir.File("c.db"), clock);
        store.ReadCheckpointOnDemand = onDemand;
        store.ReadWholeBelow = 0;
        store.CheckpointAfter = 1;
        store.Apply([JournalChange.Add(S), .. Enumerable.Range(0, 30).Select(i => JournalChange.Add(A($"a{i}")))], "ana", "actors");
        store.Apply([.. Enumerable.Range(0, 60).Select(i => JournalChange.Add(C($"c{i}", publicSince: $"{2000 + i % 20}")))], "ana", "claims");
        store.Apply([.. Enumerable.Range(0, 60).Select(i => JournalChange.Add(Sourced($"t{i}", $"a{i % 30}", $"a{(i * 7 + 3) % 30}", $"{1990 + i % 25}", $"c{i}")))], "ana", "ties");
        Assert.Equal(store.Current().Version, CheckpointVersion(dir.File("c.db")));
        store.CheckpointAfter = int.MaxValue; // the rest stays in the tail
        clock.Now = T0.AddDays(1);
        store.Apply(
        [
            .. correctClaims ? [JournalChange.Correct(C("c5", "A1"))] : Array.Empty<JournalChange>(),
            JournalChange.Correct(Sourced("t6", "a6", "a29", "1980", "c6")),
            JournalChange.Retract(new FactKey(FactType.Tie, "t7")),
            .. correctClaims ? [JournalChange.Retract(new FactKey(FactType.Claim, "c7"))] : Array.Empty<JournalChange>(),
            JournalChange.Add(C("c-new")),
            JournalChange.Add(Sourced("t-new", "a6", "a0", "2001", "c-new", "c8")),
        ], "bo", "day 1");
        return store;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RecordReadInParts_EqualsAFullReplay_WithClaimsAndTiesCorrectedAndRetractedInTheTail(bool onDemand)
    {
        using var dir = new TempDir();
        using var store = WrittenWithClaims(dir, onDemand: onDemand);
        var parts = store.Current();
        var full = KnowledgeBase.Project(store.Read());
        Assert.True(parts.ReadsInParts);
        Assert.False(full.ReadsInParts);
        Assert.Equal(full.Count, parts.Count);
        Assert.Equal(full.LatestTieDate()?.ToString(), parts.LatestTieDate()?.ToString());
        foreach (var key in full.Facts.Select(f => f.Key).Append(new FactKey(FactType.Tie, "t7")).Append(new FactKey(FactType.Claim, "c7")).Append(new FactKey(FactType.Claim, "nope")))
        {
            Assert.Equal(full.Contains(key), parts.Contains(key));
            Assert.Equal(full.Find(key) is { } f ? FactJson.Serialize(f) : null, parts.Find(key) is { } p ? FactJson.Serialize(p) : null);
        }

        Assert.Equal("A1", parts.FindClaim(new ClaimId("c5"))!.Grade.ToString());
        Assert.Null(parts.Find(new FactKey(FactType.Tie, "t7")));
        Assert.Equal(Json(full), Json(parts));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void RecordReadInParts_LookedUpMoreOftenThanItHoldsFacts_AnswersAsAFullReplayBeforeAndAfterDecodingWhole(bool onDemand)
    {
        // Past as many lookups as a section holds facts, the checkpoint decodes that section whole and compares ids (an
        // import looks up every key it writes): the answers, found or missing, corrected or retracted, must not change.
        using var dir = new TempDir();
        using var store = WrittenWithClaims(dir, onDemand: onDemand);
        var parts = store.Current();
        var full = KnowledgeBase.Project(store.Read());
        var keys = full.Facts.Select(f => f.Key)
            .Concat([new FactKey(FactType.Tie, "t7"), new FactKey(FactType.Claim, "c7"), new FactKey(FactType.Claim, "nope"), new FactKey(FactType.Tie, "nope")])
            .ToList();
        for (var round = 0; round < 4; round++)
        {
            foreach (var key in keys)
            {
                Assert.Equal(full.Contains(key), parts.Contains(key));
                Assert.Equal(full.Find(key) is { } f ? FactJson.Serialize(f) : null, parts.Find(key) is { } p ? FactJson.Serialize(p) : null);
            }
        }

        Assert.Equal(Json(full), Json(parts));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void SnapshotOfARecordReadInParts_AnswersAsOneOfAFullReplay_PairByPair(bool onDemand)
    {
        using var dir = new TempDir();
        using var store = WrittenWithClaims(dir, onDemand: onDemand);
        foreach (var options in new[] { ReadOptions.Now, new ReadOptions(Wedge.Core.Time.FuzzyDate.Parse("2005")), new ReadOptions(null, Wedge.Core.Time.FuzzyDate.Parse("2008")) })
        {
            var parts = Snapshot.Of(store.Current(), options);
            var full = Snapshot.Of(KnowledgeBase.Project(store.Read()), options);
            string Ids(IEnumerable<Tie> ties) => string.Join(",", ties.Select(t => t.Id + "[" + string.Join("+", t.Claims.Select(c => c.Value)) + "]" + t.Period));
            for (var i = 0; i < 30; i++)
            {
                var a = new ActorId($"a{i}");
                Assert.Equal(Ids(full.TiesOf(a)), Ids(parts.TiesOf(a)));
                for (var j = 0; j < 30; j += 4)
                {
                    Assert.Equal(Ids(full.TiesBetween(a, new ActorId($"a{j}"))), Ids(parts.TiesBetween(a, new ActorId($"a{j}"))));
                }
            }

            foreach (var id in Enumerable.Range(0, 61).Select(i => $"c{i}").Append("c-new"))
            {
                Assert.Equal(full.Claim(new ClaimId(id)) is { } c ? FactJson.Serialize(c) : null, parts.Claim(new ClaimId(id)) is { } p ? FactJson.Serialize(p) : null);
            }

            Assert.Equal(full.Actors.Select(a => a.Id.Value).Order(StringComparer.Ordinal), parts.Actors.Select(a => a.Id.Value).Order(StringComparer.Ordinal));
            Assert.Equal(Ids(full.Ties), Ids(parts.Ties)); // and the whole list, read at once
            Assert.Equal(Ids(full.TiesOf(new ActorId("a6"))), Ids(parts.TiesOf(new ActorId("a6")))); // after it, from it
        }
    }

    [Fact]
    public void Read_AfterWrites_RefreshesTheCheckpoint_WhenTheTailIsLongEnough()
    {
        using var dir = new TempDir();
        var (store, _) = Written(dir);
        using var _s = store;
        store.CheckpointAfter = 4;
        store.SmallJournal = 0; // this rule alone
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
        Assert.True(store.Verify().Intact); // the entries already on record were chained by the migration
        Assert.Equal(2, store.Apply([JournalChange.Add(new Actor { Id = new ActorId("b"), Name = "B", Kind = ActorKind.State })], "bo", "after the migration"));
        Assert.Equal(2, store.Verify().Entries);
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
                cmd.CommandText = "INSERT INTO journal (version, recorded_at, author, reason, action, fact_type, fact_id, payload) VALUES ($v, 0, 'a', 'r', $action, $type, $id, $p)";
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

    /// <summary>Each standing row of a record's tie tables, with its claims' weighing fields, as text.</summary>
    private static List<string> Rows(KnowledgeBase kb)
    {
        var rows = new List<string>();
        foreach (var (t, skip) in kb.TieTables())
        {
            for (var r = 0; r < t.Count; r++)
            {
                if (skip is not null && skip[r])
                {
                    continue;
                }

                var claims = Enumerable.Range(t.ClaimStart[r], t.ClaimStart[r + 1] - t.ClaimStart[r])
                    .Select(c => $"{t.Sources[t.ClaimSource[c]]}/{t.Grade[c]}/{t.Stance[c]}/{t.Reports[c]}/{t.Context[c]}/{t.PublicSince[c]}");
                rows.Add($"{t.TieAt(r).Id}: {t.Actors[t.From[r]]}->{t.Actors[t.To[r]]} {t.Kind[r]} {t.StartOnly[r]} {t.Start[r]}..{t.End[r]} " +
                         $"end-public {t.EndPublicSince[r]} [{string.Join(", ", claims)}]");
            }
        }

        return [.. rows.Order(StringComparer.Ordinal)];
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, false)]
    [InlineData(true, true)]
    [InlineData(false, true)]
    public void TieTables_OfARecordReadInParts_HoldTheTiesOfAFullReplay(bool correctClaims, bool onDemand)
    {
        using var dir = new TempDir();
        using var store = WrittenWithClaims(dir, correctClaims, onDemand);
        var parts = store.Current();
        var full = KnowledgeBase.Project(store.Read());
        Assert.True(parts.ReadsInParts);

        // Without a corrected claim the stored table is read, with the tail's ties skipped or added beside it; a corrected
        // claim makes the stored copies stale, so every tie is then tabled from objects.
        Assert.Equal(correctClaims ? 1 : 2, parts.TieTables().Count);
        Assert.Equal(Rows(full), Rows(parts));
        Assert.Equal(full.All<Tie>().Count(), Rows(parts).Count);
        Assert.Contains(Rows(parts), r => r.StartsWith("t6: a6->a29", StringComparison.Ordinal));
        Assert.DoesNotContain(Rows(parts), r => r.StartsWith("t7:", StringComparison.Ordinal));
    }

    [Fact]
    public void CheckpointReadOnDemand_ReplacedByAnotherWriterBeforeTheTiesAreRead_StopsWithAClearMessage()
    {
        using var dir = new TempDir();
        using (var store = WrittenWithClaims(dir))
        {
            store.CheckpointAfter = 1;
            _ = store.Current(); // the checkpoint holds the whole record: a read replays nothing, so writes no checkpoint
        }

        using var reader = WedgeStore.Open(dir.File("c.db"));
        reader.ReadCheckpointOnDemand = true;
        reader.ReadWholeBelow = 0;
        reader.CheckpointAfter = int.MaxValue;
        var kb = reader.Current(); // the actors are read; the ties and claims not yet

        using (var writer = WedgeStore.Open(dir.File("c.db")))
        {
            writer.CheckpointAfter = 1;
            writer.Apply([JournalChange.Add(A("late"))], "bo", "one more");
            _ = writer.Current(); // replaces the checkpoint
        }

        var ex = Assert.Throws<StoreException>(() => kb.All<Tie>().Count());
        Assert.Contains("checkpoint was replaced by another process", ex.Message, StringComparison.Ordinal);
        Assert.Contains("run the command again", ex.Message, StringComparison.Ordinal);
        Assert.Equal(31, reader.Current().All<Actor>().Count()); // a fresh read sees the new record
    }

    [Fact]
    public void Read_OfASmallJournal_WritesACheckpoint_AfterAnyReplay_SoTheNextReadReadsNoJson()
    {
        using var dir = new TempDir();
        using var store = WedgeStore.Open(dir.File("s.db"));
        store.Apply([JournalChange.Add(S), JournalChange.Add(A("a1"))], "ana", "two");
        Assert.Equal(2, store.Current().Version);
        Assert.Equal(2, CheckpointVersion(dir.File("s.db")));

        store.SmallJournal = 2; // a journal longer than this is left to CheckpointAfter (10,000)
        store.Apply([JournalChange.Add(A("a2"))], "ana", "three");
        Assert.Equal(3, store.Current().Version);
        Assert.Equal(2, CheckpointVersion(dir.File("s.db")));
    }
}
