using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Analysis.Durability;
using Wedge.Application.Durability;
using Wedge.Cli.Infrastructure;

namespace Wedge.Cli.Commands.Durability;

public sealed class DurabilityZphSettings : DurabilitySettings
{
    [CommandOption("--transform <T>")]
    [Description("km (default: 1 − Kaplan–Meier) or identity.")]
    public string Transform { get; set; } = "km";

    public override ValidationResult Validate()
        => Transform is "km" or "identity" ? base.Validate() : ValidationResult.Error($"--transform: '{Transform}' is not km or identity");
}

/// <summary>`wedge durability zph`: the proportional-hazards test of R's cox.zph for a Cox model on a CSV.</summary>
public sealed class DurabilityZphCommand(IAnsiConsole console) : Command<DurabilityZphSettings>
{
    public override int Execute(CommandContext context, DurabilityZphSettings settings, CancellationToken cancellationToken)
    {
        var r = SurvivalFileService.Zph(settings.Input!, settings.Columns(), settings.TiesMethod,
            settings.Transform == "identity" ? TimeTransform.Identity : TimeTransform.KaplanMeier);
        if (settings.Json)
        {
            Output.Json(console, r);
            return 0;
        }

        console.MarkupLine($"[bold]Proportional-hazards test[/] ({Output.Esc(r.Input)}; transform: {r.Transform})");
        var table = Output.Table("", "chisq", "df", "p");
        foreach (var row in r.Table)
        {
            table.AddTextRow(row.Name, row.Chisq.ToString("G5", CultureInfo.InvariantCulture), row.Df.ToString(CultureInfo.InvariantCulture), row.P.ToString("G3", CultureInfo.InvariantCulture));
        }

        console.Write(table);
        foreach (var w in r.Warnings)
        {
            console.MarkupLine($"[yellow]warning:[/] {Output.Esc(w)}");
        }

        return 0;
    }
}
