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

    [CommandOption("--author <NAME>")]
    [Description("Only entries recorded by this author (exactly as recorded).")]
    public string? Author { get; set; }

    [CommandOption("--since <DATETIME>")]
    [Description("Only entries recorded at or after DATETIME (ISO 8601; a date alone means its start, UTC).")]
    public string? Since { get; set; }

    [CommandOption("--until <DATETIME>")]
    [Description("Only entries recorded at or before DATETIME (ISO 8601; a date alone means through its end, UTC).")]
    public string? Until { get; set; }

    [CommandOption("--last <N>")]
    [Description("Only the last N entries (of those the other filters let through).")]
    public int? Last { get; set; }

    public HistoryFilter Filter => new(Fact, Author, CommandLine.Instant(Since), UntilTime, Last);

    /// <summary>--until 2026-12-03 includes that whole day: a date alone names a day, not its first instant.</summary>
    private DateTimeOffset? UntilTime => Until is null ? null
        : DateInput.TryParseUntil(Until, out var until, out var error) ? until : throw new FormatException(error);

    public override ValidationResult Validate()
        => CommandLine.CheckInstant("--since", Since) ?? CommandLine.CheckInstant("--until", Until)
           ?? (Last is < 0 ? ValidationResult.Error("--last: must be 0 or more") : ValidationResult.Success());
}

/// <summary>`wedge history`: the journal, entry by entry — version, when, who, what and why.</summary>
public sealed class HistoryCommand(IAnsiConsole console, JournalService journal) : Command<HistorySettings>
{
    public override int Execute(CommandContext context, HistorySettings settings, CancellationToken cancellationToken)
    {
        var entries = journal.History(settings.Filter);
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
