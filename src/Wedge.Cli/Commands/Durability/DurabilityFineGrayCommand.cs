using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Analysis.Durability;
using Wedge.Application.Durability;
using Wedge.Cli.Infrastructure;
using Wedge.Data.Survival;

namespace Wedge.Cli.Commands.Durability;

public sealed class DurabilityFineGraySettings : DurabilitySettings
{
    [CommandOption("--cause <COL>")]
    [Description("How each row ended: 0 (or 'censored') for censored, any other value names a competing ending.")]
    public string? Cause { get; set; }

    [CommandOption("--of <VALUE>")]
    [Description("The ending to model, as written in the --cause column; the others compete with it.")]
    public string? Of { get; set; }

    protected override bool NeedsEvent => false;

    public override ValidationResult Validate()
        => Cause is null ? ValidationResult.Error("--cause COL is required")
            : Of is null ? ValidationResult.Error("--of VALUE is required: the ending to model")
            : Start is not null ? ValidationResult.Error("--start: the Fine–Gray model is fitted here on right-censored data only")
            : Cluster is not null ? ValidationResult.Error("--cluster: the Fine–Gray fit already reports a robust variance (each row its own cluster, as R)")
            : base.Validate();

    public override SurvivalColumns Columns() => new(
        Time!, Cause!, null, Covariates?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries), Strata, null, EventIsCause: true);
}

/// <summary>`wedge durability finegray`: the subdistribution hazard of one ending among competing ones, with R's numbers.</summary>
public sealed class DurabilityFineGrayCommand(IAnsiConsole console) : Command<DurabilityFineGraySettings>
{
    public override int Execute(CommandContext context, DurabilityFineGraySettings settings, CancellationToken cancellationToken)
    {
        var r = SurvivalFileService.FineGray(settings.Input!, settings.Columns(), settings.Of!, settings.TiesMethod);
        if (settings.Json)
        {
            Output.Json(console, r);
            return 0;
        }

        console.MarkupLine($"[bold]Fine–Gray subdistribution hazards[/] of '{Output.Esc(r.Cause)}' ({Output.Esc(r.Input)}; ties: {r.Model.Ties}): " +
                           $"{r.Subjects} subjects, {r.Model.Events} endings of that kind; competing: {Output.Esc(string.Join(", ", r.Competing))}");
        console.MarkupLine($"[grey]Fitted on {r.Rows} weighted rows: a subject ended otherwise stays at risk, weighed by the chance of still being observed.[/]");
        DurabilityCoxCommand.Render(console, r.Model);
        return 0;
    }
}
