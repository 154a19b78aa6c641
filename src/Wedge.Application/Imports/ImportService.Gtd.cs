using Wedge.Application.Problems;
using Wedge.Core.Collections;
using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Time;
using Wedge.Data.Events;
using Wedge.Data.Mmp;

namespace Wedge.Application.Imports;

/// <summary>What `import gtd` reads: the file, an optional --map file, whether --strict, and the date the impact is weighed at.</summary>
public sealed record GtdImportRequest(string File, string? Map = null, bool Strict = false, FuzzyDate? ImpactAt = null);

/// <summary>A dataset name matched onto an actor on record (rule: mapping-file, dataset-id or name) and how many joint incidents named it.</summary>
public sealed record MatchedName(string Name, string Actor, string Rule, int Incidents);

/// <summary>A dataset name matched to no actor (no candidates) or to several (ambiguous); its pairs were left out.</summary>
public sealed record UnmatchedName(string Name, int Incidents, int FirstLine, EquatableList<string> Candidates);

/// <summary>
/// `import gtd`: the import report and what was written. <see cref="Written"/> is false for a dry run and when --strict
/// refused the import (then <see cref="Refusal"/> says why). Refused rows, if any, are listed; the command exits non-zero for them.
/// </summary>
/// <param name="ByPrecision">Incidents read by date precision: day, month (GTD's iday 0), year (imonth 0).</param>
public sealed record GtdImported(string File, int RowsRead, int SinglePerpetrator, int MultiplePerpetrators, int JointUnmatched, int EventsImported,
    int EventsUnchanged, int EventsCorrected, int PairYears, int Claims, EquatableList<int> ByPrecision, EquatableList<MatchedName> Matched,
    EquatableList<UnmatchedName> Unmatched, EquatableList<UnmatchedName> Ambiguous, EquatableList<RowProblem> Refused, long Changes, long Version)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Written { get; init; } = true;

    [System.Text.Json.Serialization.JsonIgnore]
    public Problem? Refusal { get; init; }

    /// <summary>The judgements on what was already on record that the import changes (or, dry run, would change); null when refused.</summary>
    public ImportImpactReport? Impact { get; init; }

    /// <summary>Indicators of the built-in hypotheses matrices that the import fired (none for a dry run).</summary>
    public EquatableList<Hypotheses.FiredIndicator> Fired { get; init; } = [];
}

public sealed partial class ImportService
{
    /// <summary>
    /// Plans the GTD import against the current record and streams it into one transaction (refused rows left out),
    /// unless --strict finds a refused row or an ambiguous name: then nothing is written.
    /// </summary>
    /// <param name="dryRun">Plan only: the report and the impact of what would be imported; nothing written.</param>
    public GtdImported ImportGtd(GtdImportRequest request, string? author, string? why, long? expectVersion, CancellationToken cancellationToken = default, bool dryRun = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        var current = store.Knowledge();
        var importOptions = new GtdImportOptions();
        EventImportStream<GtdImportReport> stream;
        var mapProblems = new List<MmpProblem>();
        try
        {
            if (request.Map is not null)
            {
                var (map, problems) = EventNameMap.Read(request.Map, current);
                mapProblems = problems;
                importOptions = importOptions with { Map = map };
            }

            // The first pass reads every row: refused rows and the names' matches are known before anything is written.
            stream = GtdImporter.Open(request.File, current, importOptions);
        }
        catch (MmpFileException ex)
        {
            throw GtdFileProblem(ex);
        }

        var report = stream.Report;
        report.Refused.InsertRange(0, mapProblems);
        var read = new ReadOptions(request.ImpactAt);
        if ((request.Strict && !report.IsClean) || dryRun)
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
                throw GtdFileProblem(ex);
            }

            if (request.Strict && !report.IsClean)
            {
                return Result(request.File, report, 0, current.Version) with
                {
                    Written = false,
                    Refusal = Problem.Refused("strict-refused",
                        $"--strict: {report.Refused.Count} row(s) refused and {report.Ambiguous.Count} name(s) ambiguous; nothing was written."),
                };
            }

            return Result(request.File, report, planned.Count, current.Version) with { Written = false, Impact = PlannedImpact(current, planned, read) };
        }

        long version;
        var written = new WrittenChanges(current);
        try
        {
            // Streamed into one transaction: the events are never held whole in memory.
            version = store.AppendStream(written.Tee(stream.Changes()), options.AuthorOf(author), why ?? $"imported GTD joint attacks from {Path.GetFileName(request.File)}",
                expectVersion ?? current.Version, current, cancellationToken);
        }
        catch (MmpFileException ex)
        {
            throw GtdFileProblem(ex);
        }

        var after = written.After(version);
        store.Remember(after);
        return Result(request.File, report, version - current.Version, version) with
        {
            Impact = ImportImpactReport.Compare(current, after, read, dryRun: false),
            Fired = Hypotheses.HypothesesService.NewlyFired(current, after),
        };
    }

    private static ProblemException GtdFileProblem(MmpFileException ex)
        => new Problem(ProblemKind.Refused, "gtd-file-invalid", $"{ex.Message}{Environment.NewLine}Nothing was written.", ex.Problem.File, ex.Problem.Line > 0 ? ex.Problem.Line : null).Exception();

    private static GtdImported Result(string file, GtdImportReport r, long changes, long version) => new(
        file, r.RowsRead, r.SinglePerpetrator, r.MultiplePerpetrators, r.JointUnmatched, r.EventsImported, r.EventsUnchanged, r.EventsCorrected, r.PairYears, r.Claims,
        r.ByPrecision.ToEquatableList(),
        r.Matched.Select(m => new MatchedName(m.Name, m.Actor.Value, Core.Model.EnumNames.Kebab(m.Rule), m.Incidents)).ToEquatableList(),
        r.Unmatched.Select(Unmatched).ToEquatableList(),
        r.Ambiguous.Select(Unmatched).ToEquatableList(),
        r.Refused.Select(p => new RowProblem(p.File, p.Line, p.Reason)).ToEquatableList(),
        changes, version);

    private static UnmatchedName Unmatched(EventNameUnmatched u) => new(u.Name, u.Incidents, u.FirstLine, u.Candidates.Select(c => c.Value).ToEquatableList());
}
