using System.Text.Json.Serialization;
using Wedge.Analysis.Evidence;
using Wedge.Core.Collections;
using Wedge.Core.Model;

namespace Wedge.Analysis.Assessment;

/// <summary>A claim behind a figure: where it comes from, its grade, and the probability the grade gives it.</summary>
public sealed record ClaimRef(string Id, string Grade, double Probability, ClaimStance Stance, string Source, string Citation, string? Locator, string Text);

/// <summary>A fact behind a figure (a ledger entry, tie, role, event or attribute), with its evidence weight in [0, 1] and its claims.</summary>
public sealed record FactRef(string Kind, string Id, string Summary, double Evidence, EquatableList<ClaimRef> Claims);

/// <summary>One ledger entry's part in a figure: its value per year of full activity and its total over the series.</summary>
public sealed record Contribution(FactRef Entry, string Provider, string Recipient, string Magnitude, string Period, double ValuePerYear, double Total);

/// <summary>One category of benefit or cost for one side, summed over the series, with the entries behind it.</summary>
public sealed record CategoryFigure(string Category, bool IsCost, double Total, EquatableList<Contribution> Entries);

/// <summary>One year of a side's ledger (evidence-weighted values; see docs/methods/assessment.md).</summary>
public sealed record YearPoint(int Year, double Benefits, double Costs, double Net);

/// <summary>What one provider supplies of a resource over the recent window.</summary>
/// <param name="IsOwn">The side's own capacity (a ledger entry whose provider is its recipient: its own fighters, its own revenue).</param>
public sealed record ProviderShare(string Provider, string Name, bool IsPartner, double Value, double Share, EquatableList<FactRef> Entries, bool IsOwn = false)
{
    /// <summary>The provider as a reader sees it: "Taliban (own capacity)" for the side itself.</summary>
    public string Label => IsOwn ? $"{Name} (own capacity)" : Name;
}

/// <summary>
/// How much of one resource the partner supplies against every other provider the ledger knows, the side's own capacity
/// included. Share is in [0, 1], over the providers on record only: a record that names no alternative cannot show that the
/// partner is indispensable, so that case reads <see cref="DependenceReading.NoAlternativeOnRecord"/> with low confidence.
/// </summary>
public sealed record ResourceDependence(string Category, double PartnerShare, double Total, DependenceReading Reading, EquatableList<ProviderShare> Providers,
    DependenceConfidence Confidence = DependenceConfidence.Moderate)
{
    /// <summary>The resource in words ("other benefits", not <c>other-benefit</c>).</summary>
    public string CategoryWords => AssessmentWords.CategoryWords(Category);
}

/// <summary>How far a dependence reading can be trusted, given what the record covers.</summary>
public enum DependenceConfidence
{
    /// <summary>The partner is the only provider on record: the share says what the record lacks as much as what the side needs.</summary>
    Low,

    /// <summary>Other providers (or the side's own capacity) are on record: the share compares real alternatives, but only those recorded.</summary>
    Moderate,
}

/// <summary>How much a side depends on its partner for one resource (thresholds <c>dependence.pivotal</c> and <c>dependence.small</c>).</summary>
public enum DependenceReading
{
    /// <summary>The partner supplies none of it; others do.</summary>
    NoneFromPartner,

    /// <summary>The partner's share lies below <c>dependence.small</c>.</summary>
    SmallShare,

    /// <summary>Between the two thresholds.</summary>
    Significant,

    /// <summary>The partner's share reaches <c>dependence.pivotal</c>, and at least one alternative provider (or the side's own capacity) is on record.</summary>
    Pivotal,

    /// <summary>The partner is the only provider on record: no alternative (and no own capacity) is recorded, so whether it is pivotal cannot be told.</summary>
    NoAlternativeOnRecord,
}

/// <summary>Which way a side's ledger leans over the series: within <c>balance-band</c> of the gross it counts as balanced.</summary>
public enum LedgerBalance
{
    Balanced,
    BenefitsOutweighCosts,
    CostsOutweighBenefits,
}

/// <summary>The words tables and briefs print for the readings (JSON carries the kebab-case names).</summary>
public static class AssessmentWords
{
    public static string Words(this DependenceReading reading) => reading switch
    {
        DependenceReading.NoneFromPartner => "none from partner",
        DependenceReading.SmallShare => "small share",
        DependenceReading.Significant => "significant",
        DependenceReading.Pivotal => "pivotal",
        DependenceReading.NoAlternativeOnRecord => "no alternative provider on record",
        _ => throw new ArgumentOutOfRangeException(nameof(reading), reading, null),
    };

    /// <summary>A ledger category as prose names it: "other benefits", "loss of a patron" (never the code name).</summary>
    public static string Words(this LedgerCategory category) => category switch
    {
        LedgerCategory.OtherBenefit => "other benefits",
        LedgerCategory.OtherCost => "other costs",
        LedgerCategory.InternalStrife => "internal strife",
        LedgerCategory.LostPatron => "loss of a patron",
        _ => category.ToString().ToLowerInvariant(),
    };

    /// <summary>A category given by its kebab-case code (as results carry it) in words; an unknown code is shown with spaces.</summary>
    public static string CategoryWords(string code)
        => EnumNames.Parse<LedgerCategory>(code) is { } c ? c.Words() : code.Replace('-', ' ');

    public static string Words(this LedgerBalance balance) => balance switch
    {
        LedgerBalance.Balanced => "balanced",
        LedgerBalance.BenefitsOutweighCosts => "benefits outweigh costs",
        LedgerBalance.CostsOutweighBenefits => "costs outweigh benefits",
        _ => throw new ArgumentOutOfRangeException(nameof(balance), balance, null),
    };
}

/// <summary>What a line of the verdict says; hosts style lines by kind, never by their words.</summary>
public enum FindingKind
{
    /// <summary>One side's ledger in a sentence: the balance, and where the partner is pivotal or marginal.</summary>
    SideLedger,

    /// <summary>Whether the alliance holds at the date, with its probability, or that the evidence is contested.</summary>
    Relation,

    /// <summary>The evidence of the losing sign that the weighing outweighs.</summary>
    Outweighed,

    /// <summary>What was declared against what was done.</summary>
    DeclaredAndDone,

    /// <summary>The alliance persists against one side's ledger (docs/methods/assessment.md): the flag.</summary>
    PersistsAgainstLedger,

    /// <summary>One side depends on the other far more than the reverse.</summary>
    LopsidedDependence,
}

/// <summary>One line of the verdict: its kind, its words, and the side it is about (an actor id) where it is about one.</summary>
/// <param name="Text">The statement; for the flag without its label (a brief sets the label apart).</param>
public sealed record Finding(FindingKind Kind, string Text, string? Side = null)
{
    /// <summary>True for the flag: an alliance that persists while a side's material net is negative.</summary>
    [JsonIgnore]
    public bool IsFlag => Kind == FindingKind.PersistsAgainstLedger;

    /// <summary>The line as the verdict prints it: the flag labelled "Flag: ", every other finding as its text.</summary>
    /// <remarks>Left out of JSON, where <see cref="AllianceAssessment.VerdictLines"/> carries the lines.</remarks>
    [JsonIgnore]
    public string Line => IsFlag ? "Flag: " + Text : Text;
}

/// <summary>
/// One side's ledger in the alliance: benefits it receives from the partner and costs it bears because
/// of it, by category and by year, the net, its dependence on the partner, and the flag.
/// </summary>
/// <param name="NegativeRun">Consecutive years, ending at the last year, in which the net was negative while the pair was allied (0 when the last year is not negative).</param>
/// <param name="Dependence">The partner's share of every benefit the side receives in the categories the partner supplies, over the recent window; 0 when the partner supplies nothing.</param>
public sealed record SideAssessment(string Id, string Name, string PartnerName, EquatableList<YearPoint> Series,
    EquatableList<CategoryFigure> Benefits, EquatableList<CategoryFigure> Costs, double BenefitTotal, double CostTotal, double Net,
    LedgerBalance Balance, int NegativeRun, int? NegativeSince, bool PersistsAgainstLedger, double Dependence,
    EquatableList<ResourceDependence> DependenceByResource, string Verdict);

/// <summary>A bond the material ledger misses, derived from the record. Strength is in [0, 1]; Weight is its parameter.</summary>
public sealed record Bond(string Kind, string Label, string Description, double Strength, double Weight, EquatableList<FactRef> Basis);

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
/// <param name="Findings">The verdict line by line, typed: hosts find the flag by <see cref="Finding.Kind"/>.</param>
public sealed record AllianceAssessment(string? At, string? KnownAt, int FirstYear, int LastYear, SideAssessment A, SideAssessment B,
    bool Holds, double PHolds, RelationWeight Relation, EquatableList<FactRef> AllianceTies, EquatableList<Bond> Bonds, double BondIndex, double Asymmetry,
    string Verdict, EquatableList<Finding> Findings, Uncertainty? Uncertainty, EquatableList<SensitivityItem> Sensitivity,
    EquatableMap<string, double> Parameters)
{
    /// <summary>The findings' lines in order, as earlier versions wrote the verdict (kept in JSON for scripts that read it).</summary>
    public EquatableList<string> VerdictLines => Findings.Select(f => f.Line).ToEquatableList();
}
