using System.Text.Json;
using Spectre.Console.Testing;

namespace Wedge.Cli.Tests;

/// <summary>Runs the `wedge` command in-process against a temporary database, as a user would from a shell.</summary>
public sealed class CliRunner : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "wedge-cli-tests", Guid.NewGuid().ToString("N"));

    public CliRunner()
    {
        Directory.CreateDirectory(dir);
        Db = Path.Combine(dir, "wedge.db");
    }

    public string Db { get; }

    public string Dir => dir;

    public string File(string name) => Path.Combine(dir, name);

    /// <summary>Runs a command; the output is what a terminal shows: standard output, then standard error (notes, errors).</summary>
    public (int Code, string Output) Run(params string[] args)
    {
        var (code, stdout, stderr) = RunApart(args);
        return (code, stdout + stderr);
    }

    /// <summary>Runs a command, keeping standard output and standard error apart.</summary>
    public (int Code, string Out, string Err) RunApart(params string[] args)
    {
        var output = new TestConsole().Width(400);
        var errors = new TestConsole().Width(400);
        output.Profile.Capabilities.Ansi = false;
        errors.Profile.Capabilities.Ansi = false;
        var code = WedgeApp.Create(output, errors: errors).Run([.. args, "--db", Db]);
        return (code, output.Output, errors.Output);
    }

    /// <summary>Runs with --json, checks success, and parses standard output.</summary>
    public JsonElement Json(params string[] args)
    {
        var (code, stdout, stderr) = RunApart([.. args, "--json"]);
        Assert.True(code == 0, stdout + stderr);
        return JsonDocument.Parse(stdout).RootElement;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
