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
/// <remarks>
/// Each year reads the record as a snapshot at that year would (<c>Snapshot.Of(kb, new ReadOptions(year, knownAt))</c>),
/// but the record is read once: a tie's view at a year differs from its view over the whole record only by the valid-time
/// rules (a tie not yet begun is not in the year; an end still to come is not yet known), so each pair's ties are read
/// once and cut to each year. The same read serves the durability covariates.
/// </remarks>
public static class DyadYearPanel
{
    public static IReadOnlyList<PanelRow> Build(KnowledgeBase kb, int from, int to, FuzzyDate? knownAt = null)
    {
        ArgumentNullException.ThrowIfNull(kb);
        if (to < from)
        {
            throw new ArgumentException($"The panel ends ({to}) before it starts ({from}).", nameof(to));
        }

        var record = PanelRecord.Of(kb, from, to, knownAt);

        // Pairs are read independently of one another, in ordinal order; a stable sort by year then gives the rows in
        // year order, pairs in ordinal order within a year.
        var rows = record.Pairs.AsParallel().AsOrdered().SelectMany(record.RowsOf).ToList();
        return [.. rows.OrderBy(r => r.Year)];
    }

    /// <summary>What one pair has on record: its ties (in <see cref="Snapshot.Ties"/> order) and its joint attacks by year.</summary>
    private sealed class PairRecord
    {
        public List<Tie> Ties { get; } = [];

        /// <summary>The pair's ties as the covariates' read sees them (the same list as <see cref="Ties"/> unless the panel is read as known at a date).</summary>
        public List<Tie>? WholeTies { get; set; }

        /// <summary>Per panel year (index year - from): joint attacks, people killed in those with a known count, those with an unknown count.</summary>
        public (int Count, int Killed, int Unknown)[]? Attacks { get; set; }
    }

    /// <summary>The record read once for the whole panel: every pair's ties and joint attacks, and the covariates' reading.</summary>
    private sealed class PanelRecord(Snapshot all, CovariateReader durability, Dictionary<(ActorId, ActorId), PairRecord> pairs, int from, int to)
    {
        /// <summary>Every pair with a tie or a joint attack in the panel's years, in ordinal order.</summary>
        public IReadOnlyList<(ActorId, ActorId)> Pairs { get; } =
            [.. pairs.Keys.OrderBy(k => k.Item1.Value, StringComparer.Ordinal).ThenBy(k => k.Item2.Value, StringComparer.Ordinal)];

        public static PanelRecord Of(KnowledgeBase kb, int from, int to, FuzzyDate? knownAt)
        {
            // The covariates read the whole record as known at knownAt (valid time then too); the years read it at each
            // year, which may lie after knownAt, so they are cut from a read as known at knownAt but at the end of time.
            // Without knownAt the two reads are one.
            var whole = Snapshot.Of(kb, new ReadOptions(KnownAt: knownAt));
            var all = knownAt is null ? whole : Snapshot.Of(kb, new ReadOptions(new FuzzyDate(9999), knownAt));
            var pairs = new Dictionary<(ActorId, ActorId), PairRecord>();
            PairRecord Pair((ActorId, ActorId) key)
            {
                if (!pairs.TryGetValue(key, out var pair))
                {
                    pairs[key] = pair = new PairRecord();
                }

                return pair;
            }

            foreach (var t in all.Ties)
            {
                if (t.Kind != TieKind.Leadership && t.From != t.To)
                {
                    Pair(Ordered(t.From, t.To)).Ties.Add(t);
                }
            }

            if (!ReferenceEquals(all, whole))
            {
                foreach (var t in whole.Ties)
                {
                    if (t.Kind != TieKind.Leadership && t.From != t.To)
                    {
                        (Pair(Ordered(t.From, t.To)).WholeTies ??= []).Add(t);
                    }
                }
            }

            foreach (var e in all.Events)
            {
                if (e.Kind != EventKind.JointOperation || e.Date.Year < from || e.Date.Year > to)
                {
                    continue;
                }

                var (known, killed) = (e.Fatalities is not null, e.Fatalities ?? 0);
                var actors = e.Actors.Distinct().ToList();
                for (var i = 0; i < actors.Count; i++)
                {
                    for (var j = i + 1; j < actors.Count; j++)
                    {
                        var attacks = Pair(Ordered(actors[i], actors[j])).Attacks ??= new (int, int, int)[to - from + 1];
                        ref var year = ref attacks[e.Date.Year - from];
                        year = (year.Count + 1, year.Killed + (known ? killed : 0), year.Unknown + (known ? 0 : 1));
                    }
                }
            }

            return new PanelRecord(all, CovariateReader.Of(whole), pairs, from, to);
        }

        /// <summary>The pair's rows, in year order.</summary>
        public IEnumerable<PanelRow> RowsOf((ActorId A, ActorId B) key)
        {
            var pair = pairs[key];
            var wholeTies = ReferenceEquals(all, durability.Snapshot) ? pair.Ties : pair.WholeTies ?? [];
            var (aName, bName) = (all.Actor(key.A)?.Name ?? key.A.Value, all.Actor(key.B)?.Name ?? key.B.Value);
            var speaking = new List<Tie>();
            var years = Candidates(pair);
            for (var year = from; year <= to; year++)
            {
                if (!years[year - from])
                {
                    continue;
                }

                var at = new FuzzyDate(year);
                speaking.Clear();
                foreach (var t in pair.Ties)
                {
                    if (SeenAt(t, at) is { } seen && MaySpeak(seen, at))
                    {
                        speaking.Add(seen);
                    }
                }

                var (n, killed, unknown) = pair.Attacks?[year - from] ?? default;
                if (speaking.Count == 0 && n == 0)
                {
                    continue;
                }

                // Every tie that may speak at the year gives the weighing at least one item (a claim, or the unsourced
                // tie's stand-in) that speaks, so the kinds, claims and sources that speak are those of these ties.
                var w = speaking.Count > 0 ? RelationWeigher.Gather(all, speaking, at).Weigh(withTrail: false) : RelationWeight.Empty;
                var claims = speaking.SelectMany(all.ClaimsOf).DistinctBy(c => c.Id).ToList();
                yield return new PanelRow(year, key.A, aName, key.B, bName, w.Sign, R(w.Probability), R(w.PFriendly), R(w.PHostile), w.Contested,
                    speaking.Select(t => t.Kind).Distinct().Order().ToEquatableList(), n, killed, unknown, claims.Count,
                    claims.Select(c => c.Source).Distinct().Count(), durability.At(key, wholeTies, year));
            }
        }

        /// <summary>
        /// The panel's years (index year - from) in which the pair may have a row: those of its joint attacks, and those in
        /// which one of its ties may speak. A tie cannot speak in a year before its start's, nor (unless start-only) after its
        /// end's (<see cref="SeenAt"/>, <see cref="MaySpeak"/>), so this bounds the years without cutting each tie to each year.
        /// </summary>
        private bool[] Candidates(PairRecord pair)
        {
            var years = new bool[to - from + 1];
            foreach (var t in pair.Ties)
            {
                var first = Math.Max(from, t.Period.Start?.Earliest.Year ?? from);
                var last = t.StartOnly || t.Period.End is not { } end ? to : Math.Min(to, end.Latest.Year);
                for (var year = first; year <= last; year++)
                {
                    years[year - from] = true;
                }
            }

            for (var k = 0; pair.Attacks is { } attacks && k < attacks.Length; k++)
            {
                years[k] |= attacks[k].Count > 0;
            }

            return years;
        }
    }

    /// <summary>The covariates' reading of the whole record, shared by the years: the pairs' spells, read once.</summary>
    private sealed class CovariateReader(DyadCovariates covariates, Dictionary<(ActorId, ActorId), List<RecordSurvival.AtRisk>> spells)
    {
        public Snapshot Snapshot => covariates.Snapshot;

        public static CovariateReader Of(Snapshot whole)
        {
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

        /// <param name="ties">The pair's ties in the whole record (<see cref="RelationWeigher.TiesBetween"/> of the covariates' snapshot).</param>
        public PanelCovariates At((ActorId A, ActorId B) pair, IReadOnlyList<Tie> ties, int year)
        {
            var day = new DateOnly(year, 1, 1);
            var date = FuzzyDate.FromDateOnly(day);
            var (a, b) = pair;
            var spell = spells.GetValueOrDefault(pair)?.Where(s => s.Begin <= day && (day < s.End || s.Censored)).MinBy(s => s.Begin);
            var leaders = spell is null ? ((bool, bool, bool)?)null : covariates.Leaders(a, b, spell.Begin, day);
            return new PanelCovariates(spell?.Begin, leaders?.Item1, leaders?.Item2, covariates.SharesARival(a, b, date), covariates.StateSponsored(a, b, date),
                covariates.OtherAllies(a, b, date), leaders?.Item3, covariates.Evidence(ties, date));
        }
    }

    /// <summary>
    /// A tie of the whole read as a read at <paramref name="at"/> sees it (<see cref="Snapshot"/>'s valid-time rules): not
    /// there when it starts after the year; its end not yet known when that end lies after the year. Null when not there.
    /// </summary>
    private static Tie? SeenAt(Tie t, FuzzyDate at)
        => t.Period.Start is { } s && s.Earliest > at.Latest ? null
            : t.Period.End is { } e && e.Earliest > at.Latest ? t with { Period = t.Period.WithOpenEnd() } : t;

    /// <summary>A cheap test before weighing: a tie whose period lies wholly after the year, or (not start-only) wholly before it, cannot speak.</summary>
    private static bool MaySpeak(Tie t, FuzzyDate at)
        => t.StartOnly ? t.Period.Start is { } s && s.Earliest <= at.Latest : t.Period.MayHoldDuring(at);

    /// <summary>Rounded as a weighing with its trail rounds its numbers (<see cref="RelationWeigher.Weigh"/>).</summary>
    private static double R(double x) => Math.Round(x, 4);

    private static (ActorId, ActorId) Ordered(ActorId x, ActorId y) => string.CompareOrdinal(x.Value, y.Value) <= 0 ? (x, y) : (y, x);
}
