using System.ComponentModel;
using System.Text.Json;
using System.Text.Json.Nodes;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application;
using Wedge.Application.Journal;
using Wedge.Application.Problems;
using Wedge.Application.Store;
using Wedge.Cli.Infrastructure;
using Wedge.Core.Journal;
using Wedge.Core.Model;
using Wedge.Data.Store;

namespace Wedge.Cli.Commands.Journal;

public sealed class CorrectSettings : WriteSettings
{
    [CommandArgument(0, "<FACT>")]
    [Description("The fact to correct: TYPE:ID or a unique id.")]
    public string Fact { get; set; } = "";

    [CommandOption("--set <FIELD=VALUE>")]
    [Description("A field to change, as in `wedge show`'s JSON: e.g. grade=C3, period.end=2015-07, magnitude=minor..moderate, text=\"...\". Repeatable. An empty value removes the field.")]
    public string[] Set { get; set; } = [];

    [CommandOption("--why <TEXT>")]
    [Description("Why it is corrected (required; recorded in the journal).")]
    public string? Why { get; set; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Why))
        {
            return ValidationResult.Error("--why is required: say why the fact is corrected");
        }

        if (Set.Length == 0 || Set.Any(s => !s.Contains('=', StringComparison.Ordinal)))
        {
            return ValidationResult.Error("give at least one --set FIELD=VALUE");
        }

        foreach (var assignment in Set)
        {
            if (DateInput.RefuseSlashedDate(assignment[(assignment.IndexOf('=', StringComparison.Ordinal) + 1)..]) is { } ambiguous)
            {
                return ValidationResult.Error($"--set {assignment}: {ambiguous}");
            }
        }

        return ValidationResult.Success();
    }
}

/// <summary>
/// `wedge correct FACT --set FIELD=VALUE --why TEXT`: appends a corrected version of a fact. Fields
/// are the fact's JSON fields (camelCase, dotted for nested ones); the result is checked like any
/// other change, and refused whole if a value is invalid.
/// </summary>
public sealed class CorrectCommand(IAnsiConsole console, JournalService journal) : Command<CorrectSettings>
{
    public override int Execute(CommandContext context, CorrectSettings settings, CancellationToken cancellationToken)
    {
        var done = journal.Correct(settings.Fact, settings.Set, new ChangeContext(settings.Author, settings.Why!, settings.ExpectVersion));
        console.MarkupLine($"Corrected {Output.Esc(done.Fact)}. Journal version {done.Version}.");
        ImpactOutput.PrintFired(console, done.Fired);
        return 0;
    }
}
