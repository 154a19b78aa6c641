using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application.Imports;
using Wedge.Cli.Infrastructure;
using static Wedge.Cli.Commands.Events.EventImportOutput;

namespace Wedge.Cli.Commands.Events;

/// <summary>
/// `wedge import ucdp FILE [--map FILE] [--strict] [--dry-run] [--at DATE]`: non-state conflict as evidence of hostility.
/// Prints the report; refused rows go to standard error with file and line and make the exit non-zero (the good rows are
/// written, unless --strict, which then writes nothing).
/// </summary>
public sealed class ImportUcdpCommand(IAnsiConsole console, ImportService imports) : Command<ImportUcdpSettings>
{
    public override int Execute(CommandContext context, ImportUcdpSettings settings, CancellationToken cancellationToken)
    {
        var request = new EventImportRequest(settings.File, settings.Map, settings.Strict, CommandLine.Date(settings.At));
        var r = imports.ImportUcdp(request, settings.Author, settings.Why, settings.ExpectVersion, cancellationToken, settings.DryRun);
        if (settings.Json)
        {
            Output.Json(console, r);
        }
        else
        {
            var t = Output.Table("", "count");
            t.AddTextRow("rows read", N(r.RowsRead));
            t.AddTextRow("state-based / non-state / one-sided", $"{N(r.ByViolence[0])} / {N(r.ByViolence[1])} / {N(r.ByViolence[2])}");
            t.AddTextRow("date_prec 1 / 2 / 3 / 4 / 5", string.Join(" / ", r.ByDatePrecision.Select(N)));
            t.AddTextRow("dated to the day / month / year", $"{N(r.ByPrecision[0])} / {N(r.ByPrecision[1])} / {N(r.ByPrecision[2])}");
            t.AddTextRow("  of which ranges over two years (GED's year)", N(r.CrossingYears));
            t.AddTextRow("non-state events with fewer than two sides matched", N(r.NonStateUnmatched));
            t.AddTextRow("non-state events with a side on record as a state", N(r.SideIsState));
            t.AddTextRow(r.Written ? "events imported (new)" : "events that would be imported", N(r.EventsImported));
            t.AddTextRow("  of which unclear (graded lower)", N(r.Unclear));
            t.AddTextRow("events already on record", N(r.EventsUnchanged));
            t.AddTextRow("events corrected", N(r.EventsCorrected));
            t.AddTextRow("pair-years (rivalry ties)", N(r.PairYears));
            t.AddTextRow("claims", N(r.Claims));
            t.AddTextRow("names matched / unmatched / ambiguous", $"{N(r.Matched.Count)} / {N(r.Unmatched.Count)} / {N(r.Ambiguous.Count)}");
            t.AddTextRow("rows refused", N(r.Refused.Count));
            console.Write(t);
        }

        return Finish(console, r, settings, "non-state events");
    }
}
