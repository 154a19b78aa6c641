using System.Text.Json;

namespace Wedge.Cli.Tests.Events;

/// <summary>
/// `wedge import ucdp` and `wedge import acled` end to end on the synthetic fixtures (tests/fixtures/ucdp and acled):
/// what lands, what is refused (file and line on standard error, exit 1), and that a refused import changes nothing,
/// the journal version included.
/// </summary>
public sealed class ImportEventDatasetCommandTests : IDisposable
{
    private readonly CliRunner cli = new();

    public ImportEventDatasetCommandTests()
    {
        Assert.Equal(0, cli.Run("init", "--empty", "--db", cli.Db).Code);
        Assert.Equal(0, cli.Run("import", "case", Repository.Fixture("ucdp", "actors.yaml"), "--db", cli.Db).Code);
        Assert.Equal(0, cli.Run("import", "case", Repository.Fixture("acled", "actors.yaml"), "--db", cli.Db).Code);
    }

    public void Dispose() => cli.Dispose();

    /// <summary>The fixture's header and its data rows, with line <paramref name="line"/> (1-based, header = 1) replaced.</summary>
    private string WriteWith(string dataset, int line, Func<string, string> change)
    {
        var lines = File.ReadAllLines(Repository.Fixture(dataset, "synthetic.csv"));
        lines[line - 1] = change(lines[line - 1]);
        var path = cli.File($"{dataset}.csv");
        File.WriteAllLines(path, lines);
        return path;
    }

    private byte[] Database()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return File.ReadAllBytes(cli.Db);
    }

    private long Version() => cli.Json("history", "--db", cli.Db).EnumerateArray().Last().GetProperty("version").GetInt64();

    [Fact]
    public void Ucdp_Fixture_Lands_WithTheHandCountedFigures()
    {
        var (code, output, err) = cli.RunApart("import", "ucdp", Repository.Fixture("ucdp", "synthetic.csv"), "--map", Repository.Fixture("ucdp", "map.csv"), "--db", cli.Db, "--json");
        Assert.True(code == 0, err);
        var r = JsonDocument.Parse(output).RootElement;
        Assert.Equal(6, r.GetProperty("eventsImported").GetInt32());
        Assert.Equal(3, r.GetProperty("pairYears").GetInt32());
        Assert.Equal(14, r.GetProperty("changes").GetInt64());
        Assert.Equal("Ahrar al-Sham", r.GetProperty("unmatched")[0].GetProperty("name").GetString());
        var timeline = cli.Run("timeline", "Taliban", "--db", cli.Db).Output;
        Assert.Contains("2015-03-10", timeline, StringComparison.Ordinal);

        (code, output, _) = cli.RunApart("import", "ucdp", Repository.Fixture("ucdp", "synthetic.csv"), "--map", Repository.Fixture("ucdp", "map.csv"), "--db", cli.Db);
        Assert.Equal(0, code);
        Assert.Contains("Nothing to write: everything is already on record.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Ucdp_Unmatched_ListedWithTheMapHint()
    {
        var (code, output, _) = cli.RunApart("import", "ucdp", Repository.Fixture("ucdp", "synthetic.csv"), "--dry-run", "--db", cli.Db);
        Assert.Equal(0, code);
        Assert.Contains("unmatched: Jabhat Fateh al-Sham (2 non-state events, first on line 5); add it to a --map file", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Ucdp_BadRow_WithStrict_NothingWritten_VersionUnchanged()
    {
        var path = WriteWith("ucdp", 3, l => l.Replace(",2,2015-04-06,2015-04-09,", ",9,2015-04-06,2015-04-09,", StringComparison.Ordinal));
        var (before, version) = (Database(), Version());
        var (code, _, err) = cli.RunApart("import", "ucdp", path, "--strict", "--db", cli.Db);
        Assert.Equal(1, code);
        Assert.Contains("--strict: 1 row(s) refused and 0 name(s) ambiguous; nothing was written.", err, StringComparison.Ordinal);
        Assert.Contains("ucdp.csv:3: date_prec 9 is outside 1..5", err, StringComparison.Ordinal);
        Assert.Equal(version, Version());
        Assert.Equal(before, Database());
    }

    [Fact]
    public void Ucdp_BadRow_WithoutStrict_GoodRowsLand_RefusedOnStandardError()
    {
        var path = WriteWith("ucdp", 3, l => "1001" + l[4..]); // line 3 reuses line 2's id
        var before = Version();
        var (code, output, err) = cli.RunApart("import", "ucdp", path, "--db", cli.Db);
        Assert.Equal(1, code);
        Assert.Contains("ucdp.csv:3: id 1001 is already used on line 2", err, StringComparison.Ordinal);
        Assert.Contains("1 row(s) refused; the other rows were imported", err, StringComparison.Ordinal);
        Assert.DoesNotContain("already used", output, StringComparison.Ordinal);
        Assert.True(Version() > before);
    }

    [Fact]
    public void Ucdp_MissingFile_Refused_NothingWritten()
    {
        var before = Database();
        var (code, _, err) = cli.RunApart("import", "ucdp", cli.File("absent.csv"), "--db", cli.Db);
        Assert.Equal(1, code);
        Assert.Contains("absent.csv: no such file", err, StringComparison.Ordinal);
        Assert.Equal(before, Database());
    }

    [Fact]
    public void Acled_Fixture_Lands_WithTheHandCountedFigures()
    {
        var (code, output, err) = cli.RunApart("import", "acled", Repository.Fixture("acled", "synthetic.csv"), "--map", Repository.Fixture("acled", "map.yaml"), "--db", cli.Db, "--json");
        Assert.True(code == 0, err);
        var r = JsonDocument.Parse(output).RootElement;
        Assert.Equal(6, r.GetProperty("eventsImported").GetInt32());
        Assert.Equal(3, r.GetProperty("cooperationPairYears").GetInt32());
        Assert.Equal(2, r.GetProperty("battlePairYears").GetInt32());
        Assert.Equal(18, r.GetProperty("changes").GetInt64());
    }

    [Fact]
    public void Acled_DryRun_WritesNothing()
    {
        var before = Database();
        var (code, output, err) = cli.RunApart("import", "acled", Repository.Fixture("acled", "synthetic.csv"), "--dry-run", "--db", cli.Db);
        Assert.True(code == 0, err);
        // Without the map, GATIA is unmatched and line 4 gives nothing: the source, 4 claims, 3 ties, 5 events.
        Assert.Contains("Dry run: 13 changes planned, nothing written.", output, StringComparison.Ordinal);
        Assert.Contains("unmatched: GATIA: Imghad Tuareg and Allies Self-Defense Group", output, StringComparison.Ordinal);
        Assert.Equal(before, Database());
    }

    [Fact]
    public void Acled_BadRow_WithStrict_NothingWritten_VersionUnchanged()
    {
        var path = WriteWith("acled", 5, l => l.Replace(",2019,3,", ",2019,7,", StringComparison.Ordinal));
        var (before, version) = (Database(), Version());
        var (code, _, err) = cli.RunApart("import", "acled", path, "--strict", "--db", cli.Db);
        Assert.Equal(1, code);
        Assert.Contains("acled.csv:5: time_precision '7' is not 1 (day), 2 (week) or 3 (month)", err, StringComparison.Ordinal);
        Assert.Equal(version, Version());
        Assert.Equal(before, Database());
    }

    [Fact]
    public void Acled_HostileNames_ShownEscaped()
    {
        var path = WriteWith("acled", 10, l => l.Replace("Katiba Macina", "[bold]Katiba[/]", StringComparison.Ordinal));
        var (code, output, _) = cli.RunApart("import", "acled", path, "--dry-run", "--db", cli.Db);
        Assert.Equal(0, code);
        Assert.Contains("unmatched: [bold]Katiba[/]", output, StringComparison.Ordinal);
    }
}
