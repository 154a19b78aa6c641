using System.Diagnostics;
using System.Text.Json;
using Spectre.Console.Testing;

namespace Wedge.Cli.Tests;

/// <summary>
/// Errors go to standard error (with --json as one JSON object), never to standard output; exit codes are the
/// documented ones (1 refused or not found, 2 usage, 3 conflict); nothing a user can cause shows a stack trace.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes and runuser: the read-only case needs Unix
public sealed class ErrorHandlingTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    private (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new TestConsole().Width(400);
        var errors = new TestConsole().Width(400);
        output.Profile.Capabilities.Ansi = false;
        errors.Profile.Capabilities.Ansi = false;
        var code = WedgeApp.Create(output, errors: errors).Run([.. args, "--db", cli.Db]);
        return (code, output.Output, errors.Output);
    }

    private static void NoStackTrace(string text) => Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);

    [Fact]
    public void UnknownActor_ErrorOnStderrOnly_Exit1()
    {
        Assert.Equal(0, Run("init").Code); // else the first run's note that it created the database comes first
        var (code, stdout, stderr) = Run("actor", "Talibam");
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.StartsWith("error: no actor named 'Talibam'", stderr, StringComparison.Ordinal);
        Assert.Contains("Taliban", stderr, StringComparison.Ordinal); // the nearest name is offered
        NoStackTrace(stderr);
    }

    [Fact]
    public void UnknownActor_Json_JsonErrorObjectOnStderr_StdoutEmpty()
    {
        Assert.Equal(0, Run("init").Code);
        var (code, stdout, stderr) = Run("dyad", "Talibam", "al-Qaeda", "--json");
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        var error = JsonDocument.Parse(stderr).RootElement;
        Assert.Equal("actor-not-found", error.GetProperty("code").GetString());
        Assert.Equal("not-found", error.GetProperty("kind").GetString());
        Assert.StartsWith("no actor named 'Talibam'", error.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.False(error.TryGetProperty("file", out _)); // no file involved: the field is left out
    }

    [Fact]
    public void OptionValueNotANumber_UsageExit2_NamesTheOption_NoStackTrace()
    {
        // Spectre's converter fails while binding --runs; before, this printed a stack trace and exited 70.
        var (code, stdout, stderr) = Run("assess", "Taliban", "al-Qaeda", "--runs", "abc");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal("error: --runs: 'abc' is not a whole number", stderr.Trim());
        NoStackTrace(stderr);
    }

    [Fact]
    public void OptionValueNotANumber_Json_UsageErrorObject()
    {
        var (code, _, stderr) = Run("network", "metrics", "--top", "many", "--json");
        Assert.Equal(2, code);
        var error = JsonDocument.Parse(stderr).RootElement;
        Assert.Equal("bad-option-value", error.GetProperty("code").GetString());
        Assert.Equal("--top: 'many' is not a whole number", error.GetProperty("message").GetString());
    }

    [Fact]
    public void MissingArgument_UsageExit2_OnStderr()
    {
        var (code, stdout, stderr) = Run("actor");
        Assert.Equal(2, code);
        Assert.DoesNotContain("error", stdout, StringComparison.Ordinal);
        Assert.StartsWith("error:", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void NotAnSqliteFile_Refused_FileUntouched()
    {
        var path = cli.File("notes.db");
        File.WriteAllText(path, "these are my notes, not a database\n");
        var before = File.ReadAllBytes(path);
        var output = new TestConsole();
        var errors = new TestConsole().Width(400);
        var code = WedgeApp.Create(output, errors: errors).Run(["actors", "--db", path]);
        Assert.Equal(1, code);
        Assert.Equal("", output.Output);
        Assert.Contains(path, errors.Output.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        NoStackTrace(errors.Output);
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void SqliteDatabaseOfAnotherProgram_Refused_Json()
    {
        var path = cli.File("other.db");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE recipes (name TEXT); INSERT INTO recipes VALUES ('bread');";
            command.ExecuteNonQuery();
        }

        var before = File.ReadAllBytes(path);
        var output = new TestConsole();
        var errors = new TestConsole().Width(400);
        var code = WedgeApp.Create(output, errors: errors).Run(["ties", "--db", path, "--json"]);
        Assert.Equal(1, code);
        Assert.Equal("", output.Output);
        var error = JsonDocument.Parse(errors.Output).RootElement;
        Assert.Equal("database-unusable", error.GetProperty("code").GetString());
        Assert.Equal(before, File.ReadAllBytes(path));
    }

    [Fact]
    public void ReadOnlyDatabase_WriteRefused_Exit1_NothingChanged()
    {
        // Create the database, then make it read-only for the user who writes.
        Assert.Equal(0, Run("actors").Code);
        var versionBefore = cli.Json("history").GetArrayLength();
        File.SetUnixFileMode(cli.Db, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        File.SetUnixFileMode(cli.Dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
                                      | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        try
        {
            var (code, stdout, stderr) = Environment.UserName == "root"
                ? RunAsNobody("retract", "tie:t-aq-us-rivalry", "--why", "testing a read-only database", "--db", cli.Db)
                : Run("retract", "tie:t-aq-us-rivalry", "--why", "testing a read-only database");
            Assert.True(code == 1, $"exit {code}; stdout: {stdout}; stderr: {stderr}");
            Assert.Equal("", stdout);
            Assert.Matches("(?i)read-?only", stderr);
            NoStackTrace(stderr);
        }
        finally
        {
            File.SetUnixFileMode(cli.Db, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        }

        Assert.Equal(versionBefore, cli.Json("history").GetArrayLength());
    }

    /// <summary>
    /// Root writes to any file whatever its mode, so as root the command runs as the unprivileged user nobody
    /// (util-linux runuser), as an installed `wedge` would: the real binary, the real file permissions.
    /// </summary>
    private static (int Code, string Out, string Err) RunAsNobody(params string[] args)
    {
        var dll = typeof(WedgeApp).Assembly.Location;
        var home = Directory.CreateTempSubdirectory("wedge-nobody-home").FullName;
        File.SetUnixFileMode(home, (UnixFileMode)0x1FF); // rwxrwxrwx: nobody's dotnet writes its first-run files there
        var start = new ProcessStartInfo("runuser") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-u", "nobody", "--", "env", $"HOME={home}", $"DOTNET_CLI_HOME={home}", "DOTNET_NOLOGO=1", "DOTNET_CLI_TELEMETRY_OPTOUT=1", "dotnet", dll })
        {
            start.ArgumentList.Add(a);
        }

        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("runuser did not start: this test needs util-linux's runuser when run as root");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Directory.Delete(home, recursive: true);
        return (process.ExitCode, stdout.Result, stderr);
    }
}
