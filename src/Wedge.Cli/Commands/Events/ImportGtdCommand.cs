using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application.Imports;
using Wedge.Cli.Infrastructure;

namespace Wedge.Cli.Commands.Events;

public sealed class ImportGtdSettings : EventImportSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("A file in the Global Terrorism Database's CSV layout (docs/import-events.md says where to get it).")]
    public string File { get; set; } = "";
}

/// <summary>
/// `wedge import gtd FILE [--map FILE] [--strict] [--dry-run] [--at DATE]`: joint attacks as evidence. Prints the report;
/// refused rows go to standard error with file and line and make the exit non-zero (the good rows are written, unless
/// --strict, which then writes nothing).
/// </summary>
public sealed class ImportGtdCommand(IAnsiConsole console, ImportService imports) : Command<ImportGtdSettings>
{
    public override int Execute(CommandContext context, ImportGtdSettings settings, CancellationToken cancellationToken)
    {
        var request = new GtdImportRequest(settings.File, settings.Map, settings.Strict, CommandLine.Date(settings.At));
        var r = imports.ImportGtd(request, settings.Author, settings.Why, settings.ExpectVersion, cancellationToken, settings.DryRun);
        if (settings.Json)
        {
            Output.Json(console, r);
        }
        else
        {
            Print(r);
        }

        return EventImportOutput.Finish(console, r, settings, "joint incidents");
    }

    private void Print(GtdImported r)
    {
        var t = Output.Table("", "count");
        t.AddTextRow("rows read", N(r.RowsRead));
        t.AddTextRow("dated to the day / month / year", $"{N(r.ByPrecision[0])} / {N(r.ByPrecision[1])} / {N(r.ByPrecision[2])}");
        t.AddTextRow("incidents with one perpetrator or none known", N(r.SinglePerpetrator));
        t.AddTextRow("incidents with two or three perpetrators", N(r.MultiplePerpetrators));
        t.AddTextRow("  of which fewer than two matched actors", N(r.JointUnmatched));
        t.AddTextRow(r.Written ? "joint attacks imported (new)" : "joint attacks that would be imported", N(r.EventsImported));
        t.AddTextRow("joint attacks already on record", N(r.EventsUnchanged));
        t.AddTextRow("joint attacks corrected", N(r.EventsCorrected));
        t.AddTextRow("pair-years (ties)", N(r.PairYears));
        t.AddTextRow("claims", N(r.Claims));
        t.AddTextRow("names matched", N(r.Matched.Count));
        t.AddTextRow("names unmatched", N(r.Unmatched.Count));
        t.AddTextRow("names ambiguous", N(r.Ambiguous.Count));
        t.AddTextRow("rows refused", N(r.Refused.Count));
        console.Write(t);
    }

    private static string N(int n) => n.ToString("N0", CultureInfo.InvariantCulture);
}
