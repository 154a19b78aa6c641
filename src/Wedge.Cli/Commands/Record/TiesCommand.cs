using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Analysis.Dyad;
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
public sealed class TiesCommand(IAnsiConsole console, IKnowledgeSource source) : Command<TiesSettings>
{
    public override int Execute(CommandContext context, TiesSettings settings, CancellationToken cancellationToken)
    {
        var s = source.Read(settings);
        var kind = settings.Kind is null ? null : EnumNames.Parse<TieKind>(settings.Kind);
        var actor = settings.Actor is null ? (ActorId?)null : Output.Resolve(s, settings.Actor).Id;
        var ties = s.Ties.Where(t => (kind is null || t.Kind == kind) && (actor is null || t.From == actor || t.To == actor)).ToList();
        string NameOf(ActorId id) => s.Actor(id)?.Name ?? id.Value;
        if (settings.Json)
        {
            Output.Json(console, ties.Select(t => new TieView(t.Id, t.Kind.Kebab(), t.From.Value, NameOf(t.From), t.To.Value, NameOf(t.To),
                PeriodView.Of(t.Period), s.HoldsAt(t.Period), t.Stance.Kebab(), t.Acknowledgement.Kebab(), t.Note, s.IsDisputed(t),
                s.ClaimsOf(t).Select(c => ClaimView.Of(s, c)).ToList())).ToList());
            return 0;
        }

        var table = Output.Table("id", "kind", "from", "to", "period", "holds", "grades");
        foreach (var t in ties)
        {
            table.AddTextRow(t.Id, t.Kind.Kebab() + (s.IsDisputed(t) ? " (disputed)" : ""), NameOf(t.From), NameOf(t.To), t.Period.ToString(),
                s.HoldsAt(t.Period) ? "yes" : "", string.Join(" ", s.ClaimsOf(t).Select(c => c.Grade.ToString())));
        }

        console.MarkupLine($"[bold]{ties.Count} ties[/] ({Output.Esc(Output.Describe(settings.ReadOptions, settings.RecordedByTime))})");
        console.Write(table);
        return 0;
    }
}
