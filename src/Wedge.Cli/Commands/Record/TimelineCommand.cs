using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application;
using Wedge.Application.Records;
using Wedge.Application.Store;
using Wedge.Cli.Infrastructure;

namespace Wedge.Cli.Commands.Record;

public sealed class TimelineSettings : ReadSettings
{
    [CommandArgument(0, "<NAME>")]
    [Description("Actor id, name or alias.")]
    public string Name { get; set; } = "";

    [CommandArgument(1, "[NAME2]")]
    [Description("A second actor: only what involves both.")]
    public string? Other { get; set; }
}

/// <summary>`wedge timeline A [B]`: events, ties beginning and ending, and roles changing, in date order.</summary>
public sealed class TimelineCommand(IAnsiConsole console, RecordQueries records) : Command<TimelineSettings>
{
    public override int Execute(CommandContext context, TimelineSettings settings, CancellationToken cancellationToken)
    {
        var entries = records.Timeline(settings.Slice, settings.Name, settings.Other);
        if (settings.Json)
        {
            Output.Json(console, entries);
            return 0;
        }

        var table = Output.Table("date", "what", "kind", "grades");
        foreach (var e in entries)
        {
            table.AddTextRow(e.Date, e.What, e.Kind, string.Join(" ", e.Grades));
        }

        console.MarkupLine($"[bold]Timeline[/] ({Output.Esc(Output.Describe(settings.Slice))})");
        console.Write(table);
        return 0;
    }
}
