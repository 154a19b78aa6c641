using Microsoft.Data.Sqlite;
using Spectre.Console.Testing;
using Wedge.Cli;

namespace Wedge.Reliability.Tests;

/// <summary>What one run of `wedge` did: its exit code, what it printed, and how long it took.</summary>
public sealed record WedgeRun(int Code, string Out, string Err, TimeSpan Took)
{
    public string Transcript => $"exit {Code}\n--- stdout ---\n{Clip(Out)}\n--- stderr ---\n{Clip(Err)}";

    private static string Clip(string s) => s.Length > 4000 ? s[..4000] + $"… ({s.Length} characters)" : s;
}

/// <summary>Runs the `wedge` command in-process, as a user would from a shell, with a bound on how long it may take.</summary>
public static class WedgeCli
{
    /// <summary>Runs <paramref name="args"/>; a run that outlives <paramref name="limit"/> is reported as hung (it is left to finish on its own thread).</summary>
    public static WedgeRun Run(TimeSpan limit, params string[] args)
    {
        var output = new TestConsole().Width(200);
        var errors = new TestConsole().Width(200);
        output.Profile.Capabilities.Ansi = false;
        errors.Profile.Capabilities.Ansi = false;
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var run = Task.Run(() => WedgeApp.Create(output, errors: errors).Run(args));
        if (!run.Wait(limit))
        {
            throw new TimeoutException($"wedge {string.Join(' ', args.Select(Shorten))} did not finish within {limit.TotalSeconds:F0} s");
        }

        return new WedgeRun(run.Result, output.Output, errors.Output, watch.Elapsed);
    }

    private static string Shorten(string arg) => arg.Length > 200 ? arg[..200] + "…" : arg;

    /// <summary>The journal's version (its last entry), read straight from the file; 0 for an empty journal.</summary>
    public static long JournalVersion(string database)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(version), 0) FROM journal";
        return (long)command.ExecuteScalar()!;
    }
}
