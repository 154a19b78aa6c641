using Wedge.Application.Problems;
using Wedge.Application.Store;
using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Data.Exchange.Stix;

namespace Wedge.Application.Exchange;

/// <summary>The outcome of a STIX import: what it took and skipped, how many changes, and the journal version after.</summary>
public sealed record StixImportResult(StixImportReport Report, int Changes, long Version, bool DryRun);

/// <summary>Exports and imports in exchange formats (STIX 2.1; docs/exchange/).</summary>
public sealed class ExchangeService(JournalRecordStore journal, WorkspaceOptions workspace)
{
    /// <summary>The read slice as a STIX 2.1 bundle, created/modified from the journal's recorded times.</summary>
    public StixExport ExportStix(ReadSlice slice)
    {
        ArgumentNullException.ThrowIfNull(slice);
        return journal.Use(store =>
        {
            var entries = store.ReadAsync(slice.RecordedBy).ToBlockingEnumerable().ToList();
            var whole = KnowledgeBase.Project(entries);
            // Only what the caller may see goes into the bundle (a reader's clearance on the team server).
            var snapshot = Snapshot.Of(workspace.Clearance() is { } clearance ? whole.VisibleTo(clearance) : whole, slice.Options);
            return StixExporter.Export(snapshot, RecordedTimes.From(entries), workspace.Clock.GetUtcNow());
        });
    }

    /// <summary>
    /// Imports a bundle whole or not at all. Refused (with the report's problems in the message) when any object is
    /// refused; with <paramref name="dryRun"/> nothing is written.
    /// </summary>
    public StixImportResult ImportStix(string path, bool dryRun, string? author, string? why, long? expectVersion)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Problem.Refused("unreadable", $"{path}: cannot read: {ex.Message}{Environment.NewLine}Nothing was written.").At(path).Exception();
        }

        using var store = journal.Open();
        var current = store.ReadKnowledgeAsync().GetAwaiter().GetResult();
        var plan = StixImporter.Plan(text, path, current);
        if (!plan.Report.IsClean)
        {
            throw Problem.Refused("refused", string.Join(Environment.NewLine, plan.Report.Refused)
                + $"{Environment.NewLine}{plan.Report.Refused.Count} problem(s) in {path}; nothing was written.").At(path).Exception();
        }

        if (dryRun)
        {
            return new StixImportResult(plan.Report, plan.Changes.Count, current.Version, true);
        }

        try
        {
            var writer = workspace.AuthorOf(author);
            var version = store.AppendAsync(expectVersion ?? current.Version, writer, why ?? $"imported STIX bundle {Path.GetFileName(path)}",
                plan.Changes).GetAwaiter().GetResult();
            journal.Wrote(writer, version);
            return new StixImportResult(plan.Report, plan.Changes.Count, version, false);
        }
        catch (ChangesRefusedException ex)
        {
            throw Problem.Refused("refused", ex.Message).At(path).Exception();
        }
        catch (JournalConflictException ex)
        {
            throw Problem.Conflict("conflict", ex.Message).Exception();
        }
    }
}
