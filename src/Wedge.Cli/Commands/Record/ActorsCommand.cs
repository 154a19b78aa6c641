using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Cli.Infrastructure;
using Wedge.Core.Model;
using Wedge.Data.Mmp;

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
public sealed class ActorsCommand(IAnsiConsole console, IKnowledgeSource source) : Command<ActorsSettings>
{
    public override int Execute(CommandContext context, ActorsSettings settings, CancellationToken cancellationToken)
    {
        var snapshot = source.Read(settings);
        var kind = settings.Kind is null ? null : EnumNames.Parse<ActorKind>(settings.Kind);
        var actors = snapshot.Actors
            .Where(a => kind is null || a.Kind == kind)
            .Where(a => !settings.Unmatched || IsCreatedByMmpImport(a))
            .OrderBy(a => a.Kind).ThenBy(a => a.Name, StringComparer.OrdinalIgnoreCase).ToList();
        if (settings.Json)
        {
            Output.Json(console, actors.Select(a => new
            {
                id = a.Id.Value,
                name = a.Name,
                kind = a.Kind.Kebab(),
                parent = a.Parent?.Value,
                aliases = a.Aliases,
                active = new { start = a.Active.Start?.ToString(), end = a.Active.End?.ToString() },
                externalIds = a.ExternalIds,
            }).ToList());
            return 0;
        }

        var table = Output.Table("id", "name", "kind", "parent", "aliases", "active");
        foreach (var a in actors)
        {
            table.AddTextRow(a.Id.Value, a.Name, a.Kind.Kebab(), a.Parent?.Value, string.Join(", ", a.Aliases), a.Active.ToString());
        }

        console.MarkupLine($"[bold]{actors.Count} actors[/] ({Output.Esc(Output.Describe(settings.ReadOptions, settings.RecordedByTime))})");
        console.Write(table);
        return 0;
    }

    // An actor the MMP importer matched keeps its own claims; one it created is backed only by MMP's group key.
    private static bool IsCreatedByMmpImport(Actor a)
        => a.ExternalIds.ContainsKey(MmpImporter.ExternalIdKey) && a.Claims.Count > 0
           && a.Claims.All(c => c.Value.StartsWith(MmpImporter.GroupClaimIdFor("").Value, StringComparison.Ordinal));
}
