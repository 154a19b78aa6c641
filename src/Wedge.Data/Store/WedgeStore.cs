using System.Globalization;
using Microsoft.Data.Sqlite;
using Wedge.Core.Journal;
using Wedge.Data.Files;

namespace Wedge.Data.Store;

/// <summary>
/// The journal on an SQLite file (<see cref="IJournalStore"/>): append-only (triggers refuse updates and deletes),
/// every entry with its recorded time, author and reason. Appends are all-or-nothing, checked by Core's
/// <see cref="ChangeChecker"/>, and optimistic: an append prepared against an older version is refused.
/// </summary>
/// <remarks>
/// The schema is built by numbered <see cref="Migrations"/>, applied on open; a database from a newer Wedge is refused
/// and left untouched. One connection per store; not thread-safe.
/// </remarks>
public sealed partial class WedgeStore : IJournalStore, IStoredJournal, ICheckpointed
{
    private const string AppName = "wedge";
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

    /// <summary>The schema version this build writes and reads (databases at lower versions are migrated on open).</summary>
    public static int SchemaVersion => Migrations.Latest;

    public string Path { get; }

    /// <summary>True when this call created the database file (it was absent).</summary>
    public bool WasCreated { get; }

    /// <summary>
    /// Opens a Wedge database, creating it when the file is absent, and migrating it when it was written by an older
    /// Wedge. Refused (<see cref="StoreException"/>) and left untouched: a file that is not an SQLite database (an
    /// empty one included: a failed create leaves none, so an empty file is someone else's), an SQLite database
    /// without Wedge's tables or without a schema version, and one written by a newer Wedge.
    /// </summary>
    public static WedgeStore Open(string path, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var full = System.IO.Path.GetFullPath(path);
        var created = !File.Exists(full) && Create(full);
        CheckHeader(full);
        var conn = Connect(full);
        try
        {
            conn.Open();
            Prepare(conn, full);
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

        return new WedgeStore(full, conn, clock ?? TimeProvider.System, created);
    }

    private static SqliteConnection Connect(string path)
        => new(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());

    /// <summary>
    /// Builds a new database beside <paramref name="path"/> and moves it into place only once its schema is committed,
    /// so a failed create (a full disk, a kill) never leaves a file that looks like a database.
    /// </summary>
    /// <returns>True when this call created it; false when another process created it first.</returns>
    private static bool Create(string path)
    {
        var dir = System.IO.Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(dir))
        {
            Directory.CreateDirectory(dir);
        }

        try
        {
            return AtomicFile.Write(path, temporary =>
            {
                try
                {
                    using var conn = Connect(temporary);
                    conn.Open();

                    // Set before the first table, so it only applies to new files. Journal rows run to ~600 bytes (a claim's JSON); with
                    // 16 KiB pages the bulk append of an import ran ~20% faster than with the default 4 KiB (bench/mmp-import).
                    Execute(conn, "PRAGMA page_size = 16384");
                    using var tx = conn.BeginTransaction();
                    Migrate(conn, tx, from: 0);
                    Execute(conn, $"INSERT INTO wedge_meta VALUES ('app', '{AppName}')", tx);
                    tx.Commit();
                }
                finally
                {
                    // An interrupted transaction leaves SQLite's rollback journal beside the temporary file.
                    File.Delete(temporary + "-journal");
                }
            }, overwrite: false);
        }
        catch (SqliteException ex)
        {
            throw new StoreException($"{path}: cannot create the database: {ex.Message}", ex);
        }
    }

    private static void CheckHeader(string path)
    {
        var header = new byte[SqliteHeader.Length];
        int read;
        using (var f = File.OpenRead(path))
        {
            read = f.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
        }

        if (read == 0)
        {
            throw new StoreException($"{path}: not a Wedge database (the file is empty); it was left untouched. Remove it to start a new database there.");
        }

        if (read < header.Length || !header.AsSpan().SequenceEqual(SqliteHeader))
        {
            throw new StoreException($"{path}: not a Wedge database (the file is not an SQLite database); it was left untouched.");
        }
    }

    /// <summary>Checks an existing database is Wedge's and not newer than this build, and brings an older one up to date.</summary>
    private static void Prepare(SqliteConnection conn, string path)
    {
        var version = SchemaVersionOf(conn, path);
        if (version > SchemaVersion)
        {
            throw new StoreException($"{path}: written by a newer Wedge (schema version {version}; this one reads up to {SchemaVersion}); it was left untouched. Use a newer wedge to open it.");
        }

        if (version < SchemaVersion)
        {
            // BEGIN IMMEDIATE: two processes opening an old database at once migrate it once.
            using var tx = conn.BeginTransaction(deferred: false);
            if (SchemaVersionOf(conn, path, tx) < SchemaVersion)
            {
                Migrate(conn, tx, SchemaVersionOf(conn, path, tx));
            }

            tx.Commit();
        }

        Execute(conn, "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;");
    }

    private static int SchemaVersionOf(SqliteConnection conn, string path, SqliteTransaction? tx = null)
    {
        using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'wedge_meta'";
        if (Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture) == 0)
        {
            throw new StoreException($"{path}: not a Wedge database (an SQLite file without Wedge's tables); it was left untouched.");
        }

        cmd.CommandText = "SELECT value FROM wedge_meta WHERE key = 'schema_version'";
        var text = cmd.ExecuteScalar() as string;
        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
        {
            throw new StoreException($"{path}: a damaged Wedge database (its schema version is {(text is null ? "missing" : $"'{text}'")}); it was left untouched.");
        }

        return version;
    }

    private static void Migrate(SqliteConnection conn, SqliteTransaction tx, int from)
    {
        foreach (var step in Migrations.All.Where(m => m.Version > from))
        {
            Execute(conn, step.Sql, tx);
            step.Then?.Invoke(conn, tx);
        }

        Execute(conn, $"INSERT OR REPLACE INTO wedge_meta VALUES ('schema_version', '{SchemaVersion}')", tx);
    }

    private static void Execute(SqliteConnection conn, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = conn.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public void Dispose() => connection.Dispose();
}
