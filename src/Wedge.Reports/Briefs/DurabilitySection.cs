using Wedge.Core.Collections;

namespace Wedge.Reports.Briefs;

/// <summary>
/// What the brief's "How long will it hold?" section shows: the record's alliance spells as a survival curve, the
/// hazard ratios of the durability model, and the pair's outlook, each already worded by the application layer.
/// </summary>
/// <param name="PairYears">How long the pair's alliance has held (marked on the curve); null when none holds.</param>
public sealed record DurabilitySection(
    int Spells, int Breaks, string Policy, SurvivalCurveData Curve, double? PairYears, string? PairReading, EquatableList<PairChance> Chances,
    string? LeaderDeathReading, EquatableList<HazardRow> Hazards);

/// <summary>A Kaplan–Meier curve: survival of alliances against years held, with its log-scale band.</summary>
public sealed record SurvivalCurveData(EquatableList<double> Years, EquatableList<double> Survival, EquatableList<double> Lower, EquatableList<double> Upper);

/// <summary>The chance the pair's alliance holds <see cref="Years"/> more years.</summary>
public sealed record PairChance(int Years, double Probability);

/// <summary>One covariate's hazard ratio of a break with its 95% interval; null figures when not estimable.</summary>
public sealed record HazardRow(string Covariate, string Meaning, double? HazardRatio, double? Lower, double? Upper, int BreaksWith, bool Estimable);
