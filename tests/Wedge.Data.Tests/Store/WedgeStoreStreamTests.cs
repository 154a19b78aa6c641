using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Data.Store;

namespace Wedge.Data.Tests.Store;

public class WedgeStoreStreamTests
{
    private static readonly Source S = new() { Id = new SourceId("s"), Title = "T" };

    private static Actor A(string id, string? name = null) => new() { Id = new ActorId(id), Name = name ?? id, Kind = ActorKind.ArmedGroup };

    private static Claim C(string id) => new() { Id = new ClaimId(id), Source = S.Id, Text = $"claim {id}", Grade = Grade.Parse("B2") };

    private static Tie T(string id, string from, string to, params string[] claims)
        => new() { Id = id, Kind = TieKind.Alliance, From = new ActorId(from), To = new ActorId(to), Claims = [.. claims.Select(c => new ClaimId(c))] };

    /// <summary>Yields the changes one by one and counts how far the store pulled them (it must not need the list).</summary>
    private static IEnumerable<JournalChange> Stream(IEnumerable<JournalChange> changes)
    {
        foreach (var c in changes)
        {
            yield return c;
        }
    }

    private static (WedgeStore Store, KnowledgeBase Current) Seeded(TempDir dir)
    {
        var store = WedgeStore.Open(dir.File("w.db"));
        store.Apply([JournalChange.Add(S), JournalChange.Add(A("a")), JournalChange.Add(C("c0"))], "ana", "seed");
        return (store, store.Current());
    }

    [Fact]
    public void RefusedChangeMidStream_WritesNothing()
    {
        using var dir = new TempDir();
        var (store, current) = Seeded(dir);
        using var _ = store;
        // Enough good changes before the bad one that several batches reach the inserting thread first.
        var good = Enumerable.Range(0, 5000).Select(i => JournalChange.Add(A($"g{i}")));
        var bad = JournalChange.Add(T("t", "a", "ghost"));
        var ex = Assert.Throws<ChangesRefusedException>(() => store.AppendStream(3, "bo", "import", Stream(good.Append(bad).Append(JournalChange.Add(A("after")))), current));
        var problem = Assert.Single(ex.Problems);
        Assert.Equal((5000, "unknown actor 'ghost'"), (problem.Index, problem.Reason));
        Assert.Equal(3, store.Version);
        Assert.Equal(3, store.Read().Count());
    }

    [Theory]
    [InlineData("add-existing")]
    [InlineData("correct-missing")]
    [InlineData("retract-missing")]
    [InlineData("unknown-claim")]
    [InlineData("unknown-source")]
    [InlineData("referenced-then-retracted")]
    public void EachKindOfProblem_IsRefusedWithTheReasonApplyGives(string kind)
    {
        using var dir = new TempDir();
        var (store, current) = Seeded(dir);
        using var _ = store;
        JournalChange[] changes = kind switch
        {
            "add-existing" => [JournalChange.Add(A("b")), JournalChange.Add(A("a"))],
            "correct-missing" => [JournalChange.Correct(A("nobody"))],
            "retract-missing" => [JournalChange.Retract(new FactKey(FactType.Actor, "nobody"))],
            "unknown-claim" => [JournalChange.Add(A("b") with { Claims = [new ClaimId("nope")] })],
            "unknown-source" => [JournalChange.Add(C("c1") with { Source = new SourceId("nope") })],
            _ => [JournalChange.Add(A("b")), JournalChange.Add(T("t", "a", "b")), JournalChange.Retract(new FactKey(FactType.Actor, "b"))],
        };
        var viaApply = Assert.Throws<ChangesRefusedException>(() => store.Apply(changes, "bo", "r", 3, current));
        var viaStream = Assert.Throws<ChangesRefusedException>(() => store.AppendStream(3, "bo", "r", Stream(changes), current));
        var streamed = Assert.Single(viaStream.Problems);
        Assert.Equal(viaApply.Problems[0].Key, streamed.Key);

        // Apply reports a fact of the batch that refers to a fact retracted later as plainly unknown; the stream adds why.
        Assert.StartsWith(viaApply.Problems[0].Reason, streamed.Reason, StringComparison.Ordinal);
        Assert.Equal(3, store.Version);
    }

    [Fact]
    public void ReferencesToFactsAddedEarlierInTheStream_Resolve()
    {
        using var dir = new TempDir();
        var (store, current) = Seeded(dir);
        using var _ = store;
        var v = store.AppendStream(3, "bo", "import", Stream(
        [
            JournalChange.Add(A("b")),
            JournalChange.Add(C("c1")),
            JournalChange.Add(T("t", "a", "b", "c1", "c0")),
            JournalChange.Correct(A("b", "Bee") with { Claims = [new ClaimId("c1")] }),
        ]), current);
        Assert.Equal(7, v);
        var kb = store.Current();
        Assert.Equal("Bee", kb.FindActor(new ActorId("b"))!.Name);
        Assert.NotNull(kb.Find(new FactKey(FactType.Tie, "t")));
    }

    [Fact]
    public void ReferenceToAFactRetractedEarlierInTheStream_IsRefused()
    {
        using var dir = new TempDir();
        var (store, current) = Seeded(dir);
        using var _ = store;
        var ex = Assert.Throws<ChangesRefusedException>(() => store.AppendStream(3, "bo", "r", Stream(
            [JournalChange.Add(A("b")), JournalChange.Retract(new FactKey(FactType.Actor, "b")), JournalChange.Add(T("t", "a", "b"))]), current));
        Assert.Equal((2, "unknown actor 'b'"), (ex.Problems[0].Index, ex.Problems[0].Reason));
        Assert.Equal(3, store.Version);
    }

    [Fact]
    public void RetractAndReAdd_InOneStream_IsAccepted()
    {
        using var dir = new TempDir();
        var (store, current) = Seeded(dir);
        using var _ = store;
        store.AppendStream(3, "bo", "r", Stream([JournalChange.Retract(new FactKey(FactType.Actor, "a")), JournalChange.Add(A("a", "Again"))]), current);
        Assert.Equal("Again", store.Current().FindActor(new ActorId("a"))!.Name);
    }

    [Fact]
    public void StaleVersion_IsAConflictAndWritesNothing()
    {
        using var dir = new TempDir();
        var (store, seen) = Seeded(dir);
        using var _ = store;
        store.Apply([JournalChange.Add(A("b"))], "ana", "meanwhile");
        Assert.Throws<JournalConflictException>(() => store.AppendStream(3, "bo", "r", Stream([JournalChange.Add(A("x"))]), seen));
        var moved = store.Current();
        Assert.Throws<JournalConflictException>(() => store.AppendStream(3, "bo", "r", Stream([JournalChange.Add(A("x"))]), moved));
        Assert.Equal(4, store.Version);
    }

    [Fact]
    public void FailureWhileEnumerating_RollsBackAndSurfacesTheError()
    {
        using var dir = new TempDir();
        var (store, current) = Seeded(dir);
        using var _ = store;
        static IEnumerable<JournalChange> Broken()
        {
            for (var i = 0; i < 3000; i++)
            {
                yield return JournalChange.Add(A($"g{i}"));
            }

            throw new IOException("the file went away");
        }

        var ex = Assert.Throws<IOException>(() => store.AppendStream(3, "bo", "r", Broken(), current));
        Assert.Equal("the file went away", ex.Message);
        Assert.Equal(3, store.Version);
        store.AppendStream(3, "bo", "r", Stream([JournalChange.Add(A("later"))]), current); // the store is still usable
        Assert.Equal(4, store.Version);
    }

    [Fact]
    public void SameChanges_GiveTheSameJournalAsApply()
    {
        JournalChange[] changes =
        [
            JournalChange.Add(A("b") with { Aliases = ["bee", "\"quoted\" <b>"], ExternalIds = new Dictionary<string, string> { ["mmp"] = "7" } }),
            JournalChange.Add(C("c1") with { Text = "é – \\ \u2019 &#039; \u0001" }),
            JournalChange.Add(T("t", "a", "b", "c1")),
            JournalChange.Correct(A("a", "Ay")),
            JournalChange.Retract(new FactKey(FactType.Claim, "c0")),
        ];
        var journals = new List<List<string>>();
        foreach (var streamed in new[] { false, true })
        {
            using var dir = new TempDir();
            var clock = new ManualClock(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
            using var store = WedgeStore.Open(dir.File("w.db"), clock);
            store.Apply([JournalChange.Add(S), JournalChange.Add(A("a")), JournalChange.Add(C("c0"))], "ana", "seed");
            var current = store.Current();
            var v = streamed ? store.AppendStream(3, "bo", "r", Stream(changes), current) : store.Apply(changes, "bo", "r", 3, current);
            Assert.Equal(8, v);
            journals.Add([.. store.Read().Select(e => $"{e.Version}|{e.RecordedAt.UtcTicks}|{e.Author}|{e.Reason}|{e.Action}|{e.Key}|{(e.Fact is null ? "null" : FactJson.Serialize(e.Fact))}")]);
            journals.Add(RawPayloads(dir.File("w.db")));
        }

        Assert.Equal(journals[0], journals[2]);
        Assert.Equal(journals[1], journals[3]);
    }

    [Fact]
    public void LongStream_AcrossManyStatementsAndBatches_IsWrittenInOrder()
    {
        using var dir = new TempDir();
        var (store, current) = Seeded(dir);
        using var _ = store;
        const int n = 3 * 1024 + 45; // full multi-row statements, whole batches and a remainder
        var v = store.AppendStream(3, "bo", "r", Stream(Enumerable.Range(0, n).Select(i => JournalChange.Add(A($"g{i}")))), current);
        Assert.Equal(3 + n, v);
        var entries = store.Read().Skip(3).ToList();
        Assert.Equal(Enumerable.Range(4, n).Select(i => (long)i), entries.Select(e => e.Version));
        Assert.Equal(Enumerable.Range(0, n).Select(i => $"g{i}"), entries.Select(e => e.Key.Id));
    }

    [Fact]
    public void NewDatabase_Uses16KiBPages()
    {
        using var dir = new TempDir();
        var path = dir.File("w.db");
        WedgeStore.Open(path).Dispose();
        using var conn = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "PRAGMA page_size";
        Assert.Equal(16384L, (long)cmd.ExecuteScalar()!);
    }

    /// <summary>The stored text itself (not a re-serialisation), so a difference in the JSON written would show.</summary>
    private static List<string> RawPayloads(string path)
    {
        using var conn = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT version, recorded_at, author, reason, action, fact_type, fact_id, coalesce(payload, 'NULL') FROM journal ORDER BY version";
        using var r = cmd.ExecuteReader();
        var rows = new List<string>();
        while (r.Read())
        {
            rows.Add(string.Join('|', Enumerable.Range(0, 8).Select(i => r.GetValue(i).ToString())));
        }

        return rows;
    }
}
