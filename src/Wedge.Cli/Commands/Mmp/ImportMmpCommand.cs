using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application;
using Wedge.Application.Problems;
using Wedge.Application.Store;
using Wedge.Cli.Commands.Journal;
using Wedge.Cli.Infrastructure;
using Wedge.Core.Journal;
using Wedge.Core.Model;
using Wedge.Data.Mmp;
using Wedge.Data.Store;

namespace Wedge.Cli.Commands.Mmp;

public sealed class ImportMmpSettings : WriteSettings
{
    [CommandOption("--key <FILE>")]
    [Description("MMP's group key (Militant-Group-Key.csv).")]
    public string? Key { get; set; }

    [CommandOption("--relationships <FILE>")]
    [Description("MMP's relationships (Militant-Group-Relationships.csv).")]
    public string? Relationships { get; set; }

    [CommandOption("--map <FILE>")]
    [Description("CSV with columns mmp_id,actor_id: MMP groups to send to existing actors, before any name matching.")]
    public string? Map { get; set; }

    [CommandOption("--strict")]
    [Description("Write nothing and exit non-zero if any row is refused or any group is ambiguous.")]
    public bool Strict { get; set; }

    [CommandOption("--grade <GRADE>")]
    [Description("Admiralty grade of MMP's claims (default B2; see docs/import-mmp.md).")]
    public string? Grade { get; set; }

    [CommandOption("--as <USE>")]
    [Description("'evidence' (default) or 'context': context claims are shown and cited but not counted when evidence is weighed, until accepted (docs/methods/evidence.md).")]
    public string? As { get; set; }

    [CommandOption("--why <TEXT>")]
    [Description("Reason recorded in the journal.")]
    public string? Why { get; set; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Key) || string.IsNullOrWhiteSpace(Relationships))
        {
            return ValidationResult.Error("both --key and --relationships are required");
        }

        if (Grade is not null && !Wedge.Core.Model.Grade.TryParse(Grade, out _, out var error))
        {
            return ValidationResult.Error($"--grade: {error}");
        }

        if (As is not null && As is not ("context" or "evidence"))
        {
            return ValidationResult.Error($"--as: '{As}' is neither 'evidence' nor 'context'");
        }

        return base.Validate();
    }
}

/// <summary>
/// `wedge import mmp --key KEY --relationships REL [--map FILE] [--strict]`: plans the import against the current
/// record, prints the report, and appends the plan in one transaction (refused rows are left out, unless --strict,
/// which then writes nothing).
/// </summary>
public sealed class ImportMmpCommand(IAnsiConsole console, JournalRecordStore journal, WorkspaceOptions workspace) : Command<ImportMmpSettings>
{
    public override int Execute(CommandContext context, ImportMmpSettings settings, CancellationToken cancellationToken)
    {
        using var store = journal.Open();
        var current = store.Current();
        var options = new MmpImportOptions();
        if (settings.Grade is not null)
        {
            options = options with { Grade = Grade.Parse(settings.Grade), GradeReason = "Grade set by the analyst at import (--grade)." };
        }

        options = options with { AsContext = settings.As == "context" };

        MmpImportStream stream;
        var mapProblems = new List<MmpProblem>();
        try
        {
            if (settings.Map is not null)
            {
                var (map, problems) = MmpImporter.ReadMap(settings.Map, current);
                mapProblems = problems;
                options = options with { Map = map };
            }

            // The first pass reads every row: refused rows, ambiguous groups and duplicates are known before anything is written.
            stream = MmpImporter.Open(settings.Key!, settings.Relationships!, current, options);
        }
        catch (MmpFileException ex)
        {
            throw new ProblemException(ProblemKind.Refused, "refused", $"{ex.Message}{Environment.NewLine}Nothing was written.");
        }

        var report = stream.Report;
        report.Refused.InsertRange(0, mapProblems);
        if (settings.Strict && !report.IsClean)
        {
            // Walk the plan without writing, so the report can say what would have been imported.
            CountWithoutWriting(stream);
            Print(report, written: false);
            throw new ProblemException(ProblemKind.Refused, "refused", $"--strict: {report.Refused.Count} row(s) refused and {report.Ambiguous.Count} group(s) ambiguous; nothing was written.");
        }

        long version;
        try
        {
            // Streamed into one transaction: the plan is never held whole in memory (a million observations would take GBs).
            var why = settings.Why ?? $"imported MMP from {Path.GetFileName(settings.Key)} and {Path.GetFileName(settings.Relationships)}";
            version = store.AppendStream(settings.ExpectVersion ?? current.Version, settings.Author ?? workspace.DefaultAuthor, why, stream.Changes(), current);
        }
        catch (MmpFileException ex)
        {
            throw new ProblemException(ProblemKind.Refused, "refused", $"{ex.Message}{Environment.NewLine}Nothing was written.");
        }
        catch (ChangesRefusedException ex)
        {
            throw new ProblemException(ProblemKind.Refused, "refused", ex.Message);
        }
        catch (JournalConflictException ex)
        {
            throw new ProblemException(ProblemKind.Conflict, "conflict", ex.Message);
        }

        var written = version - current.Version;
        if (settings.Json)
        {
            Output.Json(console, new
            {
                keyRowsRead = report.KeyRowsRead,
                relationshipRowsRead = report.RelationshipRowsRead,
                observationsImported = report.ObservationsImported,
                observationsUnchanged = report.ObservationsUnchanged,
                observationsCorrected = report.ObservationsCorrected,
                duplicateSets = report.DuplicateSets,
                duplicatesMerged = report.DuplicatesMerged,
                undated = report.Undated,
                matched = report.Matched.Select(m => new { mmpId = m.MmpId, name = m.MmpName, actor = m.Actor.Value, rule = m.Rule.Kebab() }),
                created = report.Created.Select(m => new { mmpId = m.MmpId, name = m.MmpName, actor = m.Actor.Value }),
                ambiguous = report.Ambiguous.Select(a => new { mmpId = a.MmpId, name = a.MmpName, candidates = a.Candidates.Select(c => c.Value), reason = a.Reason }),
                refused = report.Refused.Select(p => new { file = p.File, line = p.Line, reason = p.Reason }),
                skipped = report.Skipped.Select(p => new { file = p.File, line = p.Line, reason = p.Reason }),
                changes = written,
                version,
            });
            return 0;
        }

        Print(report, written: true);
        console.MarkupLine(written == 0
            ? $"Nothing to write: everything is already on record. Journal version {version}."
            : $"Wrote {written} changes in one transaction. Journal version {version}.");
        return 0;
    }

    private static void CountWithoutWriting(MmpImportStream stream)
    {
        try
        {
            foreach (var _ in stream.Changes())
            {
            }
        }
        catch (MmpFileException ex)
        {
            throw new ProblemException(ProblemKind.Refused, "refused", $"{ex.Message}{Environment.NewLine}Nothing was written.");
        }
    }

    private void Print(MmpImportReport r, bool written)
    {
        var t = Output.Table("", "count");
        t.AddTextRow("key rows read", r.KeyRowsRead.ToString(System.Globalization.CultureInfo.InvariantCulture));
        t.AddTextRow("relationship rows read", N(r.RelationshipRowsRead));
        t.AddTextRow(written ? "observations imported (new)" : "observations that would be imported", N(r.ObservationsImported));
        t.AddTextRow("observations already on record", N(r.ObservationsUnchanged));
        t.AddTextRow("observations corrected", N(r.ObservationsCorrected));
        t.AddTextRow("duplicate rows merged", $"{N(r.DuplicatesMerged)} (in {N(r.DuplicateSets)} sets)");
        t.AddTextRow("undated observations", N(r.Undated));
        t.AddTextRow("actors matched", N(r.Matched.Count));
        t.AddTextRow("actors created", N(r.Created.Count));
        t.AddTextRow("ambiguous groups", N(r.Ambiguous.Count));
        t.AddTextRow("rows refused", N(r.Refused.Count));
        t.AddTextRow("rows skipped", N(r.Skipped.Count));
        console.Write(t);

        var byName = r.Matched.Where(m => m.Rule is MatchRule.Name or MatchRule.MappingFile).ToList();
        if (byName.Count > 0)
        {
            console.MarkupLine("[bold]Matched to actors on record:[/]");
            foreach (var m in byName)
            {
                console.MarkupLine($"  MMP {Output.Esc(m.MmpId)} {Output.Esc(m.MmpName)} → {Output.Esc(m.Actor.Value)} (by {Output.Esc(m.Rule.Kebab())})");
            }
        }

        foreach (var a in r.Ambiguous)
        {
            console.MarkupLine($"[yellow]ambiguous:[/] MMP {Output.Esc(a.MmpId)} {Output.Esc(a.MmpName)}: {Output.Esc(a.Reason)} (candidates: {Output.Esc(string.Join(", ", a.Candidates))})");
        }

        foreach (var p in r.Refused)
        {
            console.MarkupLine($"[red]refused:[/] {Output.Esc(p.ToString())}");
        }

        foreach (var p in r.Skipped)
        {
            console.MarkupLine($"[grey]skipped:[/] {Output.Esc(p.ToString())}");
        }

        if (r.Created.Count > 0)
        {
            const int shown = 20;
            var names = string.Join(", ", r.Created.Take(shown).Select(c => $"{c.MmpName} ({c.Actor})"));
            console.MarkupLine($"Created {r.Created.Count} new actors: {Output.Esc(names)}{(r.Created.Count > shown ? $", … ({r.Created.Count - shown} more; --json lists all)" : "")}.");
        }
    }

    private static string N(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
