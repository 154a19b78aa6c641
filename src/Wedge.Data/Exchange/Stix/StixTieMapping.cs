using Wedge.Core.Model;

namespace Wedge.Data.Exchange.Stix;

/// <summary>
/// How each tie kind becomes a STIX relationship and back (docs/exchange/stix.md has the table and the reasons).
/// STIX 2.1 has no relationship for alliances between groups; where OpenCTI has one (<c>cooperates-with</c>,
/// <c>part-of</c>) it is used, else STIX's own (<c>derived-from</c>) or the generic <c>related-to</c>. Every exported
/// relationship also carries the exact kind in <c>x_wedge_tie_kind</c>, which an import reads first.
/// </summary>
public static class StixTieMapping
{
    /// <summary>The relationship type that a Wedge faction's parent link becomes (with <c>x_wedge_parent</c> set).</summary>
    public const string ParentRelationship = "part-of";

    /// <summary>One row of the mapping: the kind, the STIX relationship type, and whose convention it follows.</summary>
    public sealed record Row(TieKind Kind, string RelationshipType, string Convention, string Direction);

    public static IReadOnlyList<Row> Rows { get; } =
    [
        new(TieKind.Alliance, "cooperates-with", "OpenCTI extension", "as recorded (undirected)"),
        new(TieKind.Affiliation, "part-of", "OpenCTI extension", "pledging side → the side pledged to"),
        new(TieKind.Sponsorship, "related-to", "STIX common (no sponsorship type exists)", "sponsor → sponsored"),
        new(TieKind.Merger, "related-to", "STIX common (no merger type exists)", "as recorded (undirected)"),
        new(TieKind.Split, "derived-from", "STIX common", "splinter → the group it left"),
        new(TieKind.Rivalry, "related-to", "STIX common (no hostile type between actors exists)", "as recorded (undirected)"),
        new(TieKind.Leadership, "related-to", "STIX common", "leader → organisation led"),
    ];

    public static string RelationshipType(TieKind kind) => Rows.Single(r => r.Kind == kind).RelationshipType;

    /// <summary>
    /// The tie kind a relationship stands for: <c>x_wedge_tie_kind</c> when given, else the relationship type when it
    /// names one kind alone; <c>attributed-to</c> between two groups is read as an affiliation (the source acts for the
    /// target). Null when the relationship says nothing Wedge can record as a tie (e.g. a bare <c>related-to</c>).
    /// </summary>
    public static TieKind? KindOf(string relationshipType, string? wedgeKind)
    {
        if (wedgeKind is not null)
        {
            return EnumNames.Parse<TieKind>(wedgeKind);
        }

        return relationshipType switch
        {
            "cooperates-with" => TieKind.Alliance,
            "part-of" => TieKind.Affiliation,
            "attributed-to" => TieKind.Affiliation,
            "derived-from" => TieKind.Split,
            _ => null,
        };
    }
}
