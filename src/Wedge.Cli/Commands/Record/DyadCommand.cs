using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Analysis.Dyad;
using Wedge.Analysis.Evidence;
using Wedge.Application;
using Wedge.Application.Problems;
using Wedge.Application.Records;
using Wedge.Application.Store;
using Wedge.Cli.Infrastructure;
using Wedge.Core.Model;

namespace Wedge.Cli.Commands.Record;

public sealed class DyadSettings : ReadSettings
{
    [CommandArgument(0, "<A>")]
    [Description("First actor (id, name or alias).")]
    public string A { get; set; } = "";

    [CommandArgument(1, "<B>")]
    [Description("Second actor.")]
    public string B { get; set; } = "";
}

/// <summary>`wedge dyad A B`: ties over time with claims and grades, the ledger both ways, leaders, shared events, and contests.</summary>
public sealed class DyadCommand(IAnsiConsole console, RecordQueries records) : Command<DyadSettings>
{
    public override int Execute(CommandContext context, DyadSettings settings, CancellationToken cancellationToken)
    {
        var report = records.Dyad(settings.Slice, settings.A, settings.B);
        if (settings.Json)
        {
            Output.Json(console, report);
            return 0;
        }

        Render(console, report, Output.Describe(settings.Slice));
        return 0;
    }

    public static void Render(IAnsiConsole console, DyadReport r, string slice)
    {
        // Claims are footnoted: each table cell shows grade[n], the notes below give source and text.
        var notes = new List<ClaimView>();
        string Refs(IEnumerable<ClaimView> claims) => string.Join(" ", claims.Select(c =>
        {
            var n = notes.FindIndex(x => x.Id == c.Id);
            if (n < 0)
            {
                notes.Add(c);
                n = notes.Count - 1;
            }

            return $"{c.Grade}{(c.Stance == ClaimStance.Disputes ? "✗" : "")}[{n + 1}]";
        }));

        console.Write(new Rule($"[bold]{Output.Esc(r.A.Name)} – {Output.Esc(r.B.Name)}[/] [grey]({Output.Esc(slice)})[/]").LeftJustified());
        console.MarkupLine($"[bold]Relation, weighed:[/] {Output.Esc(EvidenceText.Summary(r.Relation))}");
        if (r.Relation.Strands.Count > 0)
        {
            console.MarkupLine($"  [grey]{Output.Esc(r.Relation.StrandsLine)}[/]");
        }

        foreach (var o in r.Relation.Outweighed.Where(i => i.Reach != Reach.Silent).Take(3))
        {
            console.MarkupLine($"  [grey]outweighs[/] {Output.Esc(EvidenceText.Describe(o))}");
        }

        if (r.Contested)
        {
            console.MarkupLine("[yellow bold]Conflicting accounts:[/] the sources disagree about this pair; both are shown (✗ marks a disputing claim) and weighed above.");
            foreach (var c in r.Contests)
            {
                console.MarkupLine($"  [yellow]•[/] {Output.Esc(c.Description)}");
            }
        }

        foreach (var side in new[] { r.A, r.B })
        {
            var leaders = side.Leaders.Where(l => l.Title.IsLeadership).ToList();
            if (leaders.Count == 0)
            {
                continue;
            }

            var t = Output.Table($"{side.Name}: leaders", "role", "period", "holds", "alive", "claims");
            foreach (var l in leaders)
            {
                t.AddTextRow(l.PersonName, l.Title.Value + (l.Organisation == side.Id ? "" : $" ({l.Organisation})"), Output.Span(l.Period),
                    l.HoldsAt ? "yes" : "", l.PersonAlive ? "yes" : "no", Refs(l.Claims));
            }

            console.Write(t);
        }

        var ties = Output.Table("tie", "between", "period", "holds", "public stance / fate", "claims");
        foreach (var t in r.Ties)
        {
            var between = $"{t.FromName} {(t.Kind is "affiliation" or "sponsorship" or "split" or "leadership" ? "→" : "–")} {t.ToName}";
            var fate = string.Join(", ", new[] { t.Stance, t.Acknowledgement }.Where(x => x != "unstated"));
            ties.AddTextRow(t.Kind + (t.Disputed ? " (disputed)" : ""), between, Output.Span(t.Period), t.HoldsAt ? "yes" : "", fate, Refs(t.Claims));
        }

        console.Write(ties);

        if (r.Ledger.Count > 0)
        {
            var ledger = Output.Table("flow", "who", "category", "magnitude", "period", "claims");
            foreach (var l in r.Ledger)
            {
                ledger.AddTextRow(l.IsCost ? "cost" : "benefit", l.IsCost ? $"{l.RecipientName} pays (because of {l.ProviderName})" : $"{l.ProviderName} → {l.RecipientName}",
                    l.Category, l.Magnitude, Output.Span(l.Period), Refs(l.Claims));
            }

            console.Write(ledger);
        }

        if (r.Events.Count > 0)
        {
            var events = Output.Table("date", "event", "kind", "claims");
            foreach (var e in r.Events)
            {
                events.AddTextRow(e.Date, e.Title, e.Kind, Refs(e.Claims));
            }

            console.Write(events);
        }

        if (notes.Count > 0)
        {
            console.MarkupLine("[bold]Claims[/]");
            for (var i = 0; i < notes.Count; i++)
            {
                var c = notes[i];
                var where = c.Locator is null ? c.Citation : $"{c.Citation}, {c.Locator}";
                console.MarkupLine($"[grey][[{i + 1}]][/] [bold]{Output.Esc(c.Grade)}[/]{(c.Stance == ClaimStance.Disputes ? " [yellow]disputes[/]" : "")} {Output.Esc(c.Text)} [grey]— {Output.Esc(where)}[/]");
            }
        }
    }
}
