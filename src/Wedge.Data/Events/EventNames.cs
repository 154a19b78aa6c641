using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Text;

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

/// <summary>
/// Each distinct dataset name (with its dataset id, where the dataset has one) resolved once, for every event importer: the
/// --map file, then the shared <see cref="ActorMatcher"/> (an actor carrying the dataset id or name as its external id in
/// <paramref name="dataset"/>, then names). Keeps the count of rows naming each and reports matched, unmatched and ambiguous names.
/// </summary>
internal sealed class EventNameResolver(KnowledgeBase current, IReadOnlyDictionary<string, ActorId> map, string dataset)
{
    private readonly ActorMatcher matcher = new(current.All<Actor>());
    private readonly Dictionary<(string Name, string? Id), Resolved> cache = [];

    /// <summary>The actor the name means, or null (unmatched or ambiguous).</summary>
    /// <param name="externalId">The dataset's own id for the actor (UCDP's side ids); null where the name is the id (GTD, ACLED).</param>
    /// <param name="count">Count this row for the name: true in the first pass over a file, false when it is re-read.</param>
    public ActorId? Resolve(string name, string? externalId, int line, bool count)
    {
        if (!cache.TryGetValue((name, externalId), out var r))
        {
            cache[(name, externalId)] = r = Lookup(name, externalId, line);
        }

        if (count)
        {
            r.Incidents++;
        }

        return r.Actor;
    }

    private Resolved Lookup(string name, string? externalId, int line)
    {
        if (map.TryGetValue(NameKey.Of(name), out var mapped))
        {
            return new Resolved(name, line, mapped, NameMatchRule.MappingFile, []);
        }

        var match = matcher.Match(dataset, externalId ?? name, [name]);
        return match.Actor is { } actor
            ? new Resolved(name, line, actor, match.Basis == MatchBasis.ExternalId ? NameMatchRule.DatasetId : NameMatchRule.Name, [])
            : new Resolved(name, line, null, NameMatchRule.Name, match.Candidates);
    }

    public void Report(EventImportReport report)
    {
        foreach (var r in cache.Values.OrderBy(r => r.FirstLine))
        {
            if (r.Actor is { } actor)
            {
                report.Matched.Add(new EventNameMatch(r.Name, actor, r.Rule, r.Incidents));
            }
            else
            {
                (r.Candidates.Count > 1 ? report.Ambiguous : report.Unmatched).Add(new EventNameUnmatched(r.Name, r.Incidents, r.FirstLine, r.Candidates));
            }
        }
    }

    private sealed class Resolved(string name, int firstLine, ActorId? actor, NameMatchRule rule, IReadOnlyList<ActorId> candidates)
    {
        public string Name { get; } = name;

        public int FirstLine { get; } = firstLine;

        public ActorId? Actor { get; } = actor;

        public NameMatchRule Rule { get; } = rule;

        public IReadOnlyList<ActorId> Candidates { get; } = candidates;

        public int Incidents { get; set; }
    }
}
