using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application.Durability;
using Wedge.Cli.Commands.Mmp;
using Wedge.Cli.Infrastructure;

namespace Wedge.Cli.Commands.Durability;

/// <summary>The record's spells (the spell rule and the three clocks) and the model's covariates.</summary>
public class DurabilityModelSettings : SpellRuleSettings
{
    [CommandOption("--covariates <LIST>")]
    [Description("Covariates of the model, comma-separated (default: leader_death_known,shared_rival,state_sponsor,other_allies; also leader_death, leadership_change, evidence).")]
    public string? Covariates { get; set; }

    public IReadOnlyList<string>? CovariateList
        => Covariates?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

public sealed class DurabilityRecordSettings : DurabilityModelSettings
{
    [CommandOption("--pair <A>")]
    [Description("Give the outlook of one alliance: --pair A --with B (names, ids or aliases).")]
    public string? PairA { get; set; }

    [CommandOption("--with <B>")]
    [Description("The other actor of --pair.")]
    public string? PairB { get; set; }

    public override ValidationResult Validate()
        => (PairA is null) != (PairB is null) ? ValidationResult.Error("--pair and --with go together: --pair A --with B") : base.Validate();

    [CommandOption("--export <FILE>")]
    [Description("Also write the counting-process rows as CSV to FILE, with a codebook beside it (FILE.codebook.txt), for R or Stata.")]
    public string? Export { get; set; }
}

/// <summary>`wedge durability record`: how long the record's alliances hold, and what raises the hazard of a break.</summary>
public sealed class DurabilityRecordCommand(IAnsiConsole console, RecordDurabilityService durability) : Command<DurabilityRecordSettings>
{
    public override int Execute(CommandContext context, DurabilityRecordSettings settings, CancellationToken cancellationToken)
    {
        if (settings.Export is { } file)
        {
            durability.Export(settings.Slice, settings.Rule, file);
        }

        var r = durability.Analyse(settings.Slice, settings.Rule, settings.CovariateList, settings.PairA is { } a && settings.PairB is { } b ? (a, b) : null);
        if (settings.Json)
        {
            Output.Json(console, r);
            return 0;
        }

        console.MarkupLine($"[bold]How long alliances hold[/] ({Output.Esc(r.Slice)}; policy {Output.Esc(r.Policy)}): {r.Spells} alliance spells, " +
                           $"{r.Rows} spell-intervals, {r.Breaks} ended in a break");
        console.MarkupLine("Endings: " + Output.Esc(string.Join(", ", r.Endings.Select(e => $"{e.Ending} {e.Spells}"))));
        var table = Output.Table("covariate", "hazard ratio", "95% interval", "p", "coef", "se", "robust se", "intervals with it", "breaks with it");
        foreach (var e in r.Estimates)
        {
            table.AddTextRow(e.Name, e.Estimable ? F(e.HazardRatio) : "not estimable", e.Estimable && e.Lower95 is { } lo && e.Upper95 is { } hi ? $"{F(lo)} to {F(hi)}" : "",
                e.Estimable ? P(e.P) : "", F(e.Coef), F(e.Se), F(e.RobustSe),
                e.RowsWith.ToString(CultureInfo.InvariantCulture), e.BreaksWith.ToString(CultureInfo.InvariantCulture));
        }

        console.Write(table);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Cox model of the hazard of a break (Efron ties; standard errors robust to a spell's several rows). Concordance = {r.Concordance:0.000}; log-likelihood {r.Loglik[0]:0.###} (null) → {r.Loglik[1]:0.###}"));
        if (r.LeaderDeathReading is { } reading)
        {
            console.MarkupLine($"[bold]{Output.Esc(reading)}[/]");
        }

        if (r.Pair is { } pair)
        {
            console.MarkupLine($"[bold]{Output.Esc(pair.Reading)}[/]");
            if (pair.Chances.Count > 0)
            {
                console.MarkupLine(Output.Esc(string.Join("; ", pair.Chances.Select(c => string.Create(CultureInfo.InvariantCulture, $"holds {c.Years} more years: {c.Probability:0.0%}")))));
            }
        }

        foreach (var w in r.Warnings)
        {
            console.MarkupLine($"[yellow]warning:[/] {Output.Esc(w)}");
        }

        if (settings.Export is { } written)
        {
            console.MarkupLine($"wrote {Output.Esc(written)} and {Output.Esc(written)}.codebook.txt");
        }

        return 0;
    }

    private static string F(double? v) => v is not { } x ? "NA" : Math.Round(x, 3) == 0 ? "0" : x.ToString("0.###", CultureInfo.InvariantCulture); // never "-0"

    private static string P(double? v) => v is { } x ? x.ToString("G3", CultureInfo.InvariantCulture) : "NA";
}
