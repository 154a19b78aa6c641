using System.Globalization;
using Spectre.Console;
using Wedge.Application.Imports;
using Wedge.Cli.Infrastructure;

namespace Wedge.Cli.Commands.Journal;

/// <summary>Prints what an import changes (or would change) in the judgements already on record.</summary>
internal static class ImpactOutput
{
    /// <summary>"indicator fired: …", one line each, for the indicators of the built-in matrices an import fired.</summary>
    public static void PrintFired(IAnsiConsole console, IEnumerable<Application.Hypotheses.FiredIndicator> fired)
    {
        foreach (var f in fired)
        {
            console.MarkupLine($"[bold]{Output.Esc(f.Describe())}[/]");
        }
    }

    public static void Print(IAnsiConsole console, ImportImpactReport? impact)
    {
        if (impact is null)
        {
            return;
        }

        console.MarkupLine(Output.Esc(impact.Summary));
        if (impact.Changes.Count == 0)
        {
            return;
        }

        var t = Output.Table("pair", "relation before", "after", "verdict before", "after", "claims that did it");
        foreach (var c in impact.Changes)
        {
            var claims = string.Join(", ", c.Claims.Take(8).Select(i => $"{i.Claim ?? i.Tie} {i.Grade ?? "unsourced"}{(i.Context ? " (context)" : "")}"))
                + (c.Claims.Count > 8 ? $" and {c.Claims.Count - 8} more" : "");
            t.AddTextRow($"{c.AName}–{c.BName}", Reading(c.Before), Reading(c.After), c.VerdictBefore ?? "", c.VerdictChanged ? c.VerdictAfter ?? "" : c.VerdictBefore is null ? "" : "(unchanged)", claims);
        }

        console.Write(t);
    }

    private static string Reading(RelationReading r)
        => $"{(r.Contested ? "contested, " : "")}{r.Sign.ToString().ToLowerInvariant()} (P {Math.Round(r.Probability * 100).ToString(CultureInfo.InvariantCulture)}%)";
}
