using System.Collections.Concurrent;
using Wedge.Analysis.Evidence;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;

namespace Wedge.Analysis.Durability;

/// <summary>
/// The durability covariates of a pair on a day, as docs/methods/durability.md defines them, read from one snapshot: the
/// values <see cref="RecordSurvival"/> puts on each row of an alliance spell and the dyad-year panel puts on each pair and
/// year. Built once per snapshot (the leaders' deaths and changes are gathered then); pure and safe to read from
/// several threads.
/// </summary>
/// <remarks>
/// Three covariates count from the start of an alliance spell (<c>leader_death</c>, <c>leader_death_known</c>,
/// <c>leadership_change</c>): they take the spell's first day. The other four are the pair's on the day, spell or not.
/// </remarks>
public sealed class DyadCovariates
{
    private readonly Snapshot snapshot;
    private readonly Dictionary<ActorId, List<(DateOnly Died, DateOnly Known)>> deaths = [];
    private readonly Dictionary<ActorId, List<DateOnly>> changes = [];

    public DyadCovariates(Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        this.snapshot = snapshot;
        foreach (var role in snapshot.Roles.Where(r => r.Title == RoleTitle.Leader))
        {
            // Each day a leader took or left office, for whatever reason.
            foreach (var d in new[] { role.Period.Start, role.Period.End }.OfType<FuzzyDate>())
            {
                Add(changes, role.Organisation, d.Earliest);
            }

            // A leader who left office by dying (the person's active period ends within the role's end date): when, and
            // when that became public (the same day unless kept secret).
            if (role.Period.End is { } end && snapshot.Actor(role.Person) is { Active.End: { } death } person && death.MayCoincide(end))
            {
                var known = role.EndPublicSince ?? person.EndPublicSince ?? death;
                Add(deaths, role.Organisation, (death.Earliest, Max(known.Earliest, death.Earliest)));
            }
        }
    }

    public Snapshot Snapshot => snapshot;

    /// <summary>
    /// The days on which a leader covariate of a pair in a spell begun on <paramref name="begin"/> may change: a death of a
    /// leader of either party on or after that day and the day it became public, and each later change of leader.
    /// </summary>
    public IEnumerable<DateOnly> LeaderDays(ActorId a, ActorId b, DateOnly begin)
        => DeathsSince(a, b, begin).SelectMany(d => new[] { d.Died, d.Known }).Concat(ChangesAfter(a, b, begin));

    /// <summary>
    /// The covariates on <paramref name="day"/> of a pair in an alliance spell begun on <paramref name="begin"/>, in
    /// <see cref="RecordSurvival.Covariates"/> order; <paramref name="pairTies"/> are the pair's ties
    /// (<see cref="RelationWeigher.TiesBetween"/>), passed in so that a caller reading many days reads them once.
    /// </summary>
    public double[] InSpell(ActorId a, ActorId b, DateOnly begin, DateOnly day, IReadOnlyList<Tie> pairTies)
    {
        var (died, known, changed) = Leaders(a, b, begin, day);
        var date = FuzzyDate.FromDateOnly(day);
        return
        [
            died ? 1 : 0,
            known ? 1 : 0,
            SharesARival(a, b, date) ? 1 : 0,
            StateSponsored(a, b, date) ? 1 : 0,
            OtherAllies(a, b, date),
            changed ? 1 : 0,
            Evidence(pairTies, date),
        ];
    }

    /// <summary>
    /// <c>leader_death</c>, <c>leader_death_known</c> and <c>leadership_change</c> on <paramref name="day"/> for a spell
    /// begun on <paramref name="begin"/>: a leader of either party died in office on or after the spell's first day (and
    /// that death was public) by the day; a leader of either party took or left office after the first day, by the day.
    /// </summary>
    public (bool LeaderDeath, bool LeaderDeathKnown, bool LeadershipChange) Leaders(ActorId a, ActorId b, DateOnly begin, DateOnly day)
    {
        var died = false;
        var known = false;
        foreach (var d in DeathsSince(a, b, begin))
        {
            died |= d.Died <= day;
            known |= d.Known <= day;
        }

        return (died, known, ChangesAfter(a, b, begin).Any(c => c <= day));
    }

    /// <summary><c>shared_rival</c>: both parties have, on the day, a rivalry with one same third actor.</summary>
    public bool SharesARival(ActorId a, ActorId b, FuzzyDate date)
    {
        var rivalsOfA = On(a, date).Rivals;
        return On(b, date).Rivals.Any(x => x != a && rivalsOfA.Contains(x));
    }

    /// <summary><c>state_sponsor</c>: an actor of kind state sponsors either party on the day.</summary>
    public bool StateSponsored(ActorId a, ActorId b, FuzzyDate date) => On(a, date).StateSponsored || On(b, date).StateSponsored;

    /// <summary><c>other_allies</c>: the number of other actors each party is allied or affiliated with on the day, summed over the two.</summary>
    public int OtherAllies(ActorId a, ActorId b, FuzzyDate date) => CountOtherAllies(On(a, date).Allies, b) + CountOtherAllies(On(b, date).Allies, a);

    /// <summary><c>evidence</c>: the weighed probability that the pair is friendly on the day (docs/methods/evidence.md, weighed at that date).</summary>
    public double Evidence(IReadOnlyList<Tie> pairTies, FuzzyDate date) => RelationWeigher.Gather(snapshot, pairTies, date).Weigh(withTrail: false).PFriendly;

    private IEnumerable<(DateOnly Died, DateOnly Known)> DeathsSince(ActorId a, ActorId b, DateOnly begin)
        => Of(deaths, a, b).Where(d => d.Died >= begin);

    private IEnumerable<DateOnly> ChangesAfter(ActorId a, ActorId b, DateOnly begin) => Of(changes, a, b).Where(c => c > begin);

    private static IEnumerable<T> Of<T>(Dictionary<ActorId, List<T>> byActor, ActorId a, ActorId b)
        => a == b ? byActor.GetValueOrDefault(a) ?? [] : (byActor.GetValueOrDefault(a) ?? []).Concat(byActor.GetValueOrDefault(b) ?? []);

    private static void Add<T>(Dictionary<ActorId, List<T>> byActor, ActorId actor, T value)
    {
        if (!byActor.TryGetValue(actor, out var list))
        {
            byActor[actor] = list = [];
        }

        list.Add(value);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static int CountOtherAllies(HashSet<ActorId> allies, ActorId partner) => allies.Count - (allies.Contains(partner) ? 1 : 0);

    /// <summary>An actor's rivals, allies (alliance or affiliation) and whether a state sponsors it, on one day.</summary>
    private sealed record ActorDay(HashSet<ActorId> Rivals, HashSet<ActorId> Allies, bool StateSponsored);

    /// <summary>
    /// One of an actor's ties that a covariate reads (a rivalry, alliance or affiliation, or a state's sponsorship of the
    /// actor), with a start: its kind, the other end, and the days it may hold (from the start's earliest day to the
    /// end's latest), so that reading a day compares days rather than fuzzy dates.
    /// </summary>
    private readonly record struct ActorTie(TieKind Kind, ActorId Other, DateOnly From, DateOnly Until);

    // A panel reads every pair of a year on one day, so each actor's ties are read once per day, not once per pair, and
    // looked up once, not once per day.
    private readonly ConcurrentDictionary<(ActorId, FuzzyDate), ActorDay> days = new();
    private readonly ConcurrentDictionary<ActorId, ActorTie[]> tiesOf = new();

    /// <summary>Ties count while they have a start and may hold on the day (<see cref="Period.MayHoldDuring(FuzzyDate)"/>), as the snapshot sees them.</summary>
    private ActorDay On(ActorId actor, FuzzyDate date) => days.GetOrAdd((actor, date), key =>
    {
        var (id, day) = key;
        var (earliest, latest) = (day.Earliest, day.Latest);
        var (rivals, allies, sponsored) = (new HashSet<ActorId>(), new HashSet<ActorId>(), false);
        foreach (var t in tiesOf.GetOrAdd(id, TiesRead))
        {
            if (t.From > latest || t.Until < earliest)
            {
                continue;
            }

            if (t.Kind == TieKind.Rivalry)
            {
                rivals.Add(t.Other);
            }
            else if (t.Kind is TieKind.Alliance or TieKind.Affiliation)
            {
                allies.Add(t.Other);
            }
            else
            {
                sponsored = true;
            }
        }

        return new ActorDay(rivals, allies, sponsored);
    });

    private ActorTie[] TiesRead(ActorId id)
    {
        var read = new List<ActorTie>();
        foreach (var t in snapshot.TiesOf(id))
        {
            var stateSponsor = t.Kind == TieKind.Sponsorship && t.To == id && snapshot.Actor(t.From)?.Kind == ActorKind.State;
            if (t.Period.Start is { } start && (t.Kind is TieKind.Rivalry or TieKind.Alliance or TieKind.Affiliation || stateSponsor))
            {
                read.Add(new ActorTie(t.Kind, t.From == id ? t.To : t.From, start.Earliest, t.Period.End?.Latest ?? DateOnly.MaxValue));
            }
        }

        return [.. read];
    }
}
