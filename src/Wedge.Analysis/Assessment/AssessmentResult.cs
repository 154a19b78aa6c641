using Wedge.Analysis.Evidence;

namespace Wedge.Analysis.Assessment;

/// <summary>A claim behind a figure: where it comes from, its grade, and the probability the grade gives it.</summary>
public sealed record ClaimRef(string Id, string Grade, double Probability, string Stance, string Source, string Citation, string? Locator, string Text);

/// <summary>A fact behind a figure (a ledger entry, tie, role, event or attribute), with its evidence weight in [0, 1] and its claims.</summary>
public sealed record FactRef(string Kind, string Id, string Summary, double Evidence, IReadOnlyList<ClaimRef> Claims);

/// <summary>One ledger entry's part in a figure: its value per year of full activity and its total over the series.</summary>
public sealed record Contribution(FactRef Entry, string Provider, string Recipient, string Magnitude, string Period, double ValuePerYear, double Total);

/// <summary>One category of benefit or cost for one side, summed over the series, with the entries behind it.</summary>
public sealed record CategoryFigure(string Category, bool IsCost, double Total, IReadOnlyList<Contribution> Entries);

/// <summary>One year of a side's ledger (evidence-weighted values; see docs/methods/assessment.md).</summary>
public sealed record YearPoint(int Year, double Benefits, double Costs, double Net);

/// <summary>What one provider supplies of a resource over the recent window.</summary>
public sealed record ProviderShare(string Provider, string Name, bool IsPartner, double Value, double Share, IReadOnlyList<FactRef> Entries);

/// <summary>How much of one resource the partner supplies against every other provider the ledger knows. Share is in [0, 1].</summary>
public sealed record ResourceDependence(string Category, double PartnerShare, double Total, string Reading, IReadOnlyList<ProviderShare> Providers);

/// <summary>
/// One side's ledger in the alliance: benefits it receives from the partner and costs it bears because
/// of it, by category and by year, the net, its dependence on the partner, and the flag.
/// </summary>
/// <param name="NegativeRun">Consecutive years, ending at the last year, in which the net was negative while the pair was allied (0 when the last year is not negative).</param>
/// <param name="Dependence">The partner's share of every benefit the side receives in the categories the partner supplies, over the recent window; 0 when the partner supplies nothing.</param>
public sealed record SideAssessment(string Id, string Name, string PartnerName, IReadOnlyList<YearPoint> Series,
    IReadOnlyList<CategoryFigure> Benefits, IReadOnlyList<CategoryFigure> Costs, double BenefitTotal, double CostTotal, double Net,
    string Balance, int NegativeRun, int? NegativeSince, bool PersistsAgainstLedger, double Dependence,
    IReadOnlyList<ResourceDependence> DependenceByResource, string Verdict);

/// <summary>A bond the material ledger misses, derived from the record. Strength is in [0, 1]; Weight is its parameter.</summary>
public sealed record Bond(string Kind, string Label, string Description, double Strength, double Weight, IReadOnlyList<FactRef> Basis);

/// <summary>A point estimate with the central interval of the simulation around it.</summary>
public sealed record Interval(double Point, double Low, double High);

public sealed record SideUncertainty(Interval Net, Interval Benefits, Interval Costs, double ProbabilityNetNegative, double ProbabilityFlag);

/// <summary>Monte Carlo over claims (each right with its grade's probability) and magnitude ranges.</summary>
/// <param name="Level">Width of the intervals, e.g. 0.9 for the 5th–95th percentiles.</param>
/// <param name="ShareHolds">The share of simulated worlds in which the alliance holds (a spread of the evidence, not a second P(holds)).</param>
public sealed record Uncertainty(int Runs, int Seed, double Level, SideUncertainty A, SideUncertainty B, Interval BondIndex, double ShareHolds);

/// <summary>What happens to the verdict if one claim is wrong (treated as false).</summary>
public sealed record SensitivityItem(ClaimRef Claim, string Effect, double DeltaNetA, double DeltaNetB, double DeltaBondIndex, bool ChangesVerdict);

/// <summary>
/// The assessment of an alliance between two actors, read from one snapshot: each side's ledger over
/// time, dependence, the bonds, a verdict in words, its uncertainty and sensitivity, and the
/// parameters used. Every figure carries the facts and claims behind it.
/// </summary>
/// <param name="FirstYear">First year of the yearly series.</param>
/// <param name="LastYear">Last year of the series: the read date's year, or the last year the record mentions.</param>
/// <param name="Holds">True when the weighed relation between the blocs at the read date is friendly (docs/methods/evidence.md).</param>
/// <param name="PHolds">The probability that the pair is allied at the read date: the weighed relation's P(friendly).</param>
/// <param name="Relation">The weighed relation with its trail: the claims, sources and weights behind <paramref name="PHolds"/>.</param>
/// <param name="Asymmetry">A's dependence on B minus B's dependence on A, in [-1, 1].</param>
public sealed record AllianceAssessment(string? At, string? KnownAt, int FirstYear, int LastYear, SideAssessment A, SideAssessment B,
    bool Holds, double PHolds, RelationWeight Relation, IReadOnlyList<FactRef> AllianceTies, IReadOnlyList<Bond> Bonds, double BondIndex, double Asymmetry,
    string Verdict, IReadOnlyList<string> VerdictLines, Uncertainty? Uncertainty, IReadOnlyList<SensitivityItem> Sensitivity,
    IReadOnlyDictionary<string, double> Parameters);
