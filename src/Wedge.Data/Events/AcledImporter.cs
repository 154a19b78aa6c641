using Wedge.Core.Events;
using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;
using Wedge.Data.Mmp;
using static Wedge.Data.Events.EventFacts;

namespace Wedge.Data.Events;

/// <summary>Choices an ACLED import takes; the defaults and why are in docs/import-events.md.</summary>
public sealed record AcledImportOptions
{
    /// <summary>B2 for events ACLED dates to the day or the week (<c>time_precision</c> 1 or 2).</summary>
    public Grade Dated { get; init; } = new('B', 2);

    public string DatedReason { get; init; } =
        "ACLED: a research project coding events by a published codebook from news, local partners and reports (B); each event is compiled from reports we have not confirmed (2).";

    /// <summary>B3 when ACLED could date the event only to the month (<c>time_precision</c> 3): thin reporting, possibly true.</summary>
    public Grade MonthOnly { get; init; } = new('B', 3);

    public string MonthOnlyReason { get; init; } =
        "ACLED (B), but its sources were too thin to date the event closer than the month (time_precision 3), so possibly true (3).";

    /// <summary>Dataset name (by <see cref="Core.Text.NameKey"/>) → actor id, from a --map file: tried before any matching.</summary>
    public IReadOnlyDictionary<string, ActorId> Map { get; init; } = new Dictionary<string, ActorId>();
}

/// <summary>What an ACLED import read, matched, planned and refused. Counts are of rows (events) in the file.</summary>
public sealed class AcledImportReport : EventImportReport
{
    /// <summary>Rows by <c>time_precision</c> 1 (day), 2 (week), 3 (month).</summary>
    public int[] ByTimePrecision { get; } = new int[3];

    /// <summary>Rows by the precision of the date recorded: day, month, year.</summary>
    public int[] ByPrecision { get; } = new int[3];

    /// <summary>Week-precise rows whose week may fall in another year: dated to ACLED's <c>year</c>.</summary>
    public int CrossingYears { get; internal set; }

    /// <summary>Protests and riots: their associated actors are participants, not armed cooperation; not evidence.</summary>
    public int ProtestsAndRiots { get; internal set; }

    /// <summary>Rows with actors acting on one side (an actor and its associated actors) matched onto two or more actors.</summary>
    public int CooperationRows { get; internal set; }

    /// <summary>Battles between two non-state armed actors matched onto two distinct actors.</summary>
    public int BattleRows { get; internal set; }

    /// <summary>Rows that could have given evidence (several actors on a side, or a battle between non-state armed actors) but matched too few actors.</summary>
    public int UnmatchedRows { get; internal set; }

    /// <summary>Rows giving evidence, imported with the lower grade (<c>time_precision</c> 3).</summary>
    public int MonthOnly { get; internal set; }

    /// <summary>Pairs and years of cooperation (alliance ties).</summary>
    public int CooperationPairYears { get; internal set; }

    /// <summary>Pairs and years of battles (rivalry ties).</summary>
    public int BattlePairYears { get; internal set; }
}

/// <summary>
/// Plans the import of an ACLED file as evidence: actors on one side of an event (actor 1 and the actors ACLED associates
/// with it, likewise actor 2) are evidence of cooperation between each pair of them; the two sides of a battle (event type
/// Battles) are evidence of hostility when both are non-state armed actors (rebel groups, political or identity militias).
/// Per pair and year, an alliance tie (<c>acled-A-B-YEAR</c>) and a rivalry tie (<c>acled-battle-A-B-YEAR</c>), each backed
/// by claims citing ACLED's event ids; each row giving evidence becomes an event with its fatalities. Protests and riots
/// are not evidence. Pure with respect to the store, like <see cref="GtdImporter"/>.
/// </summary>
public static class AcledImporter
{
    /// <summary>The dataset's key in <see cref="Actor.ExternalIds"/>: an actor carrying <c>acled: NAME</c> is that ACLED actor.</summary>
    public const string ExternalIdKey = "acled";

    public static SourceId SourceId { get; } = new("acled");

    public static Source Source { get; } = new()
    {
        Id = SourceId,
        Title = "Armed Conflict Location & Event Data (ACLED)",
        Author = "ACLED",
        Url = "https://acleddata.com/",
    };

    public static string EventIdFor(string eventIdCnty) => $"acled-{eventIdCnty}";

    private static PairYearRule Cooperation(AcledImportOptions o) => new()
    {
        Prefix = "acled",
        Kind = TieKind.Alliance,
        Source = SourceId,
        IdColumn = "event_id_cnty",
        Firm = o.Dated,
        FirmReason = o.DatedReason,
        Lower = o.MonthOnly,
        LowerReason = o.MonthOnlyReason,
        LowerSuffix = "month-only",
        ClaimText = (a, b, year, rows, monthOnly) =>
            $"ACLED records {N(rows.Count)} event{(rows.Count == 1 ? "" : "s")} in {N(year)} with {a} and {b} on the same side (an actor and an actor associated with it)"
            + $"{(monthOnly ? ", dated only to the month (time_precision 3)" : "")}.",
        TieNote = (year, e) => $"Acting on the same side in {N(year)} per ACLED ({N(e.Count)} events): cooperation in conduct, not a declared alliance.",
    };

    private static PairYearRule Battle(AcledImportOptions o) => Cooperation(o) with
    {
        Prefix = "acled-battle",
        Kind = TieKind.Rivalry,
        ClaimText = (a, b, year, rows, monthOnly) =>
            $"ACLED records {N(rows.Count)} battle{(rows.Count == 1 ? "" : "s")} between {a} and {b} in {N(year)}, both non-state armed actors "
            + $"({N(rows.Deaths)} fatalities reported){(monthOnly ? ", dated only to the month (time_precision 3)" : "")}.",
        TieNote = (year, e) => $"Battles in {N(year)} per ACLED ({N(e.Count)} events): hostility in conduct.",
    };

    public static string TieIdFor(ActorId a, ActorId b, int year, bool battle) => (battle ? Battle(new()) : Cooperation(new())).TieId(a, b, year);

    public static ClaimId ClaimIdFor(ActorId a, ActorId b, int year, bool battle, bool monthOnly) => (battle ? Battle(new()) : Cooperation(new())).ClaimId(a, b, year, monthOnly);

    /// <summary>Plans the whole import as one list of changes (see <see cref="Open"/> for the streaming form).</summary>
    public static (IReadOnlyList<JournalChange> Changes, AcledImportReport Report) Plan(string path, KnowledgeBase current, AcledImportOptions? options = null, string? displayName = null)
    {
        var stream = Open(path, current, options, displayName);
        return (stream.Changes().ToList(), stream.Report);
    }

    /// <summary>Reads the file once, checking every row and gathering the pairs and years; the stream's changes re-read it for the events.</summary>
    /// <exception cref="MmpFileException">The file cannot be read at all; nothing is planned.</exception>
    public static EventImportStream<AcledImportReport> Open(string path, KnowledgeBase current, AcledImportOptions? options = null, string? displayName = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        options ??= new AcledImportOptions();
        var name = displayName ?? path;
        var report = new AcledImportReport();
        var names = new EventNameResolver(current, options.Map, ExternalIdKey);
        var lineOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var refused = new HashSet<int>();
        var cooperation = new PairYearEvidence(Cooperation(options));
        var battles = new PairYearEvidence(Battle(options));

        foreach (var row in Pipelined.Enumerate(AcledReader.Read(path, name)))
        {
            report.RowsRead++;
            if (row.Problem is { } p)
            {
                report.Refused.Add(p);
                continue;
            }

            var e = row.Value!;
            if (!lineOf.TryAdd(e.EventId, e.Line))
            {
                report.Refused.Add(new(name, e.Line, $"event_id_cnty {e.EventId} is already used on line {lineOf[e.EventId]}"));
                refused.Add(e.Line);
                continue;
            }

            report.ByTimePrecision[e.TimePrecision - 1]++;
            report.ByPrecision[e.Date.Precision switch { DatePrecision.Day => 0, DatePrecision.Month => 1, _ => 2 }]++;
            report.CrossingYears += e.CrossesYear ? 1 : 0;
            if (IsProtestOrRiot(e))
            {
                report.ProtestsAndRiots++;
                continue;
            }

            var evidence = Evidence(names, e, count: true);
            if (evidence is null)
            {
                continue;
            }

            if (evidence.Cooperation.Count == 0 && evidence.Battle is null)
            {
                report.UnmatchedRows++;
                continue;
            }

            var monthOnly = e.TimePrecision == 3;
            var id = e.EventId;
            foreach (var pair in evidence.Cooperation)
            {
                cooperation.Add(pair.A, pair.B, e.Date.Year, monthOnly, id, e.Fatalities);
            }

            if (evidence.Battle is { } b)
            {
                battles.Add(b.A, b.B, e.Date.Year, monthOnly, id, e.Fatalities);
                report.BattleRows++;
            }

            report.CooperationRows += evidence.Cooperation.Count > 0 ? 1 : 0;
            report.MonthOnly += monthOnly ? 1 : 0;
        }

        names.Report(report.Matched, report.Unmatched, report.Ambiguous);
        var head = new List<JournalChange>();
        AddIfNew(head, current, Source);
        var file = Path.GetFileName(name);
        cooperation.WriteFacts(head, current, file, report);
        battles.WriteFacts(head, current, file, report);
        (report.CooperationPairYears, report.BattlePairYears) = (cooperation.Count, battles.Count);
        return new EventImportStream<AcledImportReport>(report, head, () => EventChanges(path, name, current, names, refused, cooperation.Rule, battles.Rule, report));
    }

    private static bool IsProtestOrRiot(AcledEvent e)
        => e.EventType.Equals("Protests", StringComparison.OrdinalIgnoreCase) || e.EventType.Equals("Riots", StringComparison.OrdinalIgnoreCase);

    /// <summary>What one row gives: cooperation pairs within each side, the battle pair, and the actors matched on each side.</summary>
    private sealed record RowEvidence(IReadOnlyList<PerpetratorPair> Cooperation, PerpetratorPair? Battle, IReadOnlyList<ActorId> Side1, IReadOnlyList<ActorId> Side2, bool BothSidesCooperate);

    /// <summary>Null when the row names no pair that could be evidence (one actor a side, and no battle between non-state armed actors).</summary>
    private static RowEvidence? Evidence(EventNameResolver names, AcledEvent e, bool count)
    {
        var battle = e.EventType.Equals(AcledReader.Battles, StringComparison.OrdinalIgnoreCase) && e.Side1.IsNonStateArmed && e.Side2.IsNonStateArmed;
        var (names1, names2) = (e.Side1.Names.ToList(), e.Side2.Names.ToList());
        if (!battle && names1.Count < 2 && names2.Count < 2)
        {
            return null;
        }

        // Names on a side alone (no associated actors) are resolved only for a battle: otherwise they cannot pair with anyone.
        List<ActorId> Side(List<string> sideNames) => sideNames.Count < 2 && !battle
            ? []
            : [.. sideNames.Select(n => names.Resolve(n, n, e.Line, count)).OfType<ActorId>()];

        var (side1, side2) = (Side(names1), Side(names2));
        var pairs1 = names1.Count >= 2 ? JointAttack.Pairs([.. side1.Select(a => new Perpetrator(a, false))]) : [];
        var pairs2 = names2.Count >= 2 ? JointAttack.Pairs([.. side2.Select(a => new Perpetrator(a, false))]) : [];
        PerpetratorPair? battlePair = null;
        if (battle && names.Resolve(e.Side1.Actor, e.Side1.Actor, e.Line, count: false) is { } a && names.Resolve(e.Side2.Actor, e.Side2.Actor, e.Line, count: false) is { } b && a != b)
        {
            battlePair = string.CompareOrdinal(a.Value, b.Value) < 0 ? new PerpetratorPair(a, b, false) : new PerpetratorPair(b, a, false);
        }

        return new RowEvidence([.. pairs1, .. pairs2], battlePair, side1, side2, pairs1.Count > 0 && pairs2.Count > 0);
    }

    private static IEnumerable<JournalChange> EventChanges(string path, string name, KnowledgeBase current, EventNameResolver names, HashSet<int> refused,
        PairYearRule cooperation, PairYearRule battles, AcledImportReport report)
    {
        foreach (var row in AcledReader.Read(path, name))
        {
            if (row.Value is not { } e || refused.Contains(e.Line) || IsProtestOrRiot(e) || Evidence(names, e, count: false) is not { } evidence
                || (evidence.Cooperation.Count == 0 && evidence.Battle is null))
            {
                continue;
            }

            var monthOnly = e.TimePrecision == 3;
            var claims = evidence.Cooperation.Select(p => cooperation.ClaimId(p.A, p.B, e.Date.Year, monthOnly)).ToList();
            if (evidence.Battle is { } b)
            {
                claims.Add(battles.ClaimId(b.A, b.B, e.Date.Year, monthOnly));
            }

            // Fighting between the sides (a battle pair, or cooperation on both sides of one event) is an attack naming everyone;
            // cooperation on one side only is a joint operation naming that side alone, so no one reads the opponent as a partner.
            var fighting = evidence.Battle is not null || evidence.BothSidesCooperate;
            var oneSide = evidence.Cooperation.Count > 0 && evidence.Cooperation.All(p => evidence.Side1.Contains(p.A) && evidence.Side1.Contains(p.B)) ? evidence.Side1 : evidence.Side2;
            var actors = fighting ? evidence.Side1.Concat(evidence.Side2) : oneSide;
            var ev = new Event
            {
                Id = EventIdFor(e.EventId),
                Date = e.Date,
                Kind = fighting ? EventKind.Attack : EventKind.JointOperation,
                Title = Title(e),
                Actors = [.. actors.Distinct().Order(IdOrder)],
                Fatalities = e.Fatalities,
                Claims = [.. claims.Distinct()],
            };
            if (EventChange(current, ev, report) is { } change)
            {
                yield return change;
            }
        }
    }

    /// <summary>"Battles (Armed clash) in Nigeria: A with B against C": ACLED's own words and names, as data.</summary>
    private static string Title(AcledEvent e)
    {
        static string Side(AcledSide s) => s.Associated.Count == 0 ? s.Actor : $"{s.Actor} with {string.Join(", ", s.Associated)}";
        var kind = e.SubEventType.Length > 0 ? $"{e.EventType} ({e.SubEventType})" : e.EventType;
        var where = e.Country.Length > 0 ? $" in {e.Country}" : "";
        var against = e.Side2.Actor.Length > 0 ? $" against {Side(e.Side2)}" : "";
        return $"{kind}{where}: {Side(e.Side1)}{against}";
    }
}
