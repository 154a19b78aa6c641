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
    private readonly KnowledgeBase kb;
    private readonly Dictionary<SourceId, Source> sources;
    private readonly Dictionary<ActorId, Actor> actors;
    private readonly Lazy<Dictionary<ClaimId, Claim>> claims;
    private readonly Lazy<IReadOnlyList<Tie>> ties;

    private Snapshot(KnowledgeBase kb, ReadOptions options, Dictionary<SourceId, Source> sources, Dictionary<ActorId, Actor> actors)
    {
        this.kb = kb;
        Options = options;
        Version = kb.Version;
        this.sources = sources;
        this.actors = actors;
        claims = new(() => kb.All<Claim>().Where(IsPublic).ToDictionary(c => c.Id));
        ties = new(() =>
        {
            // Every tie's claims are looked up: on a record read in parts, reading them all at once is far cheaper.
            _ = claims.Value;
            return kb.All<Tie>().Select(Visible).OfType<Tie>().Where(HasActors).Select(AsSeen).OfType<Tie>()
                .OrderBy(t => t.Period.Start).ThenBy(t => t.Id, StringComparer.Ordinal).ToList();
        });
    }

    public ReadOptions Options { get; }

    public long Version { get; }

    public IEnumerable<Actor> Actors => actors.Values;

    public IReadOnlyList<Role> Roles { get; private set; } = [];

    /// <summary>Every tie in the slice, ordered by start, then id.</summary>
    /// <remarks>On a record read in parts (<see cref="KnowledgeBase.ReadsInParts"/>) this reads every tie: a view of one
    /// pair or one actor asks <see cref="TiesBetween(ActorId, ActorId)"/> or <see cref="TiesOf"/> instead.</remarks>
    public IReadOnlyList<Tie> Ties => ties.Value;

    public IReadOnlyList<LedgerEntry> Ledger { get; private set; } = [];

    public IReadOnlyList<Event> Events { get; private set; } = [];

    public IReadOnlyList<ActorAttribute> Attributes { get; private set; } = [];

    public IEnumerable<Claim> AllClaims => claims.Value.Values;

    public IEnumerable<Source> Sources => sources.Values;

    public Actor? Actor(ActorId id) => actors.GetValueOrDefault(id);

    public Claim? Claim(ClaimId id)
        => claims.IsValueCreated || !kb.ReadsInParts ? claims.Value.GetValueOrDefault(id)
            : kb.FindClaim(id) is { } c && IsPublic(c) ? c : null;

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
        var snapshot = new Snapshot(kb, options, kb.All<Source>().ToDictionary(s => s.Id), []);
        foreach (var a in kb.All<Actor>())
        {
            if (snapshot.Visible(a) is { } v)
            {
                snapshot.actors[v.Id] = v with { Active = snapshot.AsSeen(v.Active, v.EndPublicSince) };
            }
        }

        snapshot.Roles = kb.All<Role>().Select(snapshot.Visible).OfType<Role>()
                .Where(r => snapshot.HasActors(r) && snapshot.Started(r.Period))
                .Select(r => r with { Period = snapshot.AsSeen(r.Period, r.EndPublicSince) })
                .OrderBy(r => r.Period.Start).ThenBy(r => r.Id, StringComparer.Ordinal).ToList();
        snapshot.Ledger = kb.All<LedgerEntry>().Select(snapshot.Visible).OfType<LedgerEntry>()
                .Where(l => snapshot.HasActors(l) && snapshot.Started(l.Period))
                .Select(l => l with { Period = snapshot.AsSeen(l.Period, null) })
                .OrderBy(l => l.Period.Start).ThenBy(l => l.Id, StringComparer.Ordinal).ToList();
        snapshot.Events = kb.All<Event>().Select(snapshot.Visible).OfType<Event>()
                .Where(e => snapshot.HasActors(e) && (options.EffectiveAt is not { } a || e.Date.Earliest <= a.Latest))
                .OrderBy(e => e.Date).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        snapshot.Attributes = kb.All<ActorAttribute>().Select(snapshot.Visible).OfType<ActorAttribute>()
                .Where(x => snapshot.HasActors(x) && snapshot.Started(x.Period))
                .Select(x => x with { Period = snapshot.AsSeen(x.Period, x.EndPublicSince) })
                .OrderBy(x => x.Period.Start).ThenBy(x => x.Id, StringComparer.Ordinal).ToList();
        return snapshot;
    }

    private bool IsPublic(Claim c)
    {
        if (Options.KnownAt is not { } k)
        {
            return true;
        }

        var date = c.PublicSince ?? sources.GetValueOrDefault(c.Source)?.Date;
        return date is not { } d || d.Latest <= k.Latest;
    }

    // A fact is visible when unsourced or when at least one of its claims is public.
    private T? Visible<T>(T fact) where T : Fact
    {
        if (fact.Claims.Count == 0)
        {
            return fact;
        }

        // Read at "known now", every claim is public; and a record read from a store cites only claims on record (the
        // journal refuses a missing or dangling reference, and a reader's view drops the ids of claims it hides). So
        // the fact stands as it is, and a record read in parts need not fetch its claims to say so.
        if (Options.KnownAt is null && kb.ReadsInParts)
        {
            return fact;
        }

        var kept = fact.Claims.Where(id => Claim(id) is not null).ToList();
        return kept.Count == 0 ? null : kept.Count == fact.Claims.Count ? fact : fact with { Claims = kept };
    }

    private bool Started(Period p) => Options.EffectiveAt is not { } a || p.Start is not { } s || s.Earliest <= a.Latest;

    private Period AsSeen(Period p, FuzzyDate? endPublicSince)
    {
        if (p.End is not { } end)
        {
            return p;
        }

        var endNotYetPublic = Options.KnownAt is { } k && endPublicSince is { } eps && eps.Latest > k.Latest;
        var endNotYetHappened = Options.EffectiveAt is { } a && end.Earliest > a.Latest;
        return endNotYetPublic || endNotYetHappened ? p.WithOpenEnd() : p;
    }

    private bool HasActors(Fact f) => f.ActorRefs.All(actors.ContainsKey);

    /// <summary>A tie as the slice sees it (null when it is not in the slice).</summary>
    private Tie? AsSeen(Tie t) => Started(t.Period) ? t with { Period = AsSeen(t.Period, t.EndPublicSince) } : null;

    // Built on first use from the immutable lists above; building twice in a race is harmless (each build is complete
    // before it is published).
    private Dictionary<ActorId, int[]>? tiePositionsByActor;
    private Dictionary<ActorId, List<Actor>>? factionsByParent;

    /// <summary>The ties with <paramref name="id"/> at either end, in <see cref="Ties"/> order.</summary>
    /// <remarks>An index built once per snapshot (or, on a record read in parts, only this actor's ties read), so an
    /// analysis of one pair touches only that pair's ties.</remarks>
    public IReadOnlyList<Tie> TiesOf(ActorId id) => TiesTouching([id]);

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
        if (kb.ReadsInParts && !ties.IsValueCreated)
        {
            // Read each actor's ties from the record and see them as Ties would; Ties' order (start, then id) is total.
            var seen = new Dictionary<string, Tie>(StringComparer.Ordinal);
            foreach (var id in actors)
            {
                foreach (var t in SeenTiesOf(id))
                {
                    seen.TryAdd(t.Id, t);
                }
            }

            return seen.Values.OrderBy(t => t.Period.Start).ThenBy(t => t.Id, StringComparer.Ordinal).ToList();
        }

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

    private readonly System.Collections.Concurrent.ConcurrentDictionary<ActorId, IReadOnlyList<Tie>> seenTiesOf = new();

    private IReadOnlyList<Tie> SeenTiesOf(ActorId id)
        => seenTiesOf.GetOrAdd(id, x => kb.TiesOf(x).Select(Visible).OfType<Tie>().Where(HasActors).Select(AsSeen).OfType<Tie>().ToList());

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

    private IReadOnlyList<SlicedTieTable>? tieRows;

    /// <summary>
    /// The ties of the slice as rows of the record's tie tables (<see cref="KnowledgeBase.TieTables"/>): the ties of
    /// <see cref="Ties"/>, seen by the same rules, for a scan of every tie of a large record without building each as an
    /// object. Built once per snapshot.
    /// </summary>
    public IReadOnlyList<SlicedTieTable> TieRows() => tieRows ??= kb.TieTables().Select(Slice).ToList();

    // The rules of Visible, HasActors, Started and AsSeen above, applied to columns.
    private SlicedTieTable Slice(TieTableView view)
    {
        var t = view.Table;
        var at = Options.EffectiveAt;
        var known = Options.KnownAt;
        bool[]? hidden = null;
        if (known is { } k)
        {
            var sourceDate = new FuzzyDate?[t.Sources.Length];
            var sourceLooked = new bool[t.Sources.Length];
            hidden = new bool[t.ClaimStart[t.Count]];
            for (var c = 0; c < hidden.Length; c++)
            {
                var s = t.ClaimSource[c];
                if (!sourceLooked[s])
                {
                    sourceDate[s] = sources.GetValueOrDefault(new SourceId(t.Sources[s]))?.Date;
                    sourceLooked[s] = true;
                }

                hidden[c] = (t.PublicSince[c] ?? sourceDate[s]) is { } d && d.Latest > k.Latest;
            }
        }

        var actorOf = new Actor?[t.Actors.Length];
        var actorLooked = new bool[t.Actors.Length];
        Actor? ActorAt(int a)
        {
            if (!actorLooked[a])
            {
                actorOf[a] = actors.GetValueOrDefault(new ActorId(t.Actors[a]));
                actorLooked[a] = true;
            }

            return actorOf[a];
        }

        var rows = new List<int>(t.Count);
        var ends = new List<FuzzyDate?>(t.Count);
        for (var r = 0; r < t.Count; r++)
        {
            if (!view.Stands(r))
            {
                continue;
            }

            if (hidden is not null && t.ClaimStart[r] < t.ClaimStart[r + 1] && Array.IndexOf(hidden, false, t.ClaimStart[r], t.ClaimStart[r + 1] - t.ClaimStart[r]) < 0)
            {
                continue;
            }

            if (ActorAt(t.From[r]) is null || ActorAt(t.To[r]) is null)
            {
                continue;
            }

            if (at is { } a && t.Start[r] is { } start && start.Earliest > a.Latest)
            {
                continue;
            }

            var end = t.End[r];
            if (end is { } e)
            {
                var endNotYetPublic = known is { } kk && t.EndPublicSince[r] is { } eps && eps.Latest > kk.Latest;
                var endNotYetHappened = at is { } aa && e.Earliest > aa.Latest;
                if (endNotYetPublic || endNotYetHappened)
                {
                    end = null;
                }
            }

            rows.Add(r);
            ends.Add(end);
        }

        return new SlicedTieTable(t, rows.ToArray(), ends.ToArray(), hidden, actorOf);
    }

    /// <summary>A tie as this slice sees it (its claims the visible ones, its end opened while not yet come or public), or null
    /// when the slice does not hold it.</summary>
    public Tie? Seen(Tie tie) => Visible(tie) is { } v && HasActors(v) ? AsSeen(v) : null;

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
