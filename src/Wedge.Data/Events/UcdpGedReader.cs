using System.Globalization;
using Wedge.Core.Time;
using Wedge.Data.Mmp;

namespace Wedge.Data.Events;

/// <summary>UCDP's three types of organised violence (<c>type_of_violence</c>).</summary>
public enum UcdpViolence
{
    /// <summary>1: state-based conflict, a government on side A.</summary>
    StateBased = 1,

    /// <summary>2: non-state conflict, two organised groups, neither a government.</summary>
    NonState = 2,

    /// <summary>3: one-sided violence, an actor against civilians (side B).</summary>
    OneSided = 3,
}

/// <summary>One side of a UCDP GED event: its name and UCDP's actor id (<c>side_a_new_id</c>/<c>side_b_new_id</c>; null when empty).</summary>
public sealed record UcdpSide(string Name, string? Id);

/// <summary>A row of the UCDP Georeferenced Event Dataset, read and checked: only the columns Wedge uses.</summary>
/// <param name="Id">GED's <c>id</c> (a whole number, stable across releases).</param>
/// <param name="Year">GED's <c>year</c>.</param>
/// <param name="Date">From <c>date_start</c>, <c>date_end</c> and <c>date_prec</c> by <see cref="UcdpGedReader.DateOf"/>.</param>
/// <param name="DatePrecisionCode">GED's <c>date_prec</c>, 1 (the day is known) to 5 (known within a year).</param>
/// <param name="CrossesYear">The range from <c>date_start</c> to <c>date_end</c> spans two years: dated to <see cref="Year"/>.</param>
/// <param name="EventClarity">1: the reporting identifies the event fully; 2: it does not (an aggregate or unclear report).</param>
/// <param name="WherePrecision">GED's <c>where_prec</c>, 1 (exact place) to 7 (international waters or airspace).</param>
/// <param name="Best">Deaths, UCDP's best estimate (<c>best</c>); <c>low</c> and <c>high</c> are checked but not kept.</param>
public sealed record UcdpGedEvent(int Line, long Id, int Year, UcdpViolence Violence, UcdpSide SideA, UcdpSide SideB, FuzzyDate Date,
    int DatePrecisionCode, bool CrossesYear, int EventClarity, int WherePrecision, int Best, string Country);

/// <summary>
/// Streams a file in the UCDP GED's published CSV layout (the 49 columns of releases 20.1 onwards; older releases with
/// the same names for the columns used read too) row by row, refusing rows that cannot be read with file, line and reason.
/// Whole-file problems (missing, empty, binary, a required column absent) throw <see cref="MmpFileException"/> when
/// enumeration starts.
/// </summary>
public static class UcdpGedReader
{
    public static IReadOnlyList<string> Columns { get; } =
        ["id", "year", "type_of_violence", "side_a_new_id", "side_a", "side_b_new_id", "side_b", "where_prec", "country", "event_clarity",
            "date_prec", "date_start", "date_end", "best", "high", "low"];

    /// <param name="displayName">How to name the file in messages (default: the path).</param>
    public static IEnumerable<MmpRow<UcdpGedEvent>> Read(string path, string? displayName = null)
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

            var (e, reason) = Parse(row.Line, f, c);
            yield return e is not null ? new(e, null) : new(null, new MmpProblem(name, row.Line, reason!));
        }
    }

    /// <summary>
    /// The event's fuzzy date: the finest calendar date (day, month or year) holding every day from <paramref name="start"/>
    /// to <paramref name="end"/>, never finer than <c>date_prec</c> allows (1: a day; 2, 3 and 4: a month; 5: a year). A
    /// range over two years is dated to <paramref name="year"/>, GED's own year for the event.
    /// </summary>
    public static FuzzyDate DateOf(DateOnly start, DateOnly end, int datePrecision, int year)
    {
        if (start.Year != end.Year)
        {
            return new FuzzyDate(year);
        }

        var finest = datePrecision switch { 1 => DatePrecision.Day, 2 or 3 or 4 => DatePrecision.Month, _ => DatePrecision.Year };
        if (finest == DatePrecision.Day && start == end)
        {
            return FuzzyDate.FromDateOnly(start);
        }

        return finest != DatePrecision.Year && start.Month == end.Month ? new FuzzyDate(start.Year, start.Month) : new FuzzyDate(start.Year);
    }

    private static (UcdpGedEvent?, string?) Parse(int line, string[] f, int[] c)
    {
        string F(int i) => f[c[i]].Trim();

        var idText = F(0);
        if (idText.Length == 0)
        {
            return (null, "id is empty");
        }

        if (idText.Length > 18 || !long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
        {
            return (null, $"id '{idText}' is not a whole number");
        }

        if (Whole(F(1), "year", out var year) is { } badYear)
        {
            return (null, badYear);
        }

        if (year is < 1000 or > 9999)
        {
            return (null, $"year '{F(1)}' is not a year");
        }

        if (Whole(F(2), "type_of_violence", out var type) is { } badType)
        {
            return (null, badType);
        }

        if (type is < 1 or > 3)
        {
            return (null, $"type_of_violence {type} is not 1 (state-based), 2 (non-state) or 3 (one-sided)");
        }

        var sides = new UcdpSide[2];
        for (var s = 0; s < 2; s++)
        {
            var (idColumn, nameColumn) = s == 0 ? ("side_a_new_id", "side_a") : ("side_b_new_id", "side_b");
            var sideName = F(4 + (2 * s));
            if (sideName.Length == 0)
            {
                return (null, $"{nameColumn} is empty");
            }

            var sideId = F(3 + (2 * s));
            if (sideName.Any(char.IsControl) || sideId.Any(char.IsControl))
            {
                return (null, $"{(sideName.Any(char.IsControl) ? nameColumn : idColumn)} holds a control character");
            }

            sides[s] = new UcdpSide(sideName, sideId.Length == 0 ? null : WholeText(sideId));
        }

        if (Whole(F(7), "where_prec", out var where) is { } badWhere)
        {
            return (null, badWhere);
        }

        if (where is < 1 or > 7)
        {
            return (null, $"where_prec {where} is outside 1..7");
        }

        if (Whole(F(9), "event_clarity", out var clarity) is { } badClarity)
        {
            return (null, badClarity);
        }

        if (clarity is not (1 or 2))
        {
            return (null, $"event_clarity {clarity} is neither 1 (clear) nor 2 (not fully identified)");
        }

        if (Whole(F(10), "date_prec", out var datePrec) is { } badPrec)
        {
            return (null, badPrec);
        }

        if (datePrec is < 1 or > 5)
        {
            return (null, $"date_prec {datePrec} is outside 1..5 (1: the day is known … 5: known within a year)");
        }

        if (Day(F(11), "date_start", out var start) is { } badStart)
        {
            return (null, badStart);
        }

        if (Day(F(12), "date_end", out var end) is { } badEnd)
        {
            return (null, badEnd);
        }

        if (end < start)
        {
            return (null, $"date_end {end:yyyy-MM-dd} is before date_start {start:yyyy-MM-dd}");
        }

        if (year < start.Year || year > end.Year)
        {
            return (null, $"year {year} is outside date_start {start:yyyy-MM-dd} .. date_end {end:yyyy-MM-dd}");
        }

        var deaths = new int[3];
        for (var k = 0; k < 3; k++)
        {
            var column = Columns[13 + k];
            if (Whole(F(13 + k), column, out deaths[k]) is { } badDeaths)
            {
                return (null, badDeaths + " (a count of deaths)");
            }

            if (deaths[k] < 0)
            {
                return (null, $"{column} {deaths[k]} is negative (a count of deaths)");
            }
        }

        var date = DateOf(start, end, datePrec, year);
        return (new UcdpGedEvent(line, id, year, (UcdpViolence)type, sides[0], sides[1], date, datePrec, start.Year != end.Year, clarity, where, deaths[0], F(8)), null);
    }

    /// <summary>GED writes dates as <c>2017-07-31</c>, or (releases 20.1 on) <c>2017-07-31 00:00:00.000</c>.</summary>
    private static string? Day(string text, string column, out DateOnly day)
    {
        day = default;
        if (text.Length == 0)
        {
            return $"{column} is empty";
        }

        var datePart = text.Length > 10 && (text[10] == ' ' || text[10] == 'T') ? text[..10] : text;
        return DateOnly.TryParseExact(datePart, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day)
            ? null
            : $"{column} '{text}' is not a date (yyyy-mm-dd)";
    }

    /// <summary>Ids written as <c>123.0</c> by some exports are the id <c>123</c>.</summary>
    private static string WholeText(string text) => text.EndsWith(".0", StringComparison.Ordinal) ? text[..^2] : text;

    private static string? Whole(string text, string column, out int value)
    {
        var t = WholeText(text);
        if (t.Length == 0)
        {
            value = 0;
            return $"{column} is empty";
        }

        return int.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value) ? null : $"{column} '{text}' is not a whole number";
    }
}
