using Wedge.Data.Events;
using Wedge.Data.Mmp;
using static Wedge.Data.Tests.Events.DyadYearFiles;

namespace Wedge.Data.Tests.Events;

/// <summary>Each kind of bad dyad-year row: refused with file, line and reason; the good rows still planned.</summary>
public class DyadYearBadInputTests
{
    /// <summary>Line 2 is a good row; the bad row is on line 3.</summary>
    private static string RefusalOf(string bad)
    {
        using var dir = new TempDir();
        var (_, r) = Import(dir, Row(1, "al-Qaida", "Taliban", 2001, "ally"), bad);
        var p = Assert.Single(r.Refused);
        Assert.Equal(3, p.Line);
        Assert.EndsWith("mgar.csv", p.File, StringComparison.Ordinal);
        Assert.Equal((1, 1), (r.Claims, r.Ties));
        return p.Reason;
    }

    [Theory]
    [InlineData("2,,Taliban,2002,ally,0,0,0,0,0", "group1_name is empty (no group named)")]
    [InlineData("2,al-Qaida,Taliban,,ally,0,0,0,0,0", "year is empty")]
    [InlineData("2,al-Qaida,Taliban,02,ally,0,0,0,0,0", "year '02' is not a year")]
    [InlineData("2,al-Qaida,Taliban,2002.5,ally,0,0,0,0,0", "year '2002.5' is not a year")]
    [InlineData(",al-Qaida,Taliban,2002,ally,0,0,0,0,0", "dyadyearid is empty (the row's id, cited in its claim)")]
    [InlineData("2,al-Qaida,Taliban,2002,friend,0,0,0,0,0",
        "relationship 'friend' is not in the mapping (mapped: 'ally', 'associate', 'supporter', 'fan', 'host', 'rival', 'competitor')")]
    [InlineData("2,al-Qaida,Taliban,2002,,0,0,0,0,0",
        "relationship is empty, and the mapping maps no empty value (mapped: 'ally', 'associate', 'supporter', 'fan', 'host', 'rival', 'competitor')")]
    [InlineData("2,al-Qaida,Taliban,2002,ally,0,0,2,0,0", "territorial '2' is neither 1 nor 0 (empty or NA: not coded)")]
    [InlineData("2,al-Qaida,al-Qaida,2002,ally,0,0,0,0,0", "group1_name and group2_name name the same group ('al-Qaida')")]
    [InlineData("2,al-Qaida,Taliban,2002,rival,0,0,0,1,0", "training is set on a 'rival' row, which the mapping reads as rivalry: a hostile tie carries no flows")]
    [InlineData("2,al-Qaida,Taliban,2002,ally,0,0,0,0", "expected 10 fields (as in the header), found 9")]
    public void BadRow_Refused(string row, string reason) => Assert.Equal(reason, RefusalOf(row));

    [Fact]
    public void UnbalancedQuote_Refused() => Assert.StartsWith("unbalanced quote", RefusalOf("2,\"al-Qaida,Taliban,2002,ally,0,0,0,0,0"), StringComparison.Ordinal);

    [Fact]
    public void ControlCharacterInAName_Refused() => Assert.Equal("group2_name holds a control character", RefusalOf("2,al-Qaida,Tali\u0007ban,2002,ally,0,0,0,0,0"));

    [Fact]
    public void ReusedRowId_RefusedWithTheEarlierLine() => Assert.Equal("dyadyearid '1' is already used on line 2", RefusalOf(Row(1, "al-Qaida", "Taliban", 2002, "ally")));

    [Fact]
    public void YearAndFlagsWrittenAsDecimalsOrNA_Read()
    {
        // Stata and R exports write 2001.0 and 1.0, and NA for a flag not coded: operational and financial are set, both ways.
        using var dir = new TempDir();
        var (_, r) = Import(dir, "1,al-Qaida,Taliban,2001.0,ally,1.0,0.0,NA,,1");
        Assert.Empty(r.Refused);
        Assert.Equal(4, r.LedgerEntries);
    }

    [Fact]
    public void MissingColumn_RefusesTheFile_NamingItAndTheHeaderFound()
    {
        using var dir = new TempDir();
        var path = dir.File("mgar.csv");
        File.WriteAllText(path, "group1_name,group2_name,year,relationship\nal-Qaida,Taliban,2001,ally\n");
        var ex = Assert.Throws<MmpFileException>(() => DyadYearImporter.Plan(path, Mgar(), Actors()));
        Assert.Equal(1, ex.Problem.Line);
        Assert.StartsWith("missing columns 'dyadyearid', 'operational'", ex.Problem.Reason, StringComparison.Ordinal);
        Assert.Contains("(found: 'group1_name', 'group2_name', 'year', 'relationship')", ex.Problem.Reason, StringComparison.Ordinal);
    }
}
