using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application.Exchange;
using Wedge.Cli.Commands.Journal;
using Wedge.Cli.Infrastructure;
using Wedge.Data.Exchange.Stix;

namespace Wedge.Cli.Commands.Exchange;

public sealed class ImportStixSettings : WriteSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("A STIX 2.1 bundle (JSON).")]
    public string File { get; set; } = "";

    [CommandOption("--dry-run")]
    [Description("Report what would be imported and write nothing.")]
    public bool DryRun { get; set; }

    [CommandOption("--why <TEXT>")]
    [Description("Reason recorded in the journal.")]
    public string? Why { get; set; }
}

/// <summary>`wedge import stix FILE [--dry-run]`: actors, ties, sources and claims from a bundle, all or nothing (docs/exchange/stix.md).</summary>
public sealed class ImportStixCommand(IAnsiConsole console, ExchangeService exchange) : Command<ImportStixSettings>
{
    public override int Execute(CommandContext context, ImportStixSettings settings, CancellationToken cancellationToken)
    {
        var result = exchange.ImportStix(settings.File, settings.DryRun, settings.Author, settings.Why, settings.ExpectVersion);
        var r = result.Report;
        if (settings.Json)
        {
            Output.Json(console, new
            {
                dryRun = result.DryRun,
                objectsRead = r.ObjectsRead,
                actorsMatched = r.ActorsMatched.Select(m => new { stixId = m.StixId, name = m.Name, actor = m.Actor.Value }),
                actorsCreated = r.ActorsCreated.Select(m => new { stixId = m.StixId, name = m.Name, actor = m.Actor.Value }),
                tiesTaken = r.TiesTaken,
                sourcesTaken = r.SourcesTaken,
                claimsTaken = r.ClaimsTaken,
                factsUnchanged = r.FactsUnchanged,
                skipped = r.Skipped,
                changes = result.Changes,
                version = result.Version,
            });
            return 0;
        }

        Print(r, written: !result.DryRun);
        console.MarkupLine(result.DryRun
            ? $"Dry run: {result.Changes} changes would be written; nothing was."
            : result.Changes == 0 ? $"Nothing to write: everything is already on record. Journal version {result.Version}."
            : $"Wrote {result.Changes} changes in one transaction. Journal version {result.Version}.");
        return 0;
    }

    private void Print(StixImportReport r, bool written)
    {
        var t = Output.Table("", "count");
        t.AddTextRow("objects read", N(r.ObjectsRead));
        t.AddTextRow("actors matched to actors on record", N(r.ActorsMatched.Count));
        t.AddTextRow(written ? "actors created" : "actors that would be created", N(r.ActorsCreated.Count));
        t.AddTextRow("ties", N(r.TiesTaken));
        t.AddTextRow("sources (reports)", N(r.SourcesTaken));
        t.AddTextRow("claims", N(r.ClaimsTaken));
        t.AddTextRow("already on record, unchanged", N(r.FactsUnchanged));
        t.AddTextRow("skipped", N(r.Skipped.Values.Sum()));
        console.Write(t);
        foreach (var m in r.ActorsMatched)
        {
            console.MarkupLine($"  matched: {Output.Esc(m.Name)} → {Output.Esc(m.Actor.Value)}");
        }

        foreach (var (why, n) in r.Skipped)
        {
            console.MarkupLine($"[grey]skipped:[/] {N(n)} × {Output.Esc(why)}");
        }

        foreach (var p in r.Refused)
        {
            console.MarkupLine($"[red]refused:[/] {Output.Esc(p)}");
        }
    }

    private static string N(int n) => n.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
