using System.Globalization;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Data.Store;

/// <summary>
/// A prototype of the append path proposed to the store's owner (see README.md): it writes the same rows into the same
/// journal table as WedgeStore.Append, in one transaction, but (1) takes the changes as a stream, so the plan is never
/// held whole in memory, (2) checks each change as it comes (adds must be new, corrections must exist, references must
/// resolve against the record or earlier changes in the batch) instead of copying the whole knowledge base, and
/// (3) binds by position through SQLitePCL with JSON serialised straight to UTF-8, instead of binding by name.
/// Any problem rolls the transaction back: nothing half-written.
/// </summary>
internal static class StreamingAppend
{
    public static int CacheKiB { get; set; } = int.TryParse(Environment.GetEnvironmentVariable("BENCH_CACHE_KIB"), out var k) ? k : 2000;

    /// <summary>
    /// The same append with the work split over two threads: one reads, checks and serialises changes (bounded queue),
    /// the other inserts. Uses the machine's second core; the order of rows is unchanged.
    /// </summary>
    public static long AppendPipelined(string dbPath, KnowledgeBase current, string author, string reason, IEnumerable<JournalChange> changes)
    {
        using var queue = new System.Collections.Concurrent.BlockingCollection<(JournalChange Change, byte[]? Json)>(boundedCapacity: 8192);
        Exception? failure = null;
        var producer = Task.Run(() =>
        {
            try
            {
                var added = new HashSet<FactKey>();
                foreach (var c in changes)
                {
                    if (Problem(current, added, c) is { } problem)
                    {
                        throw new InvalidOperationException($"{c.Key}: {problem}");
                    }

                    added.Add(c.Key);
                    queue.Add((c, c.Fact is null ? null : JsonSerializer.SerializeToUtf8Bytes(c.Fact, FactJson.Options)));
                }
            }
            catch (Exception ex)
            {
                failure = ex;
            }
            finally
            {
                queue.CompleteAdding();
            }
        });
        var version = Insert(dbPath, current, author, reason, queue.GetConsumingEnumerable(), () => failure);
        producer.Wait();
        return version;
    }

    public static long Append(string dbPath, KnowledgeBase current, string author, string reason, IEnumerable<JournalChange> changes)
    {
        var added = new HashSet<FactKey>();
        IEnumerable<(JournalChange, byte[]?)> Checked()
        {
            foreach (var c in changes)
            {
                if (Problem(current, added, c) is { } problem)
                {
                    throw new InvalidOperationException($"{c.Key}: {problem}");
                }

                added.Add(c.Key);
                yield return (c, c.Fact is null ? null : JsonSerializer.SerializeToUtf8Bytes(c.Fact, FactJson.Options));
            }
        }

        return Insert(dbPath, current, author, reason, Checked(), () => null);
    }

    private static long Insert(string dbPath, KnowledgeBase current, string author, string reason, IEnumerable<(JournalChange Change, byte[]? Json)> rows, Func<Exception?> failed)
    {
        using var conn = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dbPath, Pooling = false }.ToString());
        conn.Open();
        using (var pragma = conn.CreateCommand())
        {
            // A larger page cache keeps the journal_fact index in memory while a large batch is inserted.
            pragma.CommandText = $"PRAGMA cache_size = -{CacheKiB}";
            pragma.ExecuteNonQuery();
        }

        using var tx = conn.BeginTransaction(deferred: false);
        long actual;
        using (var check = conn.CreateCommand())
        {
            check.Transaction = tx;
            check.CommandText = "SELECT coalesce(max(version), 0) FROM journal";
            actual = Convert.ToInt64(check.ExecuteScalar(), CultureInfo.InvariantCulture);
        }

        if (actual != current.Version)
        {
            throw new JournalConflictException(current.Version, actual);
        }

        var db = conn.Handle!;
        Check(db, raw.sqlite3_prepare_v2(db, "INSERT INTO journal (version, recorded_at, author, reason, action, fact_type, fact_id, payload) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", out var stmt));
        var ticks = DateTimeOffset.UtcNow.UtcTicks;
        var version = actual;
        try
        {
            foreach (var (c, json) in rows)
            {
                raw.sqlite3_reset(stmt);
                raw.sqlite3_bind_int64(stmt, 1, ++version);
                raw.sqlite3_bind_int64(stmt, 2, ticks);
                raw.sqlite3_bind_text(stmt, 3, author);
                raw.sqlite3_bind_text(stmt, 4, reason);
                raw.sqlite3_bind_text(stmt, 5, c.Action.ToString().ToLowerInvariant());
                raw.sqlite3_bind_text(stmt, 6, c.Key.Type.ToString().ToLowerInvariant());
                raw.sqlite3_bind_text(stmt, 7, c.Key.Id);
                if (json is null)
                {
                    raw.sqlite3_bind_null(stmt, 8);
                }
                else
                {
                    raw.sqlite3_bind_text(stmt, 8, json);
                }

                if (raw.sqlite3_step(stmt) != raw.SQLITE_DONE)
                {
                    throw new InvalidOperationException(raw.sqlite3_errmsg(db).utf8_to_string());
                }
            }

            if (failed() is { } ex)
            {
                throw new InvalidOperationException("the changes were refused; nothing was written", ex);
            }
        }
        finally
        {
            stmt.Dispose();
        }

        tx.Commit();
        return version;
    }

    private static string? Problem(KnowledgeBase current, HashSet<FactKey> added, JournalChange c)
    {
        var exists = added.Contains(c.Key) || current.Contains(c.Key);
        if (c.Action == JournalAction.Add && exists)
        {
            return "duplicate id";
        }

        if (c.Action != JournalAction.Add && !exists)
        {
            return "not on record";
        }

        if (c.Fact is not { } f)
        {
            return null;
        }

        bool Known(FactKey k) => added.Contains(k) || current.Contains(k);
        foreach (var a in f.ActorRefs)
        {
            if (!Known(new FactKey(FactType.Actor, a.Value)))
            {
                return $"unknown actor '{a}'";
            }
        }

        foreach (var claim in f.Claims)
        {
            if (!Known(new FactKey(FactType.Claim, claim.Value)))
            {
                return $"unknown claim '{claim}'";
            }
        }

        return f is Claim cl && !Known(new FactKey(FactType.Source, cl.Source.Value)) ? $"unknown source '{cl.Source}'" : null;
    }

    private static void Check(sqlite3 db, int rc)
    {
        if (rc != raw.SQLITE_OK)
        {
            throw new InvalidOperationException(raw.sqlite3_errmsg(db).utf8_to_string());
        }
    }
}
