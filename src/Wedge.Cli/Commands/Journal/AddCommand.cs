using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application.Journal;
using Wedge.Cli.Infrastructure;

namespace Wedge.Cli.Commands.Journal;

/// <summary>
/// `wedge add source|claim|actor|tie|event ID [options]`: one fact, checked exactly as a case file's entry is, appended
/// as one journal entry (or two, with `claim --about`: the claim and the fact it backs).
/// </summary>
public sealed class AddCommand<TSettings>(IAnsiConsole console, JournalService journal) : Command<TSettings>
    where TSettings : AddSettings
{
    public override int Execute(CommandContext context, TSettings settings, CancellationToken cancellationToken)
    {
        var done = journal.Add(settings.Type, settings.Fields(), new ChangeContext(settings.Author, settings.Why ?? "", settings.ExpectVersion), settings.About);
        if (settings.Json)
        {
            Output.Json(console, done);
            return 0;
        }

        console.MarkupLine($"Added {Output.Esc(done.Fact)}" + (settings.About is { } about ? $" about {Output.Esc(about)}" : "") + $". Journal version {done.Version}.");
        ImpactOutput.PrintFired(console, done.Fired);
        return 0;
    }
}
