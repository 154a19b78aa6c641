using Wedge.Core.Collections;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;

namespace Wedge.Analysis.Spells;

/// <summary>What to do when the observation that would end a spell comes from another source than the spell's own evidence.</summary>
public enum ConflictPolicy
{
    /// <summary>Any source's ending observation ends the spell; evidence from other sources that the relation still held then is listed as contesting the end.</summary>
    AnySourceEnds,

    /// <summary>Only an ending observation from a source that also backs the spell ends it; one from another source is listed as contesting the spell, which runs on.</summary>
    SameSourceEnds,
}

/// <summary>Why a spell stopped.</summary>
public enum SpellEnd
{
    /// <summary>Still holding at the end of the data (right-censored).</summary>
    Censored,

    /// <summary>An observation of an ending kind between the same pair (e.g. a split ends an alliance).</summary>
    EndingObservation,

    /// <summary>Every observation backing the spell had an end of its own, and the last of those ends was reached.</summary>
    RecordedEnd,

    /// <summary>One of the pair ceased to exist (its active period ended).</summary>
    GroupEnded,
}

/// <summary>
/// The rule that turns dated observations into spells. See docs/import-mmp.md, "Spells", for the rule in words.
/// </summary>
/// <remarks>
/// <see cref="EndedBy"/> lists which tie kinds form spells and which kinds end them. Kinds not listed as keys
/// (by default split and merger, which are events rather than states) never form spells but may end them.
/// </remarks>
public sealed record SpellRule
{
    /// <summary>Alliance and affiliation end at a split or rivalry; rivalry ends at an alliance, affiliation or merger.</summary>
    public static SpellRule Default { get; } = new();

    public EquatableMap<TieKind, EquatableList<TieKind>> EndedBy { get; init; } = new Dictionary<TieKind, EquatableList<TieKind>>
    {
        [TieKind.Alliance] = [TieKind.Split, TieKind.Rivalry],
        [TieKind.Affiliation] = [TieKind.Split, TieKind.Rivalry],
        [TieKind.Rivalry] = [TieKind.Alliance, TieKind.Affiliation, TieKind.Merger],
    }.ToEquatableMap();

    public ConflictPolicy Conflicts { get; init; } = ConflictPolicy.AnySourceEnds;

    /// <summary>Whether a spell ends when one of the pair's active period ends.</summary>
    public bool GroupEndEndsSpell { get; init; } = true;

    /// <summary>The end of the data, where open spells are censored; null: the latest date among the observations.</summary>
    public FuzzyDate? CensorAt { get; init; }
}

/// <summary>One dated observation of a relation between two actors: a tie as a spell rule sees it.</summary>
/// <param name="Sources">The sources of the claims behind it (for <see cref="ConflictPolicy"/>), each once.</param>
public sealed record Observation(string Id, TieKind Kind, ActorId From, ActorId To, Period Period, EquatableList<string> Sources);

/// <summary>
/// An interval during which a relation held between two actors, by a <see cref="SpellRule"/>.
/// <see cref="A"/> and <see cref="B"/> are in ordinal order of their ids (spells are between pairs, not directed).
/// </summary>
/// <param name="End">When it stopped; null when censored.</param>
/// <param name="CensoredAt">For a censored spell, the end of the data it was censored at.</param>
/// <param name="StartedBy">The observation that started it.</param>
/// <param name="EndedBy">The observation that ended it (or "actor:ID" for a group's end); null when censored.</param>
/// <param name="Observations">Every observation of this kind that fell inside it, the starting one first.</param>
/// <param name="ContestedBy">Observations that contradict it: under <see cref="ConflictPolicy.AnySourceEnds"/>, other sources'
/// observations of the same relation that may still hold when it ended; under <see cref="ConflictPolicy.SameSourceEnds"/>, ending
/// observations from other sources that did not end it.</param>
public sealed record Spell(
    ActorId A,
    ActorId B,
    TieKind Kind,
    FuzzyDate Start,
    FuzzyDate? End,
    SpellEnd EndReason,
    FuzzyDate? CensoredAt,
    string StartedBy,
    string? EndedBy,
    EquatableList<string> Observations,
    EquatableList<string> ContestedBy)
{
    public bool Censored => EndReason == SpellEnd.Censored;

    public bool Contested => ContestedBy.Count > 0;
}

/// <summary>The spells, plus the observations left out because they have no start date.</summary>
public sealed record SpellSet(EquatableList<Spell> Spells, EquatableList<string> Undated, FuzzyDate? DataEnd);

/// <summary>Turns observations into spells by a <see cref="SpellRule"/>. Pure and deterministic.</summary>
public static class SpellBuilder
{
    /// <summary>The ties of a snapshot as observations, each with the sources of its claims.</summary>
    public static IReadOnlyList<Observation> ObservationsOf(Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        return snapshot.Ties
            .Select(t => new Observation(t.Id, t.Kind, t.From, t.To, t.Period,
                snapshot.ClaimsOf(t).Select(c => c.Source.Value).Distinct().Order(StringComparer.Ordinal).ToEquatableList()))
            .ToList();
    }

    /// <summary>The end dates of actors' active periods, for <see cref="SpellRule.GroupEndEndsSpell"/>.</summary>
    public static IReadOnlyDictionary<ActorId, FuzzyDate> GroupEndsOf(Snapshot snapshot)
        => snapshot.Actors.Where(a => a.Active.End is not null).ToDictionary(a => a.Id, a => a.Active.End!.Value);

    public static SpellSet Build(Snapshot snapshot, SpellRule? rule = null)
        => Build(ObservationsOf(snapshot), GroupEndsOf(snapshot), rule ?? SpellRule.Default);

    public static SpellSet Build(IEnumerable<Observation> observations, IReadOnlyDictionary<ActorId, FuzzyDate> groupEnds, SpellRule rule)
    {
        ArgumentNullException.ThrowIfNull(observations);
        ArgumentNullException.ThrowIfNull(rule);
        var all = observations.ToList();
        var undated = all.Where(o => o.Period.Start is null).Select(o => o.Id).Order(StringComparer.Ordinal).ToList();
        var dated = all.Where(o => o.Period.Start is not null).ToList();
        var dataEnd = rule.CensorAt ?? (dated.Count == 0 ? null : dated.SelectMany(o => new[] { o.Period.Start, o.Period.End }).OfType<FuzzyDate>().Max());

        var spells = new List<Spell>();
        foreach (var pair in dated.GroupBy(o => Pair(o.From, o.To)))
        {
            spells.AddRange(BuildPair(pair.Key.A, pair.Key.B, pair.ToList(), groupEnds, rule, dataEnd));
        }

        spells.Sort((x, y) =>
        {
            var c = x.Start.CompareTo(y.Start);
            c = c != 0 ? c : string.CompareOrdinal(x.A.Value, y.A.Value);
            c = c != 0 ? c : string.CompareOrdinal(x.B.Value, y.B.Value);
            return c != 0 ? c : x.Kind.CompareTo(y.Kind);
        });
        return new SpellSet(spells.ToEquatableList(), undated.ToEquatableList(), dataEnd);
    }

    private static (ActorId A, ActorId B) Pair(ActorId x, ActorId y) => string.CompareOrdinal(x.Value, y.Value) <= 0 ? (x, y) : (y, x);

    private sealed class Open(Observation first)
    {
        public Observation First { get; } = first;

        public List<string> Observations { get; } = [first.Id];

        public HashSet<string> Live { get; } = [first.Id];

        public HashSet<string> Sources { get; } = new(first.Sources, StringComparer.Ordinal);

        public List<string> ContestedBy { get; } = [];
    }

    private enum Step
    {
        Start = 0,
        OwnEnd = 1,
    }

    private static IEnumerable<Spell> BuildPair(ActorId a, ActorId b, List<Observation> obs, IReadOnlyDictionary<ActorId, FuzzyDate> groupEnds, SpellRule rule, FuzzyDate? dataEnd)
    {
        // Observations in date order (earliest day, then coarser first); at the same date a relation's start is taken
        // before what ends it, so a split dated like the alliance it ends still ends it rather than vanishing.
        var steps = obs.Select(o => (Date: o.Period.Start!.Value, Step: Step.Start, Obs: o))
            .Concat(obs.Where(o => o.Period.End is not null).Select(o => (Date: o.Period.End!.Value, Step: Step.OwnEnd, Obs: o)))
            .OrderBy(s => s.Date)
            .ThenBy(s => s.Step == Step.Start && rule.EndedBy.ContainsKey(s.Obs.Kind) ? 0 : 1)
            .ThenBy(s => s.Step)
            .ThenBy(s => s.Obs.Id, StringComparer.Ordinal)
            .ToList();

        var open = new Dictionary<TieKind, Open>();
        var done = new List<Spell>();
        foreach (var (date, step, o) in steps)
        {
            if (step == Step.OwnEnd)
            {
                if (open.TryGetValue(o.Kind, out var s) && s.Live.Remove(o.Id) && s.Live.Count == 0)
                {
                    done.Add(Close(a, b, o.Kind, s, date, SpellEnd.RecordedEnd, o.Id));
                    open.Remove(o.Kind);
                }

                continue;
            }

            Open? started = null;
            if (rule.EndedBy.ContainsKey(o.Kind))
            {
                if (open.TryGetValue(o.Kind, out var s))
                {
                    s.Observations.Add(o.Id);
                    s.Sources.UnionWith(o.Sources);
                    if (o.Period.End is null || o.Period.End.Value >= date)
                    {
                        s.Live.Add(o.Id);
                    }
                }
                else
                {
                    open[o.Kind] = started = new Open(o);
                }
            }

            foreach (var (kind, spell) in open.Where(x => x.Value != started && rule.EndedBy[x.Key].Contains(o.Kind)).ToList())
            {
                var sameSource = spell.Sources.Overlaps(o.Sources);
                if (rule.Conflicts == ConflictPolicy.SameSourceEnds && !sameSource)
                {
                    spell.ContestedBy.Add(o.Id);
                    continue;
                }

                // Other sources saying the relation still held when this observation ended it.
                foreach (var other in obs.Where(x => x.Kind == kind && !x.Sources.Any(o.Sources.Contains) && x.Period.MayHoldDuring(date)))
                {
                    spell.ContestedBy.Add(other.Id);
                }

                done.Add(Close(a, b, kind, spell, date, SpellEnd.EndingObservation, o.Id));
                open.Remove(kind);
            }
        }

        FuzzyDate? groupEnd = null;
        if (rule.GroupEndEndsSpell)
        {
            foreach (var id in new[] { a, b })
            {
                if (groupEnds.TryGetValue(id, out var e) && (groupEnd is null || e < groupEnd.Value))
                {
                    groupEnd = e;
                }
            }
        }

        foreach (var (kind, s) in open.OrderBy(x => x.Key))
        {
            var start = s.First.Period.Start!.Value;
            if (groupEnd is { } g && !g.IsCertainlyBefore(start) && (dataEnd is not { } end || g <= end))
            {
                var who = groupEnds.TryGetValue(a, out var ea) && ea == g ? a : b;
                done.Add(Close(a, b, kind, s, g, SpellEnd.GroupEnded, $"actor:{who}"));
            }
            else
            {
                done.Add(new Spell(a, b, kind, start, null, SpellEnd.Censored, dataEnd, s.First.Id, null, s.Observations.ToEquatableList(), s.ContestedBy.Distinct().ToEquatableList()));
            }
        }

        return done;
    }

    private static Spell Close(ActorId a, ActorId b, TieKind kind, Open s, FuzzyDate end, SpellEnd reason, string endedBy)
        => new(a, b, kind, s.First.Period.Start!.Value, end, reason, null, s.First.Id, endedBy, s.Observations.ToEquatableList(), s.ContestedBy.Distinct().ToEquatableList());
}
