using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Cli.Infrastructure;
using Wedge.Core.Model;
using Wedge.Core.Time;

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
public sealed class TimelineCommand(IAnsiConsole console, IKnowledgeSource source) : Command<TimelineSettings>
{
    public sealed record Entry(string Date, string What, string Kind, string Id, IReadOnlyList<string> Grades);

    public override int Execute(CommandContext context, TimelineSettings settings, CancellationToken cancellationToken)
    {
        var s = source.Read(settings);
        var a = s.Bloc(Output.Resolve(s, settings.Name).Id);
        var b = settings.Other is null ? null : s.Bloc(Output.Resolve(s, settings.Other).Id);
        bool Involves(IEnumerable<ActorId> ids)
        {
            var list = ids.ToList();
            return list.Any(a.Contains) && (b is null || list.Any(b.Contains));
        }

        string NameOf(ActorId id) => s.Actor(id)?.Name ?? id.Value;
        IReadOnlyList<string> Grades(Fact f) => s.ClaimsOf(f).Select(c => c.Grade.ToString()).ToList();
        var entries = new List<(FuzzyDate Date, Entry Entry)>();
        foreach (var e in s.Events.Where(e => Involves(e.Actors)))
        {
            entries.Add((e.Date, new Entry(e.Date.ToString(), e.Title, "event: " + e.Kind.Kebab(), e.Id, Grades(e))));
        }

        foreach (var t in s.Ties.Where(t => Involves([t.From, t.To])))
        {
            var label = $"{t.Kind.Kebab()}: {NameOf(t.From)} – {NameOf(t.To)}";
            if (t.Period.Start is { } start)
            {
                entries.Add((start, new Entry(start.ToString(), label + " begins", "tie", t.Id, Grades(t))));
            }

            if (t.Period.End is { } end)
            {
                entries.Add((end, new Entry(end.ToString(), label + " ends", "tie", t.Id, Grades(t))));
            }
        }

        foreach (var r in s.Roles.Where(r => Involves([r.Person, r.Organisation])))
        {
            if (r.Period.Start is { } start)
            {
                entries.Add((start, new Entry(start.ToString(), $"{NameOf(r.Person)} becomes {r.Title} of {NameOf(r.Organisation)}", "role", r.Id, Grades(r))));
            }

            if (r.Period.End is { } end)
            {
                entries.Add((end, new Entry(end.ToString(), $"{NameOf(r.Person)} ceases to be {r.Title} of {NameOf(r.Organisation)}", "role", r.Id, Grades(r))));
            }
        }

        var ordered = entries.OrderBy(e => e.Date).ThenBy(e => e.Entry.Id, StringComparer.Ordinal).Select(e => e.Entry).ToList();
        if (settings.Json)
        {
            Output.Json(console, ordered);
            return 0;
        }

        var table = Output.Table("date", "what", "kind", "grades");
        foreach (var e in ordered)
        {
            table.AddTextRow(e.Date, e.What, e.Kind, string.Join(" ", e.Grades));
        }

        console.MarkupLine($"[bold]Timeline[/] ({Output.Esc(Output.Describe(settings.ReadOptions, settings.RecordedByTime))})");
        console.Write(table);
        return 0;
    }
}
