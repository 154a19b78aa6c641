using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application;
using Wedge.Application.Records;
using Wedge.Application.Store;
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
public sealed class ActorCommand(IAnsiConsole console, RecordQueries records) : Command<ActorSettings>
{
    public override int Execute(CommandContext context, ActorSettings settings, CancellationToken cancellationToken)
    {
        var actor = records.Actor(settings.Slice, settings.Name);
        if (settings.Json)
        {
            Output.Json(console, actor);
            return 0;
        }

        console.MarkupLine($"[bold]{Output.Esc(actor.Name)}[/] ({Output.Esc(actor.Id)}), {actor.Kind.Kebab()}; {Output.Esc(Output.Describe(settings.Slice))}");
        var facts = new Grid().AddColumn().AddColumn();
        void Line(string label, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                facts.AddRow(new Markup($"[grey]{label}[/]"), Output.Cell(value));
            }
        }

        Line("aliases", string.Join(", ", actor.Aliases));
        Line("part of", actor.Parent is { } p ? actor.NameOf(p) : null);
        Line("factions", string.Join(", ", actor.Factions.Select(actor.NameOf)));
        Line("ideology", string.Join(", ", actor.Ideology));
        Line("home base", actor.HomeBase);
        Line("active", Output.Span(actor.Active));
        Line("ids", string.Join(", ", actor.ExternalIds.Select(kv => $"{kv.Key}: {kv.Value}")));
        Line("about", actor.Description);
        foreach (var a in actor.Attributes)
        {
            Line(a.Name, $"{a.Value} ({Output.Span(a.Period)})");
        }

        console.Write(facts);
        foreach (var c in actor.Claims)
        {
            console.MarkupLine($"  [bold]{Output.Esc(c.Grade)}[/] {Output.Esc(c.Text)} [grey]— {Output.Esc(c.Citation)}{Output.Esc(c.Locator is null ? "" : ", " + c.Locator)}[/]");
        }

        if (actor.Roles.Count > 0)
        {
            var table = Output.Table("person", "role", "in", "period", "now", "grades");
            foreach (var r in actor.Roles)
            {
                table.AddTextRow(actor.NameOf(r.Person), r.Title.Value, actor.NameOf(r.Organisation), Output.Span(r.Period), r.Holds ? "yes" : "", string.Join(" ", r.Claims.Select(c => c.Grade)));
            }

            console.Write(table);
        }

        if (actor.Ties.Count > 0)
        {
            var table = Output.Table("tie", "kind", "with", "period", "holds", "grades");
            foreach (var t in actor.Ties)
            {
                var other = t.From == actor.Id ? t.To : t.From;
                var dir = t.Kind.IsDirected() ? (t.From == actor.Id ? "→ " : "← ") : "";
                table.AddTextRow(t.Id, t.Kind.Kebab() + (t.Disputed ? " (disputed)" : ""), dir + actor.NameOf(other), Output.Span(t.Period), t.Holds ? "yes" : "", string.Join(" ", t.Grades));
            }

            console.Write(table);
        }

        return 0;
    }
}
