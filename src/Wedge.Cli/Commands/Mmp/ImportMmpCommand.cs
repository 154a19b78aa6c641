using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application;
using Wedge.Application.Imports;
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

    [CommandOption("--dry-run")]
    [Description("Plan only: print the report and what the import would change in the judgements on record; write nothing.")]
    public bool DryRun { get; set; }

    [CommandOption("--at <DATE>")]
    [Description("Read date at which the import's impact on relations and verdicts is weighed (default: the record read now).")]
    public string? At { get; set; }

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

        return CommandLine.CheckDates(("--at", At)) ?? base.Validate();
    }
}

/// <summary>
/// `wedge import mmp --key KEY --relationships REL [--map FILE] [--strict] [--dry-run] [--at DATE]`: plans the import against the current
/// record, prints the report, and appends the plan in one transaction (refused rows are left out, unless --strict,
/// which then writes nothing), then prints the judgements on record it changed (with --dry-run: would change, nothing written).
/// </summary>
public sealed class ImportMmpCommand(IAnsiConsole console, ImportService imports) : Command<ImportMmpSettings>
{
    public override int Execute(CommandContext context, ImportMmpSettings settings, CancellationToken cancellationToken)
    {
        var request = new MmpImportRequest(settings.Key!, settings.Relationships!, settings.Map, settings.Strict,
            settings.Grade is null ? null : Grade.Parse(settings.Grade), AsContext: settings.As == "context", ImpactAt: CommandLine.Date(settings.At));
        var r = imports.ImportMmp(request, settings.Author, settings.Why, settings.ExpectVersion, cancellationToken, settings.DryRun);
        if (r.Refusal is { } refusal)
        {
            Print(r, written: false);
            throw refusal.Exception();
        }

        if (settings.Json)
        {
            Output.Json(console, r);
            return 0;
        }

        Print(r, written: !settings.DryRun);
        ImpactOutput.Print(console, r.Impact);
        ImpactOutput.PrintFired(console, r.Fired);
        console.MarkupLine(settings.DryRun
            ? $"Dry run: {r.Changes} changes planned, nothing written. Journal version {r.Version}."
            : r.Changes == 0
            ? $"Nothing to write: everything is already on record. Journal version {r.Version}."
            : $"Wrote {r.Changes} changes in one transaction. Journal version {r.Version}.");
        return 0;
    }

    private void Print(MmpImported r, bool written)
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
                console.MarkupLine($"  MMP {Output.Esc(m.MmpId)} {Output.Esc(m.Name)} → {Output.Esc(m.Actor)} (by {Output.Esc(m.Rule.Kebab())})");
            }
        }

        foreach (var a in r.Ambiguous)
        {
            console.MarkupLine($"[yellow]ambiguous:[/] MMP {Output.Esc(a.MmpId)} {Output.Esc(a.Name)}: {Output.Esc(a.Reason)} (candidates: {Output.Esc(string.Join(", ", a.Candidates))})");
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
            var names = string.Join(", ", r.Created.Take(shown).Select(c => $"{c.Name} ({c.Actor})"));
            console.MarkupLine($"Created {r.Created.Count} new actors: {Output.Esc(names)}{(r.Created.Count > shown ? $", … ({r.Created.Count - shown} more; --json lists all)" : "")}.");
        }
    }

    private static string N(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
