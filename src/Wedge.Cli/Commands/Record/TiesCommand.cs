using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application;
using Wedge.Application.Records;
using Wedge.Application.Store;
using Wedge.Cli.Infrastructure;
using Wedge.Core.Model;

namespace Wedge.Cli.Commands.Record;

public sealed class TiesSettings : ReadSettings
{
    [CommandOption("--kind <KIND>")]
    [Description("Only ties of this kind: alliance, affiliation, sponsorship, rivalry, split, merger, leadership.")]
    public string? Kind { get; set; }

    [CommandOption("--actor <NAME>")]
    [Description("Only ties of this actor.")]
    public string? Actor { get; set; }

    public override ValidationResult Validate()
        => Kind is not null && EnumNames.Parse<TieKind>(Kind) is null
            ? ValidationResult.Error($"--kind: '{Kind}' is not one of: {string.Join(", ", EnumNames.All<TieKind>())}")
            : base.Validate();
}

/// <summary>`wedge ties`: ties on record, with periods, whether they hold at the read date, and grades.</summary>
public sealed class TiesCommand(IAnsiConsole console, RecordQueries records) : Command<TiesSettings>
{
    public override int Execute(CommandContext context, TiesSettings settings, CancellationToken cancellationToken)
    {
        var ties = records.Ties(settings.Slice, settings.Kind is null ? null : EnumNames.Parse<TieKind>(settings.Kind), settings.Actor);
        if (settings.Json)
        {
            Output.Json(console, ties);
            return 0;
        }

        var table = Output.Table("id", "kind", "from", "to", "period", "holds", "grades");
        foreach (var t in ties)
        {
            table.AddTextRow(t.Id, t.Kind + (t.Disputed ? " (disputed)" : ""), t.FromName, t.ToName, Output.Span(t.Period),
                t.HoldsAt ? "yes" : "", string.Join(" ", t.Claims.Select(c => c.Grade)));
        }

        console.MarkupLine($"[bold]{ties.Count} ties[/] ({Output.Esc(Output.Describe(settings.Slice))})");
        console.Write(table);
        return 0;
    }
}
