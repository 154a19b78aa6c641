using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application.Durability;
using Wedge.Cli.Infrastructure;
using Wedge.Data.Survival;

namespace Wedge.Cli.Commands.Durability;

public sealed class DurabilityKmSettings : DurabilitySettings
{
    [CommandOption("--group <COL>")]
    [Description("One curve per value of this column.")]
    public string? Group { get; set; }

    [CommandOption("--conf-level <P>")]
    [Description("Confidence level of the log-scale band (default 0.95).")]
    public double ConfidenceLevel { get; set; } = 0.95;

    public override ValidationResult Validate()
        => ConfidenceLevel is > 0 and < 1 ? base.Validate() : ValidationResult.Error("--conf-level must be between 0 and 1");

    public override SurvivalColumns Columns() => base.Columns() with { Strata = Group ?? Strata, Covariates = null };
}

/// <summary>`wedge durability km`: Kaplan–Meier curves with log-scale bands and Nelson–Aalen cumulative hazard.</summary>
public sealed class DurabilityKmCommand(IAnsiConsole console) : Command<DurabilityKmSettings>
{
    public override int Execute(CommandContext context, DurabilityKmSettings settings, CancellationToken cancellationToken)
    {
        var r = SurvivalFileService.KaplanMeier(settings.Input!, settings.Columns(), settings.ConfidenceLevel);
        if (settings.Json)
        {
            Output.Json(console, r);
            return 0;
        }

        foreach (var c in r.Curves)
        {
            console.MarkupLine($"[bold]Kaplan–Meier[/] ({Output.Esc(r.Input)}){(c.Group.Length > 0 ? $", group {Output.Esc(c.Group)}" : "")}: {c.NEvent.Sum()} events");
            var table = Output.Table("time", "n.risk", "n.event", "survival", "std.err", $"lower {r.ConfidenceLevel:0.##}", $"upper {r.ConfidenceLevel:0.##}", "cumhaz");
            for (var k = 0; k < c.Time.Count; k++)
            {
                if (c.NEvent[k] == 0)
                {
                    continue;
                }

                table.AddTextRow(c.Time[k].ToString("G6", CultureInfo.InvariantCulture), c.NRisk[k].ToString(CultureInfo.InvariantCulture),
                    c.NEvent[k].ToString(CultureInfo.InvariantCulture), DurabilityCoxCommand.F(c.Survival[k]), DurabilityCoxCommand.F(c.StdErr[k]),
                    DurabilityCoxCommand.F(c.Lower[k]), DurabilityCoxCommand.F(c.Upper[k]), DurabilityCoxCommand.F(c.CumHaz[k]));
            }

            console.Write(table);
        }

        foreach (var w in r.Warnings)
        {
            console.MarkupLine($"[yellow]warning:[/] {Output.Esc(w)}");
        }

        return 0;
    }
}
