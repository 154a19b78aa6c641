using System.Text.Json;

namespace Wedge.Cli.Tests.Events;

/// <summary>`wedge import gtd` end to end: what lands, what is refused (file and line on standard error, exit 1), and that a refused import changes nothing.</summary>
public sealed class ImportGtdCommandTests : IDisposable
{
    private readonly CliRunner cli = new();

    public ImportGtdCommandTests()
    {
        Assert.Equal(0, cli.Run("init", "--empty", "--db", cli.Db).Code);
        Assert.Equal(0, cli.Run("import", "case", Repository.Fixture("gtd", "actors.yaml"), "--db", cli.Db).Code);
    }

    public void Dispose() => cli.Dispose();

    private static readonly string[] Columns = File.ReadLines(Repository.Fixture("gtd", "synthetic.csv")).First().Split(',');

    /// <summary>A joint attack by the Taliban and the Haqqani Network on 3 May 2014, with some columns changed.</summary>
    private static string Joint(long id, params (string Column, string Value)[] changes)
    {
        var fields = new string[Columns.Length];
        Array.Fill(fields, "");
        foreach (var (c, v) in new[] { ("eventid", id.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("iyear", "2014"), ("imonth", "5"), ("iday", "3"),
                     ("gname", "Taliban"), ("gname2", "Haqqani Network"), ("guncertain1", "0"), ("guncertain2", "0"), ("nkill", "2") }.Concat(changes))
        {
            fields[Array.IndexOf(Columns, c)] = v;
        }

        return string.Join(',', fields);
    }

    private string Write(params string[] rows)
    {
        var path = cli.File("gtd.csv");
        File.WriteAllText(path, string.Join(',', Columns) + "\n" + string.Join("\n", rows) + "\n");
        return path;
    }

    private byte[] Database()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return File.ReadAllBytes(cli.Db);
    }

    private long Version() => cli.Json("history", "--db", cli.Db).EnumerateArray().Last().GetProperty("version").GetInt64();

    [Fact]
    public void Fixture_Lands_WithTheHandCountedFigures()
    {
        var (code, output, err) = cli.RunApart("import", "gtd", Repository.Fixture("gtd", "synthetic.csv"), "--map", Repository.Fixture("gtd", "map.csv"), "--db", cli.Db, "--json");
        Assert.True(code == 0, err);
        var r = JsonDocument.Parse(output).RootElement;
        Assert.Equal(8, r.GetProperty("eventsImported").GetInt32());
        Assert.Equal(7, r.GetProperty("pairYears").GetInt32());
        Assert.Equal(25, r.GetProperty("changes").GetInt64());
        Assert.Equal("Lashkar-e-Islam", r.GetProperty("unmatched")[0].GetProperty("name").GetString());
    }

    [Fact]
    public void BadRow_WithoutStrict_GoodRowsLand_RefusedListedOnStandardError_ExitOne()
    {
        var path = Write(Joint(1), Joint(2, ("imonth", "13")), Joint(3, ("iyear", "2015")));
        var before = Version();
        var (code, output, err) = cli.RunApart("import", "gtd", path, "--db", cli.Db);
        Assert.Equal(1, code);
        Assert.Contains("gtd.csv:3: imonth 13 is outside 0..12", err, StringComparison.Ordinal);
        Assert.Contains("1 row(s) refused; the other rows were imported", err, StringComparison.Ordinal);
        Assert.DoesNotContain("imonth 13", output, StringComparison.Ordinal);
        Assert.True(Version() > before);
        var timeline = cli.Run("timeline", "Taliban", "--db", cli.Db).Output;
        Assert.Contains("2014-05-03", timeline, StringComparison.Ordinal);
        Assert.Contains("2015-05-03", timeline, StringComparison.Ordinal);
    }

    [Fact]
    public void BadRow_WithStrict_NothingWritten()
    {
        var path = Write(Joint(1), Joint(2, ("nkill", "many")));
        var before = Database();
        var (code, _, err) = cli.RunApart("import", "gtd", path, "--strict", "--db", cli.Db);
        Assert.Equal(1, code);
        Assert.Contains("--strict: 1 row(s) refused and 0 name(s) ambiguous; nothing was written.", err, StringComparison.Ordinal);
        Assert.Contains("gtd.csv:3: nkill 'many' is not a count", err, StringComparison.Ordinal);
        Assert.Equal(before, Database());
    }

    [Fact]
    public void DryRun_WritesNothing()
    {
        var before = Database();
        var (code, output, err) = cli.RunApart("import", "gtd", Repository.Fixture("gtd", "synthetic.csv"), "--dry-run", "--db", cli.Db);
        Assert.True(code == 0, err);
        Assert.Contains("Dry run: 22 changes planned, nothing written.", output, StringComparison.Ordinal);
        Assert.Equal(before, Database());
    }

    [Fact]
    public void MissingFile_AndMissingColumn_RefusedWithFileAndLine_NothingWritten()
    {
        var before = Database();
        var (code, _, err) = cli.RunApart("import", "gtd", cli.File("absent.csv"), "--db", cli.Db);
        Assert.Equal(1, code);
        Assert.Contains("absent.csv: no such file", err, StringComparison.Ordinal);

        var narrow = cli.File("narrow.csv");
        File.WriteAllText(narrow, "eventid,iyear,imonth,iday,gname,gname2,gname3,guncertain1,guncertain2,guncertain3,claimed,nkill\n1,2014,1,1,Taliban,,,0,,,0,1\n");
        (code, _, err) = cli.RunApart("import", "gtd", narrow, "--db", cli.Db);
        Assert.Equal(1, code);
        Assert.Contains("narrow.csv:1: missing column 'country_txt' in the header", err, StringComparison.Ordinal);
        Assert.Equal(before, Database());
    }

    [Fact]
    public void HostileNames_ShownEscaped()
    {
        var path = Write(Joint(1, ("gname2", "Evil\u001b[31m [bold]Group[/]")));
        var (code, output, _) = cli.RunApart("import", "gtd", path, "--db", cli.Db);
        Assert.Equal(1, code); // a control character in a name refuses the row
        Assert.DoesNotContain("\u001b", output, StringComparison.Ordinal);

        path = Write(Joint(2, ("gname2", "[bold]Group[/]")));
        (code, output, _) = cli.RunApart("import", "gtd", path, "--db", cli.Db);
        Assert.Equal(0, code);
        Assert.Contains("unmatched: [bold]Group[/]", output, StringComparison.Ordinal);
    }
}
