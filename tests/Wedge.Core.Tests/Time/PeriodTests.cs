using CsCheck;
using Wedge.Core.Time;

namespace Wedge.Core.Tests.Time;

public class PeriodTests
{
    private static FuzzyDate D(string s) => FuzzyDate.Parse(s);

    [Fact]
    public void Construction_EndBeforeStart_Throws()
        => Assert.Throws<ArgumentException>(() => new Period(D("2001"), D("1999")));

    [Fact]
    public void Construction_FuzzyEndsThatMayCoincide_AreAllowed()
    {
        // "from March 2001 until 2001" is odd but not impossible: the end year contains the start month.
        var p = new Period(D("2001-03"), D("2001"));
        Assert.True(p.MayHoldDuring(D("2001-06")));
    }

    [Fact]
    public void OpenEnds_HoldForever()
    {
        Assert.True(Period.Always.MayHoldDuring(D("1066")));
        Assert.True(Period.Since(D("1996")).MayHoldDuring(D("2018-09-11")));
        Assert.False(Period.Since(D("1996")).MayHoldDuring(D("1995")));
    }

    [Fact]
    public void MayHoldDuring_RespectsPrecisionOfEnd()
    {
        var p = Period.Between(D("1996"), D("2001-10"));
        Assert.True(p.MayHoldDuring(D("2001-10-20")));
        Assert.False(p.MayHoldDuring(D("2001-11-01")));
        Assert.False(p.CertainlyHoldsThroughout(D("2001")));
        Assert.True(p.CertainlyHoldsThroughout(D("2000")));
    }

    [Fact]
    public void Property_MayOverlap_IsSymmetric()
    {
        var periods = Gen.Select(FuzzyDateTests.Dates, FuzzyDateTests.Dates)
            .Select((a, b) => a <= b ? Period.Between(a, b) : Period.Between(b, a));
        Gen.Select(periods, periods).Sample((p, q) => p.MayOverlap(q) == q.MayOverlap(p));
    }
}
