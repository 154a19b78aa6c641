using System.Buffers;
using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SQLitePCL;
using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;

namespace Wedge.Data.Store;

public sealed partial class WedgeStore
{
    /// <summary>Changes handed from the checking thread to the inserting thread at a time (fewer hand-offs, bounded memory).</summary>
    private const int StreamBatchSize = 1024;

    /// <summary>Batches in flight between the two threads: at most ~64k changes' JSON, a few MB, whatever the stream's length.</summary>
    private const int StreamBatchesInFlight = 64;

    // Indexed by the members' values, which run 0, 1, 2, …: a lookup in the hot loop without hashing.
    private static readonly byte[][] ActionText = [.. Enum.GetValues<JournalAction>().Select(a => Encoding.UTF8.GetBytes(JournalNames.Of(a)))];
    private static readonly byte[][] TypeText = [.. Enum.GetValues<FactType>().Select(t => Encoding.UTF8.GetBytes(JournalNames.Of(t)))];

    /// <summary>
    /// Checks and appends a stream of changes as one unit without holding the stream in memory: for imports of
    /// millions of facts, where <see cref="Apply"/> (which copies the whole record to check a list) would not fit.
    /// Each change is checked as it comes against <paramref name="basedOn"/> plus the changes before it in the stream
    /// (by <see cref="ChangeChecker"/>, the rules <see cref="KnowledgeBase.With"/> applies to a batch) and inserted inside one transaction. The stream is
    /// enumerated (and checked and serialised) on a second thread while this one inserts.
    /// </summary>
    /// <param name="basedOn">The record the changes were planned against; it must be at <paramref name="expectedVersion"/>.</param>
    /// <returns>The new journal version (unchanged when the stream was empty).</returns>
    /// <exception cref="ChangesRefusedException">
    /// A change was refused: the transaction is rolled back at the first one, nothing is written, and the exception
    /// names that change (its index in the stream), not every later one.
    /// </exception>
    /// <exception cref="JournalConflictException">The journal has moved past <paramref name="expectedVersion"/> (nothing written).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled (nothing written).</exception>
    /// <remarks>Any exception thrown while enumerating <paramref name="changes"/> also rolls back and is rethrown as is.</remarks>
    public long AppendStream(long expectedVersion, string author, string reason, IEnumerable<JournalChange> changes, KnowledgeBase basedOn, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(basedOn);
        if (basedOn.Version != expectedVersion)
        {
            throw new JournalConflictException(expectedVersion, basedOn.Version);
        }

        using var tx = connection.BeginTransaction(deferred: false);
        var (actual, lastTicks, lastHash) = LastEntry(tx);
        if (actual != expectedVersion)
        {
            throw new JournalConflictException(expectedVersion, actual);
        }

        var ticks = Math.Max(clock.GetUtcNow().UtcTicks, lastTicks);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var queue = new BlockingCollection<StreamBatch>(StreamBatchesInFlight);

        // Batches go back and forth, so their rows and JSON buffers are reused instead of allocated per change.
        using var free = new BlockingCollection<StreamBatch>();
        for (var i = 0; i < StreamBatchesInFlight + 2; i++)
        {
            free.Add(new StreamBatch());
        }

        var checker = new ChangeChecker(basedOn);
        using var chain = new JournalChain(lastHash);
        var chained = new ChainedRows(chain, actual, ticks, Encoding.UTF8.GetBytes(author), Encoding.UTF8.GetBytes(reason));
        var producer = Task.Factory.StartNew(() => Produce(changes, checker, queue, free, stop.Token), stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var version = actual;
        try
        {
            version = InsertRows(tx, chained, author, reason, queue.GetConsumingEnumerable(), free);

            // The producer ends the queue when it finishes, fails or is refused: its outcome decides the commit.
            producer.GetAwaiter().GetResult();
            if (checker.AnyRetraction)
            {
                CheckNothingRefersToRetracted(tx, actual, checker, basedOn);
            }

            cancellationToken.ThrowIfCancellationRequested();
            tx.Commit();
            return version;
        }
        catch
        {
            stop.Cancel();
            try
            {
                producer.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
                // Already failed or cancelled; the first failure is the one rethrown below.
            }

            if (producer.Exception?.InnerException is { } first && first is not OperationCanceledException)
            {
                RollBack(tx);
                System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(first);
            }

            RollBack(tx);
            throw;
        }
    }

    /// <summary>What the producer needs to chain each row's hash: rows are numbered from <c>After + 1</c>, all with one time, author and reason.</summary>
    private sealed record ChainedRows(JournalChain Chain, long After, long Ticks, byte[] Author, byte[] Reason);

    private static void Produce(IEnumerable<JournalChange> changes, ChangeChecker checker, BlockingCollection<StreamBatch> queue, BlockingCollection<StreamBatch> free, CancellationToken stop)
    {
        try
        {
            var batch = free.Take(stop);
            var index = 0;
            using var writer = new Utf8JsonWriter(batch.Json, new JsonWriterOptions { Encoder = FactJson.Payload.Encoder, SkipValidation = true });
            var factJson = (JsonTypeInfo<Fact>)FactJson.Payload.GetTypeInfo(typeof(Fact));
            foreach (var c in changes)
            {
                stop.ThrowIfCancellationRequested();
                AppendRules.CheckStreamed(checker, index, c);

                index++;
                var (start, length) = (0, -1);
                if (c.Fact is { } fact)
                {
                    start = batch.Json.WrittenCount;
                    writer.Reset(batch.Json);
                    JsonSerializer.Serialize(writer, fact, factJson);
                    writer.Flush();
                    length = batch.Json.WrittenCount - start;
                }

                batch.Rows[batch.Count++] = new StreamRow(c.Action, c.Key.Type, c.Key.Id, start, length);
                if (batch.Count == batch.Rows.Length)
                {
                    queue.Add(batch, stop);
                    batch = free.Take(stop);
                }
            }

            if (batch.Count > 0)
            {
                queue.Add(batch, stop);
            }
        }
        finally
        {
            queue.CompleteAdding();
        }
    }

    private long InsertRows(Microsoft.Data.Sqlite.SqliteTransaction tx, ChainedRows chained, string author, string reason, IEnumerable<StreamBatch> batches, BlockingCollection<StreamBatch> free)
    {
        _ = tx; // the statements run inside the connection's open transaction
        var db = connection.Handle!;
        var (actual, ticks) = (chained.After, chained.Ticks);

        // Several rows per statement: one step (and one pass through SQLite's VM setup and its mutex) per RowsPerInsert rows.
        var many = Prepare(db, RowsPerInsert, ticks, author, reason);
        var one = Prepare(db, 1, ticks, author, reason);
        try
        {
            var version = actual;
            foreach (var batch in batches)
            {
                var i = 0;
                var json = batch.Json.WrittenSpan;

                // The hashes are chained here rather than on the producing thread, which reads, builds, checks and
                // serialises and so has more to do than this one (measured: ~17 s against ~7 s of CPU at 1M observations).
                for (var r = 0; r < batch.Count; r++)
                {
                    var row = batch.Rows[r];
                    chained.Chain.Next(version + r + 1, ticks, chained.Author, chained.Reason, ActionText[(int)row.Action], TypeText[(int)row.Type],
                        row.Id, row.JsonLength < 0 ? default : json.Slice(row.JsonStart, row.JsonLength), row.JsonLength >= 0, batch.Hash(r));
                }

                for (; i + RowsPerInsert <= batch.Count; i += RowsPerInsert)
                {
                    for (var r = 0; r < RowsPerInsert; r++)
                    {
                        Bind(many, r, ++version, batch.Rows[i + r], json, batch.Hash(i + r));
                    }

                    Step(db, many);
                }

                for (; i < batch.Count; i++)
                {
                    Bind(one, 0, ++version, batch.Rows[i], json, batch.Hash(i));
                    Step(db, one);
                }

                // SQLite copied the text it was given (SQLITE_TRANSIENT), so the buffers can be reused.
                batch.Clear();
                free.Add(batch);
            }

            return version;
        }
        finally
        {
            many.Dispose();
            one.Dispose();
        }
    }

    private const int RowsPerInsert = 32;

    /// <summary>Columns per journal row (<see cref="Columns"/>).</summary>
    private const int ColumnCount = 9;

    private static sqlite3_stmt Prepare(sqlite3 db, int rows, long ticks, string author, string reason)
    {
        var sql = $"INSERT INTO journal ({Columns}) VALUES " + string.Join(", ", Enumerable.Repeat("(?, ?, ?, ?, ?, ?, ?, ?, ?)", rows));
        Check(db, raw.sqlite3_prepare_v2(db, sql, out var stmt));

        // Bound once: the same for every row (sqlite3_reset keeps bindings).
        for (var r = 0; r < rows; r++)
        {
            raw.sqlite3_bind_int64(stmt, (r * ColumnCount) + 2, ticks);
            raw.sqlite3_bind_text(stmt, (r * ColumnCount) + 3, author);
            raw.sqlite3_bind_text(stmt, (r * ColumnCount) + 4, reason);
        }

        return stmt;
    }

    private static void Bind(sqlite3_stmt stmt, int row, long version, in StreamRow change, ReadOnlySpan<byte> json, ReadOnlySpan<byte> hash)
    {
        var at = row * ColumnCount;
        raw.sqlite3_bind_blob(stmt, at + 9, hash);
        raw.sqlite3_bind_int64(stmt, at + 1, version);
        raw.sqlite3_bind_text(stmt, at + 5, ActionText[(int)change.Action]);
        raw.sqlite3_bind_text(stmt, at + 6, TypeText[(int)change.Type]);
        raw.sqlite3_bind_text(stmt, at + 7, change.Id);
        if (change.JsonLength < 0)
        {
            raw.sqlite3_bind_null(stmt, at + 8);
        }
        else
        {
            raw.sqlite3_bind_text(stmt, at + 8, json.Slice(change.JsonStart, change.JsonLength));
        }
    }

    private void Step(sqlite3 db, sqlite3_stmt stmt)
    {
        var rc = raw.sqlite3_step(stmt);
        if (rc != raw.SQLITE_DONE)
        {
            throw new StoreException(rc == raw.SQLITE_FULL
                ? $"{Path}: the disk is full; nothing was written"
                : $"{Path}: cannot append to the journal: {raw.sqlite3_errmsg(db).utf8_to_string()}");
        }

        raw.sqlite3_reset(stmt);
    }

    /// <summary>
    /// A retraction leaves a dangling reference if any fact still on record refers to the retracted one. Facts of the
    /// record not touched by the stream are looked at directly; the stream's own facts are read back from the rows just
    /// written (only when the stream retracted something, which imports do not).
    /// </summary>
    private void CheckNothingRefersToRetracted(Microsoft.Data.Sqlite.SqliteTransaction tx, long actual, ChangeChecker checker, KnowledgeBase basedOn)
    {
        var written = new List<(FactKey, Fact?)>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.Transaction = tx;
            cmd.CommandText = "SELECT action, fact_type, fact_id, payload, version FROM journal WHERE version > $v ORDER BY version";
            cmd.Parameters.AddWithValue("$v", actual);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var key = new FactKey(JournalNames.Type(r.GetString(1)), r.GetString(2));
                written.Add((key, r.IsDBNull(3) ? null : FactJson.ReadStored(Path, r.GetInt64(4), r.GetString(3))));
            }
        }

        AppendRules.CheckNothingRefersToRetracted(checker, basedOn, written);
    }

    private static void Check(sqlite3 db, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new StoreException($"cannot prepare the journal insert: {raw.sqlite3_errmsg(db).utf8_to_string()}");
        }
    }

    /// <summary>One change on its way to the journal; its JSON is <c>JsonLength</c> bytes at <c>JsonStart</c> in its batch's buffer (-1: no fact).</summary>
    private readonly record struct StreamRow(JournalAction Action, FactType Type, string Id, int JsonStart, int JsonLength);

    /// <summary>A batch of changes and their JSON in one buffer, reused once inserted.</summary>
    private sealed class StreamBatch
    {
        public StreamRow[] Rows { get; } = new StreamRow[StreamBatchSize];

        public int Count { get; set; }

        public ArrayBufferWriter<byte> Json { get; } = new(StreamBatchSize * 1024);

        /// <summary>Each row's chain hash, 32 bytes per row in row order.</summary>
        private readonly byte[] hashes = new byte[StreamBatchSize * JournalChain.HashLength];

        public Span<byte> Hash(int row) => hashes.AsSpan(row * JournalChain.HashLength, JournalChain.HashLength);

        public void Clear()
        {
            Array.Clear(Rows, 0, Count);
            Count = 0;
            Json.ResetWrittenCount();
        }
    }
}
