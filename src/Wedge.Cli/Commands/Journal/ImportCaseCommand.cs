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
}

/// <summary>`wedge import case FILE`: all of the case or none of it; facts already on record unchanged are skipped.</summary>
public sealed class ImportCaseCommand(IAnsiConsole console, ImportService imports) : Command<ImportCaseSettings>
{
    public override int Execute(CommandContext context, ImportCaseSettings settings, CancellationToken cancellationToken)
    {
        var done = imports.ImportCase(settings.File, settings.Author, settings.Why, settings.ExpectVersion);
        if (settings.Json)
        {
            Output.Json(console, done);
            return 0;
        }

        console.MarkupLine($"Imported case [bold]{Output.Esc(done.CaseId)}[/] from {Output.Esc(done.File)}: {done.Added} added, {done.Corrected} corrected, {done.Unchanged} already on record. Journal version {done.Version}.");
        return 0;
    }
}
