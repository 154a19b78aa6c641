using CsCheck;
using Wedge.Core.Time;

namespace Wedge.Core.Tests.Time;

public class FuzzyDateTests
{
    /// <summary>Any valid fuzzy date: a year, a year-month or a full day.</summary>
    internal static readonly Gen<FuzzyDate> Dates =
        Gen.Int[1900, 2100].SelectMany(y => Gen.Int[0, 2].SelectMany(p => p switch
        {
            0 => Gen.Const(new FuzzyDate(y)),
            1 => Gen.Int[1, 12].Select(m => new FuzzyDate(y, m)),
            _ => Gen.Int[1, 12].SelectMany(m => Gen.Int[1, DateTime.DaysInMonth(y, m)].Select(d => new FuzzyDate(y, m, d))),
        }));

    [Theory]
    [InlineData("2005", "2005", DatePrecision.Year)]
    [InlineData("2005-03", "2005-03", DatePrecision.Month)]
    [InlineData("2005-03-14", "2005-03-14", DatePrecision.Day)]
    [InlineData("2005-00-00", "2005", DatePrecision.Year)] // MMP: unknown month and day
    [InlineData("2005-03-00", "2005-03", DatePrecision.Month)] // MMP: unknown day
    [InlineData("2/18/10", "2010-02-18", DatePrecision.Day)] // MMP's M/D/YY
    [InlineData("12/1/95", "1995-12-01", DatePrecision.Day)] // two-digit year at or above the pivot is 19xx
    [InlineData("1/5/29", "2029-01-05", DatePrecision.Day)] // below the pivot is 20xx
    [InlineData("1/5/1930", "1930-01-05", DatePrecision.Day)]
    [InlineData(" 2001-09-11 ", "2001-09-11", DatePrecision.Day)]
    public void Parse_SourceForms_KeepTheirPrecision(string text, string iso, DatePrecision precision)
    {
        var d = FuzzyDate.Parse(text);
        Assert.Equal(iso, d.ToString());
        Assert.Equal(precision, d.Precision);
    }

    [Theory]
    [InlineData("2005-13-40", "month 13")]
    [InlineData("2005-02-30", "day 30")]
    [InlineData("2005-00-14", "day but no month")]
    [InlineData("05-03-14", "not a date")]
    [InlineData("March 2005", "not a date")]
    [InlineData("13/1/05", "month 13")]
    [InlineData("2005-3", "not a date")]
    public void TryParse_BadDates_SayWhy(string text, string reason)
    {
        var r = FuzzyDate.TryParse(text);
        Assert.False(r.IsSuccess);
        Assert.False(r.IsUnknown);
        Assert.Contains(reason, r.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0000-00-00")]
    [InlineData("")]
    [InlineData(null)]
    public void TryParse_UnknownDates_AreUnknownNotBad(string? text)
    {
        var r = FuzzyDate.TryParse(text);
        Assert.False(r.IsSuccess);
        Assert.True(r.IsUnknown);
    }

    [Fact]
    public void Precision_IsNeverInvented_YearStaysYear()
    {
        var d = FuzzyDate.Parse("2005");
        Assert.Null(d.Month);
        Assert.Null(d.Day);
        Assert.Equal(new DateOnly(2005, 1, 1), d.Earliest);
        Assert.Equal(new DateOnly(2005, 12, 31), d.Latest);
    }

    [Fact]
    public void Comparison_AcrossPrecisions_IsHonest()
    {
        var year = FuzzyDate.Parse("2005");
        var march = FuzzyDate.Parse("2005-03");
        var day = FuzzyDate.Parse("2005-03-14");
        Assert.False(year.IsCertainlyBefore(march)); // March 2005 lies inside 2005: neither precedes
        Assert.True(year.MayCoincide(day));
        Assert.True(march.IsCertainlyBefore(FuzzyDate.Parse("2005-04-01")));
        Assert.True(year < march && march < day); // the sort order: earliest day, then coarser first
    }

    [Fact]
    public void Property_ParseOfToString_RoundTrips()
        => Dates.Sample(d => FuzzyDate.Parse(d.ToString()) == d);

    [Fact]
    public void Property_Order_IsTotalAndConsistentWithEquality()
        => Gen.Select(Dates, Dates).Sample((a, b) =>
            Math.Sign(a.CompareTo(b)) == -Math.Sign(b.CompareTo(a)) && (a.CompareTo(b) == 0) == (a == b));

    [Fact]
    public void Property_Order_IsTransitive()
        => Gen.Select(Dates, Dates, Dates).Sample((a, b, c) => !(a <= b && b <= c) || a <= c);

    [Fact]
    public void Property_CertainlyBefore_ImpliesOrderAndNoOverlap()
        => Gen.Select(Dates, Dates).Sample((a, b) => !a.IsCertainlyBefore(b) || (a < b && !a.MayCoincide(b) && b.IsCertainlyAfter(a)));

    [Fact]
    public void Property_Bounds_ContainEachOther()
        => Dates.Sample(d => d.Earliest <= d.Latest && d.IsWithin(d) && d.MayCoincide(d));

    [Fact]
    public void Property_MmpZeroFilledForm_ParsesToSameDate()
        => Dates.Sample(d => FuzzyDate.Parse($"{d.Year:0000}-{d.Month ?? 0:00}-{d.Day ?? 0:00}") == d);

    [Fact]
    public void Property_UsSlashForm_ParsesToSameDay()
        => Dates.Where(d => d.Precision == DatePrecision.Day && d.Year is >= 1930 and < 2030)
            .Sample(d => FuzzyDate.Parse($"{d.Month}/{d.Day}/{d.Year % 100:00}") == d);

    [Fact]
    public void Construction_ImpossibleDay_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new FuzzyDate(2005, 2, 29));
}
