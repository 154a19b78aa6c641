using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Wedge.Application.Accounts;
using Xunit.Abstractions;

namespace Wedge.Web.Tests;

/// <summary>
/// Eight analysts writing to the PostgreSQL-backed server at once, each with the version it last saw as If-Match, for a
/// minute (the figure; <c>WEDGE_CONCURRENT_WRITERS_SECONDS</c> shortens it for a local run, CI runs the 60 s):
/// every accepted write is in the journal under its writer's name at the version it was told, every refused one got 412
/// or 409 and left nothing, the hash chain verifies afterwards, and one row altered in the database (by its owner, with
/// the triggers disabled) is found by `wedge verify`.
/// </summary>
public sealed class ConcurrentWritersTests(ITestOutputHelper log)
{
    private const int Writers = 8;

    private static TimeSpan Duration
        => TimeSpan.FromSeconds(Environment.GetEnvironmentVariable("WEDGE_CONCURRENT_WRITERS_SECONDS") is { Length: > 0 } s
            ? double.Parse(s, CultureInfo.InvariantCulture)
            : 60);

    private sealed record Attempt(int Writer, string SourceId, int Status, long? Version);

    [SkippableFact]
    public async Task EightWritersForAMinute_AcceptedAreJournalled_RefusedWroteNothing_ChainVerifies_TamperingIsFound()
    {
        var db = PostgresTestServer.CreateDatabase();
        try
        {
            using var host = new WebHost(database: db);
            var accounts = host.Services.GetRequiredService<AccountService>();
            var clients = Enumerable.Range(0, Writers).Select(w =>
            {
                accounts.AddUser($"writer-{w}", "analyst", $"writer {w}'s password, long enough");
                var client = host.ClientWithoutRedirects();
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accounts.CreateToken($"writer-{w}", "tests").Token);
                return client;
            }).ToList();
            var before = JournalVersion(db);

            var attempts = new ConcurrentBag<Attempt>();
            var clock = Stopwatch.StartNew();
            var writers = clients.Select((client, w) => Task.Run(async () =>
            {
                // Each writer writes on the version it last saw (a read's or a write's ETag, or a refusal's), so writers
                // overtake one another all the time; now and then it reads again first.
                long seen = -1;
                for (var n = 0; clock.Elapsed < Duration; n++)
                {
                    if (seen < 0 || n % 5 == 0)
                    {
                        using var read = await client.GetAsync("/api/journal/?last=1");
                        Assert.True(read.IsSuccessStatusCode, await read.Content.ReadAsStringAsync());
                        seen = Tag(read);
                    }

                    var id = $"s-writer-{w}-{n}";
                    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/journal/add")
                    {
                        Content = JsonContent.Create(new { type = "source", fields = new { id, title = $"Notes {n} of writer {w}" }, why = "concurrent writers test" }),
                    };
                    request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{seen}\""));
                    using var response = await client.SendAsync(request);
                    var status = (int)response.StatusCode;
                    if (status == 200)
                    {
                        var version = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("version").GetInt64();
                        attempts.Add(new Attempt(w, id, status, version));
                        seen = version;
                    }
                    else
                    {
                        Assert.True(status is 412 or 409, $"writer {w}, write {n}: {status} {await response.Content.ReadAsStringAsync()}");
                        attempts.Add(new Attempt(w, id, status, null));
                        seen = response.Headers.ETag is { } tag ? long.Parse(tag.Tag.Trim('"'), CultureInfo.InvariantCulture) : -1;
                    }
                }
            })).ToArray();
            await Task.WhenAll(writers);

            var accepted = attempts.Where(a => a.Status == 200).ToList();
            var refused = attempts.Where(a => a.Status != 200).ToList();
            log.WriteLine($"{Writers} writers for {clock.Elapsed.TotalSeconds:0} s: {attempts.Count} writes, {accepted.Count} accepted, "
                          + $"{refused.Count(a => a.Status == 412)} refused with 412, {refused.Count(a => a.Status == 409)} with 409");
            Assert.NotEmpty(accepted);
            Assert.NotEmpty(refused); // eight writers on one journal must collide, or the test tested nothing

            // Every accepted write is in the journal, under its writer's name, at the version it was told; nothing else is.
            var rows = Rows(db, before);
            Assert.Equal(accepted.Count, rows.Count);
            foreach (var a in accepted)
            {
                Assert.True(rows.TryGetValue(a.SourceId, out var row), $"{a.SourceId}: accepted at {a.Version} but not in the journal");
                Assert.Equal((a.Version!.Value, $"writer-{a.Writer}"), row);
            }

            // Every refused write left nothing.
            foreach (var r in refused)
            {
                Assert.False(rows.ContainsKey(r.SourceId), $"{r.SourceId}: refused with {r.Status} but in the journal");
            }

            var check = JsonDocument.Parse(host.CliJson("verify")).RootElement;
            Assert.True(check.GetProperty("intact").GetBoolean(), check.GetRawText());
            Assert.Equal(before + accepted.Count, check.GetProperty("entries").GetInt64());

            // The owner (who may lift the triggers) alters one accepted entry's reason: the chain breaks there.
            var altered = accepted[accepted.Count / 2].Version!.Value;
            using (var conn = new NpgsqlConnection(db))
            {
                conn.Open();
                using var cmd = new NpgsqlCommand(
                    "ALTER TABLE journal DISABLE TRIGGER USER; UPDATE journal SET reason = 'nothing to see here' WHERE version = @v; ALTER TABLE journal ENABLE TRIGGER USER", conn);
                cmd.Parameters.AddWithValue("v", altered);
                Assert.Equal(1, cmd.ExecuteNonQuery());
            }

            var (code, output, errors) = host.Cli("verify", "--json");
            Assert.Equal(1, code);
            var broken = JsonDocument.Parse(output.Trim().Length > 0 ? output : errors).RootElement;
            Assert.False(broken.GetProperty("intact").GetBoolean());
            Assert.Equal(altered, broken.GetProperty("brokenAt").GetInt64());
            foreach (var client in clients)
            {
                client.Dispose();
            }
        }
        finally
        {
            PostgresTestServer.Drop(db);
        }
    }

    private static long Tag(HttpResponseMessage response)
        => long.Parse(response.Headers.ETag!.Tag.Trim('"'), CultureInfo.InvariantCulture);

    private static long JournalVersion(string db)
    {
        using var conn = new NpgsqlConnection(db);
        conn.Open();
        using var cmd = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM journal", conn);
        return (long)cmd.ExecuteScalar()!;
    }

    /// <summary>The entries after <paramref name="after"/>: fact id → (version, author).</summary>
    private static Dictionary<string, (long Version, string Author)> Rows(string db, long after)
    {
        using var conn = new NpgsqlConnection(db);
        conn.Open();
        using var cmd = new NpgsqlCommand("SELECT fact_id, version, author FROM journal WHERE version > @v", conn);
        cmd.Parameters.AddWithValue("v", after);
        using var r = cmd.ExecuteReader();
        var rows = new Dictionary<string, (long, string)>(StringComparer.Ordinal);
        while (r.Read())
        {
            Assert.True(rows.TryAdd(r.GetString(0), (r.GetInt64(1), r.GetString(2))), $"{r.GetString(0)} written twice");
        }

        return rows;
    }
}
