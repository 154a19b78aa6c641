using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application.Exchange;
using Wedge.Cli.Infrastructure;
using Wedge.Data.Exchange.Stix;

namespace Wedge.Cli.Commands.Exchange;

public sealed class ExportStixSettings : ReadSettings
{
    [CommandOption("--out <FILE>")]
    [Description("Write the bundle to FILE instead of the console.")]
    public string? Out { get; set; }
}

/// <summary>`wedge export stix [--out FILE]`: the read slice as a STIX 2.1 bundle (docs/exchange/stix.md).</summary>
public sealed class ExportStixCommand(IAnsiConsole console, ExchangeService exchange) : Command<ExportStixSettings>
{
    public override int Execute(CommandContext context, ExportStixSettings settings, CancellationToken cancellationToken)
    {
        var export = exchange.ExportStix(settings.Slice);

        if (settings.Out is null)
        {
            var w = console.Profile.Out.Writer;
            w.WriteLine(export.ToJson());
            w.Flush();
            return 0;
        }

        Output.WriteAtomically(settings.Out, w => w.Write(export.ToJson()));
        var s = export.Summary;
        if (settings.Json)
        {
            Output.Json(console, new { file = settings.Out, summary = s });
            return 0;
        }

        console.MarkupLine(Output.Esc(string.Create(CultureInfo.InvariantCulture,
            $"Wrote {s.ThreatActors} threat actors, {s.Identities} identities, {s.Relationships} relationships, {s.Opinions} opinions and {s.Reports} reports ({s.Claims} claims) to {settings.Out}.")));
        var notCarried = s.RolesNotCarried + s.LedgerEntriesNotCarried + s.EventsNotCarried + s.AttributesNotCarried;
        if (notCarried > 0 || s.SourcesWithoutExportedClaims > 0)
        {
            console.MarkupLine(Output.Esc(string.Create(CultureInfo.InvariantCulture,
                $"Not carried (STIX has no object for them): {s.RolesNotCarried} roles, {s.LedgerEntriesNotCarried} ledger entries, {s.EventsNotCarried} events, {s.AttributesNotCarried} attributes; {s.SourcesWithoutExportedClaims} sources back none of the exported objects.")));
        }

        return 0;
    }
}
