using Wedge.Analysis.Dyad;
using Wedge.Core.Collections;
using Wedge.Core.Model;

namespace Wedge.Application.Records;

/// <summary>Which actors `actors` lists: all, or one kind, or only those an MMP import created because nothing on record matched.</summary>
public sealed record ActorFilter(ActorKind? Kind = null, bool CreatedByMmpImportOnly = false);

/// <summary>An actor in a list: who, what kind, part of whom, known as what, active when.</summary>
public sealed record ActorEntry(string Id, string Name, ActorKind Kind, string? Parent, EquatableList<string> Aliases, PeriodView Active,
    EquatableMap<string, string> ExternalIds);

/// <summary>A role in a profile: who holds what title in which organisation, and whether it holds at the read date.</summary>
public sealed record ProfileRole(string Person, string Organisation, RoleTitle Title, PeriodView Period, bool Holds, EquatableList<ClaimView> Claims);

/// <summary>A tie in a profile, with the grades of the claims behind it.</summary>
public sealed record ProfileTie(string Id, TieKind Kind, string From, string To, PeriodView Period, bool Holds, bool Disputed, EquatableList<string> Grades);

/// <summary>A dated attribute of an actor (a standing, a designation).</summary>
public sealed record ProfileAttribute(string Name, string Value, PeriodView Period);

/// <summary>
/// One actor's profile at a slice of the record: identity, factions, roles, ties, attributes and the
/// claims behind the actor. <see cref="FactionNames"/> and the name lookups are for display.
/// </summary>
public sealed record ActorProfile(
    string Id,
    string Name,
    ActorKind Kind,
    EquatableList<string> Aliases,
    string? Parent,
    EquatableList<string> Factions,
    EquatableList<string> Ideology,
    string? HomeBase,
    PeriodView Active,
    EquatableMap<string, string> ExternalIds,
    string? Description,
    EquatableList<ProfileRole> Roles,
    EquatableList<ProfileTie> Ties,
    EquatableList<ProfileAttribute> Attributes,
    EquatableList<ClaimView> Claims)
{
    /// <summary>Display names of the actors this profile refers to by id (parent, factions, role holders, tie partners).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public EquatableMap<string, string> Names { get; init; } = new([]);

    /// <summary>The name of an actor this profile refers to, else its id.</summary>
    public string NameOf(string id) => Names.TryGetValue(id, out var name) ? name : id;
}

/// <summary>One line of a timeline: an event, a tie beginning or ending, a role taken or given up.</summary>
public sealed record TimelineEntry(string Date, string What, string Kind, string Id, EquatableList<string> Grades);
