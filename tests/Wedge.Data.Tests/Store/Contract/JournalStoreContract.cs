using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Data.Store;

namespace Wedge.Data.Tests.Store.Contract;

/// <summary>
/// The journal store's contract, written once against <see cref="IJournalStore"/> and run per backend by a one-line
/// subclass (<see cref="SqliteJournalStoreContract"/>, <see cref="PostgresJournalStoreContract"/>). Facts are skippable
/// because a backend may be absent where the tests run (a PostgreSQL server on a user's clone).
/// </summary>
public abstract class JournalStoreContract<TBackend> : IDisposable
    where TBackend : IJournalStoreBackend, new()
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Source S = new() { Id = new SourceId("s"), Title = "T" };

    private readonly TBackend backend = new();
    private readonly ManualClock clock = new(T0);

    public void Dispose()
    {
        backend.Dispose();
        GC.SuppressFinalize(this);
    }

    private static Actor A(string id, string? name = null) => new() { Id = new ActorId(id), Name = name ?? id, Kind = ActorKind.ArmedGroup };

    private static Claim C(string id) => new() { Id = new ClaimId(id), Source = S.Id, Text = $"claim {id}", Grade = Grade.Parse("B2") };

    private static Tie T(string id, string from, string to)
        => new() { Id = id, Kind = TieKind.Alliance, From = new ActorId(from), To = new ActorId(to) };

    private static string Json(KnowledgeBase kb) => string.Join("\n", kb.Facts.OrderBy(f => f.Key.ToString(), StringComparer.Ordinal).Select(FactJson.Serialize));

    private static IEnumerable<JournalChange> Lazily(IEnumerable<JournalChange> changes)
    {
        foreach (var c in changes)
        {
            yield return c;
        }
    }

    private static async Task<List<JournalEntry>> All(IJournalStore store, DateTimeOffset? recordedBy = null)
    {
        var list = new List<JournalEntry>();
        await foreach (var e in store.ReadAsync(recordedBy))
        {
            list.Add(e);
        }

        return list;
    }

    private IJournalStore Seeded()
    {
        var store = backend.Open(clock);
        store.AppendAsync(0, "ana", "seed", [JournalChange.Add(S), JournalChange.Add(A("a")), JournalChange.Add(C("c0"))]).GetAwaiter().GetResult();
        return store;
    }

    [SkippableFact]
    public async Task Empty_HasVersionZeroAndNoEntries()
    {
        using var store = backend.Open(clock);
        Assert.Equal(0, await store.GetVersionAsync());
        Assert.Empty(await All(store));
        Assert.Equal(0, (await store.ReadKnowledgeAsync()).Count);
    }

    [SkippableFact]
    public async Task Append_ThenRead_GivesEachEntryWithVersionTimeAuthorReasonAndFact()
    {
        using var store = backend.Open(clock);
        Assert.Equal(2, await store.AppendAsync(0, "ana", "first", [JournalChange.Add(A("a")), JournalChange.Add(A("b"))]));
        clock.Now = T0.AddHours(1);
        Assert.Equal(3, await store.AppendAsync(2, "bo", "rename", [JournalChange.Correct(A("a", "Renamed"))]));
        var entries = await All(store);
        Assert.Equal([1L, 2L, 3L], entries.Select(e => e.Version));
        Assert.Equal([("ana", "first", T0), ("ana", "first", T0), ("bo", "rename", T0.AddHours(1))], entries.Select(e => (e.Author, e.Reason, e.RecordedAt)));
        Assert.Equal([JournalAction.Add, JournalAction.Add, JournalAction.Correct], entries.Select(e => e.Action));
        Assert.Equal(FactJson.Serialize(A("a", "Renamed")), FactJson.Serialize(entries[2].Fact!));
        Assert.Equal(3, await store.GetVersionAsync());
    }

    [SkippableFact]
    public async Task Reopened_ReadsWhatWasWritten()
    {
        using (var store = backend.Open(clock))
        {
            await store.AppendAsync(0, "ana", "first", [JournalChange.Add(A("a"))]);
        }

        using var again = backend.Open(clock);
        Assert.Equal("a", Assert.Single(await All(again)).Key.Id);
    }

    [SkippableFact]
    public async Task RecordedBy_ShowsTheRecordAsItWasThen_AndEqualsAReplayOfTheEntriesThen()
    {
        using var store = backend.Open(clock);
        await store.AppendAsync(0, "ana", "add", [JournalChange.Add(A("a")), JournalChange.Add(A("b"))]);
        clock.Now = T0.AddDays(1);
        await store.AppendAsync(2, "ana", "wrong group", [JournalChange.Retract(new FactKey(FactType.Actor, "b"))]);
        clock.Now = T0.AddDays(2);
        await store.AppendAsync(3, "ana", "rename", [JournalChange.Correct(A("a", "Renamed"))]);

        var before = await store.ReadKnowledgeAsync(T0.AddHours(12));
        Assert.Equal(["a", "b"], before.All<Actor>().Select(a => a.Id.Value).Order());
        Assert.Equal(2, before.Version);
        Assert.Equal("a", before.FindActor(new ActorId("a"))!.Name);
        Assert.Equal("Renamed", (await store.ReadKnowledgeAsync()).FindActor(new ActorId("a"))!.Name);
        Assert.Equal(0, (await store.ReadKnowledgeAsync(T0.AddTicks(-1))).Count);
        foreach (var at in new DateTimeOffset?[] { null, T0, T0.AddDays(1), T0.AddDays(1.5), T0.AddDays(2) })
        {
            Assert.Equal(Json(KnowledgeBase.Project(await All(store, at))), Json(await store.ReadKnowledgeAsync(at)));
        }
    }

    [SkippableFact]
    public async Task ReadAfter_GivesTheTail_AndAdvancingAnEarlierRecordByItEqualsTheRecordNow()
    {
        using var store = backend.Open(clock);
        await store.AppendAsync(0, "ana", "add", [JournalChange.Add(S), JournalChange.Add(A("a")), JournalChange.Add(A("b")), JournalChange.Add(C("c0"))]);
        var held = await store.ReadKnowledgeAsync();
        clock.Now = T0.AddDays(1);
        await store.AppendAsync(4, "bo", "wrong group", [JournalChange.Retract(new FactKey(FactType.Actor, "b"))]);
        await store.AppendAsync(5, "bo", "rename", [JournalChange.Correct(A("a", "Renamed")), JournalChange.Add(A("c"))]);

        var tail = new List<JournalEntry>();
        await foreach (var e in store.ReadAfterAsync(held.Version))
        {
            tail.Add(e);
        }

        Assert.Equal([5L, 6L, 7L], tail.Select(e => e.Version));
        Assert.Equal((await All(store)).Skip(4).Select(e => (e.Version, e.Author, e.Action, e.Key)), tail.Select(e => (e.Version, e.Author, e.Action, e.Key)));
        var advanced = held.Advance(tail);
        Assert.Equal(7, advanced.Version);
        Assert.Equal(Json(await store.ReadKnowledgeAsync()), Json(advanced));
        Assert.Same(held.FindSource(S.Id), advanced.FindSource(S.Id));
        Assert.Equal(4, held.Count);

        await foreach (var e in store.ReadAfterAsync(7))
        {
            Assert.Fail($"nothing follows the last version, but {e.Version} was read");
        }

        Assert.Throws<InvalidOperationException>(() => held.Advance(tail.Skip(1)));
    }

    [SkippableFact]
    public async Task RecordedTime_NeverRunsBackwards()
    {
        using var store = backend.Open(clock);
        await store.AppendAsync(0, "ana", "first", [JournalChange.Add(A("a"))]);
        clock.Now = T0.AddHours(-5);
        await store.AppendAsync(1, "ana", "second", [JournalChange.Add(A("b"))]);
        var entries = await All(store);
        Assert.Equal(entries[0].RecordedAt, entries[1].RecordedAt);
    }

    [SkippableFact]
    public async Task Append_AgainstAnOlderVersion_IsAConflictAndWritesNothing()
    {
        using var store = Seeded();
        var ex = await Assert.ThrowsAsync<JournalConflictException>(() => store.AppendAsync(1, "bo", "r", [JournalChange.Add(A("b"))]));
        Assert.Equal((1L, 3L), (ex.Expected, ex.Actual));
        var basedOn = await store.ReadKnowledgeAsync();
        await store.AppendAsync(3, "ana", "meanwhile", [JournalChange.Add(A("m"))]);
        await Assert.ThrowsAsync<JournalConflictException>(() => store.AppendStreamAsync(3, "bo", "r", Lazily([JournalChange.Add(A("x"))]), basedOn));
        Assert.Equal(4, await store.GetVersionAsync());
    }

    [SkippableFact]
    public async Task TwoWritersFromTheSameVersion_OnlyTheFirstLands()
    {
        using var first = backend.Open(clock);
        using var second = backend.Open(clock);
        await first.AppendAsync(0, "ana", "r", [JournalChange.Add(A("a"))]);
        await Assert.ThrowsAsync<JournalConflictException>(() => second.AppendAsync(0, "bo", "r", [JournalChange.Add(A("b"))]));
        Assert.Equal(["a"], (await All(second)).Select(e => e.Key.Id));
    }

    [SkippableFact]
    public async Task Batch_WithAnyRefusedChange_ListsEveryProblemAndWritesNothing()
    {
        using var store = Seeded();
        var ex = await Assert.ThrowsAsync<ChangesRefusedException>(() => store.AppendAsync(3, "bo", "r",
        [
            JournalChange.Add(A("b")),
            JournalChange.Add(A("a")),
            JournalChange.Retract(new FactKey(FactType.Actor, "nobody")),
            JournalChange.Correct(A("ghost")),
        ]));
        Assert.Equal(
            ["actor:a: duplicate id: actor:a is already on record", "actor:nobody: nothing to retract: actor:nobody is not on record", "actor:ghost: nothing to correct: actor:ghost is not on record"],
            ex.Problems.Select(p => p.ToString()));
        Assert.Equal([1, 2, 3], ex.Problems.Select(p => p.Index));
        Assert.Equal(3, await store.GetVersionAsync());
        Assert.Null((await store.ReadKnowledgeAsync()).FindActor(new ActorId("b")));
    }

    [SkippableFact]
    public async Task Batch_MayReferForward_ButNotToAFactItRetracts()
    {
        using var store = Seeded();
        await store.AppendAsync(3, "bo", "tie before its actor", [JournalChange.Add(T("t", "a", "b")), JournalChange.Add(A("b"))]);
        var ex = await Assert.ThrowsAsync<ChangesRefusedException>(() => store.AppendAsync(5, "bo", "r", [JournalChange.Retract(new FactKey(FactType.Actor, "b"))]));
        Assert.Equal("tie:t: unknown actor 'b' (retracted in this change, but tie:t still refers to it)", Assert.Single(ex.Problems).ToString());
        Assert.Equal(5, await store.GetVersionAsync());
    }

    [SkippableFact]
    public async Task Stream_AppendsEveryChange_InOrder()
    {
        using var store = Seeded();
        var basedOn = await store.ReadKnowledgeAsync();
        var v = await store.AppendStreamAsync(3, "bo", "import", Lazily(Enumerable.Range(0, 3000).Select(i => JournalChange.Add(A($"g{i}")))), basedOn);
        Assert.Equal(3003, v);
        var entries = (await All(store)).Skip(3).ToList();
        Assert.Equal(Enumerable.Range(4, 3000).Select(i => (long)i), entries.Select(e => e.Version));
        Assert.All(entries, e => Assert.Equal(("bo", "import"), (e.Author, e.Reason)));
        Assert.Equal(3003, (await store.ReadKnowledgeAsync()).Count);
    }

    [SkippableFact]
    public async Task Stream_WithARefusedChange_NamesOnlyThatChangeAndWritesNothing()
    {
        using var store = Seeded();
        var basedOn = await store.ReadKnowledgeAsync();
        var changes = Enumerable.Range(0, 2500).Select(i => JournalChange.Add(A($"g{i}")))
            .Append(JournalChange.Add(T("t", "a", "nobody")))
            .Append(JournalChange.Add(A("after")));
        var ex = await Assert.ThrowsAsync<ChangesRefusedException>(() => store.AppendStreamAsync(3, "bo", "import", Lazily(changes), basedOn));
        var problem = Assert.Single(ex.Problems);
        Assert.Equal((2500, "tie:t: unknown actor 'nobody'"), (problem.Index, problem.ToString()));
        Assert.Equal(3, await store.GetVersionAsync());
    }

    [SkippableFact]
    public async Task Stream_ThatFails_OrIsCancelled_WritesNothing()
    {
        using var store = Seeded();
        var basedOn = await store.ReadKnowledgeAsync();
        static IEnumerable<JournalChange> Broken()
        {
            for (var i = 0; i < 3000; i++)
            {
                yield return JournalChange.Add(A($"g{i}"));
            }

            throw new IOException("the file went away");
        }

        await Assert.ThrowsAsync<IOException>(() => store.AppendStreamAsync(3, "bo", "r", Broken(), basedOn));
        using var cancel = new CancellationTokenSource();
        IEnumerable<JournalChange> CancelHalfway()
        {
            for (var i = 0; i < 3000; i++)
            {
                if (i == 1500)
                {
                    cancel.Cancel();
                }

                yield return JournalChange.Add(A($"g{i}"));
            }
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.AppendStreamAsync(3, "bo", "r", CancelHalfway(), basedOn, cancel.Token));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.AppendAsync(3, "bo", "r", [JournalChange.Add(A("x"))], cancel.Token));
        Assert.Equal(3, await store.GetVersionAsync());
        Assert.Equal(4, await store.AppendStreamAsync(3, "bo", "r", Lazily([JournalChange.Add(A("later"))]), basedOn)); // still usable
    }

    [SkippableFact]
    public async Task Log_ListsHistoryWithoutPayloads_FilteredByFactAuthorAndTime()
    {
        using var store = backend.Open(clock);
        await store.AppendAsync(0, "ana", "add", [JournalChange.Add(A("a")), JournalChange.Add(A("b"))]);
        clock.Now = T0.AddDays(1);
        await store.AppendAsync(2, "bo", "rename", [JournalChange.Correct(A("a", "A"))]);
        clock.Now = T0.AddDays(2);
        await store.AppendAsync(3, "ana", "rename again", [JournalChange.Correct(A("a", "AA"))]);

        async Task<long[]> Versions(LogQuery q) => [.. (await store.ReadLogAsync(q)).Select(e => e.Version)];
        Assert.Equal(new long[] { 1L, 2L, 3L, 4L }, await Versions(LogQuery.All));
        Assert.All(await store.ReadLogAsync(LogQuery.All), e => Assert.Null(e.Fact));
        Assert.Equal(new long[] { 1L, 3L, 4L }, await Versions(new LogQuery(FactType.Actor, "a")));
        Assert.Equal(new long[] { 1L, 3L, 4L }, await Versions(new LogQuery(FactId: "a")));
        Assert.Empty(await Versions(new LogQuery(FactType.Tie, "a")));
        Assert.Equal(new long[] { 3L }, await Versions(new LogQuery(Author: "bo")));
        Assert.Equal(new long[] { 3L, 4L }, await Versions(new LogQuery(Since: T0.AddHours(1))));
        Assert.Equal(new long[] { 1L, 2L, 3L }, await Versions(new LogQuery(Until: T0.AddDays(1))));
        Assert.Equal(new long[] { 3L, 4L }, await Versions(new LogQuery(FactId: "a", Last: 2)));
    }

    [SkippableFact]
    public async Task History_CannotBeRewritten()
    {
        using (var store = Seeded())
        {
        }

        var before = backend.Fingerprint();
        Assert.ThrowsAny<Exception>(backend.RewriteHistory);
        Assert.Equal(before, backend.Fingerprint());
        using var again = backend.Open(clock);
        Assert.Equal(3, (await All(again)).Count);
    }

    [SkippableFact]
    public void Store_FromANewerWedge_IsRefusedAndLeftUntouched()
    {
        using (var store = Seeded())
        {
        }

        backend.MarkSchemaNewer();
        var before = backend.Fingerprint();
        var ex = Assert.ThrowsAny<Exception>(() => backend.Open(clock).Dispose());
        Assert.Contains("written by a newer Wedge", ex.Message, StringComparison.Ordinal);
        Assert.Equal(before, backend.Fingerprint());
    }

    [SkippableFact]
    public async Task Chain_OfBatchesAndStreams_Verifies()
    {
        using var store = Seeded();
        clock.Now = T0.AddHours(1);
        var basedOn = await store.ReadKnowledgeAsync();
        await store.AppendStreamAsync(3, "bo", "stream", Lazily([JournalChange.Add(A("b")), JournalChange.Add(T("t1", "a", "b"))]), basedOn);
        await store.AppendAsync(5, "ana", "rename", [JournalChange.Correct(A("a", "Ay")), JournalChange.Retract(new FactKey(FactType.Tie, "t1"))]);

        var check = await store.VerifyAsync();
        Assert.True(check.Intact, check.Problem);
        Assert.Equal(7, check.Entries);
        Assert.Equal(7, check.HeadVersion);
        Assert.Matches("^[0-9a-f]{64}$", check.HeadHash);
    }

    [SkippableFact]
    public async Task Chain_FindsAnEntryAlteredBehindTheTriggers_AtThatEntry()
    {
        using (var store = Seeded())
        {
            await store.AppendAsync(3, "ana", "more", [JournalChange.Add(A("b")), JournalChange.Add(A("c"))]);
        }

        backend.TamperBehindTheTriggers("UPDATE journal SET reason = 'nothing to see' WHERE version = 2");
        using var reopened = backend.Open(clock);
        var check = await reopened.VerifyAsync();
        Assert.False(check.Intact);
        Assert.Equal(2, check.BrokenAt);
        Assert.Equal(1, check.Entries);
        Assert.Contains("entry 2 does not match its hash", check.Problem, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Chain_FindsARemovedEntry_AtTheEntryAfterTheGap()
    {
        using (var store = Seeded())
        {
            await store.AppendAsync(3, "ana", "more", [JournalChange.Add(A("b"))]);
        }

        backend.TamperBehindTheTriggers("DELETE FROM journal WHERE version = 3");
        using var reopened = backend.Open(clock);
        var check = await reopened.VerifyAsync();
        Assert.Equal(4, check.BrokenAt);
        Assert.Contains("entry 3 is missing", check.Problem, StringComparison.Ordinal);
    }
}
