using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application.Problems;
using Wedge.Application.Store;
using Wedge.Cli.Infrastructure;

namespace Wedge.Cli.Commands.Database;

public sealed class CopySettings : StoreSettings
{
    [CommandOption("--to <DATABASE>")]
    [Description("Where to copy the journal: a new database file, or a PostgreSQL connection string (\"Host=…;Database=…\") whose database holds no journal yet.")]
    public string? To { get; set; }
}

/// <summary>
/// `wedge copy --to DATABASE`: moves a journal (a personal SQLite file to a team's server, or back) with its history
/// intact: every entry with its version, recorded time, author, reason and hash.
/// </summary>
public sealed class CopyCommand(IAnsiConsole console, JournalRecordStore store) : Command<CopySettings>
{
    public override int Execute(CommandContext context, CopySettings settings, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(settings.To))
        {
            throw Problem.Usage("missing-option", "--to: say where to copy the journal (a database file or a PostgreSQL connection string)").Exception();
        }

        var copied = store.CopyTo(settings.To, cancellationToken);
        if (settings.Json)
        {
            Output.Json(console, copied);
            return 0;
        }

        console.MarkupLine($"Copied {copied.Version} journal entries from {Output.Esc(copied.From)} to {Output.Esc(copied.To)}, with their recorded times, authors and hashes.");
        return 0;
    }
}
