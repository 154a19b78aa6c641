using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application.Store;
using Wedge.Cli.Infrastructure;

namespace Wedge.Cli.Commands.Database;

public sealed class InitSettings : StoreSettings
{
    [CommandOption("--empty")]
    [Description("Start with an empty record instead of the built-in case.")]
    public bool Empty { get; set; }
}

/// <summary>`wedge init [--empty]`: creates the database (with the built-in case, or empty); refused when one exists.</summary>
public sealed class InitCommand(IAnsiConsole console, JournalRecordStore store) : Command<InitSettings>
{
    public override int Execute(CommandContext context, InitSettings settings, CancellationToken cancellationToken)
    {
        var created = store.Create(withBuiltInCase: !settings.Empty);
        if (settings.Json)
        {
            Output.Json(console, created);
            return 0;
        }

        console.MarkupLine(created.BuiltInCase
            ? $"Created a database at {Output.Esc(created.Path)} holding the built-in case. Journal version {created.Version}."
            : $"Created an empty database at {Output.Esc(created.Path)}.");
        return 0;
    }
}
