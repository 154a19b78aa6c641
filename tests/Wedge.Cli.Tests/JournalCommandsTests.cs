using System.Globalization;

namespace Wedge.Cli.Tests;

/// <summary>Writing verbs end to end: import, export, retract, correct, history, and bad input leaving the database unchanged.</summary>
public class JournalCommandsTests
{
    private static byte[] Snapshot(CliRunner cli)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return System.IO.File.ReadAllBytes(cli.Db);
    }

    [Fact]
    public void Retract_ThenRecordedByEarlierTime_ReproducesTheEarlierViewExactly()
    {
        using var cli = new CliRunner();
        var (_, before, _) = cli.RunApart("dyad", "al-Qaeda", "Taliban", "--at", "2018-09-11", "--json"); // stderr: the database was created
        Thread.Sleep(20);
        var cut = DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture);
        Thread.Sleep(20);
        var (code, output) = cli.Run("retract", "tie:t-aq-taliban-alliance", "--why", "test: pretend the alliance was never recorded");
        Assert.True(code == 0, output);
        var (_, after) = cli.Run("dyad", "al-Qaeda", "Taliban", "--at", "2018-09-11", "--json");
        Assert.NotEqual(before, after);
        var (_, asBefore) = cli.Run("dyad", "al-Qaeda", "Taliban", "--at", "2018-09-11", "--json", "--recorded-by", cut);
        Assert.Equal(before, asBefore);

        var history = cli.Json("history", "--last", "1").EnumerateArray().Single();
        Assert.Equal("retract", history.GetProperty("action").GetString());
        Assert.Equal("test: pretend the alliance was never recorded", history.GetProperty("reason").GetString());
    }

    [Fact]
    public void Retract_WithoutWhy_IsRefused()
    {
        using var cli = new CliRunner();
        var (code, output) = cli.Run("retract", "tie:t-aq-taliban-alliance");
        Assert.NotEqual(0, code);
        Assert.Contains("--why is required", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Correct_ChangesAField_AndBadValueChangesNothing()
    {
        using var cli = new CliRunner();
        var (code, output) = cli.Run("correct", "tie:t-aq-taliban-alliance", "--set", "note=Corrected note", "--why", "test");
        Assert.True(code == 0, output);
        Assert.Contains(cli.Json("ties", "--kind", "alliance").EnumerateArray(), t => t.GetProperty("note").GetString() == "Corrected note");

        var bytes = Snapshot(cli);
        (code, output) = cli.Run("correct", "tie:t-aq-taliban-alliance", "--set", "kind=friendship", "--why", "test");
        Assert.NotEqual(0, code);
        Assert.Contains("does not make a valid tie", output, StringComparison.Ordinal);
        Assert.Equal(bytes, Snapshot(cli));
    }

    [Fact]
    public void ExportThenImportIntoAnotherDatabase_RoundTripsWithoutLoss()
    {
        using var cli = new CliRunner();
        using var other = new CliRunner();
        var file = cli.File("export.yaml");
        Assert.Equal(0, cli.Run("export", "case", "--out", file).Code);
        var (code, output) = other.Run("import", "case", file);
        Assert.True(code == 0, output);
        Assert.Contains("0 added, 0 corrected", output, StringComparison.Ordinal); // the other database already holds the built-in case: nothing new
        var again = other.File("again.yaml");
        Assert.Equal(0, other.Run("export", "case", "--out", again).Code);
        Assert.Equal(System.IO.File.ReadAllText(file), System.IO.File.ReadAllText(again));
    }

    [Fact]
    public void ImportCase_NewFacts_AreAddedAndShown()
    {
        using var cli = new CliRunner();
        var file = cli.File("extra.yaml");
        System.IO.File.WriteAllText(file, """
            case: extra
            title: One more claim
            claims:
              - id: c-test-expelled
                source: bacon-2018
                text: "<script>alert('x')</script> a test claim"
                grade: E5
            actors:
              - id: test-group
                name: Test Group
                kind: armed-group
                claims: [c-test-expelled]
            """);
        var (code, output) = cli.Run("import", "case", file);
        Assert.True(code == 0, output);
        Assert.Contains("2 added", output, StringComparison.Ordinal);
        (code, output) = cli.Run("actor", "Test Group");
        Assert.Equal(0, code);
        Assert.Contains("<script>alert('x')</script>", output, StringComparison.Ordinal); // shown as text, not interpreted
    }

    public static TheoryData<string, string> BadCases => new()
    {
        { "case: x\ntitle: y\nactors: [unclosed\n", "malformed YAML" },
        { "case: x\ntitle: y\nties:\n  - id: t\n    kind: alliance\n    from: al-qaeda\n    to: nobody\n", "tie 't': unknown actor 'nobody'" },
        { "case: x\ntitle: y\nevents:\n  - id: e\n    date: 2005-13-40\n    kind: attack\n    title: t\n", "'2005-13-40' has month 13" },
        { "case: x\ntitle: y\nties:\n  - id: t\n    kind: alliance\n    from: al-qaeda\n    to: taliban\n    period: {from: 2001, until: 1999}\n", "ends (1999) before it starts (2001)" },
        { "case: x\ntitle: y\nactors:\n  - id: taliban\n    name: Taliban again\n    kind: faction\n  - id: taliban\n    name: T\n    kind: state\n", "duplicate id 'taliban'" },
        { "case: x\ntitle: y\nclaims:\n  - id: c\n    source: bacon-2018\n    text: t\n    grade: G9\n", "source reliability 'G' is outside A–F" },
    };

    [Theory]
    [MemberData(nameof(BadCases))]
    public void ImportCase_BadInput_ClearMessage_NonZeroExit_DatabaseUnchanged(string yaml, string expected)
    {
        using var cli = new CliRunner();
        Assert.Equal(0, cli.Run("actors").Code); // creates the database with the built-in case
        var file = cli.File("bad.yaml");
        System.IO.File.WriteAllText(file, yaml);
        var bytes = Snapshot(cli);
        var (code, output) = cli.Run("import", "case", file);
        Assert.NotEqual(0, code);
        Assert.Contains(expected, output, StringComparison.Ordinal);
        Assert.Contains("bad.yaml:", output, StringComparison.Ordinal);
        Assert.Equal(bytes, Snapshot(cli));
    }

    [Fact]
    public void ImportCase_ParserLosesItsPlace_StillAFileProblem()
    {
        // YamlDotNet throws InvalidOperationException (not YamlException) on this input; it must read as the file's
        // fault (exit 1, file and line), never as a defect in Wedge (exit 70).
        using var cli = new CliRunner();
        Assert.Equal(0, cli.Run("actors").Code);
        var file = cli.File("bad.yaml");
        System.IO.File.WriteAllText(file, "case: x\ntitle: [unclosed\nactors: 1\n");
        var bytes = Snapshot(cli);
        var (code, output) = cli.Run("import", "case", file);
        Assert.Equal(1, code);
        Assert.Contains("bad.yaml:", output, StringComparison.Ordinal);
        Assert.Contains("malformed YAML", output, StringComparison.Ordinal);
        Assert.Equal(bytes, Snapshot(cli));
    }

    [Fact]
    public void ImportCase_MissingFile_IsReported()
    {
        using var cli = new CliRunner();
        var (code, output) = cli.Run("import", "case", cli.File("absent.yaml"));
        Assert.NotEqual(0, code);
        Assert.Contains("absent.yaml: no such file", output, StringComparison.Ordinal);
    }

    [Fact]
    public void NotAWedgeDatabase_IsRefusedAndLeftUntouched()
    {
        using var cli = new CliRunner();
        System.IO.File.WriteAllText(cli.Db, "just text");
        var (code, output) = cli.Run("actors");
        Assert.NotEqual(0, code);
        Assert.Contains("not a Wedge database", output, StringComparison.Ordinal);
        Assert.Equal("just text", System.IO.File.ReadAllText(cli.Db));
    }

    [Fact]
    public void ExpectVersion_Stale_IsRefused()
    {
        using var cli = new CliRunner();
        var (code, output) = cli.Run("retract", "tie:t-aq-taliban-alliance", "--why", "x", "--expect-version", "1");
        Assert.Equal(3, code);
        Assert.Contains("Someone else recorded changes first", output, StringComparison.Ordinal);
    }
}
