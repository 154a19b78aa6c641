using System.Globalization;
using System.Text.RegularExpressions;
using Wedge.Core.Time;

namespace Wedge.Application;

/// <summary>
/// Dates a person types into a host (an option, a query parameter): ISO 8601 only. Files keep their own forms (MMP's
/// <c>M/D/YY</c> is read by <see cref="FuzzyDate.TryParse"/>), but typed, <c>11/09/2018</c> is 9 November to one
/// reader and 11 September to another, so it is refused with both readings spelled out.
/// </summary>
public static partial class DateInput
{
    /// <summary>A date as YYYY, YYYY-MM or YYYY-MM-DD; anything else fails with a message saying how to write it.</summary>
    public static DateParseResult ParseDate(string text)
    {
        var s = text.Trim();
        if (IsoDate().IsMatch(s))
        {
            // Zero months or days are MMP's way of saying "unknown"; typed, 2018-00 is a typo, not a year.
            return s.Split('-').Skip(1).Any(p => p == "00")
                ? DateParseResult.Fail($"'{s}' is not a date: month and day run from 01; write {s[..4]} for the whole year")
                : FuzzyDate.TryParse(s);
        }

        var slashed = Slashed().Match(s);
        if (slashed.Success)
        {
            return DateParseResult.Fail(Ambiguous(s, slashed));
        }

        return DateParseResult.Fail($"'{s}' is not a date: write YYYY, YYYY-MM or YYYY-MM-DD (ISO 8601), e.g. 2018-09-11");
    }

    /// <summary>
    /// The refusal for a value typed where a date may go (<c>correct --set period.end=11/09/2018</c>) when it is a date
    /// with slashes: those are read as <c>M/D/YY</c> in files, but typed, they are ambiguous. Null for any other value.
    /// </summary>
    public static string? RefuseSlashedDate(string value)
        => Slashed().Match(value.Trim()) is { Success: true } slashed ? Ambiguous(value.Trim(), slashed) : null;

    /// <summary>
    /// A point in recorded time: an ISO 8601 date (midnight UTC) or date and time (<c>2026-11-28T12:00:00Z</c>; a space
    /// for the T as in <c>2026-11-28 12:00:00Z</c>, the form Wedge prints; UTC when no offset is given).
    /// </summary>
    public static bool TryParseInstant(string text, out DateTimeOffset instant, out string error)
    {
        var s = text.Trim();
        instant = default;
        if (!IsoInstant().IsMatch(s))
        {
            error = Slashed().Match(s) is { Success: true } slashed
                ? Ambiguous(s, slashed) + " (with a time: 2026-11-28T12:00:00Z)"
                : $"'{s}' is not a date-time: write it as ISO 8601, e.g. 2026-11-28T12:00:00Z (UTC when no offset is given) or 2026-11-28";
            return false;
        }

        if (!DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant))
        {
            error = $"'{s}' is not a date-time: a month, day, hour or minute is out of range";
            return false;
        }

        error = "";
        return true;
    }

    /// <summary>
    /// The end of a recorded-time range: as <see cref="TryParseInstant"/>, except that a date alone names its whole day
    /// (until 2026-12-03 includes that day's changes), as a reader of "until" expects.
    /// </summary>
    public static bool TryParseUntil(string text, out DateTimeOffset instant, out string error)
    {
        if (ParseDate(text) is { IsSuccess: true, Value.Precision: DatePrecision.Day } day)
        {
            instant = new DateTimeOffset(day.Value.Latest.ToDateTime(TimeOnly.MaxValue), TimeSpan.Zero);
            error = "";
            return true;
        }

        return TryParseInstant(text, out instant, out error);
    }

    /// <summary>"'11/09/2018' is ambiguous: write 2018-11-09 for 9 November or 2018-09-11 for 11 September (ISO 8601, YYYY-MM-DD)".</summary>
    private static string Ambiguous(string s, Match slashed)
    {
        var a = int.Parse(slashed.Groups["a"].Value, CultureInfo.InvariantCulture);
        var b = int.Parse(slashed.Groups["b"].Value, CultureInfo.InvariantCulture);
        var yearText = slashed.Groups["y"].Value;
        var year = int.Parse(yearText, CultureInfo.InvariantCulture);
        if (yearText.Length == 2)
        {
            year += year >= FuzzyDate.TwoDigitYearPivot ? 1900 : 2000;
        }

        var readings = new[] { (Month: a, Day: b), (Month: b, Day: a) }
            .Where(r => year >= 1 && r.Month is >= 1 and <= 12 && r.Day >= 1 && r.Day <= DateTime.DaysInMonth(year, r.Month))
            .Distinct()
            .Select(r => $"{year:0000}-{r.Month:00}-{r.Day:00} for {r.Day} {CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(r.Month)}")
            .ToList();
        return readings.Count switch
        {
            0 => $"'{s}' is not a date: write YYYY-MM-DD (ISO 8601), e.g. 2018-09-11",
            1 => $"'{s}' is not an ISO 8601 date: dates with slashes are read differently in different countries; write {readings[0]} (YYYY-MM-DD)",
            _ => $"'{s}' is ambiguous: dates with slashes are read differently in different countries; write {readings[0]} or {readings[1]} (ISO 8601, YYYY-MM-DD)",
        };
    }

    [GeneratedRegex(@"^\d{4}(-\d{2}){0,2}$")]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(?<a>\d{1,2})[/.](?<b>\d{1,2})[/.](?<y>\d{2}|\d{4})$")]
    private static partial Regex Slashed();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})?)?$")]
    private static partial Regex IsoInstant();
}
