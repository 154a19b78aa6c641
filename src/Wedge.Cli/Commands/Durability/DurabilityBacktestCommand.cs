using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application.Durability;
using Wedge.Cli.Infrastructure;

namespace Wedge.Cli.Commands.Durability;

public sealed class DurabilityBacktestSettings : DurabilityModelSettings
{
    [CommandOption("--years <LIST>")]
    [Description("Cut years, comma-separated (default: five, two years apart, the last one a horizon before the data ends).")]
    public string? Years { get; set; }

    [CommandOption("--horizon <YEARS>")]
    [Description("Score whether each alliance breaks within this many years of the cut (default 3).")]
    public double Horizon { get; set; } = 3;

    [CommandOption("--valid-time-only")]
    [Description("Cut only valid time: fit on the record as compiled now, up to each cut. Needed where the sources were published after the years they describe (the Mapping Militants data is dated 2019), at the price of hindsight in what the record holds.")]
    public bool ValidTimeOnly { get; set; }

    public IReadOnlyList<int>? YearList => Years?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(y => int.Parse(y, NumberStyles.None, CultureInfo.InvariantCulture)).ToList();

    public override ValidationResult Validate()
    {
        if (Years is not null && Years.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .FirstOrDefault(y => !int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var v) || v < 1000 || v > 9999) is { } bad)
        {
            return ValidationResult.Error($"--years: '{bad}' is not a four-digit year");
        }

        return base.Validate();
    }
}

/// <summary>`wedge durability backtest`: the durability model fitted without hindsight at each cut year and scored on what followed.</summary>
public sealed class DurabilityBacktestCommand(IAnsiConsole console, RecordDurabilityService durability) : Command<DurabilityBacktestSettings>
{
    public override int Execute(CommandContext context, DurabilityBacktestSettings settings, CancellationToken cancellationToken)
    {
        var r = durability.Backtest(settings.Slice, settings.Rule, settings.YearList, settings.Horizon, settings.CovariateList, hindsightFree: !settings.ValidTimeOnly);
        if (settings.Json)
        {
            Output.Json(console, r);
            return 0;
        }

        console.MarkupLine(r.HindsightFree
            ? $"[bold]Backtest without hindsight[/] ({Output.Esc(r.Slice)}; policy {Output.Esc(r.Policy)}): at each cut the model is fitted on what was public then " +
              $"and asked which alliances break within {F(r.HorizonYears)} years; scored on the record now"
            : $"[bold]Backtest on valid time only[/] ({Output.Esc(r.Slice)}; policy {Output.Esc(r.Policy)}): at each cut the model is fitted on the record as compiled now, " +
              $"up to the cut, and asked which alliances break within {F(r.HorizonYears)} years; scored on the record now (the record's compilation is hindsight)");
        var table = Output.Table("cut", "spells known", "breaks known", "holding", "scored", "broke", "Brier", "Brier, no covariates", "concordance", "note");
        foreach (var c in r.Cuts)
        {
            table.AddTextRow(c.Year.ToString(CultureInfo.InvariantCulture), I(c.SpellsKnown), I(c.BreaksKnown), I(c.AtRisk), I(c.Scored), I(c.Broke),
                F(c.Brier), F(c.NullBrier), F(c.Concordance), c.Note ?? "");
        }

        console.Write(table);
        if (r.HindsightFree && r.Cuts.All(c => !c.Fitted))
        {
            console.MarkupLine("No cut could be fitted on what was public then; where the sources were published after the years they describe, try --valid-time-only.");
        }

        if (r.Brier is { } b && r.NullBrier is { } n)
        {
            console.MarkupLine(F($"Brier score over every scored case {b:0.0000}, against {n:0.0000} without covariates (lower is better; {(b < n ? "the covariates help" : "the covariates do not help")})."));
        }

        return 0;
    }

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static string F(double? v) => v is { } x ? x.ToString("0.####", CultureInfo.InvariantCulture) : "";

    private static string F(FormattableString s) => Output.Esc(s.ToString(CultureInfo.InvariantCulture));
}
