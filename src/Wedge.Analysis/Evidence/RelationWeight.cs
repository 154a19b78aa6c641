using Wedge.Core.Collections;
using Wedge.Core.Model;

namespace Wedge.Analysis.Evidence;

/// <summary>The sign of a relation between two actors at a date, as the weighed evidence reads it.</summary>
public enum RelationSign
{
    /// <summary>Neither friendly nor hostile evidence reaches the threshold: no relation on record at the date.</summary>
    None,

    Friendly,

    Hostile,
}

/// <summary>How a piece of evidence speaks to the date being read.</summary>
public enum Reach
{
    /// <summary>A tie whose recorded period may hold at the date.</summary>
    AtDate,

    /// <summary>A start-only observation made at (or within the precision of) the date.</summary>
    OwnDate,

    /// <summary>A start-only observation made before the date, carried forward until later evidence says otherwise.</summary>
    Carried,

    /// <summary>Does not speak to the date: its period ended before it, or it has no date at all.</summary>
    Silent,
}

/// <summary>
/// One claim (or the stand-in for an unsourced tie) as weighing used it: what it says, how its grade
/// became a probability, and what it counted for at the date.
/// </summary>
/// <param name="Claim">The claim's id; null for the stand-in of an unsourced tie.</param>
/// <param name="Source">The claim's source id, or <c>unsourced:TIE</c>.</param>
/// <param name="Sign">The sign of the tie's kind (friendly or hostile).</param>
/// <param name="Supports">False for a claim that disputes its tie.</param>
/// <param name="Probability">The probability the grade gives (or <c>unsourced-weight</c>).</param>
/// <param name="Weight">What it counted for at the date: probability × declaration factor × carry; 0 for context and silent items.</param>
/// <param name="Carry">For carried observations, 1 − the later contrary evidence; 1 otherwise.</param>
/// <param name="EndedBy">Claims of later contrary evidence that weakened a carried observation.</param>
public sealed record EvidenceItem(string? Claim, string Source, string Tie, TieKind Kind, string Period, RelationSign Sign, bool Supports,
    ClaimReports Reports, bool Context, string? Grade, double Probability, double Weight, Reach Reach, double Carry, EquatableList<string> EndedBy);

/// <summary>One source's say on one sign: its strongest supporting and disputing items (a source is one witness).</summary>
public sealed record SourceWeight(string Source, RelationSign Sign, double Support, double Dispute, int Items);

/// <summary>
/// One strand of the record between a pair: what was declared, or what was done (claims that do not say
/// count as done), of one sign, over the years the ties span up to the date.
/// </summary>
/// <param name="Unclassified">True when none of its claims says declared or done (all unstated).</param>
public sealed record Strand(ClaimReports Reports, RelationSign Sign, EquatableList<TieKind> Kinds, int? From, int? To, int Claims, int Sources,
    string? BestGrade, bool Unclassified)
{
    public string Describe()
    {
        var verb = Reports == ClaimReports.Declaration ? "declared" : Unclassified ? "recorded" : "observed";
        var what = string.Join("/", Kinds.Select(k => k.Kebab()));
        var span = From is null ? "undated" : To is null || To == From ? $"{From}" : $"{From}–{To}";
        var count = Claims == 1 ? $"{BestGrade ?? "unsourced"}, one source" : $"{Claims} claims, {Sources} source{(Sources == 1 ? "" : "s")}";
        return $"{verb} {what} {span} ({count})";
    }
}

/// <summary>
/// The relation between two actors at one date, weighed from every claim that speaks to that date
/// (docs/methods/evidence.md).
/// </summary>
/// <param name="Probability">The probability of <see cref="Sign"/>: P(friendly), P(hostile) or P(none).</param>
/// <param name="Contested">True when both signs carry evidence and the weaker holds at least <c>evidence.contested-share</c> of the signed probability.</param>
/// <param name="EvidenceFriendly">The combined friendly evidence e₊ before the two signs are set against each other.</param>
/// <param name="EvidenceHostile">The combined hostile evidence e₋.</param>
/// <param name="Items">The trail: every claim considered, including silent and context ones, strongest first.</param>
public sealed record RelationWeight(RelationSign Sign, double Probability, bool Contested, double PFriendly, double PHostile, double PNone,
    double EvidenceFriendly, double EvidenceHostile, EquatableList<EvidenceItem> Items, EquatableList<SourceWeight> Sources, EquatableList<Strand> Strands)
{
    public static RelationWeight Empty { get; } = new(RelationSign.None, 1, false, 0, 0, 1, 0, 0, EquatableList<EvidenceItem>.Empty, EquatableList<SourceWeight>.Empty, EquatableList<Strand>.Empty);

    /// <summary>The strands side by side: "declared split 2008 (B2, 1 source) · observed alliance 1996–2018 (13 claims, 2 sources)".</summary>
    public string StrandsLine => string.Join(" · ", Strands.Select(s => s.Describe()));

    /// <summary>Items that counted (weight above zero).</summary>
    public IEnumerable<EvidenceItem> Counted => Items.Where(i => i.Weight > 0);

    /// <summary>Items of the losing sign that counted, strongest first: what the evidence outweighs.</summary>
    public IEnumerable<EvidenceItem> Outweighed
        => Sign == RelationSign.None ? [] : Items.Where(i => i.Sign != Sign && i.Supports && i.Reach != Reach.Silent && !i.Context);
}
