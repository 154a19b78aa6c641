using System.Globalization;
using Wedge.Core.Time;
using Wedge.Data.Mmp;

namespace Wedge.Data.Events;

/// <summary>One perpetrator slot of a GTD incident (<c>gname</c>, <c>gname2</c> or <c>gname3</c>) that names a group.</summary>
/// <param name="Slot">1, 2 or 3: which of GTD's columns named it.</param>
/// <param name="Suspected">GTD's <c>guncertainN</c> = 1: the attribution rests on speculation or dubious claims.</param>
public sealed record GtdPerpetrator(int Slot, string Name, bool Suspected);

/// <summary>A row of the GTD, read and checked: only the columns Wedge uses.</summary>
/// <param name="EventId">GTD's <c>eventid</c> (a whole number, e.g. 201401010001).</param>
/// <param name="Date">From <c>iyear</c>, <c>imonth</c>, <c>iday</c>: a 0 month or day leaves the date at year or month precision.</param>
/// <param name="Perpetrators">The slots that name a group; GTD's "Unknown" and empty slots are left out.</param>
/// <param name="Claimed">GTD's <c>claimed</c>: true (1), false (0), or null (-9 or empty: unknown).</param>
/// <param name="Killed">GTD's <c>nkill</c>; null when empty (unknown).</param>
public sealed record GtdIncident(int Line, long EventId, FuzzyDate Date, IReadOnlyList<GtdPerpetrator> Perpetrators, bool? Claimed, int? Killed, string Country);

/// <summary>
/// Streams a file in the Global Terrorism Database's published CSV layout row by row (Sep, only the columns used are
/// unquoted), refusing rows that cannot be read with file, line and reason. Whole-file problems (missing, empty,
/// binary, a required column absent) throw <see cref="MmpFileException"/> when enumeration starts.
/// </summary>
public static class GtdReader
{
    /// <summary>GTD's name for an incident whose perpetrator is not known: not a group, so never matched.</summary>
    public const string UnknownPerpetrator = "Unknown";

    public static IReadOnlyList<string> Columns { get; } =
        ["eventid", "iyear", "imonth", "iday", "gname", "gname2", "gname3", "guncertain1", "guncertain2", "guncertain3", "claimed", "nkill", "country_txt"];

    /// <param name="displayName">How to name the file in messages (default: the path).</param>
    public static IEnumerable<MmpRow<GtdIncident>> Read(string path, string? displayName = null)
    {
        var name = displayName ?? path;
        using var csv = MmpCsv.Open(path, name, Columns);
        var c = Columns.Select(col => csv.Columns[col]).ToArray();
        foreach (var row in csv.Rows(c))
        {
            if (row.Fields is not { } f)
            {
                yield return new(null, new MmpProblem(name, row.Line, row.Error!));
                continue;
            }

            var (incident, reason) = Parse(row.Line, f, c);
            yield return incident is not null ? new(incident, null) : new(null, new MmpProblem(name, row.Line, reason!));
        }
    }

    private static (GtdIncident?, string?) Parse(int line, string[] f, int[] c)
    {
        var eventId = f[c[0]].Trim();
        if (eventId.Length == 0)
        {
            return (null, "eventid is empty");
        }

        if (eventId.Length > 18 || !long.TryParse(eventId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return (null, $"eventid '{eventId}' is not a whole number");
        }

        if (Whole(f[c[1]], "iyear", out var year) is { } badYear)
        {
            return (null, badYear);
        }

        if (year is < 1000 or > 9999)
        {
            return (null, $"iyear '{f[c[1]].Trim()}' is not a year");
        }

        if (Whole(f[c[2]], "imonth", out var month) is { } badMonth)
        {
            return (null, badMonth);
        }

        if (month is < 0 or > 12)
        {
            return (null, $"imonth {month} is outside 0..12 (0: month unknown)");
        }

        if (Whole(f[c[3]], "iday", out var day) is { } badDay)
        {
            return (null, badDay);
        }

        FuzzyDate date;
        if (day == 0)
        {
            date = month == 0 ? new FuzzyDate(year) : new FuzzyDate(year, month);
        }
        else if (month == 0)
        {
            return (null, $"iday {day} is given but imonth is 0 (a day without its month)");
        }
        else if (day < 0 || day > DateTime.DaysInMonth(year, month))
        {
            return (null, $"iday {day} is not a day of {year:D4}-{month:D2}");
        }
        else
        {
            date = new FuzzyDate(year, month, day);
        }

        var perpetrators = new List<GtdPerpetrator>(3);
        for (var slot = 1; slot <= 3; slot++)
        {
            var groupName = f[c[3 + slot]].Trim();
            var flag = f[c[6 + slot]].Trim();
            var column = slot == 1 ? "gname" : $"gname{slot}";
            bool suspected;
            switch (flag)
            {
                case "" or "0" or "0.0":
                    suspected = false;
                    break;
                case "1" or "1.0":
                    suspected = true;
                    break;
                default:
                    return (null, $"guncertain{slot} '{flag}' is neither 0 nor 1 (1: the perpetrator in {column} is suspected)");
            }

            if (groupName.Length == 0)
            {
                if (slot == 1 && (f[c[5]].Trim().Length > 0 || f[c[6]].Trim().Length > 0))
                {
                    return (null, "gname is empty but gname2 or gname3 names a group (GTD writes 'Unknown' for an unknown first perpetrator)");
                }

                continue;
            }

            if (groupName.Any(char.IsControl))
            {
                return (null, $"{column} holds a control character");
            }

            if (!string.Equals(groupName, UnknownPerpetrator, StringComparison.OrdinalIgnoreCase))
            {
                perpetrators.Add(new GtdPerpetrator(slot, groupName, suspected));
            }
        }

        bool? claimed;
        switch (f[c[10]].Trim())
        {
            case "" or "-9" or "-9.0":
                claimed = null;
                break;
            case "0" or "0.0":
                claimed = false;
                break;
            case "1" or "1.0":
                claimed = true;
                break;
            case var other:
                return (null, $"claimed '{other}' is not one of 1, 0, -9 (unknown) or empty");
        }

        var nkill = f[c[11]].Trim();
        int? killed = null;
        if (nkill.Length > 0)
        {
            if (!decimal.TryParse(nkill, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var k) || k != decimal.Truncate(k) || k > int.MaxValue)
            {
                return (null, $"nkill '{nkill}' is not a count of people killed (a whole number, or empty when unknown)");
            }

            killed = (int)k;
        }

        return (new GtdIncident(line, id, date, perpetrators, claimed, killed, f[c[12]].Trim()), null);
    }

    private static string? Whole(string text, string column, out int value)
    {
        var t = text.Trim();
        if (t.EndsWith(".0", StringComparison.Ordinal))
        {
            t = t[..^2];
        }

        if (t.Length == 0)
        {
            value = 0;
            return $"{column} is empty";
        }

        return int.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) ? null : $"{column} '{text.Trim()}' is not a whole number";
    }
}
