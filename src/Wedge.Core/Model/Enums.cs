namespace Wedge.Core.Model;

public enum ActorKind
{
    ArmedGroup,
    Faction,
    State,
    Person,
    Other,
}

/// <summary>The kinds of relation between two actors.</summary>
/// <remarks>See <see cref="TieKinds"/> for which are directed and which count as friendly or hostile.</remarks>
public enum TieKind
{
    /// <summary>Cooperation between two actors that stay distinct. Undirected.</summary>
    Alliance,

    /// <summary>A pledge of allegiance or franchise: <c>From</c> pledges to <c>To</c>.</summary>
    Affiliation,

    /// <summary>State or donor support: <c>From</c> sponsors <c>To</c>.</summary>
    Sponsorship,

    /// <summary>Competition or open hostility. Undirected.</summary>
    Rivalry,

    /// <summary>A break: <c>From</c> splits from <c>To</c>.</summary>
    Split,

    /// <summary>Two actors merge. Undirected.</summary>
    Merger,

    /// <summary>A person leads an organisation: <c>From</c> leads <c>To</c>.</summary>
    Leadership,
}

/// <summary>Whether a tie is declared openly or shown only in conduct.</summary>
public enum TieStance
{
    Unstated,
    Public,
    Private,
}

/// <summary>How the receiving side treated a pledge or tie in public: its public fate.</summary>
public enum Acknowledgement
{
    Unstated,
    Acknowledged,
    AcknowledgedThenWithdrawn,
    NotEndorsed,
    Denied,
}

/// <summary>Whether a claim asserts its fact or disputes it.</summary>
public enum ClaimStance
{
    Supports,
    Disputes,
}

/// <summary>What a claim reports: a party's declaration (statement, pledge, denial) or its conduct (joint operations, sanctuary, training).</summary>
/// <remarks>Declarations can be strategic: a public distancing may cover continued cooperation. Weighing counts them for less (docs/methods/evidence.md).</remarks>
public enum ClaimReports
{
    Unstated,
    Declaration,
    Conduct,
}

/// <summary>What flows inside a tie (benefits) or what a party pays for it (costs).</summary>
public enum LedgerCategory
{
    Expertise,
    Manpower,
    Funds,
    Sanctuary,
    Protection,
    Legitimacy,
    Propaganda,
    OtherBenefit,
    Isolation,
    Retaliation,
    InternalStrife,
    LostPatron,
    OtherCost,
}

public enum EventKind
{
    LeaderDeath,
    Revelation,
    LeaderChange,
    Attack,
    Invasion,
    Recognition,
    Designation,
    Pledge,
    Statement,
    Talks,
    JointOperation,
    Other,
}

public static class TieKinds
{
    /// <summary>Kinds whose two ends play different parts (pledger and patron, sponsor and sponsored, leader and led, splinter and parent).</summary>
    public static bool IsDirected(this TieKind kind)
        => kind is TieKind.Affiliation or TieKind.Sponsorship or TieKind.Split or TieKind.Leadership;

    /// <summary>
    /// +1 for friendly kinds (alliance, affiliation, merger, sponsorship, leadership), -1 for hostile
    /// ones (rivalry, split). A split counts as hostile: it is observed as a break between the two,
    /// and balance analysis treats it as such.
    /// </summary>
    public static int Sign(this TieKind kind) => kind is TieKind.Rivalry or TieKind.Split ? -1 : 1;
}

/// <summary>Which side of a party's ledger an entry falls on.</summary>
public enum LedgerSide
{
    /// <summary>Something the recipient gets from the provider.</summary>
    Benefit,

    /// <summary>Something the recipient pays because of its tie to the provider.</summary>
    Cost,
}

public static class LedgerCategories
{
    /// <summary>
    /// Each category's side, written out: a new category must be placed here on purpose rather than take
    /// a side from where it happens to sit in the enum. An unplaced category is a caller bug and throws.
    /// </summary>
    public static LedgerSide Side(this LedgerCategory category) => category switch
    {
        LedgerCategory.Expertise => LedgerSide.Benefit,
        LedgerCategory.Manpower => LedgerSide.Benefit,
        LedgerCategory.Funds => LedgerSide.Benefit,
        LedgerCategory.Sanctuary => LedgerSide.Benefit,
        LedgerCategory.Protection => LedgerSide.Benefit,
        LedgerCategory.Legitimacy => LedgerSide.Benefit,
        LedgerCategory.Propaganda => LedgerSide.Benefit,
        LedgerCategory.OtherBenefit => LedgerSide.Benefit,
        LedgerCategory.Isolation => LedgerSide.Cost,
        LedgerCategory.Retaliation => LedgerSide.Cost,
        LedgerCategory.InternalStrife => LedgerSide.Cost,
        LedgerCategory.LostPatron => LedgerSide.Cost,
        LedgerCategory.OtherCost => LedgerSide.Cost,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, "This ledger category has no side; add it to LedgerCategories.Side."),
    };

    public static bool IsCost(this LedgerCategory category) => category.Side() == LedgerSide.Cost;
}

/// <summary>The kebab-case names enum members take in files and JSON: ArmedGroup ⇄ armed-group.</summary>
public static class EnumNames
{
    public static string Kebab(string pascal)
        => string.Concat(pascal.Select((ch, k) => char.IsUpper(ch) && k > 0 ? "-" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));

    public static string Kebab<T>(this T value) where T : struct, Enum => Kebab(value.ToString());

    /// <summary>Parses a kebab-case name (case-insensitive); null when it names no member.</summary>
    public static T? Parse<T>(string text) where T : struct, Enum
        => Enum.GetValues<T>().Cast<T?>().FirstOrDefault(v => Kebab(v!.Value.ToString()) == text.Trim().ToLowerInvariant());

    public static IEnumerable<string> All<T>() where T : struct, Enum => Enum.GetNames<T>().Select(Kebab);
}
