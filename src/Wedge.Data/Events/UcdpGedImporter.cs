using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;
using Wedge.Data.Mmp;
using static Wedge.Data.Events.EventFacts;

namespace Wedge.Data.Events;

/// <summary>Choices a UCDP GED import takes; the defaults and why are in docs/import-events.md.</summary>
public sealed record UcdpGedImportOptions
{
    /// <summary>B2 for fighting between two groups that UCDP reports clearly (<c>event_clarity</c> 1).</summary>
    public Grade Clear { get; init; } = new('B', 2);

    public string ClearReason { get; init; } =
        "UCDP GED (Uppsala University): an academic dataset coded by a published codebook from several news sources (B); each event is compiled from reports we have not confirmed (2).";

    /// <summary>B3 when UCDP says the reporting does not identify the event fully (<c>event_clarity</c> 2): possibly true.</summary>
    public Grade Unclear { get; init; } = new('B', 3);

    public string UnclearReason { get; init; } =
        "UCDP GED (B), but it marks the reporting as too unclear to identify the event fully (event_clarity 2), so possibly true (3).";

    /// <summary>Dataset name (by <see cref="Core.Text.NameKey"/>) → actor id, from a --map file: tried before any matching.</summary>
    public IReadOnlyDictionary<string, ActorId> Map { get; init; } = new Dictionary<string, ActorId>();
}

/// <summary>What a UCDP GED import read, matched, planned and refused. Counts are of rows (events) in the file.</summary>
public sealed class UcdpGedImportReport : EventImportReport
{
    /// <summary>Rows by <c>type_of_violence</c>: state-based (1), non-state (2), one-sided (3). Only non-state rows are evidence.</summary>
    public int[] ByViolence { get; } = new int[3];

    /// <summary>Non-state rows of which fewer than two sides matched distinct actors on record: left out.</summary>
    public int NonStateUnmatched { get; internal set; }

    /// <summary>Non-state rows with a side matched onto an actor on record as a state: left out (the record disagrees with UCDP).</summary>
    public int SideIsState { get; internal set; }

    /// <summary>Rows by <c>date_prec</c> 1 to 5.</summary>
    public int[] ByDatePrecision { get; } = new int[5];

    /// <summary>Rows by the precision of the date recorded: day, month, year.</summary>
    public int[] ByPrecision { get; } = new int[3];

    /// <summary>Rows whose date range spans two years: dated to GED's <c>year</c>.</summary>
    public int CrossingYears { get; internal set; }

    /// <summary>Rows imported with the lower grade (<c>event_clarity</c> 2).</summary>
    public int Unclear { get; internal set; }
}

/// <summary>
/// Plans the import of a UCDP GED file as evidence of hostility: every non-state event (<c>type_of_violence</c> 2: two
/// organised groups, neither a government) whose two sides match distinct actors on record, neither of them a state,
/// gives per pair and year a rivalry tie backed by a claim of the GED citing the events' ids (a second, lower-graded
/// claim for events UCDP marks as unclear); each such event becomes an event of kind attack with UCDP's best estimate of
/// deaths. State-based and one-sided events are counted and left out: neither is fighting between two groups.
/// Pure with respect to the store, like <see cref="GtdImporter"/>.
/// </summary>
public static class UcdpGedImporter
{
    /// <summary>The dataset's key in <see cref="Actor.ExternalIds"/>: an actor carrying <c>ucdp: 1234</c> is UCDP's actor 1234 (<c>side_a_new_id</c>).</summary>
    public const string ExternalIdKey = "ucdp";

    public static SourceId SourceId { get; } = new("ucdp-ged");

    public static Source Source { get; } = new()
    {
        Id = SourceId,
        Title = "UCDP Georeferenced Event Dataset (GED) Global",
        Author = "Uppsala Conflict Data Program (UCDP)",
        Publisher = "Department of Peace and Conflict Research, Uppsala University",
        Url = "https://ucdp.uu.se/downloads/",
    };

    public static string EventIdFor(long id) => $"ucdp-{N(id)}";

    private static PairYearRule Rule(UcdpGedImportOptions o) => new()
    {
        Prefix = "ucdp",
        Kind = TieKind.Rivalry,
        Source = SourceId,
        IdColumn = "id",
        Firm = o.Clear,
        FirmReason = o.ClearReason,
        Lower = o.Unclear,
        LowerReason = o.UnclearReason,
        LowerSuffix = "unclear",
        ClaimText = (a, b, year, rows, unclear) =>
            $"UCDP GED records {N(rows.Count)} event{(rows.Count == 1 ? "" : "s")} of non-state conflict between {a} and {b} in {N(year)} "
            + $"(best estimate {N(rows.Deaths)} deaths){(unclear ? ", reported too unclearly to identify each event fully (event_clarity 2)" : "")}.",
        TieNote = (year, e) => $"Fighting in {N(year)} per UCDP GED ({N(e.Count)} events of non-state conflict): hostility in conduct.",
    };

    public static string TieIdFor(ActorId a, ActorId b, int year) => Rule(new()).TieId(a, b, year);

    public static ClaimId ClaimIdFor(ActorId a, ActorId b, int year, bool unclear) => Rule(new()).ClaimId(a, b, year, unclear);

    /// <summary>Plans the whole import as one list of changes (see <see cref="Open"/> for the streaming form).</summary>
    public static (IReadOnlyList<JournalChange> Changes, UcdpGedImportReport Report) Plan(string path, KnowledgeBase current, UcdpGedImportOptions? options = null, string? displayName = null)
    {
        var stream = Open(path, current, options, displayName);
        return (stream.Changes().ToList(), stream.Report);
    }

    /// <summary>
    /// Reads the file once, checking every row and gathering the pairs and years (the ids of the non-state events per pair
    /// and year); <see cref="EventImportStream{TReport}.Changes"/> then re-reads it for the events.
    /// </summary>
    /// <exception cref="MmpFileException">The file cannot be read at all; nothing is planned.</exception>
    public static EventImportStream<UcdpGedImportReport> Open(string path, KnowledgeBase current, UcdpGedImportOptions? options = null, string? displayName = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        options ??= new UcdpGedImportOptions();
        var name = displayName ?? path;
        var report = new UcdpGedImportReport();
        var names = new EventNameResolver(current, options.Map, ExternalIdKey);
        var lineOf = new Dictionary<long, int>();
        var refused = new HashSet<int>();
        var evidence = new PairYearEvidence(Rule(options));

        foreach (var row in Pipelined.Enumerate(UcdpGedReader.Read(path, name)))
        {
            report.RowsRead++;
            if (row.Problem is { } p)
            {
                report.Refused.Add(p);
                continue;
            }

            var e = row.Value!;
            if (!lineOf.TryAdd(e.Id, e.Line))
            {
                report.Refused.Add(new(name, e.Line, $"id {e.Id} is already used on line {lineOf[e.Id]}"));
                refused.Add(e.Line);
                continue;
            }

            report.ByViolence[(int)e.Violence - 1]++;
            report.ByDatePrecision[e.DatePrecisionCode - 1]++;
            report.ByPrecision[e.Date.Precision switch { DatePrecision.Day => 0, DatePrecision.Month => 1, _ => 2 }]++;
            report.CrossingYears += e.CrossesYear ? 1 : 0;
            if (e.Violence != UcdpViolence.NonState)
            {
                continue;
            }

            switch (Pair(names, current, e, count: true))
            {
                case (null, _):
                    report.NonStateUnmatched++;
                    break;
                case (_, true):
                    report.SideIsState++;
                    break;
                case ({ } pair, false):
                    evidence.Add(pair.A, pair.B, e.Date.Year, e.EventClarity == 2, N(e.Id), e.Best);
                    report.Unclear += e.EventClarity == 2 ? 1 : 0;
                    break;
            }
        }

        names.Report(report.Matched, report.Unmatched, report.Ambiguous);
        var head = new List<JournalChange>();
        AddIfNew(head, current, Source);
        evidence.WriteFacts(head, current, Path.GetFileName(name), report);
        return new EventImportStream<UcdpGedImportReport>(report, head, () => EventChanges(path, name, current, names, refused, evidence.Rule, report));
    }

    /// <summary>The two sides as distinct actors on record (lower id first), or null; and whether either is a state on record.</summary>
    private static ((ActorId A, ActorId B)? Pair, bool State) Pair(EventNameResolver names, KnowledgeBase current, UcdpGedEvent e, bool count)
    {
        var a = names.Resolve(e.SideA.Name, e.SideA.Id, e.Line, count);
        var b = names.Resolve(e.SideB.Name, e.SideB.Id, e.Line, count);
        if (a is not { } x || b is not { } y || x == y)
        {
            return (null, false);
        }

        var state = current.FindActor(x)?.Kind == ActorKind.State || current.FindActor(y)?.Kind == ActorKind.State;
        return (string.CompareOrdinal(x.Value, y.Value) < 0 ? (x, y) : (y, x), state);
    }

    private static IEnumerable<JournalChange> EventChanges(string path, string name, KnowledgeBase current, EventNameResolver names, HashSet<int> refused, PairYearRule rule, UcdpGedImportReport report)
    {
        foreach (var row in UcdpGedReader.Read(path, name))
        {
            if (row.Value is not { Violence: UcdpViolence.NonState } e || refused.Contains(e.Line) || Pair(names, current, e, count: false) is not ({ } pair, false))
            {
                continue;
            }

            var where = e.Country.Length > 0 ? $" in {e.Country}" : "";
            var ev = new Event
            {
                Id = EventIdFor(e.Id),
                Date = e.Date,
                Kind = EventKind.Attack,
                Title = $"Fighting{where} between {e.SideA.Name} and {e.SideB.Name}{(e.EventClarity == 2 ? " (unclear reporting)" : "")}",
                Actors = [pair.A, pair.B],
                Fatalities = e.Best,
                Claims = [rule.ClaimId(pair.A, pair.B, e.Date.Year, e.EventClarity == 2)],
            };
            if (EventChange(current, ev, report) is { } change)
            {
                yield return change;
            }
        }
    }
}
