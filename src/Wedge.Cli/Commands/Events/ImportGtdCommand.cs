using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application;
using Wedge.Application.Imports;
using Wedge.Application.Problems;
using Wedge.Cli.Commands.Journal;
using Wedge.Cli.Infrastructure;

namespace Wedge.Cli.Commands.Events;

public sealed class ImportGtdSettings : WriteSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("A file in the Global Terrorism Database's CSV layout (docs/import-events.md says where to get it).")]
    public string File { get; set; } = "";

    [CommandOption("--map <FILE>")]
    [Description("CSV with columns name,actor_id (or YAML \"name\": actor-id): GTD group names to send to actors on record, before any name matching.")]
    public string? Map { get; set; }

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

    public override ValidationResult Validate() => CommandLine.CheckDates(("--at", At)) ?? base.Validate();
}

/// <summary>
/// `wedge import gtd FILE [--map FILE] [--strict] [--dry-run] [--at DATE]`: joint attacks as evidence. Prints the report;
/// refused rows go to standard error with file and line and make the exit non-zero (the good rows are written, unless
/// --strict, which then writes nothing).
/// </summary>
public sealed class ImportGtdCommand(IAnsiConsole console, ImportService imports) : Command<ImportGtdSettings>
{
    public override int Execute(CommandContext context, ImportGtdSettings settings, CancellationToken cancellationToken)
    {
        var request = new GtdImportRequest(settings.File, settings.Map, settings.Strict, CommandLine.Date(settings.At));
        var r = imports.ImportGtd(request, settings.Author, settings.Why, settings.ExpectVersion, cancellationToken, settings.DryRun);
        if (settings.Json)
        {
            Output.Json(console, r);
        }
        else
        {
            Print(r);
            if (r.Refusal is null)
            {
                ImpactOutput.Print(console, r.Impact);
                ImpactOutput.PrintFired(console, r.Fired);
                console.MarkupLine(settings.DryRun
                    ? $"Dry run: {r.Changes} changes planned, nothing written. Journal version {r.Version}."
                    : r.Changes == 0
                    ? $"Nothing to write: everything is already on record. Journal version {r.Version}."
                    : $"Wrote {r.Changes} changes in one transaction. Journal version {r.Version}.");
            }
        }

        if (r.Refusal is { } refusal)
        {
            throw (refusal with { Message = refusal.Message + Listed(r) }).At(r.Refused.FirstOrDefault()?.File, r.Refused.FirstOrDefault()?.Line).Exception();
        }

        if (r.Refused.Count > 0)
        {
            var first = r.Refused[0];
            var done = settings.DryRun ? "the other rows would be imported (dry run: nothing was written)" : "the other rows were imported";
            throw Problem.Refused("rows-refused", $"{r.Refused.Count} row(s) refused; {done}.{Listed(r)}").At(first.File, first.Line > 0 ? first.Line : null).Exception();
        }

        return 0;
    }

    private static string Listed(GtdImported r)
        => string.Concat(r.Refused.Select(p => Environment.NewLine + "  " + p));

    private void Print(GtdImported r)
    {
        var t = Output.Table("", "count");
        t.AddTextRow("rows read", N(r.RowsRead));
        t.AddTextRow("dated to the day / month / year", $"{N(r.ByPrecision[0])} / {N(r.ByPrecision[1])} / {N(r.ByPrecision[2])}");
        t.AddTextRow("incidents with one perpetrator or none known", N(r.SinglePerpetrator));
        t.AddTextRow("incidents with two or three perpetrators", N(r.MultiplePerpetrators));
        t.AddTextRow("  of which fewer than two matched actors", N(r.JointUnmatched));
        t.AddTextRow(r.Written ? "joint attacks imported (new)" : "joint attacks that would be imported", N(r.EventsImported));
        t.AddTextRow("joint attacks already on record", N(r.EventsUnchanged));
        t.AddTextRow("joint attacks corrected", N(r.EventsCorrected));
        t.AddTextRow("pair-years (ties)", N(r.PairYears));
        t.AddTextRow("claims", N(r.Claims));
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
                console.MarkupLine($"  {Output.Esc(m.Name)} → {Output.Esc(m.Actor)} (by {Output.Esc(m.Rule)}; {N(m.Incidents)} joint incidents)");
            }
        }

        foreach (var u in r.Unmatched)
        {
            console.MarkupLine($"[yellow]unmatched:[/] {Output.Esc(u.Name)} ({N(u.Incidents)} joint incidents, first on line {N(u.FirstLine)}); add it to a --map file to import them");
        }

        foreach (var a in r.Ambiguous)
        {
            console.MarkupLine($"[yellow]ambiguous:[/] {Output.Esc(a.Name)} (first on line {N(a.FirstLine)}) could be {Output.Esc(string.Join(", ", a.Candidates))}; map it with --map");
        }
    }

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
