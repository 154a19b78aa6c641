using Microsoft.Data.Sqlite;

namespace Wedge.Data.Store;

/// <summary>
/// One step of the schema: the SQL that takes a database from <c>Version - 1</c> to <see cref="Version"/>, and, for a
/// step that must compute what SQL cannot, code run after it in the same transaction.
/// </summary>
internal sealed record Migration(int Version, string Description, string Sql, Action<SqliteConnection, SqliteTransaction>? Then = null);

/// <summary>
/// The schema, as the numbered steps that build it. A new database runs them all; an older one runs those past its
/// recorded <c>schema_version</c>, in one transaction with the version update. A step that has shipped is never edited:
/// a change to the schema is a new step at the end.
/// </summary>
internal static class Migrations
{
    public static IReadOnlyList<Migration> All { get; } =
    [
        new(1, "the append-only journal", """
            CREATE TABLE wedge_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
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
            """),
        new(2, "a checkpoint of the projected record", """
            -- The current record as projected at journal version 'version' (whose entry was recorded at 'recorded_at'):
            -- 'facts' facts serialised by CheckpointCodec in format 'format', split into parts in order. Derived data:
            -- dropped and rebuilt at will, so unlike the journal it may be updated and deleted.
            CREATE TABLE checkpoint (
                id           INTEGER PRIMARY KEY CHECK (id = 1),
                version      INTEGER NOT NULL,
                recorded_at  INTEGER NOT NULL,
                format       INTEGER NOT NULL,
                facts        INTEGER NOT NULL
            );
            CREATE TABLE checkpoint_part (part INTEGER PRIMARY KEY, data BLOB NOT NULL);
            """),
        new(3, "a hash chain over the journal", """
            -- Each entry's SHA-256 over the entry before it and its own columns (JournalChain). Entries already on record
            -- are chained once here, which needs the append-only trigger lifted for this one transaction.
            ALTER TABLE journal ADD COLUMN hash BLOB;
            DROP TRIGGER IF EXISTS journal_no_update;
            """, ChainExistingEntries),
        new(4, "accounts, sessions, API tokens and the audit log of a team server", """
            -- Times are UTC ticks; flags are 0 or 1. Passwords are kept as slow salted hashes, session ids and token
            -- secrets only as SHA-256 hashes.
            CREATE TABLE users (
                name           TEXT PRIMARY KEY,
                role           TEXT NOT NULL,
                password_hash  TEXT NOT NULL,
                disabled       INTEGER NOT NULL DEFAULT 0,
                failed_logins  INTEGER NOT NULL DEFAULT 0,
                locked_until   INTEGER,
                created_at     INTEGER NOT NULL
            );
            CREATE TABLE sessions (
                id_hash     TEXT PRIMARY KEY,
                user_name   TEXT NOT NULL REFERENCES users (name),
                created_at  INTEGER NOT NULL,
                last_seen   INTEGER NOT NULL,
                ended       INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX sessions_user ON sessions (user_name);
            CREATE TABLE api_tokens (
                id           TEXT PRIMARY KEY,
                user_name    TEXT NOT NULL REFERENCES users (name),
                label        TEXT NOT NULL,
                secret_hash  TEXT NOT NULL,
                created_at   INTEGER NOT NULL,
                revoked      INTEGER NOT NULL DEFAULT 0
            );
            CREATE TABLE audit_log (
                id         INTEGER PRIMARY KEY,
                at         INTEGER NOT NULL,
                kind       TEXT NOT NULL,
                user_name  TEXT,
                detail     TEXT NOT NULL
            );
            CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            """),
        new(5, "each user's clearance (TLP 2.0): the markings they may see", """
            ALTER TABLE users ADD COLUMN clearance TEXT NOT NULL DEFAULT 'green';
            """),
    ];

    private static void ChainExistingEntries(SqliteConnection conn, SqliteTransaction tx)
    {
        var hashes = new List<(long Version, byte[] Hash)>();
        using var chain = new JournalChain();
        using (var read = conn.CreateCommand())
        {
            read.Transaction = tx;
            read.CommandText = "SELECT version, recorded_at, author, reason, action, fact_type, fact_id, payload FROM journal ORDER BY version";
            using var r = read.ExecuteReader();
            while (r.Read())
            {
                hashes.Add((r.GetInt64(0), chain.Next(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                    r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7))));
            }
        }

        using var write = conn.CreateCommand();
        write.Transaction = tx;
        write.CommandText = "UPDATE journal SET hash = $hash WHERE version = $v";
        var pv = write.Parameters.Add("$v", SqliteType.Integer);
        var ph = write.Parameters.Add("$hash", SqliteType.Blob);
        foreach (var (version, hash) in hashes)
        {
            pv.Value = version;
            ph.Value = hash;
            write.ExecuteNonQuery();
        }

        write.Parameters.Clear();
        write.CommandText = "CREATE TRIGGER journal_no_update BEFORE UPDATE ON journal BEGIN SELECT RAISE(ABORT, 'the journal is append-only'); END;";
        write.ExecuteNonQuery();
    }

    public static int Latest => All[^1].Version;
}
