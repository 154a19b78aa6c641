using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application.Journal;
using Wedge.Cli.Infrastructure;

namespace Wedge.Cli.Commands.Journal;

public sealed class DisputeSettings : ClaimFieldSettings
{
    [CommandArgument(0, "<FACT>")]
    [Description("The fact the claim disputes: TYPE:ID (e.g. tie:t-aq-taliban-alliance) or a unique id.")]
    public string Fact { get; set; } = "";

    [CommandOption("--id <ID>")]
    [Description("The disputing claim's id (default: c-dispute-FACTID-TIME, the time in UTC).")]
    public string? ClaimId { get; set; }

    public override string FactId => ClaimId ?? JournalService.DefaultDisputeId(Fact, created);

    /// <summary>When the command was given (the default id's time).</summary>
    private readonly DateTime created = DateTime.UtcNow;
}

/// <summary>
/// `wedge dispute CLAIM-ID FACT --source S --text T --grade G`: a claim that the fact is wrong, added and attached to
/// it in one change; evidence about the fact is then weighed with it.
/// </summary>
public sealed class DisputeCommand(IAnsiConsole console, JournalService journal) : Command<DisputeSettings>
{
    public override int Execute(CommandContext context, DisputeSettings settings, CancellationToken cancellationToken)
    {
        var done = journal.Dispute(settings.Fact, settings.Fields(), new ChangeContext(settings.Author, settings.Why ?? "", settings.ExpectVersion));
        if (settings.Json)
        {
            Output.Json(console, done);
            return 0;
        }

        console.MarkupLine($"Added {Output.Esc(done.Fact)}, disputing {Output.Esc(settings.Fact)}. Journal version {done.Version}.");
        ImpactOutput.PrintFired(console, done.Fired);
        return 0;
    }
}
