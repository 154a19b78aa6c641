namespace Wedge.Data.Store.Postgres;

/// <summary>
/// The PostgreSQL schema as numbered steps, applied on open like SQLite's <see cref="Migrations"/> (its own numbering:
/// the two backends store the same journal but not in the same SQL). A shipped step is never edited.
/// </summary>
/// <remarks>
/// Everything lives in the connection's current schema (its search path), so one database can hold several journals in
/// separate schemas. Times are UTC ticks as on SQLite, so the hash chain covers the same numbers on both backends; the
/// payload is text, not jsonb, because jsonb reorders keys and the chain covers the exact text written.
/// </remarks>
internal static class PostgresMigrations
{
    public static IReadOnlyList<(int Version, string Description, string Sql)> All { get; } =
    [
        (1, "the append-only, hash-chained journal", """
            CREATE TABLE wedge_meta (key text PRIMARY KEY, value text NOT NULL);
            CREATE TABLE journal (
                version      bigint PRIMARY KEY,
                recorded_at  bigint NOT NULL,  -- UTC ticks (100 ns since 0001-01-01)
                author       text NOT NULL,
                reason       text NOT NULL,
                action       text NOT NULL CHECK (action IN ('add', 'correct', 'retract')),
                fact_type    text NOT NULL,
                fact_id      text NOT NULL,
                payload      text,
                hash         bytea NOT NULL CHECK (length(hash) = 32)
            );
            CREATE INDEX journal_fact ON journal (fact_type, fact_id);
            CREATE INDEX journal_author ON journal (author);
            CREATE FUNCTION wedge_journal_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'the journal is append-only';
            END $$;
            CREATE TRIGGER journal_no_rewrite BEFORE UPDATE OR DELETE ON journal
                FOR EACH ROW EXECUTE FUNCTION wedge_journal_is_append_only();
            CREATE TRIGGER journal_no_truncate BEFORE TRUNCATE ON journal
                FOR EACH STATEMENT EXECUTE FUNCTION wedge_journal_is_append_only();
            """),
        (2, "a checkpoint of the projected record", """
            -- Derived data (CheckpointCodec), rebuilt at will: unlike the journal it may be updated and deleted.
            CREATE TABLE checkpoint (
                id           integer PRIMARY KEY CHECK (id = 1),
                version      bigint NOT NULL,
                recorded_at  bigint NOT NULL,
                format       integer NOT NULL,
                facts        integer NOT NULL
            );
            CREATE TABLE checkpoint_part (part integer PRIMARY KEY, data bytea NOT NULL);
            """),
        (3, "accounts, sessions, API tokens and the audit log", """
            CREATE TABLE users (
                name           text PRIMARY KEY,
                role           text NOT NULL,
                password_hash  text NOT NULL,
                disabled       integer NOT NULL DEFAULT 0,
                failed_logins  integer NOT NULL DEFAULT 0,
                locked_until   bigint,
                created_at     bigint NOT NULL
            );
            CREATE TABLE sessions (
                id_hash     text PRIMARY KEY,
                user_name   text NOT NULL REFERENCES users (name),
                created_at  bigint NOT NULL,
                last_seen   bigint NOT NULL,
                ended       integer NOT NULL DEFAULT 0
            );
            CREATE INDEX sessions_user ON sessions (user_name);
            CREATE TABLE api_tokens (
                id           text PRIMARY KEY,
                user_name    text NOT NULL REFERENCES users (name),
                label        text NOT NULL,
                secret_hash  text NOT NULL,
                created_at   bigint NOT NULL,
                revoked      integer NOT NULL DEFAULT 0
            );
            CREATE TABLE audit_log (
                id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                at         bigint NOT NULL,
                kind       text NOT NULL,
                user_name  text,
                detail     text NOT NULL
            );
            CREATE TRIGGER audit_no_rewrite BEFORE UPDATE OR DELETE ON audit_log
                FOR EACH ROW EXECUTE FUNCTION wedge_journal_is_append_only();
            """),
    ];

    public static int Latest => All[^1].Version;
}
