using System.Globalization;
using Spectre.Console;
using Wedge.Application.Imports;
using Wedge.Application.Problems;
using Wedge.Cli.Commands.Journal;
using Wedge.Cli.Infrastructure;

namespace Wedge.Cli.Commands.Events;

/// <summary>What every event-dataset import prints after its own table, and how it refuses: the names, the impact, the last line, the exit.</summary>
internal static class EventImportOutput
{
    /// <summary>Prints the report's names, impact and summary line (unless --json), then throws the refusal or the refused rows (exit 1).</summary>
    /// <param name="rows">What the dataset's rows are called in the name lines ("events").</param>
    public static int Finish(IAnsiConsole console, IEventImported r, EventImportSettings settings, string rows)
    {
        if (!settings.Json)
        {
            PrintNames(console, r, rows);
        }

        return Conclude(console, r, settings.Json, settings.DryRun);
    }

    /// <summary>
    /// What every dataset import ends with, after its own report: the judgements it changes and what was written (unless
    /// --json), then the exception for a --strict refusal or for rows refused (the others imported).
    /// </summary>
    public static int Conclude(IAnsiConsole console, IEventImported r, bool json, bool dryRun)
    {
        if (!json)
        {
            if (r.Refusal is null)
            {
                ImpactOutput.Print(console, r.Impact);
                ImpactOutput.PrintFired(console, r.Fired);
                console.MarkupLine(dryRun
                    ? $"Dry run: {r.Changes} changes planned, nothing written. Journal version {r.Version}."
                    : r.Changes == 0
                    ? $"Nothing to write: everything is already on record. Journal version {r.Version}."
                    : $"Wrote {r.Changes} changes in one transaction. Journal version {r.Version}.");
            }
        }

        if (r.Refusal is { } refusal)
        {
            throw (refusal with { Message = refusal.Message + Listed(r) }).At(r.Refused.FirstOrDefault()?.File, r.Refused.FirstOrDefault()?.Line).Exception();
        }

        if (r.Refused.Count > 0)
        {
            var first = r.Refused[0];
            var done = dryRun ? "the other rows would be imported (dry run: nothing was written)" : "the other rows were imported";
            throw Problem.Refused("rows-refused", $"{r.Refused.Count} row(s) refused; {done}.{Listed(r)}").At(first.File, first.Line > 0 ? first.Line : null).Exception();
        }

        return 0;
    }

    private static string Listed(IEventImported r) => string.Concat(r.Refused.Select(p => Environment.NewLine + "  " + p));

    /// <summary>Names matched other than by the dataset's own id, then the unmatched and ambiguous ones, each escaped (they are the dataset's text).</summary>
    private static void PrintNames(IAnsiConsole console, IEventImported r, string rows)
    {
        var notById = r.Matched.Where(m => m.Rule != "dataset-id").ToList();
        if (notById.Count > 0)
        {
            console.MarkupLine("[bold]Matched to actors on record:[/]");
            foreach (var m in notById)
            {
                console.MarkupLine($"  {Output.Esc(m.Name)} → {Output.Esc(m.Actor)} (by {Output.Esc(m.Rule)}; {N(m.Incidents)} {rows})");
            }
        }

        foreach (var u in r.Unmatched)
        {
            console.MarkupLine($"[yellow]unmatched:[/] {Output.Esc(u.Name)} ({N(u.Incidents)} {rows}, first on line {N(u.FirstLine)}); add it to a --map file to import them");
        }

        foreach (var a in r.Ambiguous)
        {
            console.MarkupLine($"[yellow]ambiguous:[/] {Output.Esc(a.Name)} (first on line {N(a.FirstLine)}) could be {Output.Esc(string.Join(", ", a.Candidates))}; map it with --map");
        }
    }

    public static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
