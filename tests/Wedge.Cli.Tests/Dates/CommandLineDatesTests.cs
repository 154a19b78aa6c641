using System.Text.Json;

namespace Wedge.Cli.Tests.Dates;

/// <summary>
/// Dates typed on the command line are ISO 8601 only: an ambiguous one is refused with its readings (usage, exit 2),
/// never read silently one way. A read past the record's last dated entry warns; a read recorded before the journal
/// began says so.
/// </summary>
public sealed class CommandLineDatesTests : IDisposable
{
    private readonly CliRunner cli = new();

    public CommandLineDatesTests() => Assert.Equal(0, cli.Run("init").Code);

    public void Dispose() => cli.Dispose();

    private const string Ambiguous = "'11/09/2018' is ambiguous: dates with slashes are read differently in different countries; write 2018-11-09 for 9 November or 2018-09-11 for 11 September (ISO 8601, YYYY-MM-DD)";

    [Theory]
    [InlineData("actors", "--at")]
    [InlineData("dyad", "--known-at")]
    [InlineData("assess", "--at")]
    public void AmbiguousDate_UsageExit2_SaysWhyAndShowsTheIsoForms(string verb, string option)
    {
        string[] args = verb is "actors" ? [verb, option, "11/09/2018"] : [verb, "Taliban", "al-Qaeda", option, "11/09/2018"];
        var (code, stdout, stderr) = cli.RunApart(args);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal($"error: {option}: {Ambiguous}", stderr.Trim());
    }

    [Fact]
    public void AmbiguousDate_Json_UsageErrorObject()
    {
        var (code, _, stderr) = cli.RunApart("ties", "--at", "11/09/2018", "--json");
        Assert.Equal(2, code);
        var error = JsonDocument.Parse(stderr).RootElement;
        Assert.Equal("usage", error.GetProperty("kind").GetString());
        Assert.Equal($"--at: {Ambiguous}", error.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("network", "metrics", "--from", "1/1/2001", "--to", "2018")]
    [InlineData("spells", "--censor-at", "9/11/01")]
    [InlineData("actors", "--recorded-by", "11/09/2018")]
    [InlineData("actors", "--at", "Sept 2001")]
    public void NonIsoDate_AnyOption_UsageExit2(params string[] args)
    {
        var (code, stdout, stderr) = cli.RunApart(args);
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Matches(@"^error: --[a-z-]+: '[^']+' is (ambiguous|not an ISO 8601 date|not a date)", stderr);
    }

    [Fact]
    public void CorrectWithSlashedDateValue_Refused_NothingWritten()
    {
        var before = cli.Json("history").GetArrayLength();
        var (code, _, stderr) = cli.RunApart("correct", "tie:t-aq-taliban-alliance", "--set", "period.end=11/09/2018", "--why", "test");
        Assert.Equal(2, code);
        Assert.Equal($"error: --set period.end=11/09/2018: {Ambiguous}", stderr.Trim());
        Assert.Equal(before, cli.Json("history").GetArrayLength());
    }

    [Fact]
    public void IsoDates_Accepted()
    {
        Assert.Equal(0, cli.Run("dyad", "Taliban", "al-Qaeda", "--at", "2018-09-11", "--known-at", "2018-09").Code);
        Assert.Equal(0, cli.Run("actors", "--at", "2001").Code);
    }

    [Fact]
    public void ReadPastTheRecord_WarnsOnStderr_AnswersOnStdout()
    {
        var (code, stdout, stderr) = cli.RunApart("dyad", "Taliban", "al-Qaeda", "--at", "2030");
        Assert.Equal(0, code);
        Assert.Contains("Taliban", stdout, StringComparison.Ordinal);
        Assert.Equal("warning: reading at 2030, past the record's last dated entry (2018): nothing later is on record, so this shows the world as last recorded, not as it stood at 2030", stderr.Trim());
    }

    [Fact]
    public void ReadPastTheRecord_Json_WarningIsAJsonLine_StdoutStaysJson()
    {
        var (code, stdout, stderr) = cli.RunApart("actors", "--at", "2030-01-01", "--json");
        Assert.Equal(0, code);
        Assert.True(JsonDocument.Parse(stdout).RootElement.GetArrayLength() > 0);
        var warning = JsonDocument.Parse(stderr).RootElement;
        Assert.Equal("warning", warning.GetProperty("level").GetString());
        Assert.Equal("read-date-past-record", warning.GetProperty("code").GetString());
    }

    [Fact]
    public void ReadWithinTheRecord_NoWarning()
        => Assert.Equal("", cli.RunApart("dyad", "Taliban", "al-Qaeda", "--at", "2018-09-11").Err);

    [Fact]
    public void RecordedByBeforeTheDatabaseExisted_SaysSo_NotNoActorNamed()
    {
        var (code, stdout, stderr) = cli.RunApart("actor", "Taliban", "--recorded-by", "2020-01-01");
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.StartsWith($"error: nothing was recorded by 2020-01-01 00:00:00Z: the journal of {cli.Db} begins at ", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("no actor named", stderr, StringComparison.Ordinal);
    }
}
