using Npgsql;
using Wedge.Core.Journal;
using Wedge.Data.Store.Postgres;

namespace Wedge.Data.Tests.Store.Contract;

public sealed class PostgresJournalStoreContract : JournalStoreContract<PostgresBackend>;

/// <summary>The PostgreSQL store in a database of its own on the test server (skipped where there is no server).</summary>
public sealed class PostgresBackend : IJournalStoreBackend
{
    private readonly string connectionString = PostgresTestServer.CreateDatabase();

    public IJournalStore Open(TimeProvider clock) => PostgresJournalStore.Open(connectionString, clock);

    public void RewriteHistory()
    {
        using var conn = Connect();
        using var cmd = new NpgsqlCommand("UPDATE journal SET author = 'mallory'", conn);
        try
        {
            cmd.ExecuteNonQuery();
        }
        finally
        {
            cmd.CommandText = "DELETE FROM journal";
            try
            {
                cmd.ExecuteNonQuery();
            }
            finally
            {
                cmd.CommandText = "TRUNCATE journal";
                cmd.ExecuteNonQuery();
            }
        }
    }

    public void TamperBehindTheTriggers(string sql)
    {
        using var conn = Connect();
        using var cmd = new NpgsqlCommand($"ALTER TABLE journal DISABLE TRIGGER USER; {sql}; ALTER TABLE journal ENABLE TRIGGER USER;", conn);
        cmd.ExecuteNonQuery();
    }

    public void MarkSchemaNewer()
    {
        using var conn = Connect();
        using var cmd = new NpgsqlCommand($"UPDATE wedge_meta SET value = '{PostgresJournalStore.SchemaVersion + 1}' WHERE key = 'schema_version'", conn);
        cmd.ExecuteNonQuery();
    }

    public string Fingerprint()
    {
        using var conn = Connect();
        using var cmd = new NpgsqlCommand(
            "SELECT coalesce((SELECT md5(string_agg(j::text, '|' ORDER BY version)) FROM journal j), '') || ':' || (SELECT md5(string_agg(m::text, '|' ORDER BY key)) FROM wedge_meta m)", conn);
        return (string)cmd.ExecuteScalar()!;
    }

    private NpgsqlConnection Connect()
    {
        var conn = new NpgsqlConnection(connectionString);
        conn.Open();
        return conn;
    }

    public void Dispose() => PostgresTestServer.Drop(connectionString);
}
