using Wedge.Core.Collections;
using Wedge.Core.Model;
using Wedge.Core.Text;

namespace Wedge.Core.Knowledge;

/// <summary>What an outside record was matched by.</summary>
public enum MatchBasis
{
    /// <summary>Nothing on record matched.</summary>
    None,

    /// <summary>An actor carries the record's id in that dataset (<see cref="Actor.ExternalIds"/>).</summary>
    ExternalId,

    /// <summary>An actor's name, alias or id has the same <see cref="NameKey"/> as one of the record's names.</summary>
    Name,
}

/// <summary>The actors on record that an outside record (an MMP group, a STIX identity, an event's actor) may be.</summary>
/// <param name="Basis">The first rule that found any candidate: the external id, else the names.</param>
/// <param name="Candidates">Every actor that rule found, by id in ordinal order: one is a match, several are ambiguous.</param>
public sealed record ActorMatch(MatchBasis Basis, EquatableList<ActorId> Candidates)
{
    public static ActorMatch NoMatch { get; } = new(MatchBasis.None, EquatableList<ActorId>.Empty);

    /// <summary>The actor, when exactly one was found.</summary>
    public ActorId? Actor => Candidates.Count == 1 ? Candidates[0] : null;

    public bool IsAmbiguous => Candidates.Count > 1;
}

/// <summary>
/// Matches names and outside ids onto the actors on record: the one rule every importer (MMP, STIX,
/// event data) and every actor reference on the command line uses. Names are compared by their
/// <see cref="NameKey"/> (case, accents, punctuation and a leading "the" do not count), against each
/// actor's name, aliases and id.
/// </summary>
/// <remarks>Built once over a set of actors and then read-only; safe to share between threads.</remarks>
public sealed class ActorMatcher
{
    private readonly Dictionary<string, SortedSet<ActorId>> byName = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Dataset, string Id), SortedSet<ActorId>> byExternalId = [];

    public ActorMatcher(IEnumerable<Actor> actors)
    {
        ArgumentNullException.ThrowIfNull(actors);
        foreach (var actor in actors)
        {
            foreach (var name in new[] { actor.Name, actor.Id.Value }.Concat(actor.Aliases))
            {
                var key = NameKey.Of(name);
                if (key.Length > 0)
                {
                    Add(byName, key, actor.Id);
                }
            }

            foreach (var (dataset, id) in actor.ExternalIds)
            {
                Add(byExternalId, (dataset, id), actor.Id);
            }
        }
    }

    /// <summary>Actors whose name, alias or id folds to the same key as <paramref name="name"/>, by id.</summary>
    public EquatableList<ActorId> ByName(string name) => ByNames([name]);

    /// <summary>Actors matching any of the names, by id.</summary>
    public EquatableList<ActorId> ByNames(IEnumerable<string> names)
    {
        ArgumentNullException.ThrowIfNull(names);
        var found = new SortedSet<ActorId>(IdOrder);
        foreach (var key in names.Select(NameKey.Of).Where(k => k.Length > 0))
        {
            if (byName.TryGetValue(key, out var ids))
            {
                found.UnionWith(ids);
            }
        }

        return found.ToEquatableList();
    }

    /// <summary>Actors carrying <paramref name="id"/> in <paramref name="dataset"/> (e.g. <c>mmp</c>, <c>stix</c>), by id.</summary>
    public EquatableList<ActorId> ByExternalId(string dataset, string id)
        => byExternalId.TryGetValue((dataset, id), out var ids) ? ids.ToEquatableList() : EquatableList<ActorId>.Empty;

    /// <summary>
    /// The actors an outside record may be: those carrying its id in its dataset when any does, else
    /// those matching any of its names (the first rule that finds anyone decides, as a person would).
    /// </summary>
    public ActorMatch Match(string dataset, string? externalId, IEnumerable<string> names)
    {
        if (externalId is not null && ByExternalId(dataset, externalId) is { Count: > 0 } viaId)
        {
            return new ActorMatch(MatchBasis.ExternalId, viaId);
        }

        var viaName = ByNames(names);
        return viaName.Count > 0 ? new ActorMatch(MatchBasis.Name, viaName) : ActorMatch.NoMatch;
    }

    private static readonly Comparer<ActorId> IdOrder = Comparer<ActorId>.Create((a, b) => string.CompareOrdinal(a.Value, b.Value));

    private static void Add<TKey>(Dictionary<TKey, SortedSet<ActorId>> index, TKey key, ActorId id)
        where TKey : notnull
    {
        if (!index.TryGetValue(key, out var ids))
        {
            index[key] = ids = new SortedSet<ActorId>(IdOrder);
        }

        ids.Add(id);
    }
}
