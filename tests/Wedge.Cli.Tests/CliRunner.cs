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

    public (int Code, string Output) Run(params string[] args)
    {
        var console = new TestConsole().Width(400);
        console.Profile.Capabilities.Ansi = false;
        var code = WedgeApp.Create(console).Run([.. args, "--db", Db]);
        return (code, console.Output);
    }

    /// <summary>Runs with --json, checks success, and parses the output.</summary>
    public JsonElement Json(params string[] args)
    {
        var (code, output) = Run([.. args, "--json"]);
        Assert.True(code == 0, output);
        return JsonDocument.Parse(output).RootElement;
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
