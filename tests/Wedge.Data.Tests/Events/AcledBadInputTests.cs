using Wedge.Data.Events;
using Wedge.Data.Mmp;

namespace Wedge.Data.Tests.Events;

/// <summary>Each kind of bad ACLED row: refused with file, line and reason; the good rows still planned.</summary>
public class AcledBadInputTests
{
    /// <summary>Line 2 is a good battle; the bad row is on line 3.</summary>
    private static string RefusalOf(params (string Column, string Value)[] bad)
    {
        using var dir = new TempDir();
        var path = EventFiles.Write(dir, EventFiles.Acled, "acled.csv", EventFiles.AcledRow("MLI1"), EventFiles.AcledRow("MLI2", bad));
        var r = AcledImporter.Plan(path, EventFiles.AcledActors()).Report;
        var p = Assert.Single(r.Refused);
        Assert.Equal(3, p.Line);
        Assert.EndsWith("acled.csv", p.File, StringComparison.Ordinal);
        Assert.Equal(1, r.EventsImported);
        return p.Reason;
    }

    [Theory]
    [InlineData("event_id_cnty", "", "event_id_cnty is empty")]
    [InlineData("event_id_cnty", "MLI 2", "event_id_cnty 'MLI 2' is not an ACLED event id (letters and digits, e.g. NIG12345)")]
    [InlineData("event_date", "2019-02-30", "event_date '2019-02-30' is not a date (yyyy-mm-dd, or as '15 January 2020')")]
    [InlineData("year", "2018", "year '2018' is not the year of event_date 2019-03-02")]
    [InlineData("time_precision", "4", "time_precision '4' is not 1 (day), 2 (week) or 3 (month)")]
    [InlineData("event_type", "", "event_type is empty")]
    [InlineData("inter2", "9", "inter2 '9' is not an ACLED actor type (1-8, or its name, e.g. Rebel group)")]
    [InlineData("actor1", "", "assoc_actor_1 names actors but actor1 is empty")]
    [InlineData("fatalities", "", "fatalities is empty (ACLED writes 0 when none are reported)")]
    [InlineData("fatalities", "-2", "fatalities '-2' is not a count of people killed (a whole number, 0 or more)")]
    public void BadField_RefusesTheRow(string column, string value, string reason)
        => Assert.Equal(reason, RefusalOf((column, value)));

    [Fact]
    public void OtherDateLayouts_Read()
    {
        using var dir = new TempDir();
        var path = EventFiles.Write(dir, EventFiles.Acled, "acled.csv", EventFiles.AcledRow("MLI1", ("event_date", "\"02 March 2019\"")),
            EventFiles.AcledRow("MLI2", ("event_date", "02-03-2019")));
        var r = AcledImporter.Plan(path, EventFiles.AcledActors()).Report;
        Assert.Empty(r.Refused);
        Assert.Equal(2, r.EventsImported);
    }

    [Fact]
    public void ReusedEventId_RefusedWithTheEarlierLine()
    {
        using var dir = new TempDir();
        var path = EventFiles.Write(dir, EventFiles.Acled, "acled.csv", EventFiles.AcledRow("MLI1"), EventFiles.AcledRow("MLI1"));
        Assert.Equal("event_id_cnty MLI1 is already used on line 2", Assert.Single(AcledImporter.Plan(path, EventFiles.AcledActors()).Report.Refused).Reason);
    }

    [Fact]
    public void MissingColumn_RefusesTheFile()
    {
        using var dir = new TempDir();
        var path = dir.File("acled.csv");
        File.WriteAllText(path, "event_id_cnty,event_date,year,actor1,actor2\nMLI1,2019-03-02,2019,A,B\n");
        var ex = Assert.Throws<MmpFileException>(() => AcledImporter.Plan(path, EventFiles.AcledActors()));
        Assert.Equal(1, ex.Problem.Line);
        Assert.Contains("missing columns 'time_precision'", ex.Message, StringComparison.Ordinal);
    }
}
