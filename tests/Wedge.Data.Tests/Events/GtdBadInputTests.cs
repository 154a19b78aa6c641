using Wedge.Data.Events;
using Wedge.Data.Mmp;

namespace Wedge.Data.Tests.Events;

/// <summary>Each kind of bad GTD row: refused with file, line and reason; the good rows still planned.</summary>
public class GtdBadInputTests
{
    private static GtdImportReport Import(TempDir dir, params string[] rows)
        => GtdImporter.Plan(GtdFiles.Write(dir, rows), GtdFiles.Actors()).Report;

    /// <summary>Line 2 is a good joint attack; the bad row is on line 3.</summary>
    private static string RefusalOf(params (string Column, string Value)[] bad)
    {
        using var dir = new TempDir();
        var r = Import(dir, GtdFiles.Joint(1), GtdFiles.Joint(2, bad));
        var p = Assert.Single(r.Refused);
        Assert.Equal(3, p.Line);
        Assert.EndsWith("gtd.csv", p.File, StringComparison.Ordinal);
        Assert.Equal(1, r.EventsImported);
        return p.Reason;
    }

    [Theory]
    [InlineData("eventid", "", "eventid is empty")]
    [InlineData("eventid", "2014x", "eventid '2014x' is not a whole number")]
    [InlineData("iyear", "", "iyear is empty")]
    [InlineData("iyear", "14", "iyear '14' is not a year")]
    [InlineData("imonth", "13", "imonth 13 is outside 0..12 (0: month unknown)")]
    [InlineData("imonth", "May", "imonth 'May' is not a whole number")]
    [InlineData("iday", "32", "iday 32 is not a day of 2014-05")]
    [InlineData("guncertain1", "2", "guncertain1 '2' is neither 0 nor 1 (1: the perpetrator in gname is suspected)")]
    [InlineData("guncertain3", "yes", "guncertain3 'yes' is neither 0 nor 1 (1: the perpetrator in gname3 is suspected)")]
    [InlineData("claimed", "2", "claimed '2' is not one of 1, 0, -9 (unknown) or empty")]
    [InlineData("nkill", "-1", "nkill '-1' is not a count of people killed (a whole number, or empty when unknown)")]
    [InlineData("nkill", "1.5", "nkill '1.5' is not a count of people killed (a whole number, or empty when unknown)")]
    public void BadField_RefusesTheRow(string column, string value, string reason)
        => Assert.Equal(reason, RefusalOf((column, value)));

    [Fact]
    public void DayWithoutMonth_Refused()
        => Assert.Equal("iday 3 is given but imonth is 0 (a day without its month)", RefusalOf(("imonth", "0")));

    [Fact]
    public void FebruaryThirtieth_Refused()
        => Assert.Equal("iday 30 is not a day of 2014-02", RefusalOf(("imonth", "2"), ("iday", "30")));

    [Fact]
    public void SecondGroupWithoutFirst_Refused()
        => Assert.StartsWith("gname is empty but gname2 or gname3 names a group", RefusalOf(("gname", "")), StringComparison.Ordinal);

    [Fact]
    public void ReusedEventId_RefusedWithTheEarlierLine()
    {
        using var dir = new TempDir();
        var r = Import(dir, GtdFiles.Joint(1), GtdFiles.Joint(1));
        Assert.Equal("eventid 1 is already used on line 2", Assert.Single(r.Refused).Reason);
    }

    [Fact]
    public void WrongFieldCount_AndUnbalancedQuote_Refused()
    {
        using var dir = new TempDir();
        var r = Import(dir, GtdFiles.Joint(1), "3,2014,5", GtdFiles.Joint(4, ("city", "\"never closed")));
        Assert.Equal(2, r.Refused.Count);
        Assert.Equal((3, "expected 135 fields (as in the header), found 3"), (r.Refused[0].Line, r.Refused[0].Reason));
        Assert.Equal(4, r.Refused[1].Line);
        Assert.StartsWith("unbalanced quote", r.Refused[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingColumn_RefusesTheFile()
    {
        using var dir = new TempDir();
        var path = dir.File("gtd.csv");
        File.WriteAllText(path, "eventid,iyear,imonth,iday,gname\n1,2014,1,1,Taliban\n");
        var ex = Assert.Throws<MmpFileException>(() => GtdImporter.Plan(path, GtdFiles.Actors()));
        Assert.Equal(1, ex.Problem.Line);
        Assert.Contains("missing columns 'gname2', 'gname3'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MapRow_NamingNoActorOnRecord_Refused()
    {
        using var dir = new TempDir();
        var path = dir.File("map.csv");
        File.WriteAllText(path, "name,actor_id\nLashkar-e-Islam,lei\n");
        var (map, problems) = EventNameMap.Read(path, GtdFiles.Actors());
        Assert.Empty(map);
        Assert.Equal("map.csv:2: actor 'lei' is not on record", Path.GetFileName(Assert.Single(problems).ToString()));
    }
}
