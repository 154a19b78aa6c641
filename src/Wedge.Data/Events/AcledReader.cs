using System.Globalization;
using Wedge.Core.Collections;
using Wedge.Core.Time;
using Wedge.Data.Mmp;

namespace Wedge.Data.Events;

/// <summary>ACLED's actor types (<c>inter1</c>, <c>inter2</c>), by their codes; ACLED's newer exports write the names instead.</summary>
public enum AcledActorType
{
    /// <summary>No actor (an event with one actor has no actor 2).</summary>
    None = 0,
    StateForces = 1,
    RebelGroup = 2,
    PoliticalMilitia = 3,
    IdentityMilitia = 4,
    Rioters = 5,
    Protesters = 6,
    Civilians = 7,
    ExternalOrOtherForces = 8,
}

/// <summary>One side of an ACLED event: the named actor, its type, and the actors ACLED associates with it in that event.</summary>
public sealed record AcledSide(string Actor, AcledActorType Type, EquatableList<string> Associated)
{
    /// <summary>The actor and its associated actors, the actor first (empty when the side names no actor).</summary>
    public IEnumerable<string> Names => Actor.Length == 0 ? Associated : Associated.Prepend(Actor);

    /// <summary>Rebel groups and political and identity militias: armed and not a state.</summary>
    public bool IsNonStateArmed => Type is AcledActorType.RebelGroup or AcledActorType.PoliticalMilitia or AcledActorType.IdentityMilitia;
}

/// <summary>A row of ACLED's data export, read and checked: only the columns Wedge uses.</summary>
/// <param name="EventId">ACLED's <c>event_id_cnty</c> (e.g. <c>NIG12345</c>).</param>
/// <param name="Date">From <c>event_date</c> and <c>time_precision</c> by <see cref="AcledReader.DateOf"/>.</param>
/// <param name="TimePrecision">1: the day is known; 2: the week; 3: only the month.</param>
/// <param name="CrossesYear">A week-precise date whose week may fall in another year: dated to <c>year</c>.</param>
/// <param name="Fatalities">ACLED's <c>fatalities</c> (a conservative count).</param>
public sealed record AcledEvent(int Line, string EventId, FuzzyDate Date, int TimePrecision, bool CrossesYear, string EventType, string SubEventType,
    AcledSide Side1, AcledSide Side2, int Fatalities, string Country);

/// <summary>
/// Streams a file in ACLED's published CSV layout (its data export: <c>event_id_cnty</c>, <c>event_date</c>, …,
/// <c>fatalities</c>, <c>tags</c>, <c>timestamp</c>) row by row, refusing rows that cannot be read with file, line and
/// reason. Whole-file problems throw <see cref="MmpFileException"/> when enumeration starts.
/// </summary>
public static class AcledReader
{
    public const string Battles = "Battles";

    public static IReadOnlyList<string> Columns { get; } =
        ["event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1",
            "actor2", "assoc_actor_2", "inter2", "country", "fatalities"];

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d MMMM yyyy", "dd-MM-yyyy", "dd/MM/yyyy"];

    /// <param name="displayName">How to name the file in messages (default: the path).</param>
    public static IEnumerable<MmpRow<AcledEvent>> Read(string path, string? displayName = null)
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
    /// The event's fuzzy date. <c>time_precision</c> 1: the day. 2: ACLED gives a day in the middle of the week the
    /// sources name, so the event lies within three days of it: the month when those seven days are in one month, else the
    /// year (<paramref name="year"/>, ACLED's own, when they straddle two years). 3: the month.
    /// </summary>
    public static (FuzzyDate Date, bool CrossesYear) DateOf(DateOnly date, int timePrecision, int year)
    {
        switch (timePrecision)
        {
            case 1:
                return (FuzzyDate.FromDateOnly(date), false);
            case 2:
                var (first, last) = (date.AddDays(-3), date.AddDays(3));
                if (first.Year != last.Year)
                {
                    return (new FuzzyDate(year), true);
                }

                return (first.Month == last.Month ? new FuzzyDate(date.Year, date.Month) : new FuzzyDate(date.Year), false);
            default:
                return (new FuzzyDate(date.Year, date.Month), false);
        }
    }

    private static (AcledEvent?, string?) Parse(int line, string[] f, int[] c)
    {
        string F(int i) => f[c[i]].Trim();

        var id = F(0);
        if (id.Length == 0)
        {
            return (null, "event_id_cnty is empty");
        }

        if (id.Length > 40 || !id.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_'))
        {
            return (null, $"event_id_cnty '{Shown(id)}' is not an ACLED event id (letters and digits, e.g. NIG12345)");
        }

        var dateText = F(1);
        if (dateText.Length == 0)
        {
            return (null, "event_date is empty");
        }

        if (!DateOnly.TryParseExact(dateText, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return (null, $"event_date '{Shown(dateText)}' is not a date (yyyy-mm-dd, or as '15 January 2020')");
        }

        if (!int.TryParse(F(2), NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year != date.Year)
        {
            return (null, $"year '{Shown(F(2))}' is not the year of event_date {date:yyyy-MM-dd}");
        }

        var timePrecision = F(3) switch { "1" => 1, "2" => 2, "3" => 3, _ => 0 };
        if (timePrecision == 0)
        {
            return (null, $"time_precision '{Shown(F(3))}' is not 1 (day), 2 (week) or 3 (month)");
        }

        var eventType = F(4);
        if (eventType.Length == 0)
        {
            return (null, "event_type is empty");
        }

        var sides = new AcledSide[2];
        for (var s = 0; s < 2; s++)
        {
            var (actorColumn, assocColumn, interColumn) = s == 0 ? ("actor1", "assoc_actor_1", "inter1") : ("actor2", "assoc_actor_2", "inter2");
            var (actor, assoc, inter) = (F(6 + (3 * s)), F(7 + (3 * s)), F(8 + (3 * s)));
            foreach (var (text, column) in new[] { (actor, actorColumn), (assoc, assocColumn), (eventType, "event_type"), (F(5), "sub_event_type") })
            {
                if (text.Any(char.IsControl))
                {
                    return (null, $"{column} holds a control character");
                }
            }

            if (ActorType(inter) is not { } type)
            {
                return (null, $"{interColumn} '{Shown(inter)}' is not an ACLED actor type (1-8, or its name, e.g. Rebel group)");
            }

            if (actor.Length == 0 && assoc.Length > 0)
            {
                return (null, $"{assocColumn} names actors but {actorColumn} is empty");
            }

            if (actor.Length == 0 && s == 0)
            {
                return (null, "actor1 is empty (every ACLED event has an actor 1)");
            }

            var associated = assoc.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            sides[s] = new AcledSide(actor, actor.Length == 0 ? AcledActorType.None : type, associated.ToEquatableList());
        }

        var fatalitiesText = F(13);
        if (fatalitiesText.Length == 0)
        {
            return (null, "fatalities is empty (ACLED writes 0 when none are reported)");
        }

        if (!int.TryParse(fatalitiesText, NumberStyles.None, CultureInfo.InvariantCulture, out var fatalities))
        {
            return (null, $"fatalities '{Shown(fatalitiesText)}' is not a count of people killed (a whole number, 0 or more)");
        }

        var (fuzzy, crosses) = DateOf(date, timePrecision, year);
        return (new AcledEvent(line, id, fuzzy, timePrecision, crosses, eventType, F(5), sides[0], sides[1], fatalities, F(12)), null);
    }

    /// <summary>ACLED's codes (1-8; empty or 0 where there is no actor) or, in newer exports, their names.</summary>
    private static AcledActorType? ActorType(string text) => text.ToLowerInvariant() switch
    {
        "" or "0" => AcledActorType.None,
        "1" or "state forces" => AcledActorType.StateForces,
        "2" or "rebel group" or "rebel groups" => AcledActorType.RebelGroup,
        "3" or "political militia" or "political militias" => AcledActorType.PoliticalMilitia,
        "4" or "identity militia" or "identity militias" => AcledActorType.IdentityMilitia,
        "5" or "rioters" => AcledActorType.Rioters,
        "6" or "protesters" => AcledActorType.Protesters,
        "7" or "civilians" => AcledActorType.Civilians,
        "8" or "external/other forces" => AcledActorType.ExternalOrOtherForces,
        _ => null,
    };

    /// <summary>A cell as quoted in a message: control characters shown as '?', cut at 60 characters.</summary>
    private static string Shown(string text)
    {
        var s = new string([.. text.Select(ch => char.IsControl(ch) ? '?' : ch)]);
        return s.Length > 60 ? s[..60] + "…" : s;
    }
}
