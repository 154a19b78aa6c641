using Wedge.Core.Time;

namespace Wedge.Application.Tests;

/// <summary>Typed dates: ISO 8601 only, and a refusal that says why and shows the ISO form.</summary>
public sealed class DateInputTests
{
    [Theory]
    [InlineData("2018", "2018")]
    [InlineData("2018-09", "2018-09")]
    [InlineData("2018-09-11", "2018-09-11")]
    [InlineData(" 2018-09-11 ", "2018-09-11")]
    public void ParseDate_Iso_Accepted(string text, string expected)
        => Assert.Equal(FuzzyDate.Parse(expected), DateInput.ParseDate(text).Value);

    [Fact]
    public void ParseDate_SlashedBothWaysValid_AmbiguousWithBothReadings()
        => Assert.Equal(
            "'11/09/2018' is ambiguous: dates with slashes are read differently in different countries; write 2018-11-09 for 9 November or 2018-09-11 for 11 September (ISO 8601, YYYY-MM-DD)",
            DateInput.ParseDate("11/09/2018").Error);

    [Fact]
    public void ParseDate_SlashedOneWayValid_RefusedWithTheOneReading()
    {
        // 13 cannot be a month, so only one reading exists; it is still refused (the next one typed may not be so lucky).
        Assert.Equal(
            "'13/09/2018' is not an ISO 8601 date: dates with slashes are read differently in different countries; write 2018-09-13 for 13 September (YYYY-MM-DD)",
            DateInput.ParseDate("13/09/2018").Error);
    }

    [Fact]
    public void ParseDate_MmpStyleTwoDigitYear_RefusedTyped_ButFuzzyDateStillReadsItForFiles()
    {
        Assert.Contains("write 2010-02-18 for 18 February", DateInput.ParseDate("2/18/10").Error, StringComparison.Ordinal);
        Assert.Equal(FuzzyDate.Parse("2010-02-18"), FuzzyDate.TryParse("2/18/10").Value); // MMP files keep M/D/YY
    }

    [Theory]
    [InlineData("Sep 2018")]
    [InlineData("2018.09.11")]
    [InlineData("20180911")]
    [InlineData("2018-9-11")]
    [InlineData("yesterday")]
    public void ParseDate_OtherForms_RefusedWithTheIsoForms(string text)
        => Assert.Equal($"'{text}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (ISO 8601), e.g. 2018-09-11", DateInput.ParseDate(text).Error);

    [Fact]
    public void ParseDate_ZeroMonth_RefusedTyped()
        => Assert.Equal("'2018-00' is not a date: month and day run from 01; write 2018 for the whole year", DateInput.ParseDate("2018-00").Error);

    [Fact]
    public void ParseDate_ImpossibleDay_Refused()
        => Assert.False(DateInput.ParseDate("2018-02-30").IsSuccess);

    [Theory]
    [InlineData("2026-11-28", "2026-11-28T00:00:00+00:00")]
    [InlineData("2026-11-28T12:00:00Z", "2026-11-28T12:00:00+00:00")]
    [InlineData("2026-11-28 12:00:00Z", "2026-11-28T12:00:00+00:00")] // the form Wedge prints ("as recorded by …")
    [InlineData("2026-11-28T12:00", "2026-11-28T12:00:00+00:00")] // no offset: UTC
    [InlineData("2026-11-28T14:00:00+02:00", "2026-11-28T12:00:00+00:00")]
    public void TryParseInstant_Iso_Accepted(string text, string expected)
    {
        Assert.True(DateInput.TryParseInstant(text, out var instant, out var error), error);
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), instant);
    }

    [Theory]
    [InlineData("11/09/2018", "'11/09/2018' is ambiguous")]
    [InlineData("11/09/2018 12:00", "is not a date-time: write it as ISO 8601")]
    [InlineData("Nov 28 2026", "is not a date-time: write it as ISO 8601")]
    [InlineData("2026-13-01", "out of range")]
    public void TryParseInstant_NotIso_Refused(string text, string reason)
    {
        Assert.False(DateInput.TryParseInstant(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("11/09/2018", true)]
    [InlineData("2018-09-11", false)]
    [InlineData("a text with 1/2 in it", false)]
    public void RefuseSlashedDate_OnlyForSlashedDates(string value, bool refused)
        => Assert.Equal(refused, DateInput.RefuseSlashedDate(value) is not null);
}
