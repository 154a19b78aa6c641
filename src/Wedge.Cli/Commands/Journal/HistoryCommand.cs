using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application;
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
public sealed class HistoryCommand(IAnsiConsole console, JournalRecordStore journal) : Command<HistorySettings>
{
    public override int Execute(CommandContext context, HistorySettings settings, CancellationToken cancellationToken)
    {
        using var store = journal.Open();
        var entries = store.ReadLog(settings.Fact, settings.Last);

        var rows = entries.Select(e => new
        {
            version = e.Version,
            recordedAt = e.RecordedAt.ToString("O"),
            author = e.Author,
            action = e.Action.ToString().ToLowerInvariant(),
            fact = e.Key.ToString(),
            reason = e.Reason,
        }).ToList();
        if (settings.Json)
        {
            Output.Json(console, rows);
            return 0;
        }

        var table = Output.Table("version", "recorded (UTC)", "author", "action", "fact", "why");
        foreach (var r in rows)
        {
            table.AddTextRow(r.version.ToString(System.Globalization.CultureInfo.InvariantCulture), r.recordedAt, r.author, r.action, r.fact, r.reason);
        }

        console.Write(table);
        return 0;
    }
}
