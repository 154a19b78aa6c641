using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application.Hypotheses;
using Wedge.Cli.Infrastructure;
using Wedge.Core.Hypotheses;

namespace Wedge.Cli.Commands.Hypotheses;

public sealed class HypothesesSettings : ReadSettings
{
    [CommandArgument(0, "<MATRIX>")]
    [Description("A built-in matrix (see `wedge hypotheses list`) or a matrix file (YAML; docs/methods/hypotheses.md).")]
    public string Matrix { get; set; } = "";
}

/// <summary>`wedge hypotheses list`: the built-in matrices.</summary>
public sealed class HypothesesListCommand(IAnsiConsole console) : Command<OutputSettings>
{
    public override int Execute(CommandContext context, OutputSettings settings, CancellationToken cancellationToken)
    {
        var names = HypothesesService.List();
        if (settings.Json)
        {
            Output.Json(console, names);
            return 0;
        }

        var table = Output.Table("matrix", "question", "hypotheses", "items");
        foreach (var m in names)
        {
            table.AddTextRow(m.Name, m.Question, m.Hypotheses.ToString(CultureInfo.InvariantCulture), m.Items.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(table);
        return 0;
    }
}

/// <summary>`wedge hypotheses show`: the matrix itself, each cell's (consensus) rating, items by diagnosticity.</summary>
public sealed class HypothesesShowCommand(IAnsiConsole console, HypothesesService hypotheses) : Command<HypothesesSettings>
{
    public override int Execute(CommandContext context, HypothesesSettings settings, CancellationToken cancellationToken)
    {
        var matrix = HypothesesService.Load(settings.Matrix);
        var view = hypotheses.Show(settings.Slice, matrix);
        if (settings.Json)
        {
            Output.Json(console, view);
            return 0;
        }

        console.MarkupLine($"[bold]{Output.Esc(matrix.Question)}[/] ({Output.Esc(view.Slice)})");
        foreach (var h in matrix.Hypotheses)
        {
            console.MarkupLine($"  {Output.Esc(h.Id)}: {Output.Esc(h.Title)}");
        }

        var table = Output.Table([.. new[] { "item", "kind", "grade", "cred.", "rel.", "diagnosticity" }, .. matrix.Hypotheses.Select(h => h.Id)]);
        foreach (var item in view.Items)
        {
            var cells = matrix.Hypotheses.Select(h => Letters(view.Cells.Single(c => c.Item == item.Id && c.Hypothesis == h.Id).Consensus));
            table.AddTextRow([item.Id, item.Kind.ToString().ToLowerInvariant(), item.Grade ?? "", Weight(item.Credibility), Weight(item.Relevance),
                item.Diagnosticity.ToString("0.00", CultureInfo.InvariantCulture), .. cells]);
        }

        console.Write(table);
        console.MarkupLine("Ratings: CC very consistent, C consistent, N neutral, I inconsistent, II very inconsistent, NA not applicable. Items by diagnosticity.");
        if (view.Excluded.Count > 0)
        {
            console.MarkupLine($"[yellow]Left out, not yet public:[/] {Output.Esc(string.Join(", ", view.Excluded))}");
        }

        return 0;
    }

    internal static string Letters(Consistency? c) => HypothesesService.Letters(c);

    internal static string Weight(AchWeight w) => w.ToString().ToLowerInvariant();
}

/// <summary>`wedge hypotheses score`: the hypotheses ranked by both methods, and the call in words.</summary>
public sealed class HypothesesScoreCommand(IAnsiConsole console, HypothesesService hypotheses) : Command<HypothesesSettings>
{
    public override int Execute(CommandContext context, HypothesesSettings settings, CancellationToken cancellationToken)
    {
        var report = hypotheses.Score(settings.Slice, HypothesesService.Load(settings.Matrix));
        if (settings.Json)
        {
            Output.Json(console, report);
            return 0;
        }

        console.MarkupLine($"[bold]{Output.Esc(report.Question)}[/] ({Output.Esc(report.Slice)})");
        var table = Output.Table("rank", "hypothesis", "PARC weighted inconsistency", "Open Synthesis inconsistency", "consistency", "OS rank");
        foreach (var h in report.Scores.Hypotheses.OrderBy(h => h.ParcRank))
        {
            table.AddTextRow(h.ParcRank.ToString(CultureInfo.InvariantCulture), $"{h.Id}: {h.Title}", N(h.Parc), N(h.Inconsistency), N(h.Consistency),
                h.OpenSynthesisRank.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(table);
        foreach (var line in report.Reading)
        {
            console.MarkupLine(Output.Esc(line));
        }

        return 0;
    }

    // The minus sign of the verdicts, never a hyphen.
    internal static string N(double v) => (Math.Abs(v) < 5e-4 ? 0 : v).ToString("0.000", CultureInfo.InvariantCulture).Replace('-', '−');
}

/// <summary>`wedge hypotheses sensitivity`: the items that, taken away or re-weighted, change the ranking.</summary>
public sealed class HypothesesSensitivityCommand(IAnsiConsole console, HypothesesService hypotheses) : Command<HypothesesSettings>
{
    public override int Execute(CommandContext context, HypothesesSettings settings, CancellationToken cancellationToken)
    {
        var report = hypotheses.Score(settings.Slice, HypothesesService.Load(settings.Matrix));
        if (settings.Json)
        {
            Output.Json(console, report.Scores.Sensitivity);
            return 0;
        }

        var leader = report.Scores.Hypotheses.OrderBy(h => h.ParcRank).First().Id;
        console.MarkupLine($"[bold]What would move the call[/] ({Output.Esc(report.Slice)}): {Output.Esc(leader)} leads by PARC's weighted score");
        var table = Output.Table("item", "change", "new leader", "new ranking");
        foreach (var f in report.Scores.Sensitivity)
        {
            table.AddTextRow(f.Item, f.Change, f.NewLeader == f.Leader ? "(same)" : f.NewLeader, string.Join(" > ", f.NewRanking));
        }

        console.Write(table);
        if (report.Scores.Sensitivity.Count == 0)
        {
            console.MarkupLine("No single item, taken away or re-weighted, changes the ranking.");
        }

        return 0;
    }
}

/// <summary>`wedge hypotheses watch`: the indicators to watch and the facts on record that fire them.</summary>
public sealed class HypothesesWatchCommand(IAnsiConsole console, HypothesesService hypotheses) : Command<HypothesesSettings>
{
    public override int Execute(CommandContext context, HypothesesSettings settings, CancellationToken cancellationToken)
    {
        var report = hypotheses.Watch(settings.Slice, HypothesesService.Load(settings.Matrix));
        if (settings.Json)
        {
            Output.Json(console, report);
            return 0;
        }

        var table = Output.Table("indicator", "hypothesis", "would", "what", "window", "fired by");
        foreach (var i in report.Indicators)
        {
            table.AddTextRow(i.Id, i.Hypothesis, i.Confirms ? "confirm" : "refute", i.Description, i.Window, i.FiredBy.Count == 0 ? "—" : string.Join("; ", i.FiredBy));
        }

        console.Write(table);
        return 0;
    }
}
