namespace Wedge.Data.Store;

/// <summary>One step of the schema: the SQL that takes a database from <c>Version - 1</c> to <see cref="Version"/>.</summary>
internal sealed record Migration(int Version, string Description, string Sql);

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
    ];

    public static int Latest => All[^1].Version;
}
