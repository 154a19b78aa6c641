using System.Globalization;
using Microsoft.Data.Sqlite;
using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;

namespace Wedge.Data.Store;

/// <summary>
/// The journal on an SQLite file: append-only (triggers refuse updates and deletes), every entry
/// with its recorded time, author and reason. Appends are all-or-nothing and optimistic: an append
/// prepared against an older version is refused.
/// </summary>
public sealed partial class WedgeStore : IJournal, IDisposable
{
    private const string AppName = "wedge";
    private const int SchemaVersion = 1;
    private static readonly byte[] SqliteHeader = "SQLite format 3\0"u8.ToArray();

    private readonly SqliteConnection connection;
    private readonly TimeProvider clock;

    private WedgeStore(string path, SqliteConnection connection, TimeProvider clock, bool created)
    {
        Path = path;
        this.connection = connection;
        this.clock = clock;
        WasCreated = created;
    }

    public string Path { get; }

    /// <summary>True when this call created the database file (it was empty or absent).</summary>
    public bool WasCreated { get; }

    /// <summary>
    /// Opens a Wedge database, creating it when the file is absent or empty. A file that is not an
    /// SQLite database, or an SQLite database without Wedge's tables, is refused and left untouched.
    /// </summary>
    public static WedgeStore Open(string path, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = System.IO.Path.GetFullPath(path);
        var exists = File.Exists(full) && new FileInfo(full).Length > 0;
        if (exists)
        {
            CheckHeader(full);
        }
        else
        {
            var dir = System.IO.Path.GetDirectoryName(full);
            if (!string.IsNullOrEmpty(dir))
            {
                Directory.CreateDirectory(dir);
            }
        }

        var cs = new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString();
        var conn = new SqliteConnection(cs);
        try
        {
            conn.Open();
            if (exists)
            {
                CheckSchema(conn, full);
            }
            else
            {
                CreateSchema(conn);
            }

            Execute(conn, "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;");
        }
        catch (SqliteException ex)
        {
            conn.Dispose();
            throw new StoreException($"{full}: cannot open the database: {ex.Message}", ex);
        }
        catch
        {
            conn.Dispose();
            throw;
        }

        return new WedgeStore(full, conn, clock ?? TimeProvider.System, !exists);
    }

    private static void CheckHeader(string path)
    {
        var header = new byte[SqliteHeader.Length];
        int read;
        using (var f = File.OpenRead(path))
        {
            read = f.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }

        if (read < header.Length || !header.AsSpan().SequenceEqual(SqliteHeader))
        {
            throw new StoreException($"{path}: not a Wedge database (the file is not an SQLite database); it was left untouched.");
        }
    }

    private static void CheckSchema(SqliteConnection conn, string path)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'wedge_meta'";
        if (Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
        {
            throw new StoreException($"{path}: not a Wedge database (an SQLite file without Wedge's tables); it was left untouched.");
        }

        cmd.CommandText = "SELECT value FROM wedge_meta WHERE key = 'schema_version'";
        var version = Convert.ToInt32(cmd.ExecuteScalar() ?? "0", CultureInfo.InvariantCulture);
        if (version > SchemaVersion)
        {
            throw new StoreException($"{path}: written by a newer Wedge (schema {version}; this one reads up to {SchemaVersion}).");
        }
    }

    private static void CreateSchema(SqliteConnection conn)
    {
        // Set before the first table, so it only applies to new files. Journal rows run to ~600 bytes (a claim's JSON); with
        // 16 KiB pages the bulk append of an import ran ~20% faster than with the default 4 KiB (bench/mmp-import).
        Execute(conn, "PRAGMA page_size = 16384");
        using var tx = conn.BeginTransaction();
        Execute(conn, $"""
            CREATE TABLE wedge_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
            INSERT INTO wedge_meta VALUES ('app', '{AppName}'), ('schema_version', '{SchemaVersion}');
            CREATE TABLE journal (
                version      INTEGER PRIMARY KEY,
                recorded_at  INTEGER NOT NULL,  -- UTC ticks
                author       TEXT NOT NULL,
                reason       TEXT NOT NULL,
                action       TEXT NOT NULL CHECK (action IN ('add', 'correct', 'retract')),
                fact_type    TEXT NOT NULL,
                fact_id      TEXT NOT NULL,
                payload      TEXT
            );
            CREATE INDEX journal_fact ON journal (fact_type, fact_id);
            CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
            CREATE TRIGGER journal_no_delete BEFORE DELETE ON journal BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;
            """, tx);
        tx.Commit();
    }

    private static void Execute(SqliteConnection conn, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public long Version
    {
        get
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT coalesce(max(version), 0) FROM journal";
            return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
    }

    public IEnumerable<JournalEntry> Read(DateTimeOffset? recordedBy = null)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT version, recorded_at, author, reason, action, fact_type, fact_id, payload FROM journal"
                          + (recordedBy is null ? "" : " WHERE recorded_at <= $by") + " ORDER BY version";
        if (recordedBy is { } by)
        {
            cmd.Parameters.AddWithValue("$by", by.UtcTicks);
        }

        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            var action = Enum.Parse<JournalAction>(r.GetString(4), ignoreCase: true);
            var key = new FactKey(Enum.Parse<FactType>(r.GetString(5), ignoreCase: true), r.GetString(6));
            var fact = r.IsDBNull(7) ? null : FactJson.Deserialize(r.GetString(7));
            yield return new JournalEntry(r.GetInt64(0), new DateTimeOffset(r.GetInt64(1), TimeSpan.Zero), r.GetString(2), r.GetString(3), action, key, fact);
        }
    }

    public long Append(long expectedVersion, string author, string reason, IReadOnlyList<JournalChange> changes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentNullException.ThrowIfNull(changes);

        // BEGIN IMMEDIATE takes the write lock before the version check, so two writers cannot both pass it.
        using var tx = connection.BeginTransaction(deferred: false);
        long actual;
        long lastTicks;
        using (var check = connection.CreateCommand())
        {
            check.Transaction = tx;
            check.CommandText = "SELECT coalesce(max(version), 0), coalesce(max(recorded_at), 0) FROM journal";
            using var r = check.ExecuteReader();
            r.Read();
            actual = r.GetInt64(0);
            lastTicks = r.GetInt64(1);
        }

        if (actual != expectedVersion)
        {
            throw new JournalConflictException(expectedVersion, actual);
        }

        // Recorded time never runs backwards, so "--recorded-by T" always cuts the journal at one point.
        var ticks = Math.Max(clock.GetUtcNow().UtcTicks, lastTicks);
        using var insert = connection.CreateCommand();
        insert.Transaction = tx;
        insert.CommandText = "INSERT INTO journal VALUES ($v, $t, $author, $reason, $action, $type, $id, $payload)";
        var pv = insert.Parameters.Add("$v", SqliteType.Integer);
        insert.Parameters.AddWithValue("$t", ticks);
        insert.Parameters.AddWithValue("$author", author);
        insert.Parameters.AddWithValue("$reason", reason);
        var pa = insert.Parameters.Add("$action", SqliteType.Text);
        var pt = insert.Parameters.Add("$type", SqliteType.Text);
        var pi = insert.Parameters.Add("$id", SqliteType.Text);
        var pp = insert.Parameters.Add("$payload", SqliteType.Text);
        insert.Prepare();
        var version = actual;
        foreach (var c in changes)
        {
            pv.Value = ++version;
            pa.Value = c.Action.ToString().ToLowerInvariant();
            pt.Value = c.Key.Type.ToString().ToLowerInvariant();
            pi.Value = c.Key.Id;
            pp.Value = c.Fact is null ? DBNull.Value : FactJson.Serialize(c.Fact);
            insert.ExecuteNonQuery();
        }

        tx.Commit();
        return version;
    }

    /// <summary>The knowledge base projected from the journal as it stood at <paramref name="recordedBy"/> (null: now).</summary>
    public KnowledgeBase Current(DateTimeOffset? recordedBy = null) => KnowledgeBase.Project(Read(recordedBy));

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
    {
        if (changes.Count == 0)
        {
            // Nothing to write: a re-import that finds everything on record costs one query, not a projection.
            var version = Version;
            return expectedVersion is { } e && e != version ? throw new JournalConflictException(e, version) : version;
        }

        var current = basedOn ?? Current();
        if (expectedVersion is { } expected && expected != current.Version)
        {
            throw new JournalConflictException(expected, current.Version);
        }

        var outcome = current.With(changes);
        if (!outcome.IsSuccess)
        {
            throw new ChangesRefusedException(outcome.Problems);
        }

        return Append(current.Version, author, reason, changes);
    }

    /// <summary>
    /// The journal's entries without their facts (version, time, author, action, key, reason), for
    /// listing history without deserialising every payload. Filtered by fact key or id when given;
    /// only the last <paramref name="last"/> when given.
    /// </summary>
    public IReadOnlyList<JournalEntry> ReadLog(string? fact = null, int? last = null)
    {
        using var cmd = connection.CreateCommand();
        var where = "";
        if (fact is not null)
        {
            var colon = fact.IndexOf(':', StringComparison.Ordinal);
            where = colon > 0 ? " WHERE fact_type = $type AND fact_id = $id" : " WHERE fact_id = $id";
            cmd.Parameters.AddWithValue("$type", colon > 0 ? fact[..colon].ToLowerInvariant() : "");
            cmd.Parameters.AddWithValue("$id", colon > 0 ? fact[(colon + 1)..] : fact);
        }

        cmd.CommandText = "SELECT version, recorded_at, author, reason, action, fact_type, fact_id FROM journal" + where
                          + " ORDER BY version DESC" + (last is { } n ? " LIMIT $n" : "");
        if (last is { } limit)
        {
            cmd.Parameters.AddWithValue("$n", limit);
        }

        var list = new List<JournalEntry>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                var key = new FactKey(Enum.Parse<FactType>(r.GetString(5), ignoreCase: true), r.GetString(6));
                list.Add(new JournalEntry(r.GetInt64(0), new DateTimeOffset(r.GetInt64(1), TimeSpan.Zero), r.GetString(2), r.GetString(3),
                    Enum.Parse<JournalAction>(r.GetString(4), ignoreCase: true), key, null));
            }
        }

        list.Reverse();
        return list;
    }

    public void Dispose() => connection.Dispose();
}
