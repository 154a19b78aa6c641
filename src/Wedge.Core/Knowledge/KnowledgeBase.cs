using Wedge.Core.Journal;
using Wedge.Core.Model;
using Wedge.Core.Time;

namespace Wedge.Core.Knowledge;

/// <summary>
/// Every fact currently on record (after corrections and retractions), regardless of dates.
/// Immutable: <see cref="With"/> returns a new knowledge base. Reads at a date go through
/// <see cref="Snapshot"/>.
/// </summary>
public sealed class KnowledgeBase
{
    // Every fact, or (when resumed from stored facts) every fact but the stored ties and claims, plus the ties and claims
    // the journal's tail added or corrected since.
    private readonly Dictionary<FactKey, Fact> facts;

    // Ties and claims read from a checkpoint on demand; null when every fact is in the map.
    private readonly IStoredFacts? stored;

    // Keys of stored ties and claims the tail corrected (their new version is in the map) or retracted.
    private readonly HashSet<FactKey> shadowed;

    private int? count;
    private IReadOnlyList<TieTableView>? tieTables;
    private Dictionary<ActorId, List<Tie>>? mappedTiesByActor;

    private KnowledgeBase(Dictionary<FactKey, Fact> facts, long version, IStoredFacts? stored = null, HashSet<FactKey>? shadowed = null)
    {
        this.facts = facts;
        Version = version;
        this.stored = stored;
        this.shadowed = shadowed ?? [];
    }

    public static KnowledgeBase Empty { get; } = new([], 0);

    /// <summary>The journal version this knowledge base was projected from.</summary>
    public long Version { get; }

    /// <summary>True when ties and claims are read from stored facts on demand: a reader of one pair should then ask for
    /// <see cref="TiesOf"/> rather than every tie.</summary>
    public bool ReadsInParts => stored is not null;

    /// <summary>Reads the rest of the stored facts now (see <see cref="IStoredFacts.ReadRest"/>).</summary>
    public void ReadRestOfStored() => stored?.ReadRest();

    public int Count => count ??= facts.Count + (stored is null ? 0 : stored.TieCount + stored.ClaimCount - shadowed.Count(IsStored));

    public IEnumerable<Fact> Facts => stored is null ? facts.Values : facts.Values.Concat(StoredTies()).Concat(StoredClaims());

    public IEnumerable<T> All<T>() where T : Fact
    {
        var all = facts.Values.OfType<T>();
        if (stored is null)
        {
            return all;
        }

        if (typeof(T).IsAssignableFrom(typeof(Tie)))
        {
            all = all.Concat(StoredTies().Cast<T>());
        }

        if (typeof(T).IsAssignableFrom(typeof(Claim)))
        {
            all = all.Concat(StoredClaims().Cast<T>());
        }

        return all;
    }

    public bool Contains(FactKey key) => facts.ContainsKey(key) || FindStored(key) is not null;

    public Fact? Find(FactKey key) => facts.GetValueOrDefault(key) ?? FindStored(key);

    public Actor? FindActor(ActorId id) => Find(new FactKey(FactType.Actor, id.Value)) as Actor;

    public Claim? FindClaim(ClaimId id) => Find(new FactKey(FactType.Claim, id.Value)) as Claim;

    public Source? FindSource(SourceId id) => Find(new FactKey(FactType.Source, id.Value)) as Source;

    /// <summary>The ties on record with <paramref name="actor"/> at either end, each once, in no particular order.</summary>
    public IEnumerable<Tie> TiesOf(ActorId actor)
    {
        if (mappedTiesByActor is null)
        {
            var index = new Dictionary<ActorId, List<Tie>>();
            foreach (var t in facts.Values.OfType<Tie>())
            {
                foreach (var end in t.From == t.To ? [t.From] : new[] { t.From, t.To })
                {
                    if (!index.TryGetValue(end, out var list))
                    {
                        index[end] = list = [];
                    }

                    list.Add(t);
                }
            }

            mappedTiesByActor = index; // built whole before it is published: a race builds it twice, harmlessly
        }

        var mapped = mappedTiesByActor.TryGetValue(actor, out var mine) ? mine : [];
        return stored is null ? mapped : stored.TiesOf(actor).Where(t => !shadowed.Contains(t.Key)).Concat(mapped);
    }

    /// <summary>The latest date any tie's period mentions (start or end), or null when none does.</summary>
    public FuzzyDate? LatestTieDate()
    {
        FuzzyDate? last = null;
        void See(FuzzyDate? date)
        {
            if (date is { } d && (last is not { } l || d.Latest > l.Latest))
            {
                last = d;
            }
        }

        // The stored figure holds while no stored tie was corrected or retracted (either could have held the latest date).
        var storedFigureHolds = stored is not null && !shadowed.Any(k => k.Type == FactType.Tie);
        if (storedFigureHolds)
        {
            See(stored!.LatestTieDate);
        }

        var ties = storedFigureHolds ? facts.Values.OfType<Tie>() : All<Tie>();

        foreach (var t in ties)
        {
            See(t.Period.Start);
            See(t.Period.End);
        }

        return last;
    }

    /// <summary>
    /// Every tie on record as columns (<see cref="TieTable"/>), for a scan of the whole record: the stored ties' table with
    /// the rows the journal's tail corrected or retracted skipped, and a table of the ties held as objects.
    /// </summary>
    /// <remarks>Built once per knowledge base. When the tail corrected a stored claim, the stored table's copy of it is
    /// stale, so every tie is then tabled from objects.</remarks>
    public IReadOnlyList<TieTableView> TieTables()
    {
        if (tieTables is { } built)
        {
            return built;
        }

        var staleClaims = stored is not null && shadowed.Any(k => k.Type == FactType.Claim && IsStored(k));
        if (stored is null || staleClaims)
        {
            return tieTables = [new TieTableView(TieTable.Of(All<Tie>().ToList(), FindClaim), null)];
        }

        bool[]? skip = null;
        foreach (var key in shadowed.Where(k => k.Type == FactType.Tie))
        {
            if (stored.RowOf(key.Id) is >= 0 and var row)
            {
                skip ??= new bool[stored.TieCount];
                skip[row] = true;
            }
        }

        var mapped = facts.Values.OfType<Tie>().ToList();
        return tieTables = mapped.Count == 0
            ? [new TieTableView(stored.Table, skip)]
            : [new TieTableView(stored.Table, skip), new TieTableView(TieTable.Of(mapped, FindClaim), null)];
    }

    private IEnumerable<Tie> StoredTies() => shadowed.Count == 0 ? stored!.Ties() : stored!.Ties().Where(t => !shadowed.Contains(t.Key));

    private IEnumerable<Claim> StoredClaims() => shadowed.Count == 0 ? stored!.Claims() : stored!.Claims().Where(c => !shadowed.Contains(c.Key));

    private bool IsStored(FactKey key) => key.Type switch
    {
        FactType.Tie => stored!.FindTie(key.Id) is not null,
        FactType.Claim => stored!.FindClaim(new ClaimId(key.Id)) is not null,
        _ => false,
    };

    private Fact? FindStored(FactKey key)
        => stored is null || shadowed.Contains(key) ? null
            : key.Type switch
            {
                FactType.Tie => stored.FindTie(key.Id),
                FactType.Claim => stored.FindClaim(new ClaimId(key.Id)),
                _ => null,
            };

    /// <summary>Replays journal entries in order. Entries are trusted: they were checked when appended.</summary>
    public static KnowledgeBase Project(IEnumerable<JournalEntry> entries) => Replay([], 0, null, [], entries);

    /// <summary>
    /// A knowledge base from facts projected earlier (a checkpoint taken at journal version <paramref name="version"/>),
    /// with <paramref name="tail"/> (the entries after that version, in order) replayed on top.
    /// </summary>
    public static KnowledgeBase Resume(IEnumerable<Fact> facts, long version, IEnumerable<JournalEntry> tail, int capacity = 0)
        => Resume(facts, null, version, tail, capacity);

    /// <summary>
    /// As <see cref="Resume(IEnumerable{Fact}, long, IEnumerable{JournalEntry}, int)"/>, with the checkpoint's ties and
    /// claims in <paramref name="stored"/> (read when asked) and every other fact in <paramref name="facts"/>.
    /// </summary>
    public static KnowledgeBase Resume(IEnumerable<Fact> facts, IStoredFacts? stored, long version, IEnumerable<JournalEntry> tail, int capacity = 0)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var map = new Dictionary<FactKey, Fact>(capacity);
        foreach (var f in facts)
        {
            map.Add(f.Key, f);
        }

        return Replay(map, version, stored, [], tail);
    }

    /// <summary>
    /// This record with <paramref name="tail"/> (the journal's entries after <see cref="Version"/>, in order) replayed on
    /// top: equal to projecting the whole journal, and sharing every fact the tail leaves alone with this one. A server
    /// holding several versions at once (one per request in flight) then holds each fact once.
    /// </summary>
    /// <exception cref="InvalidOperationException">The tail does not continue this version (an entry is missing or repeated).</exception>
    public KnowledgeBase Advance(IEnumerable<JournalEntry> tail)
    {
        ArgumentNullException.ThrowIfNull(tail);
        return Replay(new Dictionary<FactKey, Fact>(facts), Version, stored, [.. shadowed], Continuing(tail, Version));

        static IEnumerable<JournalEntry> Continuing(IEnumerable<JournalEntry> tail, long version)
        {
            foreach (var e in tail)
            {
                if (e.Version != ++version)
                {
                    throw new InvalidOperationException($"the journal's entry {e.Version} does not follow version {version - 1}");
                }

                yield return e;
            }
        }
    }

    private static KnowledgeBase Replay(Dictionary<FactKey, Fact> map, long version, IStoredFacts? stored, HashSet<FactKey> shadowed, IEnumerable<JournalEntry> entries)
    {
        foreach (var e in entries)
        {
            Apply(map, stored, shadowed, e.Action, e.Key, e.Fact);
            version = e.Version;
        }

        return new KnowledgeBase(map, version, stored, shadowed);
    }

    private static void Apply(Dictionary<FactKey, Fact> map, IStoredFacts? stored, HashSet<FactKey> shadowed, JournalAction action, FactKey key, Fact? fact)
    {
        if (stored is not null && key.Type is FactType.Tie or FactType.Claim)
        {
            // Whatever the stored version was, the map now speaks for this key.
            shadowed.Add(key);
        }

        if (action == JournalAction.Retract)
        {
            map.Remove(key);
        }
        else
        {
            map[key] = fact!;
        }
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
        var shadows = new HashSet<FactKey>(shadowed);
        foreach (var c in changes)
        {
            Apply(map, stored, shadows, c.Action, c.Key, c.Fact);
        }

        var result = new KnowledgeBase(map, Version, stored, shadows);

        // A batch may refer forward (a tie before its actors), so references are checked once all of it is applied.
        for (var i = 0; i < changes.Count; i++)
        {
            if (changes[i].Fact is { } fact && result.Contains(fact.Key))
            {
                problems.AddRange(checker.MissingReferences(i, fact));
            }
        }

        problems.AddRange(checker.DanglingReferences(result.Facts));
        return problems.Count == 0 ? new ChangeOutcome(result, []) : new ChangeOutcome(null, problems);
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
