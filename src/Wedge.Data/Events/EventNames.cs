using Wedge.Core.Model;

namespace Wedge.Data.Events;

/// <summary>How a dataset's group name landed on an actor on record.</summary>
public enum NameMatchRule
{
    /// <summary>The --map file named the actor.</summary>
    MappingFile,

    /// <summary>An actor carries the name (GTD) or the dataset's actor id (UCDP's <c>side_a_new_id</c>) as its external id in that dataset.</summary>
    DatasetId,

    /// <summary>The actor's id, name or an alias equals the dataset's name once normalised.</summary>
    Name,
}

/// <summary>A dataset name and the actor it was matched to, with the rows (incidents, events) naming it that could give evidence.</summary>
public sealed record EventNameMatch(string Name, ActorId Actor, NameMatchRule Rule, int Incidents);

/// <summary>A dataset name that matched no actor (or several): the pairs it was part of were left out.</summary>
/// <param name="FirstLine">The first line naming it.</param>
/// <param name="Candidates">Empty when nothing matched; the actors it could be when ambiguous.</param>
public sealed record EventNameUnmatched(string Name, int Incidents, int FirstLine, IReadOnlyList<ActorId> Candidates);
