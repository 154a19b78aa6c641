using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application;
using Wedge.Application.Imports;
using Wedge.Application.Problems;
using Wedge.Application.Store;
using Wedge.Cli.Infrastructure;
using Wedge.Core.Journal;
using Wedge.Data.Cases;
using Wedge.Data.Store;

namespace Wedge.Cli.Commands.Journal;

public sealed class ImportCaseSettings : WriteSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("A case file (YAML, see docs/case-format.md).")]
    public string File { get; set; } = "";

    [CommandOption("--why <TEXT>")]
    [Description("Reason recorded in the journal.")]
    public string? Why { get; set; }

    [CommandOption("--dry-run")]
    [Description("Plan only: say what would be added and corrected, and what it would change in the judgements on record; write nothing.")]
    public bool DryRun { get; set; }

    [CommandOption("--at <DATE>")]
    [Description("Read date at which the import's impact on relations and verdicts is weighed (default: the record read now).")]
    public string? At { get; set; }

    public override ValidationResult Validate() => CommandLine.CheckDates(("--at", At)) ?? base.Validate();
}

/// <summary>`wedge import case FILE [--dry-run] [--at DATE]`: all of the case or none of it; facts already on record unchanged are skipped.</summary>
public sealed class ImportCaseCommand(IAnsiConsole console, ImportService imports) : Command<ImportCaseSettings>
{
    public override int Execute(CommandContext context, ImportCaseSettings settings, CancellationToken cancellationToken)
    {
        var done = imports.ImportCase(settings.File, settings.Author, settings.Why, settings.ExpectVersion, settings.DryRun, CommandLine.Date(settings.At));
        if (settings.Json)
        {
            Output.Json(console, done);
            return 0;
        }

        console.MarkupLine(settings.DryRun
            ? $"Dry run of case [bold]{Output.Esc(done.CaseId)}[/] from {Output.Esc(done.File)}: {done.Added} would be added, {done.Corrected} corrected, {done.Unchanged} already on record; nothing written. Journal version {done.Version}."
            : $"Imported case [bold]{Output.Esc(done.CaseId)}[/] from {Output.Esc(done.File)}: {done.Added} added, {done.Corrected} corrected, {done.Unchanged} already on record. Journal version {done.Version}.");
        ImpactOutput.Print(console, done.Impact);
        ImpactOutput.PrintFired(console, done.Fired);
        return 0;
    }
}
