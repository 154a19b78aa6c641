using System.Globalization;
using Wedge.Core.Time;

namespace Wedge.Application.Network;

/// <summary>Date series for measures over time.</summary>
public static class TimeSteps
{
    /// <summary>Months per step: "1y" → 12, "6m" → 6; null when malformed.</summary>
    public static int? ParseStep(string text)
    {
        text = text.Trim().ToLowerInvariant();
        if (text.Length < 2 || !int.TryParse(text[..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n < 1 || n > 1200)
        {
            return null;
        }

        return text[^1] switch { 'y' => n * 12, 'm' => n, _ => null };
    }

    /// <summary>Dates from <paramref name="from"/> to <paramref name="to"/>: whole years when the step is whole years and from is a year, else months.</summary>
    public static IReadOnlyList<FuzzyDate> Series(FuzzyDate from, FuzzyDate to, int months)
    {
        var dates = new List<FuzzyDate>();
        var yearly = months % 12 == 0 && from.Precision == DatePrecision.Year;
        var cursor = new DateOnly(from.Year, from.Month ?? 1, 1);
        while (cursor <= to.Latest && dates.Count < 5000)
        {
            dates.Add(yearly ? new FuzzyDate(cursor.Year) : new FuzzyDate(cursor.Year, cursor.Month));
            cursor = cursor.AddMonths(months);
        }

        return dates;
    }
}
