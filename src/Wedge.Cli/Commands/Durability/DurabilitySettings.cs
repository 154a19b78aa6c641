using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Analysis.Durability;
using Wedge.Cli.Infrastructure;
using Wedge.Data.Survival;

namespace Wedge.Cli.Commands.Durability;

/// <summary>Options shared by the `wedge durability` verbs that read a researcher's CSV.</summary>
public class DurabilitySettings : OutputSettings
{
    [CommandOption("--input <FILE>")]
    [Description("CSV with a header row.")]
    public string? Input { get; set; }

    [CommandOption("--time <COL>")]
    [Description("Event or censoring time (the stop time with --start).")]
    public string? Time { get; set; }

    [CommandOption("--event <COL>")]
    [Description("Event indicator: 0/1, 1/2 (2 = event, as R's Surv) or true/false.")]
    public string? Event { get; set; }

    [CommandOption("--start <COL>")]
    [Description("Start time: rows are at risk over (start, time]] (counting-process form).")]
    public string? Start { get; set; }

    [CommandOption("--covariates <A,B,C>")]
    [Description("Numeric covariate columns, comma-separated.")]
    public string? Covariates { get; set; }

    [CommandOption("--strata <COL>")]
    [Description("Stratify by this column (separate baseline hazards / risk sets).")]
    public string? Strata { get; set; }

    [CommandOption("--cluster <COL>")]
    [Description("Subject or cluster id: adds cluster-robust (sandwich) standard errors.")]
    public string? Cluster { get; set; }

    [CommandOption("--ties <METHOD>")]
    [Description("efron (default), breslow or exact.")]
    public string Ties { get; set; } = "efron";


    protected virtual bool NeedsEvent => true;

    public override ValidationResult Validate()
        => Input is null ? ValidationResult.Error("--input FILE.csv is required")
            : Time is null ? ValidationResult.Error("--time COL is required")
            : NeedsEvent && Event is null ? ValidationResult.Error("--event COL is required")
            : ParseTies(Ties) is null ? ValidationResult.Error($"--ties: '{Ties}' is not efron, breslow or exact")
            : base.Validate();

    public CoxTies TiesMethod => ParseTies(Ties)!.Value;

    public virtual SurvivalColumns Columns() => new(
        Time!, Event!, Start,
        Covariates?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        Strata, Cluster);

    private static CoxTies? ParseTies(string text) => text.ToLowerInvariant() switch
    {
        "efron" => CoxTies.Efron,
        "breslow" => CoxTies.Breslow,
        "exact" => CoxTies.Exact,
        _ => null,
    };
}
