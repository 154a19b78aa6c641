using Wedge.Core.Model;
using Wedge.Core.Text;
using Wedge.Core.Time;

namespace Wedge.Core.Knowledge;

/// <summary>
/// Which slice of the record to read: the world as it stood at <see cref="At"/> (valid time), using
/// only what was public by <see cref="KnownAt"/> (public time). Null means "now" / "everything".
/// When only <see cref="KnownAt"/> is given, the world is read at that date too: a hindsight-free view.
/// Recorded time (the journal as it stood) is chosen before projection, by the store.
/// </summary>
public sealed record ReadOptions(FuzzyDate? At = null, FuzzyDate? KnownAt = null)
{
    public static ReadOptions Now { get; } = new();

    public FuzzyDate? EffectiveAt => At ?? KnownAt;
}

/// <summary>
/// An immutable view of the knowledge base for one <see cref="ReadOptions"/>: what analyses read.
/// </summary>
/// <remarks>
/// <para>Public time: a claim is public from its <see cref="Claim.PublicSince"/>, else its source's
/// date (claims with neither are treated as always public). It counts as public by a date only when
/// its whole public date lies at or before that date's last day, so a claim public "in 2015" is not
/// known at 2015-06-30. A fact backed by claims is visible only when one of its claims is; its
/// claim list then holds only the visible ones. A period's end made public later
/// (<c>EndPublicSince</c>) is shown open before then: Mullah Omar stays leader in a 2014 view.</para>
/// <para>Valid time: the snapshot keeps the history up to <see cref="ReadOptions.At"/>: facts that had
/// started by then (ended ones included, so a view can show the past), with ends that lie after it
/// removed, and events up to it. <see cref="HoldsAt"/> says whether a period still held at that date.</para>
/// </remarks>
public sealed class Snapshot
{
    private readonly Dictionary<ClaimId, Claim> claims;
    private readonly Dictionary<SourceId, Source> sources;
    private readonly Dictionary<ActorId, Actor> actors;

    private Snapshot(ReadOptions options, long version, Dictionary<ClaimId, Claim> claims, Dictionary<SourceId, Source> sources,
        Dictionary<ActorId, Actor> actors, IReadOnlyList<Role> roles, IReadOnlyList<Tie> ties, IReadOnlyList<LedgerEntry> ledger,
        IReadOnlyList<Event> events, IReadOnlyList<ActorAttribute> attributes)
    {
        Options = options;
        Version = version;
        this.claims = claims;
        this.sources = sources;
        this.actors = actors;
        Roles = roles;
        Ties = ties;
        Ledger = ledger;
        Events = events;
        Attributes = attributes;
    }

    public ReadOptions Options { get; }

    public long Version { get; }

    public IEnumerable<Actor> Actors => actors.Values;

    public IReadOnlyList<Role> Roles { get; }

    public IReadOnlyList<Tie> Ties { get; }

    public IReadOnlyList<LedgerEntry> Ledger { get; }

    public IReadOnlyList<Event> Events { get; }

    public IReadOnlyList<ActorAttribute> Attributes { get; }

    public IEnumerable<Claim> AllClaims => claims.Values;

    public IEnumerable<Source> Sources => sources.Values;

    public Actor? Actor(ActorId id) => actors.GetValueOrDefault(id);

    public Claim? Claim(ClaimId id) => claims.GetValueOrDefault(id);

    public Source? Source(SourceId id) => sources.GetValueOrDefault(id);

    public IReadOnlyList<Claim> ClaimsOf(Fact fact) => fact.Claims.Select(Claim).OfType<Claim>().ToList();

    /// <summary>True when a fact has claims disputing it alongside claims supporting it (or only disputing ones).</summary>
    public bool IsDisputed(Fact fact) => ClaimsOf(fact).Any(c => c.Stance == ClaimStance.Disputes);

    /// <summary>True when the period may still hold at the read date (always true for a read at "now" with an open end).</summary>
    public bool HoldsAt(Period period) => Options.EffectiveAt is not { } at ? period.IsOpenEnded : period.MayHoldDuring(at);

    /// <summary>The public date of a claim: its own, else its source's.</summary>
    public FuzzyDate? PublicDate(Claim claim) => claim.PublicSince ?? sources.GetValueOrDefault(claim.Source)?.Date;

    /// <summary>Factions whose parent chain leads to <paramref name="id"/>.</summary>
    public IEnumerable<Actor> FactionsOf(ActorId id)
    {
        factionsByParent ??= actors.Values.Where(a => a.Parent is not null).GroupBy(a => a.Parent!.Value).ToDictionary(g => g.Key, g => g.ToList());
        return factionsByParent.TryGetValue(id, out var factions) ? factions : [];
    }

    /// <summary>The actor and everything that belongs to it: its factions (recursively) and the people holding roles in any of them.</summary>
    public IReadOnlySet<ActorId> Bloc(ActorId id)
    {
        var bloc = new HashSet<ActorId> { id };
        var frontier = new Queue<ActorId>([id]);
        while (frontier.TryDequeue(out var next))
        {
            foreach (var f in FactionsOf(next).Where(f => bloc.Add(f.Id)))
            {
                frontier.Enqueue(f.Id);
            }
        }

        foreach (var r in Roles.Where(r => bloc.Contains(r.Organisation)).ToList())
        {
            bloc.Add(r.Person);
        }

        return bloc;
    }

    public static Snapshot Of(KnowledgeBase kb, ReadOptions options)
    {
        ArgumentNullException.ThrowIfNull(kb);
        ArgumentNullException.ThrowIfNull(options);
        var sources = kb.All<Source>().ToDictionary(s => s.Id);
        var knownAt = options.KnownAt;
        var at = options.EffectiveAt;

        bool IsPublic(Claim c)
        {
            if (knownAt is not { } k)
            {
                return true;
            }

            var date = c.PublicSince ?? sources.GetValueOrDefault(c.Source)?.Date;
            return date is not { } d || d.Latest <= k.Latest;
        }

        var claims = kb.All<Claim>().Where(IsPublic).ToDictionary(c => c.Id);

        // A fact is visible when unsourced or when at least one of its claims is public.
        T? Visible<T>(T fact) where T : Fact
        {
            if (fact.Claims.Count == 0)
            {
                return fact;
            }

            var kept = fact.Claims.Where(claims.ContainsKey).ToList();
            return kept.Count == 0 ? null : kept.Count == fact.Claims.Count ? fact : fact with { Claims = kept };
        }

        bool Started(Period p) => at is not { } a || p.Start is not { } s || s.Earliest <= a.Latest;

        Period AsSeen(Period p, FuzzyDate? endPublicSince)
        {
            if (p.End is not { } end)
            {
                return p;
            }

            var endNotYetPublic = knownAt is { } k && endPublicSince is { } eps && eps.Latest > k.Latest;
            var endNotYetHappened = at is { } a && end.Earliest > a.Latest;
            return endNotYetPublic || endNotYetHappened ? p.WithOpenEnd() : p;
        }

        var actors = new Dictionary<ActorId, Actor>();
        foreach (var a in kb.All<Actor>())
        {
            if (Visible(a) is { } v)
            {
                actors[v.Id] = v with { Active = AsSeen(v.Active, v.EndPublicSince) };
            }
        }

        bool HasActors(Fact f) => f.ActorRefs.All(actors.ContainsKey);

        var roles = kb.All<Role>().Select(Visible).OfType<Role>()
            .Where(r => HasActors(r) && Started(r.Period))
            .Select(r => r with { Period = AsSeen(r.Period, r.EndPublicSince) })
            .OrderBy(r => r.Period.Start).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        var ties = kb.All<Tie>().Select(Visible).OfType<Tie>()
            .Where(t => HasActors(t) && Started(t.Period))
            .Select(t => t with { Period = AsSeen(t.Period, t.EndPublicSince) })
            .OrderBy(t => t.Period.Start).ThenBy(t => t.Id, StringComparer.Ordinal).ToList();
        var ledger = kb.All<LedgerEntry>().Select(Visible).OfType<LedgerEntry>()
            .Where(l => HasActors(l) && Started(l.Period))
            .Select(l => l with { Period = AsSeen(l.Period, null) })
            .OrderBy(l => l.Period.Start).ThenBy(l => l.Id, StringComparer.Ordinal).ToList();
        var events = kb.All<Event>().Select(Visible).OfType<Event>()
            .Where(e => HasActors(e) && (at is not { } a || e.Date.Earliest <= a.Latest))
            .OrderBy(e => e.Date).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        var attributes = kb.All<ActorAttribute>().Select(Visible).OfType<ActorAttribute>()
            .Where(x => HasActors(x) && Started(x.Period))
            .Select(x => x with { Period = AsSeen(x.Period, x.EndPublicSince) })
            .OrderBy(x => x.Period.Start).ThenBy(x => x.Id, StringComparer.Ordinal).ToList();

        return new Snapshot(options, kb.Version, claims, sources, actors, roles, ties, ledger, events, attributes);
    }

    // Built on first use from the immutable lists above; building twice in a race is harmless (each build is complete
    // before it is published).
    private Dictionary<ActorId, int[]>? tiePositionsByActor;
    private Dictionary<ActorId, List<Actor>>? factionsByParent;

    /// <summary>The ties with <paramref name="id"/> at either end, in <see cref="Ties"/> order.</summary>
    /// <remarks>From an index built once per snapshot, so an analysis of one pair touches only that pair's ties.</remarks>
    public IReadOnlyList<Tie> TiesOf(ActorId id)
        => TiePositions().TryGetValue(id, out var positions) ? positions.Select(i => Ties[i]).ToList() : [];

    /// <summary>The ties joining exactly these two actors (either direction), in <see cref="Ties"/> order.</summary>
    public IReadOnlyList<Tie> TiesBetween(ActorId a, ActorId b)
        => TiesBetween(new HashSet<ActorId> { a }, new HashSet<ActorId> { b });

    /// <summary>The ties with one end in <paramref name="a"/> and the other in <paramref name="b"/>, in <see cref="Ties"/> order.</summary>
    public IReadOnlyList<Tie> TiesBetween(IReadOnlySet<ActorId> a, IReadOnlySet<ActorId> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        bool Between(Tie t) => (a.Contains(t.From) && b.Contains(t.To)) || (a.Contains(t.To) && b.Contains(t.From));
        return TiesTouching(a.Count <= b.Count ? a : b).Where(Between).ToList();
    }

    /// <summary>The ties with an end in <paramref name="actors"/>, each once, in <see cref="Ties"/> order.</summary>
    public IReadOnlyList<Tie> TiesTouching(IEnumerable<ActorId> actors)
    {
        ArgumentNullException.ThrowIfNull(actors);
        var index = TiePositions();
        var positions = new SortedSet<int>();
        foreach (var id in actors)
        {
            if (index.TryGetValue(id, out var mine))
            {
                positions.UnionWith(mine);
            }
        }

        return positions.Select(i => Ties[i]).ToList();
    }

    private Dictionary<ActorId, int[]> TiePositions()
    {
        if (tiePositionsByActor is { } built)
        {
            return built;
        }

        var lists = new Dictionary<ActorId, List<int>>();
        void Add(ActorId id, int position)
        {
            if (!lists.TryGetValue(id, out var list))
            {
                lists[id] = list = [];
            }

            list.Add(position);
        }

        for (var i = 0; i < Ties.Count; i++)
        {
            Add(Ties[i].From, i);
            if (Ties[i].To != Ties[i].From)
            {
                Add(Ties[i].To, i);
            }
        }

        return tiePositionsByActor = lists.ToDictionary(kv => kv.Key, kv => kv.Value.ToArray());
    }

    private ActorMatcher? matcher;

    /// <summary>The matcher over this snapshot's actors, built on first use (building it twice in a race is harmless).</summary>
    public ActorMatcher Matcher => matcher ??= new ActorMatcher(actors.Values);

    /// <summary>
    /// Finds an actor by id, name or alias, ignoring case, accents, punctuation and a leading "the"
    /// (<see cref="NameKey"/>); with the nearest names when none matches.
    /// </summary>
    public ActorLookup FindActor(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var matches = Matcher.ByName(name).Select(id => actors[id]).ToList();
        if (matches.Count == 1)
        {
            return new ActorLookup(matches[0], [], []);
        }

        if (matches.Count > 1)
        {
            return new ActorLookup(null, matches, []);
        }

        var key = NameKey.Of(name);
        var nearest = actors.Values
            .Select(a => (a, d: new[] { a.Name }.Concat(a.Aliases).Min(n => EditDistance.Between(NameKey.Of(n), key))))
            .OrderBy(x => x.d).ThenBy(x => x.a.Name, StringComparer.Ordinal)
            .Take(3).Select(x => x.a).ToList();
        return new ActorLookup(null, [], nearest);
    }
}

/// <summary>The result of looking an actor up by name: one match, several (ambiguous), or none with the nearest names.</summary>
public sealed record ActorLookup(Actor? Actor, IReadOnlyList<Actor> Ambiguous, IReadOnlyList<Actor> Nearest)
{
    public bool Found => Actor is not null;

    public string Describe(string name)
        => Ambiguous.Count > 0
            ? $"'{name}' matches several actors: {string.Join(", ", Ambiguous.Select(a => $"{a.Name} ({a.Id})"))}; use an id"
            : $"no actor named '{name}'" + (Nearest.Count > 0 ? $"; nearest: {string.Join(", ", Nearest.Select(a => a.Name))}" : "");
}
