using System.Text.Json;

namespace Wedge.Cli.Tests;

/// <summary>A mistyped command or option is a usage error (exit 2) that names the nearest one, or lists those there are.</summary>
public sealed class DidYouMeanTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    [Theory]
    [InlineData("error: unknown command 'actros'; did you mean 'actors'?", "actros")]
    [InlineData("error: unknown command 'histroy'; did you mean 'history'?", "histroy")]
    [InlineData("error: unknown command 'Actors'; did you mean 'actors'?", "Actors")]
    [InlineData("error: unknown command 'network metrcs'; did you mean 'network metrics'?", "network", "metrcs")]
    [InlineData("error: unknown command 'import csae'; did you mean 'import case'?", "import", "csae")]
    [InlineData("error: unknown command 'net'; did you mean 'network'?", "net")]
    public void MistypedCommand_Usage2_NamesTheNearest(string expected, params string[] args)
    {
        var (code, stdout, stderr) = cli.RunApart(args);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal(expected, stderr.Trim());
    }

    [Fact]
    public void UnlikeAnyCommand_ListsTheCommands()
    {
        var (code, _, stderr) = cli.RunApart("network", "zzz");
        Assert.Equal(2, code);
        Assert.Equal("error: unknown command 'network zzz'; the commands of wedge network are: metrics, balance, wedges, communities (see 'wedge network --help')", stderr.Trim());
    }

    [Fact]
    public void UnlikeAnyTopLevelCommand_ListsThemAll_FromSpectresOwnModel()
    {
        var (_, _, stderr) = cli.RunApart("xyzzy");
        Assert.StartsWith("error: unknown command 'xyzzy'; the commands of wedge are: ", stderr, StringComparison.Ordinal);
        foreach (var verb in new[] { "init", "actors", "dyad", "assess", "import", "network", "history", "negotiate" })
        {
            Assert.Contains(verb, stderr, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("cli", stderr.Replace("(see", "", StringComparison.Ordinal), StringComparison.Ordinal); // Spectre's hidden branch
    }

    [Fact]
    public void MistypedCommand_Json_UnknownCommandCode()
    {
        var (code, stdout, stderr) = cli.RunApart("dayd", "Taliban", "AQ", "--json");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        var error = JsonDocument.Parse(stderr).RootElement;
        Assert.Equal("unknown-command", error.GetProperty("code").GetString());
        Assert.Equal("unknown command 'dayd'; did you mean 'dyad'?", error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("error: unknown option '--kindd' for 'wedge actors'; did you mean '--kind'?", "actors", "--kindd", "faction")]
    [InlineData("error: unknown option '--att' for 'wedge network'; did you mean '--at'?", "network", "--att", "2012")]
    [InlineData("error: unknown option '--topp' for 'wedge network metrics'; did you mean '--top'?", "network", "metrics", "--topp", "3")]
    [InlineData("error: unknown option '--frobnicate' for 'wedge ties' (see 'wedge ties --help' for its options)", "ties", "--frobnicate")]
    public void UnknownOption_Usage2_NeverSilentlyIgnored(string expected, params string[] args)
    {
        // Before, Spectre's lenient parsing dropped unknown options: `actors --kindd faction` listed every actor.
        var (code, stdout, stderr) = cli.RunApart(args);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal(expected, stderr.Trim());
    }

    [Fact]
    public void CommandWithoutTheDatabase_RefusesDb_RatherThanIgnoringIt()
    {
        // negotiate reads scenario files, not the record: --db there is a mistake worth saying.
        var (code, _, stderr) = cli.RunApart("negotiate", "aq-taliban-negotiation");
        Assert.Equal(2, code);
        Assert.Equal("error: unknown option '--db' for 'wedge negotiate' (see 'wedge negotiate --help' for its options)", stderr.Trim());
    }
}
