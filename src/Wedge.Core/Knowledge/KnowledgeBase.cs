using Wedge.Core.Journal;
using Wedge.Core.Model;

namespace Wedge.Core.Knowledge;

/// <summary>
/// Every fact currently on record (after corrections and retractions), regardless of dates.
/// Immutable: <see cref="With"/> returns a new knowledge base. Reads at a date go through
/// <see cref="Snapshot"/>.
/// </summary>
public sealed class KnowledgeBase
{
    private readonly Dictionary<FactKey, Fact> facts;

    private KnowledgeBase(Dictionary<FactKey, Fact> facts, long version)
    {
        this.facts = facts;
        Version = version;
    }

    public static KnowledgeBase Empty { get; } = new([], 0);

    /// <summary>The journal version this knowledge base was projected from.</summary>
    public long Version { get; }

    public int Count => facts.Count;

    public IEnumerable<Fact> Facts => facts.Values;

    public IEnumerable<T> All<T>() where T : Fact => facts.Values.OfType<T>();

    public bool Contains(FactKey key) => facts.ContainsKey(key);

    public Fact? Find(FactKey key) => facts.GetValueOrDefault(key);

    public Actor? FindActor(ActorId id) => Find(new FactKey(FactType.Actor, id.Value)) as Actor;

    public Claim? FindClaim(ClaimId id) => Find(new FactKey(FactType.Claim, id.Value)) as Claim;

    public Source? FindSource(SourceId id) => Find(new FactKey(FactType.Source, id.Value)) as Source;

    /// <summary>Replays journal entries in order. Entries are trusted: they were checked when appended.</summary>
    public static KnowledgeBase Project(IEnumerable<JournalEntry> entries)
    {
        var map = new Dictionary<FactKey, Fact>();
        long version = 0;
        foreach (var e in entries)
        {
            if (e.Action == JournalAction.Retract)
            {
                map.Remove(e.Key);
            }
            else
            {
                map[e.Key] = e.Fact!;
            }

            version = e.Version;
        }

        return new KnowledgeBase(map, version);
    }

    /// <summary>
    /// Applies changes in order and checks the result: adds must be new, corrections and retractions
    /// must name a fact on record, and every reference (actors, claims, sources, parents) must resolve.
    /// </summary>
    /// <returns>The new knowledge base, or the problems (none applied) when any change is refused.</returns>
    public ChangeOutcome With(IReadOnlyList<JournalChange> changes)
    {
        var map = new Dictionary<FactKey, Fact>(facts);
        var problems = new List<ChangeProblem>();
        for (var i = 0; i < changes.Count; i++)
        {
            var c = changes[i];
            if (c.Fact is { } f && f.Key != c.Key)
            {
                problems.Add(new(i, c.Key, $"the fact's key {f.Key} differs from the change's key"));
                continue;
            }

            switch (c.Action)
            {
                case JournalAction.Add when map.ContainsKey(c.Key):
                    problems.Add(new(i, c.Key, $"duplicate id: {c.Key} is already on record"));
                    break;
                case JournalAction.Add:
                case JournalAction.Correct when map.ContainsKey(c.Key):
                    map[c.Key] = c.Fact ?? throw new ArgumentException("An add or correction needs a fact.", nameof(changes));
                    break;
                case JournalAction.Correct:
                    problems.Add(new(i, c.Key, $"nothing to correct: {c.Key} is not on record"));
                    break;
                case JournalAction.Retract when !map.Remove(c.Key):
                    problems.Add(new(i, c.Key, $"nothing to retract: {c.Key} is not on record"));
                    break;
            }
        }

        if (problems.Count == 0)
        {
            problems.AddRange(CheckReferences(map, changes));
        }

        return problems.Count == 0 ? new ChangeOutcome(new KnowledgeBase(map, Version), []) : new ChangeOutcome(null, problems);
    }

    private static IEnumerable<ChangeProblem> CheckReferences(Dictionary<FactKey, Fact> map, IReadOnlyList<JournalChange> changes)
    {
        // Only facts touched by this batch can have broken references, plus facts pointing at a retracted one.
        var retracted = changes.Where(c => c.Action == JournalAction.Retract).Select(c => c.Key).ToHashSet();
        var touched = changes.Select((c, i) => (c, i)).Where(x => x.c.Fact is not null && map.ContainsKey(x.c.Key));
        foreach (var (c, i) in touched)
        {
            foreach (var problem in MissingReferences(map, c.Fact!))
            {
                yield return new(i, c.Key, problem);
            }
        }

        if (retracted.Count == 0)
        {
            yield break;
        }

        // A dangling reference found here can only come from a retraction in this batch; report it at the first one.
        var firstRetraction = changes.Select((c, i) => (c, i)).First(x => x.c.Action == JournalAction.Retract).i;
        foreach (var fact in map.Values)
        {
            foreach (var problem in MissingReferences(map, fact))
            {
                yield return new(firstRetraction, fact.Key, $"{problem} (retracted in this change, but {fact.Key} still refers to it)");
            }
        }
    }

    private static IEnumerable<string> MissingReferences(Dictionary<FactKey, Fact> map, Fact fact)
    {
        foreach (var a in fact.ActorRefs)
        {
            if (!map.ContainsKey(new FactKey(FactType.Actor, a.Value)))
            {
                yield return $"unknown actor '{a}'";
            }
        }

        foreach (var c in fact.Claims)
        {
            if (!map.ContainsKey(new FactKey(FactType.Claim, c.Value)))
            {
                yield return $"unknown claim '{c}'";
            }
        }

        if (fact is Claim claim && !map.ContainsKey(new FactKey(FactType.Source, claim.Source.Value)))
        {
            yield return $"unknown source '{claim.Source}'";
        }
    }
}

/// <summary>One change refused: its position in the batch, the fact, and why.</summary>
public sealed record ChangeProblem(int Index, FactKey Key, string Reason)
{
    public override string ToString() => $"{Key}: {Reason}";
}

public sealed record ChangeOutcome(KnowledgeBase? Result, IReadOnlyList<ChangeProblem> Problems)
{
    public bool IsSuccess => Result is not null;
}
