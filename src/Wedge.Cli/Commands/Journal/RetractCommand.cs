using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application;
using Wedge.Application.Problems;
using Wedge.Application.Store;
using Wedge.Cli.Infrastructure;
using Wedge.Core.Journal;
using Wedge.Data.Store;

namespace Wedge.Cli.Commands.Journal;

public sealed class RetractSettings : WriteSettings
{
    [CommandArgument(0, "<FACT>")]
    [Description("The fact to retract: TYPE:ID (e.g. claim:c-kandahar-camp) or a unique id.")]
    public string Fact { get; set; } = "";

    [CommandOption("--why <TEXT>")]
    [Description("Why it is retracted (required; recorded in the journal).")]
    public string? Why { get; set; }

    public override ValidationResult Validate()
        => string.IsNullOrWhiteSpace(Why) ? ValidationResult.Error("--why is required: say why the fact is retracted") : ValidationResult.Success();
}

/// <summary>`wedge retract FACT --why TEXT`: appends a retraction; the fact stays in the journal and in reads --recorded-by an earlier time.</summary>
public sealed class RetractCommand(IAnsiConsole console, JournalRecordStore journal, WorkspaceOptions options) : Command<RetractSettings>
{
    public override int Execute(CommandContext context, RetractSettings settings, CancellationToken cancellationToken)
    {
        using var store = journal.Open();
        var fact = FactKeys.Find(store.Current(), settings.Fact);
        try
        {
            store.Apply([JournalChange.Retract(fact.Key)], settings.Author ?? options.DefaultAuthor, settings.Why!, settings.ExpectVersion);
        }
        catch (ChangesRefusedException ex)
        {
            throw new ProblemException(ProblemKind.Refused, "refused", ex.Message);
        }
        catch (JournalConflictException ex)
        {
            throw new ProblemException(ProblemKind.Conflict, "conflict", ex.Message);
        }

        console.MarkupLine($"Retracted {Output.Esc(fact.Key.ToString())}. Journal version {store.Version}.");
        return 0;
    }
}
