using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Text;

namespace Wedge.Data.Events;

/// <summary>
/// Each distinct name (with its id in the dataset, where the dataset gives one) of an event or dyad-year dataset resolved
/// once: the --map file first, then the shared <see cref="ActorMatcher"/> (external id under the dataset's key, then
/// names). Counts the rows naming each, for the import's report.
/// </summary>
internal sealed class EventNameResolver(KnowledgeBase current, IReadOnlyDictionary<string, ActorId> map, string datasetKey)
{
    private readonly ActorMatcher matcher = new(current.All<Actor>());
    private readonly Dictionary<(string Name, string? Id), Resolved> cache = [];

    /// <param name="datasetId">The group's id in the dataset (GTD: its name); null when the dataset gives none.</param>
    /// <param name="count">True to count the row for the report (a second pass over the same rows does not).</param>
    public ActorId? Resolve(string name, string? datasetId, int line, bool count)
    {
        if (!cache.TryGetValue((name, datasetId), out var r))
        {
            cache[(name, datasetId)] = r = Lookup(name, datasetId, line);
        }

        if (count)
        {
            r.Rows++;
        }

        return r.Actor;
    }

    private Resolved Lookup(string name, string? datasetId, int line)
    {
        if (map.TryGetValue(NameKey.Of(name), out var mapped))
        {
            return new Resolved(name, line, mapped, NameMatchRule.MappingFile, []);
        }

        var match = matcher.Match(datasetKey, datasetId, [name]);
        return match.Actor is { } actor
            ? new Resolved(name, line, actor, match.Basis == MatchBasis.ExternalId ? NameMatchRule.DatasetId : NameMatchRule.Name, [])
            : new Resolved(name, line, null, NameMatchRule.Name, match.Candidates);
    }

    /// <summary>Every name resolved so far, in the order of the line first naming it: matched, unmatched, or ambiguous.</summary>
    public void Report(List<EventNameMatch> matched, List<EventNameUnmatched> unmatched, List<EventNameUnmatched> ambiguous)
    {
        foreach (var r in cache.Values.OrderBy(r => r.FirstLine))
        {
            if (r.Actor is { } actor)
            {
                matched.Add(new EventNameMatch(r.Name, actor, r.Rule, r.Rows));
            }
            else
            {
                (r.Candidates.Count > 1 ? ambiguous : unmatched).Add(new EventNameUnmatched(r.Name, r.Rows, r.FirstLine, r.Candidates));
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

        public int Rows { get; set; }
    }
}
