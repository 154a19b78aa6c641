using Wedge.Application.Problems;
using Wedge.Application.Store;
using Wedge.Core.Collections;
using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;
using Wedge.Data.Cases;
using Wedge.Data.Mmp;

namespace Wedge.Application.Imports;

/// <summary>`import case`: what the case added, corrected and found already on record, and the journal version after.</summary>
public sealed record CaseImported(string File, string CaseId, int Added, int Corrected, int Unchanged, long Version)
{
    /// <summary>The judgements on what was already on record that the import changes (or, dry run, would change).</summary>
    public ImportImpactReport? Impact { get; init; }

    /// <summary>Indicators of the built-in hypotheses matrices that the import fired (none for a dry run).</summary>
    public EquatableList<Hypotheses.FiredIndicator> Fired { get; init; } = [];
}

/// <summary>What `import mmp` reads and how it grades and maps what it reads.</summary>
/// <remarks><see cref="AsContext"/>: the claims are context, shown and cited but not weighed as evidence until accepted.
/// <see cref="ImpactAt"/>: the read date at which the import's impact on judgements is weighed (null: the record read now).</remarks>
public sealed record MmpImportRequest(string Key, string Relationships, string? Map = null, bool Strict = false, Grade? Grade = null, bool AsContext = false,
    FuzzyDate? ImpactAt = null);

public sealed record MatchedGroup(string MmpId, string Name, string Actor, MatchRule Rule);

public sealed record CreatedGroup(string MmpId, string Name, string Actor);

public sealed record AmbiguousGroup(string MmpId, string Name, EquatableList<string> Candidates, string Reason);

public sealed record RowProblem(string File, int Line, string Reason)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Reason}" : $"{File}: {Reason}";
}

/// <summary>
/// `import mmp`: the import report and what was written. <see cref="Written"/> is false when --strict
/// refused the import; then <see cref="Refusal"/> says why and nothing was written.
/// </summary>
public sealed record MmpImported(int KeyRowsRead, int RelationshipRowsRead, int ObservationsImported, int ObservationsUnchanged, int ObservationsCorrected,
    int DuplicateSets, int DuplicatesMerged, int Undated, EquatableList<MatchedGroup> Matched, EquatableList<CreatedGroup> Created,
    EquatableList<AmbiguousGroup> Ambiguous, EquatableList<RowProblem> Refused, EquatableList<RowProblem> Skipped, long Changes, long Version)
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

/// <summary>The import verbs: all of a file or none of it.</summary>
public sealed partial class ImportService(IRecordStore store, WorkspaceOptions options)
{
    /// <param name="dryRun">Plan only: say what the import would add and correct, and write nothing (the version is the journal's now).</param>
    /// <param name="impactAt">The read date at which the import's impact on judgements is weighed (null: the record read now).</param>
    public CaseImported ImportCase(string file, string? author, string? why, long? expectVersion, bool dryRun = false, FuzzyDate? impactAt = null)
    {
        var (doc, errors) = CaseReader.ReadFile(file);
        if (doc is null)
        {
            var first = errors.FirstOrDefault();
            throw new Problem(ProblemKind.Refused, "case-invalid", string.Join(Environment.NewLine, errors), first?.File, first?.Line, first?.Column).Exception();
        }

        var current = store.Knowledge();
        CasePlan plan;
        try
        {
            plan = CaseImport.Plan(file, doc, current);
        }
        catch (CaseRefusedException ex)
        {
            throw Problem.Refused("case-refused", ex.Message).Exception();
        }

        var read = new ReadOptions(impactAt);
        if (dryRun)
        {
            return new CaseImported(file, doc.Id, plan.Added, plan.Corrected, plan.Unchanged, current.Version) { Impact = PlannedImpact(current, plan.Changes, read) };
        }

        var version = store.Append(plan.Changes, options.AuthorOf(author), why ?? $"imported case '{doc.Id}' from {Path.GetFileName(file)}", expectVersion, basedOn: current);
        var after = store.Knowledge();
        return new CaseImported(file, doc.Id, plan.Added, plan.Corrected, plan.Unchanged, version)
        {
            Impact = ImportImpactReport.Compare(current, after, read, dryRun: false),
            Fired = Hypotheses.HypothesesService.NewlyFired(current, after),
        };
    }

    /// <summary>
    /// Plans the MMP import against the current record and streams it into one transaction (refused rows left out),
    /// unless --strict finds a refused row or an ambiguous group: then nothing is written.
    /// </summary>
    /// <param name="dryRun">Plan only: the report of what would be imported (<see cref="MmpImported.Changes"/> counts the changes), nothing written.</param>
    public MmpImported ImportMmp(MmpImportRequest request, string? author, string? why, long? expectVersion, CancellationToken cancellationToken = default, bool dryRun = false)
    {
        var current = store.Knowledge();
        var importOptions = new MmpImportOptions();
        if (request.Grade is { } grade)
        {
            importOptions = importOptions with { Grade = grade, GradeReason = "Grade set by the analyst at import (--grade)." };
        }

        importOptions = importOptions with { AsContext = request.AsContext };
        MmpImportStream stream;
        var mapProblems = new List<MmpProblem>();
        try
        {
            if (request.Map is not null)
            {
                var (map, problems) = MmpImporter.ReadMap(request.Map, current);
                mapProblems = problems;
                importOptions = importOptions with { Map = map };
            }

            // The first pass reads every row: refused rows, ambiguous groups and duplicates are known before anything is written.
            stream = MmpImporter.Open(request.Key, request.Relationships, current, importOptions);
        }
        catch (MmpFileException ex)
        {
            throw FileProblem(ex);
        }

        var report = stream.Report;
        report.Refused.InsertRange(0, mapProblems);
        if (request.Strict && !report.IsClean)
        {
            // Walk the plan without writing, so the report can say what would have been imported.
            try
            {
                foreach (var _ in stream.Changes())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }
            catch (MmpFileException ex)
            {
                throw FileProblem(ex);
            }

            return Result(report, 0, current.Version) with
            {
                Written = false,
                Refusal = Problem.Refused("strict-refused", $"--strict: {report.Refused.Count} row(s) refused and {report.Ambiguous.Count} group(s) ambiguous; nothing was written."),
            };
        }

        var read = new ReadOptions(request.ImpactAt);
        if (dryRun)
        {
            // The plan is held in memory here (not streamed) so the record after it can be weighed without writing.
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
                throw FileProblem(ex);
            }

            return Result(report, planned.Count, current.Version) with { Written = false, Impact = PlannedImpact(current, planned, read) };
        }

        long version;
        var written = new WrittenChanges(current);
        try
        {
            // Streamed into one transaction: the plan is never held whole in memory (a million observations would take GBs).
            version = store.AppendStream(written.Tee(stream.Changes()), options.AuthorOf(author),
                why ?? $"imported MMP from {Path.GetFileName(request.Key)} and {Path.GetFileName(request.Relationships)}",
                expectVersion ?? current.Version, current, cancellationToken);
        }
        catch (MmpFileException ex)
        {
            throw FileProblem(ex);
        }

        var after = written.After(version);
        var (impact, fired) = Settle(current, after, read);
        return Result(report, version - current.Version, version) with { Impact = impact, Fired = fired };
    }

    /// <summary>
    /// After a streamed import: the store is handed the record after it (as its checkpoint) on one core while the import's
    /// impact on the judgements on record and the hypotheses' indicators it fired are weighed on the other. Each only reads
    /// the record; one after the other they took longer than the import itself (1M MMP observations: checkpoint ~24 s,
    /// impact and indicators ~21 s, each weighing the whole record after).
    /// </summary>
    private (ImportImpactReport Impact, EquatableList<Hypotheses.FiredIndicator> Fired) Settle(KnowledgeBase before, KnowledgeBase after, ReadOptions read)
    {
        var checkpoint = Task.Run(() => store.Remember(after));
        ImportImpactReport impact;
        EquatableList<Hypotheses.FiredIndicator> fired;
        try
        {
            impact = ImportImpactReport.Compare(before, after, read, dryRun: false);
            fired = Hypotheses.HypothesesService.NewlyFired(before, after);
        }
        catch
        {
            try
            {
                checkpoint.Wait();
            }
            catch (AggregateException)
            {
                // The weighing's failure is the one reported; the checkpoint is only a shortcut for the next read.
            }

            throw;
        }

        checkpoint.GetAwaiter().GetResult();
        return (impact, fired);
    }

    /// <summary>
    /// The changes of a streamed import as they pass to the journal, kept to build the record after it in memory:
    /// reading it back from the journal would replay every entry just written (two million for a million observations).
    /// </summary>
    private sealed class WrittenChanges(KnowledgeBase before)
    {
        private readonly List<JournalChange> changes = [];

        public IEnumerable<JournalChange> Tee(IEnumerable<JournalChange> stream)
        {
            foreach (var change in stream)
            {
                changes.Add(change);
                yield return change;
            }
        }

        /// <summary>The record after the write: the changes were checked as they were written, so they are replayed as they are.</summary>
        public KnowledgeBase After(long version)
        {
            if (version != before.Version + changes.Count)
            {
                throw new InvalidOperationException($"the journal is at {version}, but {changes.Count} changes were written after {before.Version}");
            }

            var entries = changes.Select((c, i) => new JournalEntry(before.Version + i + 1, default, "", "", c.Action, c.Key, c.Fact));
            return KnowledgeBase.Resume(before.Facts, before.Version, entries, before.Count + changes.Count);
        }
    }

    /// <summary>The impact of a plan not written: the plan applied to the record in memory, checked as the journal would check it.</summary>
    private static ImportImpactReport PlannedImpact(KnowledgeBase current, IReadOnlyList<JournalChange> plan, ReadOptions read)
    {
        var outcome = current.With(plan);
        if (outcome.Result is not { } after)
        {
            throw Problem.Refused("import-refused", "The import would be refused by the journal: "
                + string.Join("; ", outcome.Problems.Take(5)) + $"{Environment.NewLine}Nothing was written.").Exception();
        }

        return ImportImpactReport.Compare(current, after, read, dryRun: true);
    }

    private static ProblemException FileProblem(MmpFileException ex)
        => new Problem(ProblemKind.Refused, "mmp-file-invalid", $"{ex.Message}{Environment.NewLine}Nothing was written.", ex.Problem.File, ex.Problem.Line > 0 ? ex.Problem.Line : null).Exception();

    private static MmpImported Result(MmpImportReport r, long changes, long version) => new(
        r.KeyRowsRead, r.RelationshipRowsRead, r.ObservationsImported, r.ObservationsUnchanged, r.ObservationsCorrected, r.DuplicateSets, r.DuplicatesMerged, r.Undated,
        r.Matched.Select(m => new MatchedGroup(m.MmpId, m.MmpName, m.Actor.Value, m.Rule)).ToEquatableList(),
        r.Created.Select(m => new CreatedGroup(m.MmpId, m.MmpName, m.Actor.Value)).ToEquatableList(),
        r.Ambiguous.Select(a => new AmbiguousGroup(a.MmpId, a.MmpName, a.Candidates.Select(c => c.Value).ToEquatableList(), a.Reason)).ToEquatableList(),
        r.Refused.Select(p => new RowProblem(p.File, p.Line, p.Reason)).ToEquatableList(),
        r.Skipped.Select(p => new RowProblem(p.File, p.Line, p.Reason)).ToEquatableList(),
        changes, version);
}
