using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application.Durability;
using Wedge.Cli.Infrastructure;
using Wedge.Data.Survival;

namespace Wedge.Cli.Commands.Durability;

public sealed class DurabilityCifSettings : DurabilitySettings
{
    [CommandOption("--cause <COL>")]
    [Description("How each row ended: 0 (or 'censored') for censored, any other value names a competing cause.")]
    public string? Cause { get; set; }

    [CommandOption("--group <COL>")]
    [Description("One set of curves per value of this column.")]
    public string? Group { get; set; }

    protected override bool NeedsEvent => false;

    public override ValidationResult Validate()
        => Cause is null ? ValidationResult.Error("--cause COL is required") : base.Validate();

    public override SurvivalColumns Columns() => new(Time!, Cause!, Start, null, Group ?? Strata, null, EventIsCause: true);
}

/// <summary>`wedge durability cif`: Aalen–Johansen cumulative incidence of competing endings.</summary>
public sealed class DurabilityCifCommand(IAnsiConsole console) : Command<DurabilityCifSettings>
{
    public override int Execute(CommandContext context, DurabilityCifSettings settings, CancellationToken cancellationToken)
    {
        var r = SurvivalFileService.Incidence(settings.Input!, settings.Columns());
        if (settings.Json)
        {
            Output.Json(console, r);
            return 0;
        }

        console.MarkupLine($"[bold]Cumulative incidence[/] ({Output.Esc(r.Input)}; Aalen–Johansen)");
        var table = Output.Table("group", "cause", "at time", "incidence", "std.err");
        foreach (var c in r.Curves)
        {
            // Quartiles of follow-up and the end: enough to read the curve; --json has every time.
            foreach (var q in new[] { 0.25, 0.5, 0.75, 1.0 })
            {
                var k = Math.Max(0, (int)Math.Ceiling(q * c.Time.Count) - 1);
                table.AddTextRow(c.Group, c.Cause, c.Time[k].ToString("G6", CultureInfo.InvariantCulture),
                    c.Incidence[k].ToString("G5", CultureInfo.InvariantCulture), c.StdErr[k].ToString("G4", CultureInfo.InvariantCulture));
            }
        }

        console.Write(table);
        foreach (var w in r.Warnings)
        {
            console.MarkupLine($"[yellow]warning:[/] {Output.Esc(w)}");
        }

        return 0;
    }
}
