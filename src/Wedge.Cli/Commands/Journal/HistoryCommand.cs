using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application;
using Wedge.Application.Journal;
using Wedge.Application.Store;
using Wedge.Cli.Infrastructure;

namespace Wedge.Cli.Commands.Journal;

public sealed class HistorySettings : StoreSettings
{
    [CommandOption("--fact <KEY>")]
    [Description("Only entries about this fact (e.g. tie:t-aq-taliban-alliance or just its id).")]
    public string? Fact { get; set; }

    [CommandOption("--last <N>")]
    [Description("Only the last N entries.")]
    public int? Last { get; set; }
}

/// <summary>`wedge history`: the journal, entry by entry — version, when, who, what and why.</summary>
public sealed class HistoryCommand(IAnsiConsole console, JournalService journal) : Command<HistorySettings>
{
    public override int Execute(CommandContext context, HistorySettings settings, CancellationToken cancellationToken)
    {
        var entries = journal.History(settings.Fact, settings.Last);
        if (settings.Json)
        {
            Output.Json(console, entries);
            return 0;
        }

        var table = Output.Table("version", "recorded (UTC)", "author", "action", "fact", "why");
        foreach (var e in entries)
        {
            table.AddTextRow(e.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), e.RecordedAt, e.Author, e.Action, e.Fact, e.Reason);
        }

        console.Write(table);
        return 0;
    }
}
