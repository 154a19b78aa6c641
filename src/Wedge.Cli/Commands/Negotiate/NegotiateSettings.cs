using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Analysis.Negotiation;
using Wedge.Cli.Infrastructure;
using Wedge.Core.Negotiation;

namespace Wedge.Cli.Commands.Negotiate;

/// <summary>Options of `wedge negotiate SCENARIO`.</summary>
public sealed class NegotiateSettings : OutputSettings
{
    [CommandArgument(0, "<SCENARIO>")]
    [Description("A scenario file (our YAML, or KTAB's CSV if it ends in .csv) or a built-in scenario name (aq-taliban-negotiation); or the word import-ktab, followed by a KTAB CSV file to convert to YAML.")]
    public string Scenario { get; set; } = "";

    [CommandArgument(1, "[FILE]")]
    [Description("With import-ktab: the KTAB CSV file to convert.")]
    public string? File { get; set; }

    [CommandOption("-o|--out <PATH>")]
    [Description("With import-ktab: where to write the YAML scenario (default: FILE with .yaml in place of .csv).")]
    public string? Out { get; set; }

    [CommandOption("--force")]
    [Description("With import-ktab: overwrite the output file if it exists.")]
    public bool Force { get; set; }

    /// <summary>True for `negotiate import-ktab FILE.csv` (a scenario literally named import-ktab can be given as ./import-ktab).</summary>
    public bool IsImport => string.Equals(Scenario, "import-ktab", StringComparison.OrdinalIgnoreCase);


    [CommandOption("--runs <N>")]
    [Description("Monte Carlo: draw the scenario's ranged inputs N times and report outcome distributions.")]
    public int? Runs { get; set; }

    [CommandOption("--seed <S>")]
    [Description("Seed for Monte Carlo and stochastic transitions (default 1).")]
    [DefaultValue(1)]
    public int Seed { get; set; } = 1;

    [CommandOption("--threads <N>")]
    [Description("Threads for Monte Carlo and concession search (default: all cores).")]
    public int? Threads { get; set; }

    [CommandOption("--seek <CONDITION>")]
    [Description("Concession search target, e.g. \"aq-ties <= 20\" (needs --vary).")]
    public string? Seek { get; set; }

    [CommandOption("--vary <ACTOR:DIM>")]
    [Description("Whose position on which dimension the search may change, e.g. \"united-states:us-troops\".")]
    public string? Vary { get; set; }

    [CommandOption("--keep <CONDITION>")]
    [Description("Limit the search must respect, e.g. \"fragmentation(taliban) < 0.3\" (repeatable).")]
    public string[] Keep { get; set; } = [];

    [CommandOption("--step <POINTS>")]
    [Description("Step of the concession search on the 0–100 scale (default 1).")]
    [DefaultValue(1.0)]
    public double Step { get; set; } = 1.0;

    [CommandOption("--measure <WHICH>")]
    [Description("Forecast the search checks: weighted (probability-weighted outcome, default) or likely (most likely position).")]
    [DefaultValue("weighted")]
    public string Measure { get; set; } = "weighted";

    [CommandOption("--chart <FILE>")]
    [Description("Also draw positions over turns to FILE (.png or .svg).")]
    public string? Chart { get; set; }

    [CommandOption("--everyone-at-table")]
    [Description("Ignore not-at-table and flexibility limits (every actor bargains freely, as in KTAB).")]
    public bool EveryoneAtTable { get; set; }

    [CommandOption("--voting <RULE>")]
    [Description("Voting rule: Proportional (default), Binary, PropBin, PropCubic, Cubic, AsymmetricProspect.")]
    public string? Voting { get; set; }

    [CommandOption("--victory <MODEL>")]
    [Description("Victory-probability model: Linear (default), Square, Quartic, Octic, Binary.")]
    public string? Victory { get; set; }

    [CommandOption("--pce <MODEL>")]
    [Description("PCE model: Conditional (default), MarkovIncentive, MarkovUniform.")]
    public string? Pce { get; set; }

    [CommandOption("--risk-adjust <R>")]
    [Description("Risk adjustment: None, OneThird (default), Half, TwoThirds, Full.")]
    public string? RiskAdjust { get; set; }

    [CommandOption("--risk-range <R>")]
    [Description("Risk range: Min, Mid (default), Max.")]
    public string? RiskRange { get; set; }

    [CommandOption("--third-party <T>")]
    [Description("Third-party commitment: NoCommit, SemiCommit (default), FullCommit.")]
    public string? ThirdParty { get; set; }

    [CommandOption("--interpolation <I>")]
    [Description("Offer interpolation: S1P1, S2P2 (default), S2PMax.")]
    public string? Interpolation { get; set; }

    [CommandOption("--stochastic")]
    [Description("Draw each resolution with its probability (seeded by --seed) instead of taking the most likely.")]
    public bool Stochastic { get; set; }

    public override ValidationResult Validate()
    {
        if (IsImport && File is null)
        {
            return ValidationResult.Error("import-ktab needs a file: wedge negotiate import-ktab FILE.csv");
        }

        if (!IsImport && (File is not null || Out is not null || Force))
        {
            return ValidationResult.Error(File is not null ? $"unexpected argument '{File}' (only import-ktab takes a second argument)" : "--out and --force go with import-ktab");
        }

        if (Runs is < 1)
        {
            return ValidationResult.Error("--runs must be at least 1");
        }

        if (Threads is < 1)
        {
            return ValidationResult.Error("--threads must be at least 1");
        }

        if ((Seek is null) != (Vary is null))
        {
            return ValidationResult.Error("--seek and --vary go together");
        }

        if (Keep.Length > 0 && Seek is null)
        {
            return ValidationResult.Error("--keep needs --seek and --vary");
        }

        if (Seek is not null && Runs is not null)
        {
            return ValidationResult.Error("--runs cannot be combined with --seek");
        }

        if (Step <= 0)
        {
            return ValidationResult.Error("--step must be above 0");
        }

        if (Measure is not ("weighted" or "likely"))
        {
            return ValidationResult.Error("--measure must be weighted or likely");
        }

        if (Chart is not null && !(Chart.EndsWith(".png", StringComparison.OrdinalIgnoreCase) || Chart.EndsWith(".svg", StringComparison.OrdinalIgnoreCase)))
        {
            return ValidationResult.Error("--chart FILE must end in .png or .svg");
        }

        foreach (var (name, value, type) in new (string, string?, Type)[]
        {
            ("--voting", Voting, typeof(VotingRule)), ("--victory", Victory, typeof(VictoryProbModel)), ("--pce", Pce, typeof(PceModel)),
            ("--risk-adjust", RiskAdjust, typeof(RiskAdjustment)), ("--risk-range", RiskRange, typeof(RiskRange)),
            ("--third-party", ThirdParty, typeof(ThirdPartyCommit)), ("--interpolation", Interpolation, typeof(OfferInterpolation)),
        })
        {
            if (value is not null && !Enum.TryParse(type, value, ignoreCase: true, out _))
            {
                return ValidationResult.Error($"{name}: '{value}' is not one of {string.Join(", ", Enum.GetNames(type))}");
            }
        }

        return ValidationResult.Success();
    }

    public SmpOptions Options() => SmpOptions.KtabDefaults with
    {
        Voting = Parse(Voting, VotingRule.Proportional),
        VictoryProbability = Parse(Victory, VictoryProbModel.Linear),
        Pce = Parse(Pce, PceModel.Conditional),
        RiskAdjustment = Parse(RiskAdjust, RiskAdjustment.OneThird),
        RiskRange = Parse(RiskRange, Analysis.Negotiation.RiskRange.Mid),
        ThirdParty = Parse(ThirdParty, ThirdPartyCommit.SemiCommit),
        Interpolation = Parse(Interpolation, OfferInterpolation.S2P2),
        Transition = Stochastic ? StateTransition.Stochastic : StateTransition.Deterministic,
        Seed = Seed,
        HonourTableLimits = !EveryoneAtTable,
    };

    private static T Parse<T>(string? value, T fallback) where T : struct, Enum
        => value is null ? fallback : Enum.Parse<T>(value, ignoreCase: true);
}
