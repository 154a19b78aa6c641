using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Wedge.Core.Journal;
using Wedge.Data.Store;

namespace Wedge.Data.Tests.Store.Contract;

public sealed class SqliteJournalStoreContract : JournalStoreContract<SqliteBackend>;

/// <summary>The SQLite store in a scratch file.</summary>
public sealed class SqliteBackend : IJournalStoreBackend
{
    private readonly TempDir dir = new();

    private string Db => dir.File("contract.db");

    public IJournalStore Open(TimeProvider clock) => WedgeStore.Open(Db, clock);

    public void RewriteHistory()
    {
        using var conn = new SqliteConnection($"Data Source={Db};Pooling=False");
        conn.Open();
        using var cmd = conn.CreateCommand();
        try
        {
            cmd.CommandText = "UPDATE journal SET author = 'mallory'";
            cmd.ExecuteNonQuery();
        }
        finally
        {
            cmd.CommandText = "DELETE FROM journal";
            cmd.ExecuteNonQuery();
        }
    }

    public void TamperBehindTheTriggers(string sql)
    {
        using var conn = new SqliteConnection($"Data Source={Db};Pooling=False");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"DROP TRIGGER journal_no_update; DROP TRIGGER journal_no_delete; {sql};";
        cmd.ExecuteNonQuery();
    }

    public void MarkSchemaNewer()
    {
        using var conn = new SqliteConnection($"Data Source={Db};Pooling=False");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = $"UPDATE wedge_meta SET value = '{WedgeStore.SchemaVersion + 1}' WHERE key = 'schema_version'";
        cmd.ExecuteNonQuery();
    }

    public string Fingerprint() => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Db)));

    public void Dispose() => dir.Dispose();
}
