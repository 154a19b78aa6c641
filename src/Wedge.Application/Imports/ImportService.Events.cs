using Wedge.Application.Problems;
using Wedge.Core.Collections;
using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;
using Wedge.Data.Events;
using Wedge.Data.Mmp;

namespace Wedge.Application.Imports;

/// <summary>What `import ucdp` and `import acled` read: the file, an optional --map file, whether --strict, and the date the impact is weighed at.</summary>
public sealed record EventImportRequest(string File, string? Map = null, bool Strict = false, FuzzyDate? ImpactAt = null);

/// <summary>What every event-dataset import result says, whatever the dataset: hosts print and refuse through it.</summary>
public interface IEventImported
{
    string File { get; }

    long Changes { get; }

    long Version { get; }

    EquatableList<MatchedName> Matched { get; }

    EquatableList<UnmatchedName> Unmatched { get; }

    EquatableList<UnmatchedName> Ambiguous { get; }

    EquatableList<RowProblem> Refused { get; }

    /// <summary>False for a dry run and when --strict refused the import.</summary>
    bool Written { get; }

    /// <summary>Why --strict refused the import; null otherwise.</summary>
    Problem? Refusal { get; }

    ImportImpactReport? Impact { get; }

    EquatableList<Hypotheses.FiredIndicator> Fired { get; }
}

/// <summary>How a planned event import ended: written or not, refused by --strict or not, and what it changes.</summary>
internal readonly record struct EventImportOutcome(bool Written, Problem? Refusal, ImportImpactReport? Impact, EquatableList<Hypotheses.FiredIndicator> Fired);

/// <summary>
/// `import ucdp`: the import report and what was written (see <see cref="IEventImported"/>). Only non-state events
/// (<c>type_of_violence</c> 2) whose sides match two actors, neither a state, are evidence.
/// </summary>
/// <param name="ByViolence">Rows by type_of_violence: state-based (1), non-state (2), one-sided (3).</param>
/// <param name="ByDatePrecision">Rows by date_prec 1 to 5.</param>
/// <param name="ByPrecision">Rows by the precision of the date recorded: day, month, year.</param>
/// <param name="CrossingYears">Rows whose date range spans two years, dated to GED's year.</param>
/// <param name="Unclear">Rows imported with the lower grade (event_clarity 2).</param>
public sealed record UcdpImported(string File, int RowsRead, EquatableList<int> ByViolence, int NonStateUnmatched, int SideIsState, EquatableList<int> ByDatePrecision,
    EquatableList<int> ByPrecision, int CrossingYears, int Unclear, int EventsImported, int EventsUnchanged, int EventsCorrected, int PairYears, int Claims,
    EquatableList<MatchedName> Matched, EquatableList<UnmatchedName> Unmatched, EquatableList<UnmatchedName> Ambiguous, EquatableList<RowProblem> Refused,
    long Changes, long Version) : IEventImported
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Written { get; init; } = true;

    [System.Text.Json.Serialization.JsonIgnore]
    public Problem? Refusal { get; init; }

    public ImportImpactReport? Impact { get; init; }

    public EquatableList<Hypotheses.FiredIndicator> Fired { get; init; } = [];
}

/// <summary>`import acled`: the import report and what was written (see <see cref="IEventImported"/>).</summary>
/// <param name="ByTimePrecision">Rows by time_precision 1 (day), 2 (week), 3 (month).</param>
/// <param name="ByPrecision">Rows by the precision of the date recorded: day, month, year.</param>
/// <param name="ProtestsAndRiots">Rows left out as protests or riots.</param>
/// <param name="CooperationRows">Rows with two or more matched actors on one side.</param>
/// <param name="BattleRows">Battles between two non-state armed actors matched onto two actors.</param>
/// <param name="UnmatchedRows">Rows that could have given evidence but matched too few actors.</param>
/// <param name="MonthOnly">Rows giving evidence with the lower grade (time_precision 3).</param>
public sealed record AcledImported(string File, int RowsRead, EquatableList<int> ByTimePrecision, EquatableList<int> ByPrecision, int CrossingYears, int ProtestsAndRiots,
    int CooperationRows, int BattleRows, int UnmatchedRows, int MonthOnly, int EventsImported, int EventsUnchanged, int EventsCorrected, int CooperationPairYears,
    int BattlePairYears, int Claims, EquatableList<MatchedName> Matched, EquatableList<UnmatchedName> Unmatched, EquatableList<UnmatchedName> Ambiguous,
    EquatableList<RowProblem> Refused, long Changes, long Version) : IEventImported
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Written { get; init; } = true;

    [System.Text.Json.Serialization.JsonIgnore]
    public Problem? Refusal { get; init; }

    public ImportImpactReport? Impact { get; init; }

    public EquatableList<Hypotheses.FiredIndicator> Fired { get; init; } = [];
}

public sealed partial class ImportService
{
    /// <summary>
    /// Plans the UCDP GED import against the current record and streams it into one transaction (refused rows left out),
    /// unless --strict finds a refused row or an ambiguous name: then nothing is written.
    /// </summary>
    /// <param name="dryRun">Plan only: the report and the impact of what would be imported; nothing written.</param>
    public UcdpImported ImportUcdp(EventImportRequest request, string? author, string? why, long? expectVersion, CancellationToken cancellationToken = default, bool dryRun = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ImportEvents(request.File, request.Map, request.Strict, request.ImpactAt, "ucdp", "UCDP GED non-state conflict",
            (current, map) => UcdpGedImporter.Open(request.File, current, new UcdpGedImportOptions { Map = map }),
            (r, changes, version, o) => new UcdpImported(request.File, r.RowsRead, r.ByViolence.ToEquatableList(), r.NonStateUnmatched, r.SideIsState,
                r.ByDatePrecision.ToEquatableList(), r.ByPrecision.ToEquatableList(), r.CrossingYears, r.Unclear, r.EventsImported, r.EventsUnchanged, r.EventsCorrected,
                r.PairYears, r.Claims, Matched(r), Unmatched(r.Unmatched), Unmatched(r.Ambiguous), Refused(r), changes, version)
            {
                Written = o.Written,
                Refusal = o.Refusal,
                Impact = o.Impact,
                Fired = o.Fired,
            },
            author, why, expectVersion, cancellationToken, dryRun);
    }

    /// <summary>As <see cref="ImportUcdp"/>, for an ACLED export.</summary>
    public AcledImported ImportAcled(EventImportRequest request, string? author, string? why, long? expectVersion, CancellationToken cancellationToken = default, bool dryRun = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ImportEvents(request.File, request.Map, request.Strict, request.ImpactAt, "acled", "ACLED cooperation and battles",
            (current, map) => AcledImporter.Open(request.File, current, new AcledImportOptions { Map = map }),
            (r, changes, version, o) => new AcledImported(request.File, r.RowsRead, r.ByTimePrecision.ToEquatableList(), r.ByPrecision.ToEquatableList(), r.CrossingYears,
                r.ProtestsAndRiots, r.CooperationRows, r.BattleRows, r.UnmatchedRows, r.MonthOnly, r.EventsImported, r.EventsUnchanged, r.EventsCorrected,
                r.CooperationPairYears, r.BattlePairYears, r.Claims, Matched(r), Unmatched(r.Unmatched), Unmatched(r.Ambiguous), Refused(r), changes, version)
            {
                Written = o.Written,
                Refusal = o.Refusal,
                Impact = o.Impact,
                Fired = o.Fired,
            },
            author, why, expectVersion, cancellationToken, dryRun);
    }

    /// <summary>
    /// The one flow of every event-dataset import: read the --map file, plan (the first pass reads every row, so refused rows
    /// and the names' matches are known before anything is written), then either walk the plan without writing (dry run,
    /// or --strict with a refused row or an ambiguous name) or stream it into one transaction.
    /// </summary>
    /// <param name="dataset">The dataset's short name, in problem codes (<c>ucdp-file-invalid</c>).</param>
    /// <param name="what">What was imported, in the journal's default reason ("imported {what} from FILE").</param>
    private TResult ImportEvents<TReport, TResult>(string file, string? mapFile, bool strict, FuzzyDate? impactAt, string dataset, string what,
        Func<KnowledgeBase, IReadOnlyDictionary<string, ActorId>, EventImportStream<TReport>> open, Func<TReport, long, long, EventImportOutcome, TResult> result,
        string? author, string? why, long? expectVersion, CancellationToken cancellationToken, bool dryRun)
        where TReport : EventImportReport
    {
        var current = store.Knowledge();
        EventImportStream<TReport> stream;
        var mapProblems = new List<MmpProblem>();
        try
        {
            IReadOnlyDictionary<string, ActorId> map = new Dictionary<string, ActorId>();
            if (mapFile is not null)
            {
                (var read, mapProblems) = EventNameMap.Read(mapFile, current);
                map = read;
            }

            stream = open(current, map);
        }
        catch (MmpFileException ex)
        {
            throw FileProblem(dataset, ex);
        }

        var report = stream.Report;
        report.Refused.InsertRange(0, mapProblems);
        var readAt = new ReadOptions(impactAt);
        if ((strict && !report.IsClean) || dryRun)
        {
            // Walk the plan without writing: the report then says what would have been imported.
            var planned = new List<JournalChange>();
            try
            {
                foreach (var change in stream.Changes())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    planned.Add(change);
                }
            }
            catch (MmpFileException ex)
            {
                throw FileProblem(dataset, ex);
            }

            if (strict && !report.IsClean)
            {
                var refusal = Problem.Refused("strict-refused",
                    $"--strict: {report.Refused.Count} row(s) refused and {report.Ambiguous.Count} name(s) ambiguous; nothing was written.");
                return result(report, 0, current.Version, new(false, refusal, null, []));
            }

            return result(report, planned.Count, current.Version, new(false, null, PlannedImpact(current, planned, readAt), []));
        }

        long version;
        var written = new WrittenChanges(current);
        try
        {
            // Streamed into one transaction: the events are never held whole in memory.
            version = store.AppendStream(written.Tee(stream.Changes()), options.AuthorOf(author), why ?? $"imported {what} from {Path.GetFileName(file)}",
                expectVersion ?? current.Version, current, cancellationToken);
        }
        catch (MmpFileException ex)
        {
            throw FileProblem(dataset, ex);
        }

        var after = written.After(version);
        var (impact, fired) = Settle(current, after, readAt);
        return result(report, version - current.Version, version, new(true, null, impact, fired));
    }

    private static ProblemException FileProblem(string dataset, MmpFileException ex)
        => new Problem(ProblemKind.Refused, $"{dataset}-file-invalid", $"{ex.Message}{Environment.NewLine}Nothing was written.", ex.Problem.File,
            ex.Problem.Line > 0 ? ex.Problem.Line : null).Exception();

    private static EquatableList<MatchedName> Matched(EventImportReport r)
        => r.Matched.Select(m => new MatchedName(m.Name, m.Actor.Value, EnumNames.Kebab(m.Rule), m.Incidents)).ToEquatableList();

    private static EquatableList<UnmatchedName> Unmatched(List<EventNameUnmatched> names) => names.Select(Unmatched).ToEquatableList();

    private static UnmatchedName Unmatched(EventNameUnmatched u) => new(u.Name, u.Incidents, u.FirstLine, u.Candidates.Select(c => c.Value).ToEquatableList());

    private static EquatableList<RowProblem> Refused(EventImportReport r)
        => r.Refused.Select(p => new RowProblem(p.File, p.Line, p.Reason)).ToEquatableList();
}
