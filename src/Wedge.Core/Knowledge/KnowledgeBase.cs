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
    public static KnowledgeBase Project(IEnumerable<JournalEntry> entries) => Replay([], 0, entries);

    /// <summary>
    /// A knowledge base from facts projected earlier (a checkpoint taken at journal version <paramref name="version"/>),
    /// with <paramref name="tail"/> (the entries after that version, in order) replayed on top.
    /// </summary>
    public static KnowledgeBase Resume(IEnumerable<Fact> facts, long version, IEnumerable<JournalEntry> tail, int capacity = 0)
    {
        var map = new Dictionary<FactKey, Fact>(capacity);
        foreach (var f in facts)
        {
            map.Add(f.Key, f);
        }

        return Replay(map, version, tail);
    }

    private static KnowledgeBase Replay(Dictionary<FactKey, Fact> map, long version, IEnumerable<JournalEntry> entries)
    {
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
    /// Applies changes in order and checks the result with the journal's write rules (<see cref="ChangeChecker"/>): adds
    /// must be new, corrections and retractions must name a fact on record, and every reference (actors, claims,
    /// sources, parents) must resolve once the whole batch is applied.
    /// </summary>
    /// <returns>The new knowledge base, or every problem (none applied) when any change is refused.</returns>
    public ChangeOutcome With(IReadOnlyList<JournalChange> changes)
    {
        var checker = new ChangeChecker(this);
        var problems = new List<ChangeProblem>();
        for (var i = 0; i < changes.Count; i++)
        {
            if (checker.Accept(i, changes[i]) is { } problem)
            {
                problems.Add(problem);
            }
        }

        if (problems.Count > 0)
        {
            return new ChangeOutcome(null, problems);
        }

        var map = new Dictionary<FactKey, Fact>(facts);
        foreach (var c in changes)
        {
            if (c.Action == JournalAction.Retract)
            {
                map.Remove(c.Key);
            }
            else
            {
                map[c.Key] = c.Fact!;
            }
        }

        // A batch may refer forward (a tie before its actors), so references are checked once all of it is applied.
        for (var i = 0; i < changes.Count; i++)
        {
            if (changes[i].Fact is { } fact && map.ContainsKey(fact.Key))
            {
                problems.AddRange(checker.MissingReferences(i, fact));
            }
        }

        problems.AddRange(checker.DanglingReferences(map.Values));
        return problems.Count == 0 ? new ChangeOutcome(new KnowledgeBase(map, Version), []) : new ChangeOutcome(null, problems);
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
