using System.Diagnostics;
using System.Text.Json;

namespace Wedge.Cli.Tests.Rendering;

/// <summary>
/// Tables as the real `wedge` writes them: into a pipe, one line per row and no id cut in two (Spectre alone would fold
/// every cell to 80 columns); on $COLUMNS, within that width; with --format csv or tsv, only the tables on standard output.
/// </summary>
public sealed class TableLayoutTests : IDisposable
{
    private readonly CliRunner cli = new();

    public TableLayoutTests() => Assert.Equal(0, cli.Run("init").Code);

    public void Dispose() => cli.Dispose();

    private string[] ActorIds => [.. cli.Json("actors").EnumerateArray().Select(a => a.GetProperty("id").GetString()!)];

    [Fact]
    public void Piped_OneLinePerRow_IdsWhole()
    {
        var (stdout, _) = RunWedge(null, "actors", "--db", cli.Db);
        var rows = stdout.Split('\n').Where(l => l.StartsWith('│')).Skip(1).ToList(); // after the header row
        Assert.Equal(ActorIds.Length, rows.Count); // nothing wrapped onto a second line
        foreach (var id in ActorIds)
        {
            Assert.Contains(rows, r => r.StartsWith($"│ {id} ", StringComparison.Ordinal));
        }

        Assert.True(stdout.Split('\n').Max(l => l.Length) > 80, "a pipe is not limited to 80 columns");
    }

    [Fact]
    public void Columns_LimitsTheWidth_IdsStillWhole()
    {
        var (stdout, _) = RunWedge("100", "actors", "--db", cli.Db);
        Assert.All(stdout.Split('\n'), l => Assert.True(l.Length <= 100, $"{l.Length} columns: {l}"));
        foreach (var id in ActorIds)
        {
            Assert.Contains($"│ {id} ", stdout, StringComparison.Ordinal); // the id column does not wrap
        }
    }

    [Fact]
    public void Piped_ErrorsAreNotWrappedEither()
    {
        var (_, stderr) = RunWedge(null, "dyad", "Talibam", "al-Qaeda-with-a-long-misspelled-name-to-pass-eighty-columns", "--db", cli.Db);
        Assert.Single(stderr.Trim().Split('\n'));
    }

    [Fact]
    public void Tsv_HeaderAndOneLinePerActor_HeadingOnStderr()
    {
        var (code, stdout, stderr) = cli.RunApart("actors", "--format", "tsv");
        Assert.Equal(0, code);
        var lines = stdout.TrimEnd('\n').Split('\n');
        Assert.Equal("id\tname\tkind\tparent\taliases\tactive", lines[0]);
        Assert.Equal(ActorIds, lines.Skip(1).Select(l => l.Split('\t')[0]));
        Assert.StartsWith($"{ActorIds.Length} actors (now)", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Csv_SeveralTables_BlocksSeparatedByABlankLine()
    {
        var (code, stdout, _) = cli.RunApart("dyad", "al-Qaeda", "Taliban", "--at", "2018-09-11", "--format", "csv");
        Assert.Equal(0, code);
        var blocks = stdout.TrimEnd('\n').Split("\n\n");
        Assert.True(blocks.Length >= 3, stdout);
        Assert.Contains(blocks, b => b.StartsWith("tie,between,period,holds,public stance / fate,claims\n", StringComparison.Ordinal));
        Assert.DoesNotContain("╭", stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("history")]
    [InlineData("ties", "--kind", "rivalry")]
    [InlineData("timeline", "Taliban")]
    [InlineData("network", "metrics")]
    [InlineData("spells")]
    public void Csv_WhereverATableIsPrinted(params string[] args)
    {
        var (code, stdout, _) = cli.RunApart([.. args, "--format", "csv"]);
        Assert.Equal(0, code);
        Assert.NotEmpty(stdout);
        Assert.DoesNotContain("│", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_NegativesWithOneMinusSign_CsvGivesPlainNumbers()
    {
        var (code, table, _) = cli.RunApart("assess", "Taliban", "al-Qaeda", "--at", "2018-09-11", "--runs", "20");
        Assert.Equal(0, code);
        Assert.Contains("\u2212", table, StringComparison.Ordinal); // the Taliban's net is negative
        // No number set with the ASCII hyphen (ids and dates have it between word characters, never before a lone number).
        Assert.DoesNotMatch(@"(?<![\w-])-\d", table);

        var (csvCode, csv, _) = cli.RunApart("assess", "Taliban", "al-Qaeda", "--at", "2018-09-11", "--runs", "20", "--format", "csv");
        Assert.Equal(0, csvCode);
        // Cells that are one number are plain numbers (a cell holding a figure and its interval stays text).
        Assert.Contains("\nTaliban,cost,retaliation,-394.1,", csv, StringComparison.Ordinal);
        Assert.Contains("\n1996,", csv, StringComparison.Ordinal);
        var firstYear = csv[(csv.IndexOf("\n1996,", StringComparison.Ordinal) + 1)..].Split('\n')[0].Split(',');
        Assert.True(double.Parse(firstYear[3], System.Globalization.CultureInfo.InvariantCulture) < 0, string.Join(",", firstYear)); // the Taliban's net in 1996, a plain number
    }

    [Fact]
    public void Csv_AndJson_ExcludeEachOther()
    {
        var (code, stdout, stderr) = cli.RunApart("actors", "--format", "csv", "--json");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal("bad-option-value", JsonDocument.Parse(stderr).RootElement.GetProperty("code").GetString());
    }

    [Fact]
    public void UnknownFormat_Usage2()
    {
        var (code, _, stderr) = cli.RunApart("actors", "--format", "xml");
        Assert.Equal(2, code);
        Assert.Equal("error: --format: 'xml' is not one of: table, csv, tsv", stderr.Trim());
    }

    /// <summary>Runs the built `wedge` as a separate process with its output redirected, as in `wedge actors | less`.</summary>
    private static (string Out, string Err) RunWedge(string? columns, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(typeof(WedgeApp).Assembly.Location);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment.Remove("COLUMNS");
        if (columns is not null)
        {
            start.Environment["COLUMNS"] = columns;
        }

        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (stdout.Result, stderr);
    }
}
