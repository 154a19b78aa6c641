using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application.Imports;
using Wedge.Application.Problems;
using Wedge.Cli.Commands.Journal;
using Wedge.Cli.Infrastructure;

namespace Wedge.Cli.Commands.Events;

public sealed class ImportDyadYearsSettings : WriteSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("A dyad-year dataset as CSV, one row per pair and year (MGAR, ViNSAR, BAAD; docs/import-dyad-years.md says where to get them).")]
    public string File { get; set; } = "";

    [CommandOption("--map <MAPPING>")]
    [Description("The mapping YAML: which columns hold the pair, year, relationship, flags and row id, and what the dataset's values mean (docs/mappings/mgar.yaml for MGAR).")]
    public string? Map { get; set; }

    [CommandOption("--names <FILE>")]
    [Description("CSV with columns name,actor_id (or YAML \"name\": actor-id): the dataset's group names to send to actors on record, before any name matching.")]
    public string? Names { get; set; }

    [CommandOption("--strict")]
    [Description("Write nothing and exit non-zero if any row is refused or any name is ambiguous.")]
    public bool Strict { get; set; }

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
        => string.IsNullOrWhiteSpace(Map)
            ? ValidationResult.Error("--map MAPPING.yaml is required: it says which columns to read and what the dataset's categories mean (docs/mappings/mgar.yaml is the MGAR example).")
            : CommandLine.CheckDates(("--at", At)) ?? base.Validate();
}

/// <summary>
/// `wedge import dyad-years FILE --map MAPPING.yaml [--names FILE] [--strict] [--dry-run] [--at DATE]`: a dyad-year
/// dataset as ties, claims and ledger entries. Prints the report; refused rows go to standard error with file and line
/// and make the exit non-zero (the good rows are written, unless --strict, which then writes nothing).
/// </summary>
public sealed class ImportDyadYearsCommand(IAnsiConsole console, ImportService imports) : Command<ImportDyadYearsSettings>
{
    public override int Execute(CommandContext context, ImportDyadYearsSettings settings, CancellationToken cancellationToken)
    {
        var request = new DyadYearImportRequest(settings.File, settings.Map!, settings.Names, settings.Strict, CommandLine.Date(settings.At));
        var r = imports.ImportDyadYears(request, settings.Author, settings.Why, settings.ExpectVersion, settings.DryRun);
        if (settings.Json)
        {
            Output.Json(console, r);
        }
        else
        {
            Print(r);
        }

        return EventImportOutput.Conclude(console, r, settings.Json, settings.DryRun);
    }

    private void Print(DyadYearsImported r)
    {
        var t = Output.Table("", "count");
        t.AddTextRow("rows read", N(r.RowsRead));
        t.AddTextRow("rows coding no relationship (ignored)", N(r.RowsIgnored));
        t.AddTextRow("rows with a name not matched", N(r.RowsUnmatched));
        t.AddTextRow("rows naming one actor twice", N(r.RowsSameActor));
        t.AddTextRow(r.Written ? "claims (one per row imported)" : "claims that would be imported", N(r.Claims));
        t.AddTextRow("ties (runs of consecutive years)", N(r.Ties));
        t.AddTextRow("  of which declared, not done", N(r.DeclaredTies));
        t.AddTextRow("ledger entries", N(r.LedgerEntries));
        t.AddTextRow("facts new / corrected / already on record", $"{N(r.Added)} / {N(r.Corrected)} / {N(r.Unchanged)}");
        t.AddTextRow("names matched", N(r.Matched.Count));
        t.AddTextRow("names unmatched", N(r.Unmatched.Count));
        t.AddTextRow("names ambiguous", N(r.Ambiguous.Count));
        t.AddTextRow("rows refused", N(r.Refused.Count));
        console.Write(t);

        var notById = r.Matched.Where(m => m.Rule != "dataset-id").ToList();
        if (notById.Count > 0)
        {
            console.MarkupLine("[bold]Matched to actors on record:[/]");
            foreach (var m in notById)
            {
                console.MarkupLine($"  {Output.Esc(m.Name)} → {Output.Esc(m.Actor)} (by {Output.Esc(m.Rule)}; {Rows(m.Incidents)})");
            }
        }

        foreach (var u in r.Unmatched)
        {
            console.MarkupLine($"[yellow]unmatched:[/] {Output.Esc(u.Name)} ({Rows(u.Incidents)}, first on line {N(u.FirstLine)}); add it to a --names file to import them");
        }

        foreach (var a in r.Ambiguous)
        {
            console.MarkupLine($"[yellow]ambiguous:[/] {Output.Esc(a.Name)} (first on line {N(a.FirstLine)}) could be {Output.Esc(string.Join(", ", a.Candidates))}; map it with --names");
        }
    }

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);

    private static string Rows(int n) => n == 1 ? "1 row" : $"{N(n)} rows";
}
