using System.Collections.Concurrent;
using Wedge.Analysis.Durability;
using Wedge.Analysis.Evidence;
using Wedge.Core.Collections;
using Wedge.Core.Events;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;

namespace Wedge.Analysis.Panels;

/// <summary>One pair in one year: the weighed relation then, what speaks to it, and the joint attacks on record.</summary>
/// <param name="A">The pair's first actor id (ordinal order: A &lt; B).</param>
/// <param name="Probability">The probability of <see cref="Relation"/> (<see cref="RelationWeight.Probability"/>) read at the year.</param>
/// <param name="TieKinds">Kinds of the ties that speak to the year (leadership excluded), in enum order.</param>
/// <param name="JointAttacks">Joint-operation events in the year naming both.</param>
/// <param name="Fatalities">People killed in those, where the count is known.</param>
/// <param name="FatalitiesUnknown">Those of them whose count of people killed is unknown.</param>
/// <param name="Claims">Distinct claims on the ties that speak to the year (context claims included, disputing ones too).</param>
/// <param name="Sources">Distinct sources of those claims.</param>
/// <param name="Durability">The durability covariates of the pair on 1 January of the year.</param>
public sealed record PanelRow(int Year, ActorId A, string AName, ActorId B, string BName, RelationSign Relation, double Probability, double PFriendly,
    double PHostile, bool Contested, EquatableList<TieKind> TieKinds, int JointAttacks, int Fatalities, int FatalitiesUnknown, int Claims, int Sources,
    PanelCovariates Durability);

/// <summary>
/// The durability covariates of a pair on 1 January of a panel year, as <see cref="RecordSurvival"/> computes them for a
/// row of an alliance spell that starts that day (docs/methods/durability.md), read from the whole record (the panel's
/// <c>knownAt</c> applies) under the default spell rule. The three that count from the start of a spell are null when
/// the pair is in no alliance or affiliation spell on that day. A spell still holding at the end of the data (censored
/// there by the durability model) is read as holding in the panel's later years too.
/// </summary>
/// <param name="SpellStart">First day of the alliance or affiliation spell the pair is in on 1 January (the earliest begun, if several); null when none.</param>
/// <param name="Evidence">P(friendly) weighed on 1 January (day precision), where <see cref="PanelRow.PFriendly"/> is weighed at the whole year.</param>
public sealed record PanelCovariates(DateOnly? SpellStart, bool? LeaderDeath, bool? LeaderDeathKnown, bool SharedRival, bool StateSponsor, int OtherAllies,
    bool? LeadershipChange, double Evidence);

/// <summary>
/// The dyad-year panel: for each year from..to, one row per pair of actors with evidence that speaks to that year (a tie
/// that may hold then, or a start-only observation carried to it) or a joint attack in it. The relation is weighed by
/// <see cref="RelationWeigher"/> at the year (year precision), as <c>wedge dyad --at YEAR</c> weighs it. Pure.
/// </summary>
public static class DyadYearPanel
{
    public static IReadOnlyList<PanelRow> Build(KnowledgeBase kb, int from, int to, FuzzyDate? knownAt = null)
    {
        ArgumentNullException.ThrowIfNull(kb);
        if (to < from)
        {
            throw new ArgumentException($"The panel ends ({to}) before it starts ({from}).", nameof(to));
        }

        var durability = CovariateReader.Of(kb, knownAt);

        // Years are read independently of one another, so they are read in parallel; the rows come out in year order.
        return [.. Enumerable.Range(from, to - from + 1).AsParallel().AsOrdered().SelectMany(year => Year(kb, year, knownAt, durability))];
    }

    /// <summary>The covariates' reading of the whole record, shared by the years: the pairs' spells and ties, read once.</summary>
    private sealed class CovariateReader(DyadCovariates covariates, Dictionary<(ActorId, ActorId), List<RecordSurvival.AtRisk>> spells)
    {
        private readonly ConcurrentDictionary<(ActorId, ActorId), IReadOnlyList<Tie>> pairTies = new();

        public static CovariateReader Of(KnowledgeBase kb, FuzzyDate? knownAt)
        {
            var whole = Snapshot.Of(kb, new ReadOptions(KnownAt: knownAt));
            var spells = new Dictionary<(ActorId, ActorId), List<RecordSurvival.AtRisk>>();
            foreach (var spell in RecordSurvival.Spells(whole))
            {
                var key = Ordered(spell.A, spell.B);
                if (!spells.TryGetValue(key, out var list))
                {
                    spells[key] = list = [];
                }

                list.Add(spell);
            }

            return new CovariateReader(new DyadCovariates(whole), spells);
        }

        public PanelCovariates At((ActorId A, ActorId B) pair, int year)
        {
            var day = new DateOnly(year, 1, 1);
            var date = FuzzyDate.FromDateOnly(day);
            var (a, b) = pair;
            var ties = pairTies.GetOrAdd(pair, p => [.. RelationWeigher.TiesBetween(covariates.Snapshot, p.Item1, p.Item2)]);
            var spell = spells.GetValueOrDefault(pair)?.Where(s => s.Begin <= day && (day < s.End || s.Censored)).MinBy(s => s.Begin);
            var leaders = spell is null ? ((bool, bool, bool)?)null : covariates.Leaders(a, b, spell.Begin, day);
            return new PanelCovariates(spell?.Begin, leaders?.Item1, leaders?.Item2, covariates.SharesARival(a, b, date), covariates.StateSponsored(a, b, date),
                covariates.OtherAllies(a, b, date), leaders?.Item3, covariates.Evidence(ties, date));
        }
    }

    /// <summary>The rows of one year, pairs in ordinal order.</summary>
    private static List<PanelRow> Year(KnowledgeBase kb, int year, FuzzyDate? knownAt, CovariateReader durability)
    {
        var rows = new List<PanelRow>();
        var at = new FuzzyDate(year);
        var s = Snapshot.Of(kb, new ReadOptions(at, knownAt));
        var ties = new Dictionary<(ActorId, ActorId), List<Tie>>();
        foreach (var t in s.Ties)
        {
            if (t.Kind == TieKind.Leadership || t.From == t.To || !MaySpeak(t, at))
            {
                continue;
            }

            var key = Ordered(t.From, t.To);
            if (!ties.TryGetValue(key, out var list))
            {
                ties[key] = list = [];
            }

            list.Add(t);
        }

        var attacks = new Dictionary<(ActorId, ActorId), (int Count, int Killed, int Unknown)>();
        foreach (var e in s.Events)
        {
            if (e.Kind != EventKind.JointOperation || e.Date.Year != year)
            {
                continue;
            }

            var (known, killed) = (e.Fatalities is not null, e.Fatalities ?? 0);
            var actors = e.Actors.Distinct().ToList();
            for (var i = 0; i < actors.Count; i++)
            {
                for (var j = i + 1; j < actors.Count; j++)
                {
                    var key = Ordered(actors[i], actors[j]);
                    var (n, k, u) = attacks.GetValueOrDefault(key);
                    attacks[key] = (n + 1, k + (known ? killed : 0), u + (known ? 0 : 1));
                }
            }
        }

        foreach (var key in ties.Keys.Union(attacks.Keys).OrderBy(k => k.Item1.Value, StringComparer.Ordinal).ThenBy(k => k.Item2.Value, StringComparer.Ordinal))
        {
            var w = ties.TryGetValue(key, out var list) ? RelationWeigher.Gather(s, list, at).Weigh() : RelationWeight.Empty;
            var speaking = w.Items.Where(i => i.Reach != Reach.Silent).ToList();
            var (n, killed, unknown) = attacks.GetValueOrDefault(key);
            if (speaking.Count == 0 && n == 0)
            {
                continue;
            }

            rows.Add(new PanelRow(year, key.Item1, s.Actor(key.Item1)?.Name ?? key.Item1.Value, key.Item2, s.Actor(key.Item2)?.Name ?? key.Item2.Value,
                w.Sign, w.Probability, w.PFriendly, w.PHostile, w.Contested, speaking.Select(i => i.Kind).Distinct().Order().ToEquatableList(), n, killed, unknown,
                speaking.Where(i => i.Claim is not null).Select(i => i.Claim).Distinct().Count(),
                speaking.Where(i => i.Claim is not null).Select(i => i.Source).Distinct().Count(), durability.At(key, year)));
        }

        return rows;
    }

    /// <summary>A cheap test before weighing: a tie whose period lies wholly after the year, or (not start-only) wholly before it, cannot speak.</summary>
    private static bool MaySpeak(Tie t, FuzzyDate at)
        => t.StartOnly ? t.Period.Start is { } s && s.Earliest <= at.Latest : t.Period.MayHoldDuring(at);

    private static (ActorId, ActorId) Ordered(ActorId x, ActorId y) => string.CompareOrdinal(x.Value, y.Value) <= 0 ? (x, y) : (y, x);
}
