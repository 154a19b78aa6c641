using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application;
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
public sealed class ImportCaseCommand(IAnsiConsole console, JournalRecordStore journal, WorkspaceOptions options) : Command<ImportCaseSettings>
{
    public override int Execute(CommandContext context, ImportCaseSettings settings, CancellationToken cancellationToken)
    {
        var (doc, errors) = CaseReader.ReadFile(settings.File);
        if (doc is null)
        {
            throw new ProblemException(ProblemKind.Refused, "refused", string.Join(Environment.NewLine, errors));
        }

        using var store = journal.Open();
        CasePlan plan;
        try
        {
            var current = store.Current();
            plan = CaseImport.Plan(settings.File, doc, current);
            store.Apply(plan.Changes, settings.Author ?? options.DefaultAuthor, settings.Why ?? $"imported case '{doc.Id}' from {Path.GetFileName(settings.File)}", settings.ExpectVersion, basedOn: current);
        }
        catch (CaseRefusedException ex)
        {
            throw new ProblemException(ProblemKind.Refused, "refused", ex.Message);
        }
        catch (JournalConflictException ex)
        {
            throw new ProblemException(ProblemKind.Conflict, "conflict", ex.Message);
        }

        if (settings.Json)
        {
            Output.Json(console, new { file = settings.File, caseId = doc.Id, added = plan.Added, corrected = plan.Corrected, unchanged = plan.Unchanged, version = store.Version });
            return 0;
        }

        console.MarkupLine($"Imported case [bold]{Output.Esc(doc.Id)}[/] from {Output.Esc(settings.File)}: {plan.Added} added, {plan.Corrected} corrected, {plan.Unchanged} already on record. Journal version {store.Version}.");
        return 0;
    }
}
