using Npgsql;
using Xunit;

namespace Wedge.Testing;

/// <summary>
/// The PostgreSQL server the store tests run against, named by <c>WEDGE_TEST_POSTGRES</c> (a connection string with
/// the right to create databases). <c>.ci/run</c> starts a throwaway cluster (tools/postgres-throwaway.sh) and sets it;
/// on a user's clone without it the PostgreSQL tests are skipped with the reason, unless <c>WEDGE_REQUIRE_POSTGRES</c>
/// makes the absence a failure (CI sets it, so no such test goes unrun there).
/// </summary>
public static class PostgresTestServer
{
    public const string ConnectionVariable = "WEDGE_TEST_POSTGRES";
    public const string RequireVariable = "WEDGE_REQUIRE_POSTGRES";

    /// <summary>A hot standby of <see cref="ConnectionVariable"/>'s server (tools/postgres-throwaway.sh standby), for the replica tests.</summary>
    public const string StandbyVariable = "WEDGE_TEST_POSTGRES_STANDBY";

    public static string? AdminConnectionString => Environment.GetEnvironmentVariable(ConnectionVariable) is { Length: > 0 } cs ? cs : null;

    /// <summary>Skips the calling test (a <c>[SkippableFact]</c>) when no server is configured, unless one is required.</summary>
    public static string Require()
    {
        var required = Environment.GetEnvironmentVariable(RequireVariable) is { Length: > 0 } v && v != "0";
        if (AdminConnectionString is { } cs)
        {
            return cs;
        }

        Skip.If(!required, $"needs a PostgreSQL server named by {ConnectionVariable} (.ci/run starts one with tools/postgres-throwaway.sh)");
        throw new InvalidOperationException($"{RequireVariable} is set but {ConnectionVariable} names no server");
    }

    /// <summary>
    /// The primary's and its hot standby's connection strings (as <see cref="Require"/>: skipped when neither is
    /// configured, a failure when required).
    /// </summary>
    public static (string Primary, string Standby) RequireStandby()
    {
        var required = Environment.GetEnvironmentVariable(RequireVariable) is { Length: > 0 } v && v != "0";
        if (AdminConnectionString is { } primary && Environment.GetEnvironmentVariable(StandbyVariable) is { Length: > 0 } standby)
        {
            return (primary, standby);
        }

        Skip.If(!required, $"needs a PostgreSQL server and a hot standby of it, named by {ConnectionVariable} and {StandbyVariable} (.ci/run starts both with tools/postgres-throwaway.sh)");
        throw new InvalidOperationException($"{RequireVariable} is set but {ConnectionVariable} and {StandbyVariable} name no primary and standby");
    }

    /// <summary>Creates an empty database for one test and returns its connection string; <see cref="Drop"/> removes it.</summary>
    public static string CreateDatabase()
    {
        var admin = Require();
        var name = "wedge_test_" + Guid.NewGuid().ToString("N")[..16];
        using (var conn = new NpgsqlConnection(admin))
        {
            conn.Open();
            using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
            cmd.ExecuteNonQuery();
        }

        return new NpgsqlConnectionStringBuilder(admin) { Database = name }.ConnectionString;
    }

    /// <summary>Drops a database made by <see cref="CreateDatabase"/>, ending any connection still open to it.</summary>
    public static void Drop(string connectionString)
    {
        var database = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        using var conn = new NpgsqlConnection(AdminConnectionString);
        conn.Open();
        using var cmd = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", conn);
        cmd.ExecuteNonQuery();
    }
}
