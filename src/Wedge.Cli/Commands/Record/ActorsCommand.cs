using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application;
using Wedge.Application.Records;
using Wedge.Application.Store;
using Wedge.Cli.Infrastructure;
using Wedge.Core.Model;

namespace Wedge.Cli.Commands.Record;

public sealed class ActorsSettings : ReadSettings
{
    [CommandOption("--kind <KIND>")]
    [Description("Only actors of this kind: armed-group, faction, state, person, other.")]
    public string? Kind { get; set; }

    [CommandOption("--unmatched")]
    [Description("Only actors an MMP import created because no actor on record matched them (known only from MMP's group key).")]
    public bool Unmatched { get; set; }

    public override ValidationResult Validate()
        => Kind is not null && EnumNames.Parse<ActorKind>(Kind) is null
            ? ValidationResult.Error($"--kind: '{Kind}' is not one of: {string.Join(", ", EnumNames.All<ActorKind>())}")
            : base.Validate();
}

/// <summary>`wedge actors`: everyone on record, with kind, parent and aliases.</summary>
public sealed class ActorsCommand(IAnsiConsole console, RecordQueries records) : Command<ActorsSettings>
{
    public override int Execute(CommandContext context, ActorsSettings settings, CancellationToken cancellationToken)
    {
        var filter = new ActorFilter(settings.Kind is null ? null : EnumNames.Parse<ActorKind>(settings.Kind), settings.Unmatched);
        var actors = records.Actors(settings.Slice, filter);
        if (settings.Json)
        {
            Output.Json(console, actors);
            return 0;
        }

        var table = Output.Table("id", "name", "kind", "parent", "aliases", "active");
        foreach (var a in actors)
        {
            table.AddTextRow(a.Id, a.Name, a.Kind.Kebab(), a.Parent, string.Join(", ", a.Aliases), Output.Span(a.Active));
        }

        console.MarkupLine($"[bold]{actors.Count} actors[/] ({Output.Esc(Output.Describe(settings.Slice))})");
        console.Write(table);
        return 0;
    }
}
