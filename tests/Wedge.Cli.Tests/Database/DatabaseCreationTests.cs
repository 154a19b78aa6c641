using System.Text.Json;
using Spectre.Console.Testing;

namespace Wedge.Cli.Tests.Database;

/// <summary>
/// A database is never created unnoticed: the first run says so on standard error, `wedge init` creates one on purpose
/// (with the built-in case or empty) and refuses to touch one that exists, and a path into a directory that does not
/// exist is refused rather than created.
/// </summary>
public sealed class DatabaseCreationTests : IDisposable
{
    private readonly TempDir temp = new("wedge-cli-tests");

    public void Dispose() => temp.Dispose();

    private string Db => temp.File("wedge.db");

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new TestConsole().Width(400);
        var errors = new TestConsole().Width(400);
        output.Profile.Capabilities.Ansi = false;
        errors.Profile.Capabilities.Ansi = false;
        var code = WedgeApp.Create(output, errors: errors).Run(args);
        return (code, output.Output, errors.Output);
    }

    [Fact]
    public void FirstRun_CreatesDatabase_NoteOnStderr_OnlyOnce()
    {
        var (code, stdout, stderr) = Run("actors", "--db", Db);
        Assert.Equal(0, code);
        Assert.Equal($"note: created a new database at {Db} and loaded the built-in case into it", stderr.Trim());
        Assert.Contains("Taliban", stdout, StringComparison.Ordinal);

        var again = Run("actors", "--db", Db);
        Assert.Equal(0, again.Code);
        Assert.Equal("", again.Err); // the database exists now: nothing to say
    }

    [Fact]
    public void FirstRun_Json_NoteIsOneJsonLineOnStderr_StdoutStaysJson()
    {
        var (code, stdout, stderr) = Run("actors", "--db", Db, "--json");
        Assert.Equal(0, code);
        var note = JsonDocument.Parse(Assert.Single(Lines(stderr))).RootElement;
        Assert.Equal("note", note.GetProperty("level").GetString());
        Assert.Equal("database-created", note.GetProperty("code").GetString());
        Assert.True(JsonDocument.Parse(stdout).RootElement.GetArrayLength() > 0);
    }

    [Fact]
    public void Init_CreatesDatabaseWithBuiltInCase_NoNotice()
    {
        var (code, stdout, stderr) = Run("init", "--db", Db);
        Assert.Equal(0, code);
        Assert.StartsWith($"Created a database at {Db} holding the built-in case. Journal version ", stdout, StringComparison.Ordinal);
        Assert.Equal("", stderr); // stdout already says so
        Assert.True(ActorCount() > 20);
    }

    [Fact]
    public void InitEmpty_CreatesEmptyDatabase()
    {
        var (code, stdout, _) = Run("init", "--empty", "--db", Db);
        Assert.Equal(0, code);
        Assert.Equal($"Created an empty database at {Db}.", stdout.Trim());
        Assert.Equal(0, ActorCount());
        var history = Run("history", "--db", Db, "--json");
        Assert.Equal(0, JsonDocument.Parse(history.Out).RootElement.GetArrayLength());
    }

    [Fact]
    public void Init_DatabaseExists_Refused_Exit1_FileUnchanged()
    {
        Assert.Equal(0, Run("init", "--empty", "--db", Db).Code);
        var before = File.ReadAllBytes(Db);

        var (code, stdout, stderr) = Run("init", "--db", Db);
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Equal($"error: {Db}: a database already exists there; nothing was changed", stderr.Trim());
        Assert.Equal(before, File.ReadAllBytes(Db));
        Assert.Equal(0, ActorCount()); // still empty: the built-in case was not loaded into it
    }

    [Fact]
    public void Init_FileThatIsNotADatabase_Refused_FileUnchanged()
    {
        File.WriteAllText(Db, "my notes\n");
        var (code, _, stderr) = Run("init", "--db", Db, "--json");
        Assert.Equal(1, code);
        Assert.Equal("database-exists", JsonDocument.Parse(stderr).RootElement.GetProperty("code").GetString());
        Assert.Equal("my notes\n", File.ReadAllText(Db));
    }

    [Theory]
    [InlineData("actors")]
    [InlineData("init")]
    public void DbInMissingDirectory_Refused_Exit1_NothingCreated(string verb)
    {
        var missing = temp.File("no-such-dir");
        var db = Path.Combine(missing, "wedge.db");
        var (code, stdout, stderr) = Run(verb, "--db", db);
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.Equal($"error: {db}: the directory {missing} does not exist (a mistyped path?); create it first to keep a database there. Nothing was created", stderr.Trim());
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public void DbInMissingDirectory_Json_ErrorCode()
    {
        var (code, _, stderr) = Run("dyad", "Taliban", "al-Qaeda", "--db", temp.File("typo/wedge.db"), "--json");
        Assert.Equal(1, code);
        var error = JsonDocument.Parse(stderr).RootElement;
        Assert.Equal("database-directory-missing", error.GetProperty("code").GetString());
        Assert.Equal("refused", error.GetProperty("kind").GetString());
    }

    [Fact]
    public void DefaultLocation_ItsDirectoryIsCreated_WedgeDbInAMissingDirectoryIsNot()
    {
        // The real binary, with the user's data directory (XDG_DATA_HOME) pointed into the temp folder; .NET reads
        // XDG_DATA_HOME for it on Linux only, where CI runs.
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var data = temp.File("home/.local/share");
        var (code, stderr) = RunWedge(new() { ["XDG_DATA_HOME"] = data }, "actors");
        Assert.True(code == 0, stderr);
        var db = Path.Combine(data, "wedge", "wedge.db");
        Assert.True(File.Exists(db));
        Assert.Equal($"note: created a new database at {db} and loaded the built-in case into it", stderr.Trim());

        var typo = temp.File("tpyo/wedge.db");
        var refused = RunWedge(new() { ["XDG_DATA_HOME"] = data, ["WEDGE_DB"] = typo }, "actors");
        Assert.Equal(1, refused.Code);
        Assert.StartsWith($"error: {typo}: the directory {temp.File("tpyo")} does not exist", refused.Err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(temp.File("tpyo")));
    }

    private static (int Code, string Err) RunWedge(Dictionary<string, string> environment, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(WedgeApp).Assembly.Location);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment.Remove("WEDGE_DB");
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        _ = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stderr);
    }

    private int ActorCount()
    {
        var (code, stdout, _) = Run("actors", "--db", Db, "--json");
        Assert.Equal(0, code);
        return JsonDocument.Parse(stdout).RootElement.GetArrayLength();
    }

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
