using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application.Imports;
using Wedge.Cli.Infrastructure;
using static Wedge.Cli.Commands.Events.EventImportOutput;

namespace Wedge.Cli.Commands.Events;

/// <summary>
/// `wedge import acled FILE [--map FILE] [--strict] [--dry-run] [--at DATE]`: actors on one side as evidence of
/// cooperation, battles between non-state armed actors as evidence of hostility. Refused rows as for `import ucdp`.
/// </summary>
public sealed class ImportAcledCommand(IAnsiConsole console, ImportService imports) : Command<ImportAcledSettings>
{
    public override int Execute(CommandContext context, ImportAcledSettings settings, CancellationToken cancellationToken)
    {
        var request = new EventImportRequest(settings.File, settings.Map, settings.Strict, CommandLine.Date(settings.At));
        var r = imports.ImportAcled(request, settings.Author, settings.Why, settings.ExpectVersion, cancellationToken, settings.DryRun);
        if (settings.Json)
        {
            Output.Json(console, r);
        }
        else
        {
            var t = Output.Table("", "count");
            t.AddTextRow("rows read", N(r.RowsRead));
            t.AddTextRow("time_precision 1 / 2 / 3", string.Join(" / ", r.ByTimePrecision.Select(N)));
            t.AddTextRow("dated to the day / month / year", $"{N(r.ByPrecision[0])} / {N(r.ByPrecision[1])} / {N(r.ByPrecision[2])}");
            t.AddTextRow("  of which weeks over two years (ACLED's year)", N(r.CrossingYears));
            t.AddTextRow("protests and riots (not evidence)", N(r.ProtestsAndRiots));
            t.AddTextRow("events with matched actors on one side", N(r.CooperationRows));
            t.AddTextRow("battles between matched non-state armed actors", N(r.BattleRows));
            t.AddTextRow("events with too few actors matched", N(r.UnmatchedRows));
            t.AddTextRow(r.Written ? "events imported (new)" : "events that would be imported", N(r.EventsImported));
            t.AddTextRow("  of which dated only to the month (graded lower)", N(r.MonthOnly));
            t.AddTextRow("events already on record", N(r.EventsUnchanged));
            t.AddTextRow("events corrected", N(r.EventsCorrected));
            t.AddTextRow("pair-years of cooperation / of battles (ties)", $"{N(r.CooperationPairYears)} / {N(r.BattlePairYears)}");
            t.AddTextRow("claims", N(r.Claims));
            t.AddTextRow("names matched / unmatched / ambiguous", $"{N(r.Matched.Count)} / {N(r.Unmatched.Count)} / {N(r.Ambiguous.Count)}");
            t.AddTextRow("rows refused", N(r.Refused.Count));
            console.Write(t);
        }

        return Finish(console, r, settings, "events");
    }
}
