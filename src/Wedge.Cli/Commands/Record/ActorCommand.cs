using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Analysis.Dyad;
using Wedge.Cli.Infrastructure;
using Wedge.Core.Model;

namespace Wedge.Cli.Commands.Record;

public sealed class ActorSettings : ReadSettings
{
    [CommandArgument(0, "<NAME>")]
    [Description("Actor id, name or alias (case-insensitive).")]
    public string Name { get; set; } = "";
}

/// <summary>`wedge actor NAME`: a profile — kind, aliases, parent and factions, leaders over time, ties.</summary>
public sealed class ActorCommand(IAnsiConsole console, IKnowledgeSource source) : Command<ActorSettings>
{
    public override int Execute(CommandContext context, ActorSettings settings, CancellationToken cancellationToken)
    {
        var s = source.Read(settings);
        var actor = Output.Resolve(s, settings.Name);
        string NameOf(ActorId id) => s.Actor(id)?.Name ?? id.Value;
        var factions = s.FactionsOf(actor.Id).ToList();
        var roles = s.Roles.Where(r => r.Organisation == actor.Id || r.Person == actor.Id).ToList();
        var ties = s.Ties.Where(t => t.From == actor.Id || t.To == actor.Id).ToList();
        var attributes = s.Attributes.Where(a => a.Actor == actor.Id).ToList();
        var claims = s.ClaimsOf(actor).Select(c => ClaimView.Of(s, c)).ToList();

        if (settings.Json)
        {
            Output.Json(console, new
            {
                id = actor.Id.Value,
                name = actor.Name,
                kind = actor.Kind.Kebab(),
                aliases = actor.Aliases,
                parent = actor.Parent?.Value,
                factions = factions.Select(f => f.Id.Value),
                ideology = actor.Ideology,
                homeBase = actor.HomeBase,
                active = PeriodView.Of(actor.Active),
                externalIds = actor.ExternalIds,
                description = actor.Description,
                roles = roles.Select(r => new { person = r.Person.Value, organisation = r.Organisation.Value, title = r.Title, period = PeriodView.Of(r.Period), holds = s.HoldsAt(r.Period), claims = s.ClaimsOf(r).Select(c => ClaimView.Of(s, c)) }),
                ties = ties.Select(t => new { id = t.Id, kind = t.Kind.Kebab(), from = t.From.Value, to = t.To.Value, period = PeriodView.Of(t.Period), holds = s.HoldsAt(t.Period), disputed = s.IsDisputed(t) }),
                attributes = attributes.Select(a => new { name = a.Name, value = a.Value, period = PeriodView.Of(a.Period) }),
                claims,
            });
            return 0;
        }

        console.MarkupLine($"[bold]{Output.Esc(actor.Name)}[/] ({Output.Esc(actor.Id.Value)}), {actor.Kind.Kebab()}; {Output.Esc(Output.Describe(settings.ReadOptions, settings.RecordedByTime))}");
        var facts = new Grid().AddColumn().AddColumn();
        void Line(string label, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                facts.AddRow(new Markup($"[grey]{label}[/]"), Output.Cell(value));
            }
        }

        Line("aliases", string.Join(", ", actor.Aliases));
        Line("part of", actor.Parent is { } p ? NameOf(p) : null);
        Line("factions", string.Join(", ", factions.Select(f => f.Name)));
        Line("ideology", string.Join(", ", actor.Ideology));
        Line("home base", actor.HomeBase);
        Line("active", actor.Active.ToString());
        Line("ids", string.Join(", ", actor.ExternalIds.Select(kv => $"{kv.Key}: {kv.Value}")));
        Line("about", actor.Description);
        foreach (var a in attributes)
        {
            Line(a.Name, $"{a.Value} ({a.Period})");
        }

        console.Write(facts);
        foreach (var c in claims)
        {
            console.MarkupLine($"  [bold]{Output.Esc(c.Grade)}[/] {Output.Esc(c.Text)} [grey]— {Output.Esc(c.Citation)}{Output.Esc(c.Locator is null ? "" : ", " + c.Locator)}[/]");
        }

        if (roles.Count > 0)
        {
            var table = Output.Table("person", "role", "in", "period", "now", "grades");
            foreach (var r in roles)
            {
                table.AddTextRow(NameOf(r.Person), r.Title, NameOf(r.Organisation), r.Period.ToString(), s.HoldsAt(r.Period) ? "yes" : "", string.Join(" ", s.ClaimsOf(r).Select(c => c.Grade.ToString())));
            }

            console.Write(table);
        }

        if (ties.Count > 0)
        {
            var table = Output.Table("tie", "kind", "with", "period", "holds", "grades");
            foreach (var t in ties)
            {
                var other = t.From == actor.Id ? t.To : t.From;
                var dir = t.Kind.IsDirected() ? (t.From == actor.Id ? "→ " : "← ") : "";
                table.AddTextRow(t.Id, t.Kind.Kebab() + (s.IsDisputed(t) ? " (disputed)" : ""), dir + NameOf(other), t.Period.ToString(), s.HoldsAt(t.Period) ? "yes" : "", string.Join(" ", s.ClaimsOf(t).Select(c => c.Grade.ToString())));
            }

            console.Write(table);
        }

        return 0;
    }
}
