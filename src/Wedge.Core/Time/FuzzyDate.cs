using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wedge.Core.Time;

/// <summary>How much of a date a source actually gave.</summary>
public enum DatePrecision
{
    Year = 0,
    Month = 1,
    Day = 2,
}

/// <summary>
/// A calendar date known to a year, a month or a day, as sources give them.
/// </summary>
/// <remarks>
/// <para>A fuzzy date stands for the whole interval it names: <c>2005</c> is every day of 2005,
/// <c>2005-03</c> every day of March 2005. <see cref="Earliest"/> and <see cref="Latest"/> give the
/// bounds of that interval (both inclusive). Nothing here invents a month or a day that no source
/// gave: a year stays a year through parsing, formatting and serialisation.</para>
/// <para>Equality is structural: <c>2005</c> and <c>2005-01-01</c> are different values.
/// <see cref="CompareTo"/> is a total order used for sorting: by earliest day, then by precision
/// (coarser first), so <c>2005</c> sorts before <c>2005-01</c> before <c>2005-01-01</c>. It does not
/// claim that one happened before the other; for that ask <see cref="IsCertainlyBefore"/>, which
/// is true only when every day of this date precedes every day of the other.</para>
/// <para>The default value is not a valid date (year 0); use <see cref="Parse"/> or the constructors.
/// Immutable and thread-safe.</para>
/// </remarks>
[JsonConverter(typeof(FuzzyDateJsonConverter))]
public readonly struct FuzzyDate : IEquatable<FuzzyDate>, IComparable<FuzzyDate>
{
    /// <summary>Two-digit years from <see cref="TwoDigitYearPivot"/> upwards are read as 19xx, below it as 20xx.</summary>
    /// <remarks>MMP's <c>M/D/YY</c> dates run from the 1960s to 2019; 30 splits them without ambiguity.</remarks>
    public const int TwoDigitYearPivot = 30;

    private readonly short year;
    private readonly byte month;
    private readonly byte day;

    public FuzzyDate(int year)
        : this(year, 0, 0)
    {
    }

    public FuzzyDate(int year, int month)
        : this(year, month, 0)
    {
        if (month == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(month), "A month date needs a month in 1..12.");
        }
    }

    public FuzzyDate(int year, int month, int day)
    {
        if (year < 1 || year > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), $"Year {year} is outside 1..9999.");
        }

        if (month < 0 || month > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), $"Month {month} is outside 1..12.");
        }

        if (day != 0 && (month == 0 || day < 1 || day > DateTime.DaysInMonth(year, month)))
        {
            throw new ArgumentOutOfRangeException(nameof(day), $"Day {day} does not exist in {year}-{month:00}.");
        }

        this.year = (short)year;
        this.month = (byte)month;
        this.day = (byte)day;
    }

    public static FuzzyDate FromDateOnly(DateOnly date) => new(date.Year, date.Month, date.Day);

    public int Year => year;

    /// <summary>The month, or null when the source gave only a year.</summary>
    public int? Month => month == 0 ? null : month;

    /// <summary>The day, or null when the source gave no day.</summary>
    public int? Day => day == 0 ? null : day;

    public DatePrecision Precision => day != 0 ? DatePrecision.Day : month != 0 ? DatePrecision.Month : DatePrecision.Year;

    /// <summary>The first day this date may mean.</summary>
    public DateOnly Earliest => new(year, month == 0 ? 1 : month, day == 0 ? 1 : day);

    /// <summary>The last day this date may mean.</summary>
    public DateOnly Latest => Precision switch
    {
        DatePrecision.Day => new DateOnly(year, month, day),
        DatePrecision.Month => new DateOnly(year, month, DateTime.DaysInMonth(year, month)),
        _ => new DateOnly(year, 12, 31),
    };

    /// <summary>True when every day this date may mean precedes every day <paramref name="other"/> may mean.</summary>
    public bool IsCertainlyBefore(FuzzyDate other) => Latest < other.Earliest;

    /// <summary>True when every day this date may mean follows every day <paramref name="other"/> may mean.</summary>
    public bool IsCertainlyAfter(FuzzyDate other) => Earliest > other.Latest;

    /// <summary>True when the two dates may name the same day (their intervals overlap).</summary>
    public bool MayCoincide(FuzzyDate other) => Earliest <= other.Latest && other.Earliest <= Latest;

    /// <summary>True when this date's interval lies wholly within <paramref name="other"/>'s.</summary>
    public bool IsWithin(FuzzyDate other) => Earliest >= other.Earliest && Latest <= other.Latest;

    public int CompareTo(FuzzyDate other)
    {
        var byStart = Earliest.CompareTo(other.Earliest);
        return byStart != 0 ? byStart : Precision.CompareTo(other.Precision);
    }

    public bool Equals(FuzzyDate other) => year == other.year && month == other.month && day == other.day;

    public override bool Equals(object? obj) => obj is FuzzyDate other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(year, month, day);

    public static bool operator ==(FuzzyDate left, FuzzyDate right) => left.Equals(right);

    public static bool operator !=(FuzzyDate left, FuzzyDate right) => !left.Equals(right);

    public static bool operator <(FuzzyDate left, FuzzyDate right) => left.CompareTo(right) < 0;

    public static bool operator >(FuzzyDate left, FuzzyDate right) => left.CompareTo(right) > 0;

    public static bool operator <=(FuzzyDate left, FuzzyDate right) => left.CompareTo(right) <= 0;

    public static bool operator >=(FuzzyDate left, FuzzyDate right) => left.CompareTo(right) >= 0;

    /// <summary>ISO 8601 at the date's own precision: <c>2005</c>, <c>2005-03</c> or <c>2005-03-14</c>.</summary>
    public override string ToString() => Precision switch
    {
        DatePrecision.Day => $"{year:0000}-{month:00}-{day:00}",
        DatePrecision.Month => $"{year:0000}-{month:00}",
        _ => $"{year:0000}",
    };

    /// <summary>Parses a date or throws <see cref="FormatException"/> with the reason.</summary>
    public static FuzzyDate Parse(string text)
    {
        var result = TryParse(text);
        return result.IsSuccess ? result.Value : throw new FormatException(result.Error);
    }

    /// <summary>
    /// Parses the forms sources use: ISO 8601 (<c>2005</c>, <c>2005-03</c>, <c>2005-03-14</c>),
    /// MMP's zero-filled unknowns (<c>2005-00-00</c>, <c>2005-03-00</c>), and US <c>M/D/YY</c> or
    /// <c>M/D/YYYY</c> (two-digit years by <see cref="TwoDigitYearPivot"/>). A wholly unknown date
    /// (<c>0000-00-00</c>) fails with <see cref="DateParseResult.IsUnknown"/> set, so callers can tell
    /// "no date given" from "bad date".
    /// </summary>
    public static DateParseResult TryParse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return DateParseResult.Unknown("no date given");
        }

        var s = text.Trim();
        return s.Contains('/') ? ParseSlashed(s) : ParseIso(s);
    }

    // Dates are parsed by the million in bulk imports: the parts are ranges of the text, not split strings.
    private static DateParseResult ParseIso(string s)
    {
        Span<Range> ranges = stackalloc Range[4];
        var count = s.AsSpan().Split(ranges, '-');
        var text = s.AsSpan();
        if (count > 3 || !AllDigits(text, ranges[..count]))
        {
            return DateParseResult.Fail($"'{s}' is not a date (expected YYYY, YYYY-MM, YYYY-MM-DD or M/D/YY)");
        }

        var parts = ranges[..count];
        if (text[parts[0]].Length != 4 || (count > 1 && text[parts[1]].Length != 2) || (count > 2 && text[parts[2]].Length != 2))
        {
            return DateParseResult.Fail($"'{s}' is not a date (expected YYYY, YYYY-MM, YYYY-MM-DD or M/D/YY)");
        }

        var y = int.Parse(text[parts[0]], CultureInfo.InvariantCulture);
        var m = count > 1 ? int.Parse(text[parts[1]], CultureInfo.InvariantCulture) : 0;
        var d = count > 2 ? int.Parse(text[parts[2]], CultureInfo.InvariantCulture) : 0;
        if (y == 0)
        {
            return m == 0 && d == 0
                ? DateParseResult.Unknown($"'{s}' gives no year")
                : DateParseResult.Fail($"'{s}' gives a month or day but no year");
        }

        if (m == 0 && d != 0)
        {
            return DateParseResult.Fail($"'{s}' gives a day but no month");
        }

        return Build(s, y, m, d);
    }

    private static DateParseResult ParseSlashed(string s)
    {
        Span<Range> ranges = stackalloc Range[4];
        var text = s.AsSpan();
        var count = text.Split(ranges, '/');
        var parts = ranges[..Math.Min(count, 3)];
        if (count != 3 || !AllDigits(text, parts)
            || text[parts[0]].Length > 2 || text[parts[1]].Length > 2 || (text[parts[2]].Length != 2 && text[parts[2]].Length != 4))
        {
            return DateParseResult.Fail($"'{s}' is not a date (expected M/D/YY or M/D/YYYY)");
        }

        var m = int.Parse(text[parts[0]], CultureInfo.InvariantCulture);
        var d = int.Parse(text[parts[1]], CultureInfo.InvariantCulture);
        var y = int.Parse(text[parts[2]], CultureInfo.InvariantCulture);
        if (text[parts[2]].Length == 2)
        {
            y += y >= TwoDigitYearPivot ? 1900 : 2000;
        }

        if (m == 0 && d != 0)
        {
            return DateParseResult.Fail($"'{s}' gives a day but no month");
        }

        return Build(s, y, m, d);
    }

    /// <summary>Every part non-empty and made of ASCII digits only.</summary>
    private static bool AllDigits(ReadOnlySpan<char> text, ReadOnlySpan<Range> parts)
    {
        foreach (var part in parts)
        {
            var p = text[part];
            if (p.IsEmpty || p.ContainsAnyExceptInRange('0', '9'))
            {
                return false;
            }
        }

        return true;
    }

    private static DateParseResult Build(string s, int y, int m, int d)
    {
        if (m > 12)
        {
            return DateParseResult.Fail($"'{s}' has month {m}, outside 1..12");
        }

        if (d != 0 && d > DateTime.DaysInMonth(y, m))
        {
            return DateParseResult.Fail($"'{s}' has day {d}, but {y}-{m:00} has {DateTime.DaysInMonth(y, m)} days");
        }

        return DateParseResult.Ok(new FuzzyDate(y, m, d));
    }
}

/// <summary>The outcome of parsing untrusted date text: a value, or a reason it is not one.</summary>
public readonly record struct DateParseResult
{
    private readonly FuzzyDate value;

    private DateParseResult(FuzzyDate value, string? error, bool unknown)
    {
        this.value = value;
        Error = error;
        IsUnknown = unknown;
    }

    public bool IsSuccess => Error is null;

    /// <summary>True when the text said the date is unknown (empty, or MMP's 0000-00-00), not that it is malformed.</summary>
    public bool IsUnknown { get; }

    public string? Error { get; }

    public FuzzyDate Value => IsSuccess ? value : throw new InvalidOperationException(Error);

    public static DateParseResult Ok(FuzzyDate value) => new(value, null, false);

    public static DateParseResult Fail(string error) => new(default, error, false);

    public static DateParseResult Unknown(string error) => new(default, error, true);
}

/// <summary>Writes a fuzzy date as its ISO string at its own precision.</summary>
public sealed class FuzzyDateJsonConverter : JsonConverter<FuzzyDate>
{
    public override FuzzyDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.TokenType == JsonTokenType.Number
            ? reader.GetInt32().ToString(CultureInfo.InvariantCulture)
            : reader.GetString();
        var parsed = FuzzyDate.TryParse(text);
        return parsed.IsSuccess ? parsed.Value : throw new JsonException(parsed.Error);
    }

    public override void Write(Utf8JsonWriter writer, FuzzyDate value, JsonSerializerOptions options)
        => writer.WriteStringValue(value.ToString());
}
