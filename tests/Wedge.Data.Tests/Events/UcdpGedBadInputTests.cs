using Wedge.Data.Events;
using Wedge.Data.Mmp;

namespace Wedge.Data.Tests.Events;

/// <summary>Each kind of bad UCDP GED row: refused with file, line and reason; the good rows still planned.</summary>
public class UcdpGedBadInputTests
{
    /// <summary>Line 2 is a good event; the bad row is on line 3.</summary>
    private static string RefusalOf(params (string Column, string Value)[] bad)
    {
        using var dir = new TempDir();
        var path = EventFiles.Write(dir, EventFiles.Ucdp, "ged.csv", EventFiles.UcdpRow(1), EventFiles.UcdpRow(2, bad));
        var r = UcdpGedImporter.Plan(path, EventFiles.UcdpActors()).Report;
        var p = Assert.Single(r.Refused);
        Assert.Equal(3, p.Line);
        Assert.EndsWith("ged.csv", p.File, StringComparison.Ordinal);
        Assert.Equal(1, r.EventsImported);
        return p.Reason;
    }

    [Theory]
    [InlineData("id", "", "id is empty")]
    [InlineData("id", "12a", "id '12a' is not a whole number")]
    [InlineData("year", "15", "year '15' is not a year")]
    [InlineData("type_of_violence", "4", "type_of_violence 4 is not 1 (state-based), 2 (non-state) or 3 (one-sided)")]
    [InlineData("side_b", "", "side_b is empty")]
    [InlineData("where_prec", "8", "where_prec 8 is outside 1..7")]
    [InlineData("event_clarity", "3", "event_clarity 3 is neither 1 (clear) nor 2 (not fully identified)")]
    [InlineData("date_prec", "6", "date_prec 6 is outside 1..5 (1: the day is known … 5: known within a year)")]
    [InlineData("date_prec", "", "date_prec is empty")]
    [InlineData("date_start", "10/03/2015", "date_start '10/03/2015' is not a date (yyyy-mm-dd)")]
    [InlineData("date_end", "2015-03-09", "date_end 2015-03-09 is before date_start 2015-03-10")]
    [InlineData("year", "2016", "year 2016 is outside date_start 2015-03-10 .. date_end 2015-03-10")]
    [InlineData("best", "-1", "best -1 is negative (a count of deaths)")]
    [InlineData("low", "many", "low 'many' is not a whole number (a count of deaths)")]
    public void BadField_RefusesTheRow(string column, string value, string reason)
        => Assert.Equal(reason, RefusalOf((column, value)));

    [Fact]
    public void ControlCharacterInAName_Refused()
        => Assert.Equal("side_a holds a control character", RefusalOf(("side_a", "IS\u001b[31m")));

    [Fact]
    public void ReusedId_RefusedWithTheEarlierLine()
    {
        using var dir = new TempDir();
        var path = EventFiles.Write(dir, EventFiles.Ucdp, "ged.csv", EventFiles.UcdpRow(1), EventFiles.UcdpRow(1));
        Assert.Equal("id 1 is already used on line 2", Assert.Single(UcdpGedImporter.Plan(path, EventFiles.UcdpActors()).Report.Refused).Reason);
    }

    [Fact]
    public void MissingColumn_RefusesTheFile()
    {
        using var dir = new TempDir();
        var path = dir.File("ged.csv");
        File.WriteAllText(path, "id,year,type_of_violence,side_a,side_b\n1,2015,2,IS,Taleban\n");
        var ex = Assert.Throws<MmpFileException>(() => UcdpGedImporter.Plan(path, EventFiles.UcdpActors()));
        Assert.Equal(1, ex.Problem.Line);
        Assert.Contains("missing columns 'side_a_new_id', 'side_b_new_id'", ex.Message, StringComparison.Ordinal);
    }
}
