using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application.Panels;
using Wedge.Cli.Infrastructure;

namespace Wedge.Cli.Commands.Events;

public sealed class ExportPanelSettings : ReadSettings
{
    [CommandOption("--from <YEAR>")]
    [Description("First year of the panel.")]
    public int? From { get; set; }

    [CommandOption("--to <YEAR>")]
    [Description("Last year of the panel.")]
    public int? To { get; set; }

    [CommandOption("--out <FILE>")]
    [Description("The panel CSV; its codebook is written beside it as NAME.codebook.md.")]
    public string? Out { get; set; }

    public override ValidationResult Validate()
    {
        if (From is null || To is null || string.IsNullOrWhiteSpace(Out))
        {
            return ValidationResult.Error("--from, --to and --out are required");
        }

        if (From is < 1 or > 9999 || To is < 1 or > 9999)
        {
            return ValidationResult.Error("--from and --to are years (1..9999)");
        }

        if (To < From)
        {
            return ValidationResult.Error($"--to {To} is before --from {From}");
        }

        if (At is not null)
        {
            return ValidationResult.Error("--at does not apply: the panel reads the record at each of its years (use --known-at or --recorded-by)");
        }

        return base.Validate();
    }
}

/// <summary>`wedge export panel --from Y --to Y --out panel.csv`: the dyad-year panel and its codebook (docs/import-events.md).</summary>
public sealed class ExportPanelCommand(IAnsiConsole console, PanelService panels) : Command<ExportPanelSettings>
{
    public override int Execute(CommandContext context, ExportPanelSettings settings, CancellationToken cancellationToken)
    {
        var written = panels.Export(settings.From!.Value, settings.To!.Value, settings.Slice, settings.Out!);
        if (settings.Json)
        {
            Output.Json(console, written);
            return 0;
        }

        console.MarkupLine($"Wrote {written.Rows} rows ({written.Pairs} pairs, {written.JointAttackRows} rows with joint attacks) to {Output.Esc(written.File)} and the codebook to {Output.Esc(written.Codebook)}.");
        return 0;
    }
}
