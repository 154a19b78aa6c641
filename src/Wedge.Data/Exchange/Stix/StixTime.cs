using System.Globalization;
using Wedge.Core.Time;

namespace Wedge.Data.Exchange.Stix;

/// <summary>
/// STIX timestamps (RFC 3339, UTC, milliseconds) and how fuzzy dates become them: a start is the first instant of the
/// first day the date may mean, an end the last millisecond of the last day it may mean. So a tie from 2001 to 2001 runs
/// 2001-01-01T00:00:00.000Z – 2001-12-31T23:59:59.999Z: the stop is always later than the start, never equal. The
/// exact fuzzy dates travel in <c>x_wedge_period</c>.
/// </summary>
public static class StixTime
{
    public static string Format(DateTimeOffset instant)
        => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    public static string Start(FuzzyDate date) => Format(new DateTimeOffset(date.Earliest.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero));

    public static string Stop(FuzzyDate date) => Format(new DateTimeOffset(date.Latest.ToDateTime(new TimeOnly(23, 59, 59, 999)), TimeSpan.Zero));

    /// <summary>Parses a STIX timestamp; false when it is not one.</summary>
    public static bool TryParse(string? text, out DateTimeOffset instant)
        => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant);

    /// <summary>The day a STIX timestamp falls on, as a day-precision date (a foreign timestamp claims no more).</summary>
    public static FuzzyDate Day(DateTimeOffset instant) => FuzzyDate.FromDateOnly(DateOnly.FromDateTime(instant.UtcDateTime));
}
