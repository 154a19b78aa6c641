using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wedge.Application.Accounts;
using Wedge.Data.Store.Postgres;

namespace Wedge.Web.Tests;

/// <summary>
/// The team server on a PostgreSQL primary and a hot standby streaming from it (tools/postgres-throwaway.sh start and
/// standby; .ci/run starts both): reads are served by the standby, writes go to the primary, and a writer reads its own
/// writes while the standby is behind them. The standby is made to lag for certain by pausing its WAL replay.
/// </summary>
public sealed class ReplicaTests
{
    private static readonly TimeSpan ReplicationWait = TimeSpan.FromSeconds(60);

    [SkippableFact]
    public async Task ReadsComeFromTheStandby_AndAWriterReadsItsOwnWritesWhileTheStandbyLags()
    {
        var (_, standbyAdmin) = PostgresTestServer.RequireStandby();
        var primaryDb = PostgresTestServer.CreateDatabase();
        var name = new NpgsqlConnectionStringBuilder(primaryDb).Database!;
        var standbyDb = new NpgsqlConnectionStringBuilder(standbyAdmin) { Database = name }.ConnectionString;
        var both = TwoHosts(primaryDb, standbyDb);
        try
        {
            using var host = new WebHost(database: both);
            var accounts = host.Services.GetRequiredService<AccountService>();
            accounts.AddUser("ana", "analyst", "ana's password, long enough");
            accounts.AddUser("bob", "reader", "bob's password, long enough");
            var ana = Client(host, accounts.CreateToken("ana", "tests").Token);
            var bob = Client(host, accounts.CreateToken("bob", "tests").Token);

            var before = JournalVersion(primaryDb);
            await WaitForStandby(standbyDb, before);
            // Both read the journal as the standby has it, which is the primary's.
            using (var store = PostgresJournalStore.OpenForReading(both, readsAtLeast: before))
            {
                Assert.True(store.ReadsFromStandby, "a reader that needs nothing newer than the standby has is served by the standby");
            }

            Assert.Equal(before, await Health(bob));
            Assert.Equal(before, await Health(ana));

            // From here the standby lags: it receives the primary's WAL but does not apply it.
            Execute(standbyDb, "SELECT pg_wal_replay_pause()");
            try
            {
                using var add = new HttpRequestMessage(HttpMethod.Post, "/api/journal/add")
                {
                    Content = JsonContent.Create(new { type = "source", fields = new { id = "s-replica-notes", title = "Notes written while the standby lags" }, why = "replica test" }),
                };
                add.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{before}\""));
                using (var written = await ana.SendAsync(add))
                {
                    Assert.True(written.IsSuccessStatusCode, await written.Content.ReadAsStringAsync());
                }

                var after = JournalVersion(primaryDb);
                Assert.True(after > before);
                Assert.Equal(before, JournalVersion(standbyDb)); // the write is on the primary only

                // The writer reads its own write: the standby is behind it, so ana's reads go to the primary.
                Assert.Equal(after, await Health(ana));
                var history = await ana.GetStringAsync("/api/journal/?last=3");
                Assert.Contains("s-replica-notes", history, StringComparison.Ordinal);
                // Another reader is served by the standby, which has not replayed the write yet.
                Assert.Equal(before, await Health(bob));
                using (var store = PostgresJournalStore.OpenForReading(both, readsAtLeast: after))
                {
                    Assert.False(store.ReadsFromStandby, "a reader that needs a version the standby lacks is served by the primary");
                    Assert.Equal(after, store.Version);
                }

                // A write based on the standby's stale version is refused by the primary, and nothing is written.
                var stale = new HttpRequestMessage(HttpMethod.Post, "/api/journal/add")
                {
                    Content = JsonContent.Create(new { type = "source", fields = new { id = "s-stale", title = "Written on a stale read" }, why = "replica test" }),
                };
                stale.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{before}\""));
                using (var refused = await ana.SendAsync(stale))
                {
                    Assert.Equal(412, (int)refused.StatusCode);
                }

                Assert.Equal(after, JournalVersion(primaryDb));
            }
            finally
            {
                Execute(standbyDb, "SELECT pg_wal_replay_resume()");
            }

            // Once the standby has replayed the write, every reader sees it there.
            var final = JournalVersion(primaryDb);
            await WaitForStandby(standbyDb, final);
            Assert.Equal(final, await Health(bob));
            using (var store = PostgresJournalStore.OpenForReading(both, readsAtLeast: final))
            {
                Assert.True(store.ReadsFromStandby);
            }
        }
        finally
        {
            PostgresTestServer.Drop(primaryDb);
        }
    }

    [SkippableFact]
    public void WithTheStandbyDown_ReadsGoToThePrimary()
    {
        PostgresTestServer.RequireStandby();
        var primaryDb = PostgresTestServer.CreateDatabase();
        try
        {
            // Port 1 on loopback: nothing listens, so the "standby" refuses every connection, as a stopped one does.
            var dead = new NpgsqlConnectionStringBuilder(primaryDb) { Host = "127.0.0.1", Port = 1 }.ConnectionString;
            var both = TwoHosts(primaryDb, dead);
            PostgresJournalStore.Open(primaryDb).Dispose(); // creates the tables, empty

            using var store = PostgresJournalStore.OpenForReading(both, readsAtLeast: 0);
            Assert.False(store.ReadsFromStandby);
            Assert.Equal(JournalVersion(primaryDb), store.Version);
        }
        finally
        {
            PostgresTestServer.Drop(primaryDb);
        }
    }

    /// <summary>One connection string naming the primary first and the standby second, as a deployment would.</summary>
    private static string TwoHosts(string primary, string standby)
    {
        var p = new NpgsqlConnectionStringBuilder(primary);
        var s = new NpgsqlConnectionStringBuilder(standby);
        return new NpgsqlConnectionStringBuilder(primary) { Host = $"{p.Host}:{p.Port},{s.Host}:{s.Port}" }.ConnectionString;
    }

    private static HttpClient Client(WebHost host, string token)
    {
        var client = host.ClientWithoutRedirects();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    private static async Task<long> Health(HttpClient client)
        => JsonDocument.Parse(await client.GetStringAsync("/health")).RootElement.GetProperty("journalVersion").GetInt64();

    private static long JournalVersion(string connectionString)
    {
        using var conn = new NpgsqlConnection(connectionString);
        conn.Open();
        using var cmd = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM journal", conn);
        return (long)cmd.ExecuteScalar()!;
    }

    private static void Execute(string connectionString, string sql)
    {
        using var conn = new NpgsqlConnection(connectionString);
        conn.Open();
        using var cmd = new NpgsqlCommand(sql, conn);
        cmd.ExecuteNonQuery();
    }

    /// <summary>Waits until the standby has the database and has replayed the journal up to <paramref name="version"/>.</summary>
    private static async Task WaitForStandby(string standby, long version)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                if (JournalVersion(standby) >= version)
                {
                    return;
                }
            }
            catch (PostgresException) when (clock.Elapsed < ReplicationWait)
            {
                // The database or its tables have not reached the standby yet.
            }

            Assert.True(clock.Elapsed < ReplicationWait, $"the standby did not replay the journal up to version {version} within {ReplicationWait.TotalSeconds} s");
            await Task.Delay(50);
        }
    }
}
