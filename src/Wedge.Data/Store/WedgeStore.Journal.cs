using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;

namespace Wedge.Data.Store;

public sealed partial class WedgeStore
{
    public long Version
    {
        get
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT coalesce(max(version), 0) FROM journal";
            return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Entries in order, only those recorded at or before <paramref name="recordedBy"/> when given.</summary>
    public IEnumerable<JournalEntry> Read(DateTimeOffset? recordedBy = null) => ReadAfter(0, recordedBy, CancellationToken.None);

    private IEnumerable<JournalEntry> ReadAfter(long afterVersion, DateTimeOffset? recordedBy, CancellationToken cancellationToken)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT version, recorded_at, author, reason, action, fact_type, fact_id, payload FROM journal WHERE version > $after"
                          + (recordedBy is null ? "" : " AND recorded_at <= $by") + " ORDER BY version";
        cmd.Parameters.AddWithValue("$after", afterVersion);
        if (recordedBy is { } by)
        {
            cmd.Parameters.AddWithValue("$by", by.UtcTicks);
        }

        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            var key = new FactKey(JournalNames.Type(r.GetString(5)), r.GetString(6));
            var fact = r.IsDBNull(7) ? null : FactJson.ReadStored(Path, r.GetInt64(0), r.GetString(7));
            yield return new JournalEntry(r.GetInt64(0), new DateTimeOffset(r.GetInt64(1), TimeSpan.Zero), r.GetString(2), r.GetString(3),
                JournalNames.Action(r.GetString(4)), key, fact);
        }
    }

    /// <summary>The knowledge base projected from the journal as it stood at <paramref name="recordedBy"/> (null: now).</summary>
    public KnowledgeBase Current(DateTimeOffset? recordedBy = null) => Current(recordedBy, CancellationToken.None);

    private KnowledgeBase Current(DateTimeOffset? recordedBy, CancellationToken cancellationToken) => Project(recordedBy, cancellationToken);

    /// <summary>
    /// Checks the changes against the record at <paramref name="expectedVersion"/> and appends them as one unit
    /// (<see cref="Apply"/> with a required expected version).
    /// </summary>
    public long Append(long expectedVersion, string author, string reason, IReadOnlyList<JournalChange> changes)
        => Apply(changes, author, reason, expectedVersion);

    /// <summary>
    /// Checks the changes against the current knowledge base and appends them as one unit.
    /// Throws <see cref="ChangesRefusedException"/> (nothing written) when any change is refused,
    /// and <see cref="JournalConflictException"/> when the journal moved past <paramref name="expectedVersion"/>.
    /// </summary>
    /// <param name="basedOn">
    /// The record the caller planned the changes against, if it has one: it is used for the checks
    /// instead of projecting the journal again (an import of a million facts would otherwise pay for
    /// two projections). The append is still refused if the journal has moved past its version.
    /// </param>
    /// <returns>The new journal version (unchanged when there was nothing to write).</returns>
    public long Apply(IReadOnlyList<JournalChange> changes, string author, string reason, long? expectedVersion = null, KnowledgeBase? basedOn = null)
        => Apply(changes, author, reason, expectedVersion, basedOn, CancellationToken.None);

    private long Apply(IReadOnlyList<JournalChange> changes, string author, string reason, long? expectedVersion, KnowledgeBase? basedOn, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            // Nothing to write: a re-import that finds everything on record costs one query, not a projection.
            var version = Version;
            return expectedVersion is { } e && e != version ? throw new JournalConflictException(e, version) : version;
        }

        var current = basedOn ?? Current(null, cancellationToken);
        AppendRules.CheckBatch(current, changes, expectedVersion);

        return Insert(current.Version, author, reason, changes, cancellationToken);
    }

    /// <summary>Appends changes already checked against the record at <paramref name="expectedVersion"/>, refusing if the journal has moved.</summary>
    private long Insert(long expectedVersion, string author, string reason, IReadOnlyList<JournalChange> changes, CancellationToken cancellationToken)
    {
        // BEGIN IMMEDIATE takes the write lock before the version check, so two writers cannot both pass it.
        using var tx = connection.BeginTransaction(deferred: false);
        var (actual, lastTicks, lastHash) = LastEntry(tx);
        if (actual != expectedVersion)
        {
            throw new JournalConflictException(expectedVersion, actual);
        }

        // Recorded time never runs backwards, so "--recorded-by T" always cuts the journal at one point.
        var ticks = Math.Max(clock.GetUtcNow().UtcTicks, lastTicks);
        using var chain = new JournalChain(lastHash);
        using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = $"INSERT INTO journal ({Columns}) VALUES ($v, $t, $author, $reason, $action, $type, $id, $payload, $hash)";
        var pv = insert.Parameters.Add("$v", SqliteType.Integer);
        insert.Parameters.AddWithValue("$t", ticks);
        insert.Parameters.AddWithValue("$author", author);
        insert.Parameters.AddWithValue("$reason", reason);
        var pa = insert.Parameters.Add("$action", SqliteType.Text);
        var pt = insert.Parameters.Add("$type", SqliteType.Text);
        var pi = insert.Parameters.Add("$id", SqliteType.Text);
        var pp = insert.Parameters.Add("$payload", SqliteType.Text);
        var ph = insert.Parameters.Add("$hash", SqliteType.Blob);
        insert.Prepare();
        var version = actual;
        try
        {
            foreach (var c in changes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var payload = c.Fact is null ? null : FactJson.SerializePayload(c.Fact);
                pv.Value = ++version;
                pa.Value = JournalNames.Of(c.Action);
                pt.Value = JournalNames.Of(c.Key.Type);
                pi.Value = c.Key.Id;
                pp.Value = (object?)payload ?? DBNull.Value;
                ph.Value = chain.Next(version, ticks, author, reason, JournalNames.Of(c.Action), JournalNames.Of(c.Key.Type), c.Key.Id, payload);
                insert.ExecuteNonQuery();
            }

            cancellationToken.ThrowIfCancellationRequested();
            tx.Commit();
        }
        catch
        {
            RollBack(tx);
            throw;
        }

        return version;
    }

    /// <summary>
    /// Undoes a failed write now, on disk. After a full disk or an I/O error SQLite may already have ended the
    /// transaction and left its pager in an error state, with the rollback journal still on disk (the database file
    /// grown, the disk still full) until the next read; a process that exits first leaves that hot journal for
    /// whoever opens the file next, and a read-only reader cannot open it at all. One read here plays it back.
    /// </summary>
    private void RollBack(SqliteTransaction tx)
    {
        try
        {
            tx.Rollback();
        }
        catch (SqliteException)
        {
            // Already rolled back by SQLite itself (a full disk or an I/O error ends the transaction).
        }

        try
        {
            using var read = connection.CreateCommand();
            read.CommandText = "SELECT count(*) FROM wedge_meta";
            read.ExecuteScalar();
        }
        catch (SqliteException)
        {
            // The file cannot be read either: the hot journal stays, and the next opener plays it back.
        }
    }

    /// <summary>
    /// The journal's entries without their facts (version, time, author, action, key, reason), for
    /// listing history without deserialising every payload. Filtered by fact key or id when given;
    /// only the last <paramref name="last"/> when given.
    /// </summary>
    public IReadOnlyList<JournalEntry> ReadLog(string? fact = null, int? last = null)
        => ReadLog(fact is null ? new LogQuery(Last: last) : LogQuery.ForFact(fact, last));

    /// <summary>The journal's entries without their facts, oldest first, filtered by <paramref name="query"/>.</summary>
    public IReadOnlyList<JournalEntry> ReadLog(LogQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var cmd = connection.CreateCommand();
        var where = new List<string>();
        if (query.Type is { } type)
        {
            where.Add("fact_type = $type");
            cmd.Parameters.AddWithValue("$type", JournalNames.Of(type));
        }

        if (query.FactId is { } id)
        {
            where.Add("fact_id = $id");
            cmd.Parameters.AddWithValue("$id", id);
        }

        if (query.Author is { } author)
        {
            where.Add("author = $author");
            cmd.Parameters.AddWithValue("$author", author);
        }

        if (query.Since is { } since)
        {
            where.Add("recorded_at >= $since");
            cmd.Parameters.AddWithValue("$since", since.UtcTicks);
        }

        if (query.Until is { } until)
        {
            where.Add("recorded_at <= $until");
            cmd.Parameters.AddWithValue("$until", until.UtcTicks);
        }

        cmd.CommandText = "SELECT version, recorded_at, author, reason, action, fact_type, fact_id FROM journal"
                          + (where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where))
                          + " ORDER BY version DESC" + (query.Last is not null ? " LIMIT $n" : "");
        if (query.Last is { } limit)
        {
            cmd.Parameters.AddWithValue("$n", limit);
        }

        var list = new List<JournalEntry>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var key = new FactKey(JournalNames.Type(r.GetString(5)), r.GetString(6));
                list.Add(new JournalEntry(r.GetInt64(0), new DateTimeOffset(r.GetInt64(1), TimeSpan.Zero), r.GetString(2), r.GetString(3),
                    JournalNames.Action(r.GetString(4)), key, null));
            }
        }

        list.Reverse();
        return list;
    }

    /// <summary>The stored columns, in the order the insert statements name them.</summary>
    private const string Columns = "version, recorded_at, author, reason, action, fact_type, fact_id, payload, hash";

    /// <summary>The last entry's version, recorded time and hash (0, 0 and null when the journal is empty), read inside the write transaction.</summary>
    private (long Version, long LastTicks, byte[]? LastHash) LastEntry(SqliteTransaction tx)
    {
        using var check = connection.CreateCommand();
        check.Transaction = tx;
        check.CommandText = "SELECT version, recorded_at, hash FROM journal ORDER BY version DESC LIMIT 1";
        using var r = check.ExecuteReader();
        return r.Read() ? (r.GetInt64(0), r.GetInt64(1), r.IsDBNull(2) ? null : (byte[])r.GetValue(2)) : (0, 0, null);
    }

    /// <summary>Every row as stored, in version order (for the hash chain and for copying a journal).</summary>
    public IEnumerable<StoredJournalRow> StoredRows()
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM journal ORDER BY version";
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            yield return new StoredJournalRow(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
                r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : (byte[])r.GetValue(8));
        }
    }

    public long CopyIn(IEnumerable<StoredJournalRow> rows, string sourceName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        using var tx = connection.BeginTransaction(deferred: false);
        try
        {
            if (LastEntry(tx).Version != 0)
            {
                throw new StoreException($"{Path}: the journal already holds entries; a journal is copied only into an empty one. Nothing was copied");
            }

            using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = $"INSERT INTO journal ({Columns}) VALUES ($v, $t, $author, $reason, $action, $type, $id, $payload, $hash)";
            var p = new[] { "$v", "$t", "$author", "$reason", "$action", "$type", "$id", "$payload", "$hash" }.Select(n => insert.Parameters.Add(n, SqliteType.Text)).ToArray();
            (p[0].SqliteType, p[1].SqliteType, p[8].SqliteType) = (SqliteType.Integer, SqliteType.Integer, SqliteType.Blob);
            long version = 0;
            foreach (var row in JournalChainCheck.Verified(rows, sourceName))
            {
                cancellationToken.ThrowIfCancellationRequested();
                (p[0].Value, p[1].Value, p[2].Value, p[3].Value, p[4].Value) = (row.Version, row.RecordedAtTicks, row.Author, row.Reason, row.Action);
                (p[5].Value, p[6].Value, p[7].Value, p[8].Value) = (row.FactType, row.FactId, (object?)row.Payload ?? DBNull.Value, row.Hash);
                insert.ExecuteNonQuery();
                version = row.Version;
            }

            tx.Commit();
            return version;
        }
        catch
        {
            RollBack(tx);
            throw;
        }
    }

    /// <summary>Recomputes the hash chain over every stored entry (<see cref="IJournalStore.VerifyAsync"/>).</summary>
    public JournalVerification Verify(CancellationToken cancellationToken = default) => JournalChainCheck.Verify(StoredRows(), cancellationToken);

    // The port. SQLite through Microsoft.Data.Sqlite has no truly asynchronous I/O, so these run on the caller's thread
    // and honour cancellation between rows; a cancelled append rolls back.
    public Task<long> GetVersionAsync(CancellationToken cancellationToken = default) => Run(() => Version, cancellationToken);

    public async IAsyncEnumerable<JournalEntry> ReadAsync(DateTimeOffset? recordedBy = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        foreach (var entry in ReadAfter(0, recordedBy, cancellationToken))
        {
            yield return entry;
        }
    }

    public async IAsyncEnumerable<JournalEntry> ReadAfterAsync(long version, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        foreach (var entry in ReadAfter(version, null, cancellationToken))
        {
            yield return entry;
        }
    }

    public Task<KnowledgeBase> ReadKnowledgeAsync(DateTimeOffset? recordedBy = null, CancellationToken cancellationToken = default)
        => Run(() => Current(recordedBy, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<JournalEntry>> ReadLogAsync(LogQuery query, CancellationToken cancellationToken = default)
        => Run(() => ReadLog(query), cancellationToken);

    public Task<long> AppendAsync(long expectedVersion, string author, string reason, IReadOnlyList<JournalChange> changes, CancellationToken cancellationToken = default)
        => Run(() => Apply(changes, author, reason, expectedVersion, null, cancellationToken), cancellationToken);

    public Task<long> AppendStreamAsync(long expectedVersion, string author, string reason, IEnumerable<JournalChange> changes, KnowledgeBase basedOn, CancellationToken cancellationToken = default)
        => Run(() => AppendStream(expectedVersion, author, reason, changes, basedOn, cancellationToken), cancellationToken);

    public Task<JournalVerification> VerifyAsync(CancellationToken cancellationToken = default) => Run(() => Verify(cancellationToken), cancellationToken);

    /// <summary>Runs synchronous work as a task: a failure or cancellation comes back in the task, as from truly asynchronous code.</summary>
    private static Task<T> Run<T>(Func<T> work, CancellationToken cancellationToken)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(work());
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }
        catch (Exception ex)
        {
            return Task.FromException<T>(ex);
        }
    }
}
