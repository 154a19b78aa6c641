using System.Text.Json;

namespace Wedge.Cli.Tests.Events;

/// <summary>
/// `wedge import dyad-years` end to end with the shipped MGAR mapping: what lands, what is refused (file and line, or file,
/// line and column for the mapping, on standard error, exit 1), and that a refused import leaves the journal as it was.
/// </summary>
public sealed class ImportDyadYearsCommandTests : IDisposable
{
    private const string Header = "dyadyearid,group1_name,group2_name,year,relationship,operational,material,territorial,training,financial";

    private static readonly string Mgar = Repository.File("docs", "mappings", "mgar.yaml");

    private static readonly string Synthetic = Repository.Fixture("dyad-years", "mgar-synthetic.csv");

    private readonly CliRunner cli = new();

    public ImportDyadYearsCommandTests()
    {
        Assert.Equal(0, cli.Run("init", "--empty", "--db", cli.Db).Code);
        Assert.Equal(0, cli.Run("import", "case", Repository.Fixture("dyad-years", "actors.yaml"), "--db", cli.Db).Code);
    }

    public void Dispose() => cli.Dispose();

    private string Write(params string[] rows)
    {
        var path = cli.File("mgar.csv");
        File.WriteAllText(path, Header + "\n" + string.Join("\n", rows) + "\n");
        return path;
    }

    private long Version() => cli.Json("history", "--db", cli.Db).EnumerateArray().Last().GetProperty("version").GetInt64();

    [Fact]
    public void Fixture_Lands_WithTheHandCountedFigures_AndAgainWritesNothing()
    {
        var before = Version();
        var (code, output, err) = cli.RunApart("import", "dyad-years", Synthetic, "--map", Mgar, "--names", Repository.Fixture("dyad-years", "names.csv"), "--db", cli.Db, "--json");
        Assert.True(code == 0, err);
        var r = JsonDocument.Parse(output).RootElement;
        Assert.Equal((13, 8, 1, 10), (r.GetProperty("claims").GetInt32(), r.GetProperty("ties").GetInt32(), r.GetProperty("declaredTies").GetInt32(), r.GetProperty("ledgerEntries").GetInt32()));
        Assert.Equal(32, r.GetProperty("changes").GetInt64());
        Assert.Equal(before + 32, Version());
        Assert.Equal("Lashkar-e-Islam", r.GetProperty("unmatched")[0].GetProperty("name").GetString());

        (code, output, err) = cli.RunApart("import", "dyad-years", Synthetic, "--map", Mgar, "--names", Repository.Fixture("dyad-years", "names.csv"), "--db", cli.Db);
        Assert.True(code == 0, err);
        Assert.Contains("Nothing to write: everything is already on record.", output, StringComparison.Ordinal);
        Assert.Equal(before + 32, Version());
    }

    [Fact]
    public void Fixture_TiesAndLedgerOnRecord()
    {
        Assert.Equal(0, cli.RunApart("import", "dyad-years", Synthetic, "--map", Mgar, "--db", cli.Db).Code);
        var timeline = cli.Run("timeline", "Taliban", "--db", cli.Db).Output;
        Assert.Contains("1996", timeline, StringComparison.Ordinal);
        Assert.Contains("2002", timeline, StringComparison.Ordinal);
    }

    [Fact]
    public void DryRun_WritesNothing_SaysWhatItWouldWrite()
    {
        var before = Version();
        var (code, output, err) = cli.RunApart("import", "dyad-years", Synthetic, "--map", Mgar, "--dry-run", "--db", cli.Db);
        Assert.True(code == 0, err);
        Assert.Contains("Dry run: 29 changes planned, nothing written.", output, StringComparison.Ordinal);
        Assert.Contains("unmatched: Lashkar-e-Islam (1 row, first on line 13)", output, StringComparison.Ordinal);
        Assert.Equal(before, Version());
    }

    [Fact]
    public void BadRow_WithoutStrict_GoodRowsLand_RefusedListedOnStandardError_ExitOne()
    {
        var path = Write("1,al-Qaida,Taliban,2001,ally,0,0,0,0,0", "2,al-Qaida,Taliban,2002,friend,0,0,0,0,0");
        var before = Version();
        var (code, _, err) = cli.RunApart("import", "dyad-years", path, "--map", Mgar, "--db", cli.Db);
        Assert.Equal(1, code);
        Assert.Contains("mgar.csv:3: relationship 'friend' is not in the mapping", err, StringComparison.Ordinal);
        Assert.Contains("1 row(s) refused; the other rows were imported", err, StringComparison.Ordinal);
        Assert.True(Version() > before);
    }

    [Fact]
    public void BadRow_WithStrict_NothingWritten_VersionUnchanged()
    {
        var path = Write("1,al-Qaida,Taliban,2001,ally,0,0,0,0,0", "2,al-Qaida,Taliban,20x2,ally,0,0,0,0,0");
        var before = Version();
        var (code, _, err) = cli.RunApart("import", "dyad-years", path, "--map", Mgar, "--strict", "--db", cli.Db);
        Assert.Equal(1, code);
        Assert.Contains("--strict: 1 row(s) refused and 0 name(s) ambiguous; nothing was written.", err, StringComparison.Ordinal);
        Assert.Contains("mgar.csv:3: year '20x2' is not a year", err, StringComparison.Ordinal);
        Assert.Equal(before, Version());
    }

    [Fact]
    public void BadMapping_RefusedWithFileLineAndColumn_VersionUnchanged()
    {
        var mapping = cli.File("bad.yaml");
        File.WriteAllText(mapping, File.ReadAllText(Mgar).Replace("training: expertise", "training: skills", StringComparison.Ordinal));
        var line = File.ReadAllLines(mapping).ToList().FindIndex(l => l.Contains("training: skills", StringComparison.Ordinal)) + 1;
        var before = Version();
        var (code, _, err) = cli.RunApart("import", "dyad-years", Synthetic, "--map", mapping, "--db", cli.Db);
        Assert.Equal(1, code);
        Assert.Contains($"bad.yaml:{line}:13: flag 'training': 'skills' is not a ledger benefit", err, StringComparison.Ordinal);
        Assert.Contains("Nothing was written.", err, StringComparison.Ordinal);
        Assert.Equal(before, Version());
    }

    [Fact]
    public void MissingMapOption_IsAUsageError()
    {
        var (code, _, err) = cli.RunApart("import", "dyad-years", Synthetic, "--db", cli.Db);
        Assert.NotEqual(0, code);
        Assert.Contains("--map MAPPING.yaml is required", err, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingColumn_RefusesTheFile_VersionUnchanged()
    {
        var path = cli.File("narrow.csv");
        File.WriteAllText(path, "group1_name,group2_name,year,relationship\nal-Qaida,Taliban,2001,ally\n");
        var before = Version();
        var (code, _, err) = cli.RunApart("import", "dyad-years", path, "--map", Mgar, "--db", cli.Db);
        Assert.Equal(1, code);
        Assert.Contains("narrow.csv:1: missing columns 'dyadyearid', 'operational'", err, StringComparison.Ordinal);
        Assert.Equal(before, Version());
    }

    [Fact]
    public void HostileNames_ShownEscaped()
    {
        var path = Write("1,[bold]Group[/],Taliban,2001,ally,0,0,0,0,0");
        var (code, output, _) = cli.RunApart("import", "dyad-years", path, "--map", Mgar, "--db", cli.Db);
        Assert.Equal(0, code);
        Assert.Contains("unmatched: [bold]Group[/]", output, StringComparison.Ordinal);
    }
}
