using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using Spectre.Console.Testing;

namespace Wedge.Cli.Tests.Database;

/// <summary>
/// The journal on a PostgreSQL server through the command line (`--db`/`--store` given a connection string),
/// `wedge copy` between a file and a server with the history intact, and `wedge verify` finding what was changed behind
/// Wedge's back. The server tests skip where no PostgreSQL server is configured (CI starts one).
/// </summary>
public sealed class TeamStoreTests : IDisposable
{
    private readonly TempDir temp = new("wedge-cli-tests");
    private readonly List<string> databases = [];

    public void Dispose()
    {
        foreach (var database in databases)
        {
            PostgresTestServer.Drop(database);
        }

        temp.Dispose();
    }

    private string Server()
    {
        var cs = PostgresTestServer.CreateDatabase();
        databases.Add(cs);
        return cs;
    }

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new TestConsole().Width(400);
        var errors = new TestConsole().Width(400);
        output.Profile.Capabilities.Ansi = false;
        errors.Profile.Capabilities.Ansi = false;
        var code = WedgeApp.Create(output, errors: errors).Run(args);
        return (code, output.Output, errors.Output);
    }

    private static void Sql(string db, string sql)
    {
        using var conn = new SqliteConnection($"Data Source={db};Pooling=False");
        conn.Open();
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    [SkippableFact]
    public void Server_FirstUse_LoadsTheBuiltInCase_AndAnswersAsAFileDoes()
    {
        var server = Server();
        var file = temp.File("wedge.db");
        var first = Run("assess", "Taliban", "al-Qaeda", "--at", "2018-09-11", "--store", server, "--json");
        Assert.Equal(0, first.Code);
        Assert.Contains("created Wedge's tables on PostgreSQL", first.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("Password", first.Err, StringComparison.OrdinalIgnoreCase);
        var onFile = Run("assess", "Taliban", "al-Qaeda", "--at", "2018-09-11", "--db", file, "--json");
        Assert.Equal(onFile.Out, first.Out);
    }

    [SkippableFact]
    public void Copy_FileToServerAndBack_KeepsEveryEntryAsStored()
    {
        var a = temp.File("a.db");
        Assert.Equal(0, Run("init", "--db", a).Code);
        Assert.Equal(0, Run("correct", "actor:taliban", "--set", "name=The Taliban", "--why", "a correction to copy", "--db", a).Code);
        var server = Server();

        var toServer = Run("copy", "--db", a, "--to", server);
        Assert.Equal(0, toServer.Code);
        Assert.StartsWith("Copied 267 journal entries from ", toServer.Out, StringComparison.Ordinal);
        var b = temp.File("b.db");
        Assert.Equal(0, Run("copy", "--db", server, "--to", b).Code);

        // The same rows, byte for byte, on all three: versions, times, authors, reasons, payloads and hashes.
        string Rows(string db)
        {
            using var conn = new SqliteConnection($"Data Source={db};Pooling=False");
            conn.Open();
            using var cmd = conn.CreateCommand();
            cmd.CommandText = "SELECT group_concat(version || '|' || recorded_at || '|' || author || '|' || reason || '|' || action || '|' || fact_type || '|' || fact_id || '|' || coalesce(payload, '~') || '|' || hex(hash), char(10)) FROM (SELECT * FROM journal ORDER BY version)";
            return (string)cmd.ExecuteScalar()!;
        }

        Assert.Equal(Rows(a), Rows(b));
        string ServerRows()
        {
            using var conn = new NpgsqlConnection(server);
            conn.Open();
            using var cmd = new NpgsqlCommand("SELECT string_agg(version || '|' || recorded_at || '|' || author || '|' || reason || '|' || action || '|' || fact_type || '|' || fact_id || '|' || coalesce(payload, '~') || '|' || upper(encode(hash, 'hex')), chr(10) ORDER BY version) FROM journal", conn);
            return (string)cmd.ExecuteScalar()!;
        }

        Assert.Equal(Rows(a), ServerRows());
        var history = Run("history", "--fact", "actor:taliban", "--db", server);
        Assert.Contains("a correction to copy", history.Out, StringComparison.Ordinal);
        foreach (var db in new[] { a, server, b })
        {
            var check = JsonDocument.Parse(Run("verify", "--db", db, "--json").Out).RootElement;
            Assert.True(check.GetProperty("intact").GetBoolean());
            Assert.Equal(267, check.GetProperty("entries").GetInt64());
        }
    }

    [SkippableFact]
    public void Copy_IntoAServerJournalThatHoldsEntries_IsRefused_AndChangesNothing()
    {
        var a = temp.File("a.db");
        Run("init", "--db", a);
        var server = Server();
        Assert.Equal(0, Run("actors", "--db", server).Code); // the built-in case, loaded on first use
        var (code, _, err) = Run("copy", "--db", a, "--to", server);
        Assert.NotEqual(0, code);
        Assert.Contains("the journal already holds entries; a journal is copied only into an empty one. Nothing was copied", err, StringComparison.Ordinal);
        Assert.Equal(266, JsonDocument.Parse(Run("verify", "--db", server, "--json").Out).RootElement.GetProperty("entries").GetInt64());
    }

    [Fact]
    public void Verify_FindsAnEntryAlteredBehindTheTriggers_AndCopyRefusesIt_LeavingNoFile()
    {
        var a = temp.File("a.db");
        Run("init", "--db", a);
        Assert.Equal(0, Run("verify", "--db", a).Code);
        Sql(a, "DROP TRIGGER journal_no_update; UPDATE journal SET reason = 'nothing happened' WHERE version = 100");

        var (code, stdout, _) = Run("verify", "--db", a);
        Assert.Equal(1, code);
        Assert.Contains("is broken at entry 100: entry 100 does not match its hash", stdout, StringComparison.Ordinal);
        Assert.Contains("Entries 1–99 verify", stdout, StringComparison.Ordinal);

        var b = temp.File("b.db");
        var copy = Run("copy", "--db", a, "--to", b);
        Assert.NotEqual(0, copy.Code);
        Assert.Contains($"{a}: the journal's hash chain is broken at entry 100 (run wedge verify on it); nothing was copied", copy.Err, StringComparison.Ordinal);
        Assert.False(File.Exists(b));
    }

    [Fact]
    public void Copy_IntoItself_OrWithoutADestination_IsAUsageError()
    {
        var a = temp.File("a.db");
        Run("init", "--db", a);
        Assert.Contains("the copy would go into the journal it is copied from", Run("copy", "--db", a, "--to", a).Err, StringComparison.Ordinal);
        Assert.Contains("--to: say where to copy the journal", Run("copy", "--db", a).Err, StringComparison.Ordinal);
    }
}
