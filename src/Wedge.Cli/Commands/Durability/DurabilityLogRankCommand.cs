using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application.Durability;
using Wedge.Cli.Infrastructure;

namespace Wedge.Cli.Commands.Durability;

public sealed class DurabilityLogRankSettings : DurabilitySettings
{
    [CommandOption("--group <COL>")]
    [Description("The groups to compare (required).")]
    public string? Group { get; set; }

    public override ValidationResult Validate()
        => Group is null ? ValidationResult.Error("--group COL is required") : base.Validate();
}

/// <summary>`wedge durability logrank`: the log-rank test across groups, optionally stratified (R's survdiff).</summary>
public sealed class DurabilityLogRankCommand(IAnsiConsole console) : Command<DurabilityLogRankSettings>
{
    public override int Execute(CommandContext context, DurabilityLogRankSettings settings, CancellationToken cancellationToken)
    {
        var r = SurvivalFileService.LogRank(settings.Input!, settings.Columns(), settings.Group!);
        if (settings.Json)
        {
            Output.Json(console, r);
            return 0;
        }

        console.MarkupLine($"[bold]Log-rank test[/] ({Output.Esc(r.Input)}){(r.Stratified ? ", stratified" : "")}");
        var table = Output.Table("group", "observed", "expected", "(O-E)^2/E");
        foreach (var g in r.Groups)
        {
            table.AddTextRow(g.Group, g.Observed.ToString("G6", CultureInfo.InvariantCulture), g.Expected.ToString("G6", CultureInfo.InvariantCulture),
                (Math.Pow(g.Observed - g.Expected, 2) / g.Expected).ToString("G4", CultureInfo.InvariantCulture));
        }

        console.Write(table);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Chisq = {r.Test.Statistic:0.###} on {r.Test.Df} df, p = {r.Test.P:G4}"));
        return 0;
    }
}
