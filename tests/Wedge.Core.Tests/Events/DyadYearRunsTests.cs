using Wedge.Core.Events;

namespace Wedge.Core.Tests.Events;

/// <summary>The rule that turns dyad-year rows into runs: consecutive years merge, a missing year or another key splits.</summary>
public class DyadYearRunsTests
{
    private static IReadOnlyList<DyadYearRun<string, string>> Runs(params (string Key, int Year, string Item)[] rows)
        => DyadYearRuns.Of(rows, StringComparer.Ordinal);

    private static (string, int, int, string) Shape(DyadYearRun<string, string> r) => (r.Key, r.First, r.Last, string.Join(",", r.Items));

    [Fact]
    public void ConsecutiveYears_OneRun()
    {
        var run = Assert.Single(Runs(("ally", 2001, "r1"), ("ally", 2002, "r2"), ("ally", 2003, "r3")));
        Assert.Equal(("ally", 2001, 2003, "r1,r2,r3"), Shape(run));
        Assert.Equal(3, run.Years);
    }

    [Fact]
    public void GapYear_Splits()
        => Assert.Equal([("ally", 2001, 2002, "r1,r2"), ("ally", 2004, 2004, "r4")], Runs(("ally", 2001, "r1"), ("ally", 2002, "r2"), ("ally", 2004, "r4")).Select(Shape));

    [Fact]
    public void ChangeOfKey_SplitsTheRunItInterrupts()
    {
        // ally 2001, rival 2002, ally 2003: the rival year is missing from the ally key, so ally is two runs.
        var runs = Runs(("ally", 2001, "r1"), ("rival", 2002, "r2"), ("ally", 2003, "r3")).Select(Shape);
        Assert.Equal([("ally", 2001, 2001, "r1"), ("rival", 2002, 2002, "r2"), ("ally", 2003, 2003, "r3")], runs);
    }

    [Fact]
    public void RowsOutOfOrder_AndTwoRowsInOneYear_OneRunInYearOrder()
    {
        // Two rows for one year are one year of the run, kept in file order.
        var run = Assert.Single(Runs(("ally", 2003, "r3"), ("ally", 2001, "r1"), ("ally", 2002, "r2a"), ("ally", 2002, "r2b")));
        Assert.Equal(("ally", 2001, 2003, "r1,r2a,r2b,r3"), Shape(run));
    }

    [Fact]
    public void Runs_OrderedByFirstYearThenKey()
    {
        var runs = Runs(("b", 2001, "x"), ("a", 2001, "y"), ("a", 1999, "z")).Select(r => (r.Key, r.First));
        Assert.Equal([("a", 1999), ("a", 2001), ("b", 2001)], runs);
    }

    [Fact]
    public void NoRows_NoRuns() => Assert.Empty(Runs());
}
