using Wedge.Analysis.Assessment;
using Wedge.Core.Collections;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;

namespace Wedge.Analysis.Evidence;

/// <summary>
/// Weighs the relation between two actors at a date from every tie and claim that speaks to it: the one
/// rule every analysis uses for "are these two friendly or hostile then?". The rule, its parameters and
/// worked examples are in docs/methods/evidence.md.
/// </summary>
/// <remarks>
/// Gather once (<see cref="Gather"/>), then weigh under any realisation of the claims
/// (<see cref="Weigh"/>): the assessment's simulation and sensitivity reuse one gathering. Pure.
/// </remarks>
public sealed class RelationWeigher
{
    private readonly List<Item> items;
    private readonly AssessmentParameters p;
    private readonly FuzzyDate? at;

    private RelationWeigher(List<Item> items, AssessmentParameters p, FuzzyDate? at)
    {
        this.items = items;
        this.p = p;
        this.at = at;
    }

    /// <summary>The ties joining exactly these two actors (either direction), leadership excluded.</summary>
    public static IEnumerable<Tie> TiesBetween(Snapshot snapshot, ActorId a, ActorId b)
        => snapshot.TiesBetween(a, b).Where(t => t.Kind != TieKind.Leadership);

    /// <summary>Weighs the relation between exactly two actors at the snapshot's date.</summary>
    public static RelationWeight Weigh(Snapshot snapshot, ActorId a, ActorId b, AssessmentParameters? parameters = null)
        => Gather(snapshot, TiesBetween(snapshot, a, b), snapshot.Options.EffectiveAt, parameters).Weigh();

    /// <summary>Prepares the evidence of some ties for a date (null: the record read now, where only open periods and carried observations speak).</summary>
    public static RelationWeigher Gather(Snapshot snapshot, IEnumerable<Tie> ties, FuzzyDate? at, AssessmentParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(ties);
        var p = parameters ?? AssessmentParameters.Default;
        var list = new List<Item>();
        foreach (var tie in ties.Where(t => t.Kind != TieKind.Leadership))
        {
            var sign = tie.Kind.Sign() > 0 ? RelationSign.Friendly : RelationSign.Hostile;
            var reach = ReachOf(tie, at);
            var claims = snapshot.ClaimsOf(tie);
            if (claims.Count == 0)
            {
                list.Add(new Item(tie, null, tie.Key, "unsourced:" + tie.Id, sign, true, ClaimReports.Unstated, false, p["unsourced-weight"], reach));
                continue;
            }

            foreach (var c in claims)
            {
                list.Add(new Item(tie, c, c.Key, c.Source.Value, sign, c.Stance == ClaimStance.Supports, c.Reports, c.Context,
                    p.ClaimProbability(c.Grade), reach));
            }
        }

        var dLatest = at?.Latest ?? DateOnly.MaxValue;
        foreach (var carried in list.Where(i => i.Reach == Reach.Carried))
        {
            var t0 = carried.Tie.Period.Start!.Value.Latest;
            carried.Enders = list.Where(u => u.Sign != carried.Sign && u.Supports && SpeaksAfter(u.Tie, t0, dLatest)).ToList();
        }

        return new RelationWeigher(list, p, at);
    }

    private static Reach ReachOf(Tie tie, FuzzyDate? at)
    {
        if (!tie.StartOnly)
        {
            var holds = at is { } d ? tie.Period.MayHoldDuring(d) : tie.Period.IsOpenEnded;
            return holds ? Reach.AtDate : Reach.Silent;
        }

        if (tie.Period.Start is not { } t0 || (at is { } a && t0.Earliest > a.Latest))
        {
            return Reach.Silent;
        }

        return at is { } date && t0.MayCoincide(date) ? Reach.OwnDate : Reach.Carried;
    }

    /// <summary>True when a tie speaks to some time after <paramref name="after"/> and no later than <paramref name="until"/>.</summary>
    private static bool SpeaksAfter(Tie u, DateOnly after, DateOnly until)
    {
        if (u.StartOnly)
        {
            return u.Period.Start is { } s && s.Earliest > after && s.Earliest <= until;
        }

        return (u.Period.Start is not { } start || start.Earliest <= until) && (u.Period.End is not { } end || end.Latest > after);
    }

    /// <param name="realise">The weight of a claim given its key (the claim's, or the unsourced tie's for its stand-in) and its grade's probability; null: the probability itself.</param>
    /// <param name="withTrail">False leaves out the trail, sources and strands (a simulation needs only the numbers).</param>
    public RelationWeight Weigh(Func<FactKey, double, double>? realise = null, bool withTrail = true)
    {
        if (items.Count == 0)
        {
            return RelationWeight.Empty;
        }

        var declared = p["evidence.declaration-weight"];
        double Base(Item i) => i.Context ? 0 : (realise?.Invoke(i.Key, i.Probability) ?? i.Probability) * (i.Reports == ClaimReports.Declaration ? declared : 1);

        var weights = new double[items.Count];
        var carries = new double[items.Count];
        for (var k = 0; k < items.Count; k++)
        {
            var i = items[k];
            carries[k] = i.Reach == Reach.Carried ? 1 - Combine(i.Enders.Select(u => (u.Source, Base(u)))) : 1;
            weights[k] = i.Reach == Reach.Silent ? 0 : Base(i) * carries[k];
        }

        var sources = new List<SourceWeight>();
        var keepSources = withTrail;
        double SignEvidence(RelationSign sign)
        {
            double noneSupports = 1, noneDisputes = 1;
            foreach (var g in Enumerable.Range(0, items.Count).Where(k => items[k].Sign == sign).GroupBy(k => items[k].Source, StringComparer.Ordinal))
            {
                var support = g.Where(k => items[k].Supports).Select(k => weights[k]).DefaultIfEmpty(0).Max();
                var dispute = g.Where(k => !items[k].Supports).Select(k => weights[k]).DefaultIfEmpty(0).Max();
                noneSupports *= 1 - support;
                noneDisputes *= 1 - dispute;
                if (keepSources)
                {
                    sources.Add(new SourceWeight(g.Key, sign, Math.Round(support, 4), Math.Round(dispute, 4), g.Count()));
                }
            }

            // Supporting and disputing reports cannot both be right: the support that survives, given not both.
            var supported = 1 - noneSupports;
            var disputed = 1 - noneDisputes;
            var notBoth = 1 - supported * disputed;
            return notBoth <= 1e-12 ? 0.5 : supported * (1 - disputed) / notBoth;
        }

        var ePlus = SignEvidence(RelationSign.Friendly);
        var eMinus = SignEvidence(RelationSign.Hostile);

        // Two reports that cannot both be right: condition on not both. Z = 0 only when both are certain.
        var z = 1 - ePlus * eMinus;
        double pf, ph, pn;
        if (z <= 1e-12)
        {
            (pf, ph, pn) = (0.5, 0.5, 0);
        }
        else
        {
            pf = ePlus * (1 - eMinus) / z;
            ph = eMinus * (1 - ePlus) / z;
            pn = (1 - ePlus) * (1 - eMinus) / z;
        }

        var threshold = p["evidence.threshold"];
        var sign = Math.Abs(pf - ph) < 1e-12 ? RelationSign.None
            : pf > ph ? (pf >= threshold ? RelationSign.Friendly : RelationSign.None)
            : (ph >= threshold ? RelationSign.Hostile : RelationSign.None);
        var probability = sign switch { RelationSign.Friendly => pf, RelationSign.Hostile => ph, _ => pn };
        var signed = pf + ph;
        var contested = pf > 0 && ph > 0 && Math.Min(pf, ph) / signed >= p["evidence.contested-share"];

        if (!withTrail)
        {
            return new RelationWeight(sign, probability, contested, pf, ph, pn, ePlus, eMinus, EquatableList<EvidenceItem>.Empty, EquatableList<SourceWeight>.Empty, EquatableList<Strand>.Empty);
        }

        var trail = Enumerable.Range(0, items.Count)
            .Select(k => items[k].ToTrail(weights[k], carries[k]))
            .OrderByDescending(x => x.Weight).ThenBy(x => x.Tie, StringComparer.Ordinal).ThenBy(x => x.Claim, StringComparer.Ordinal)
            .ToEquatableList();
        return new RelationWeight(sign, Math.Round(probability, 4), contested, Math.Round(pf, 4), Math.Round(ph, 4), Math.Round(pn, 4),
            Math.Round(ePlus, 4), Math.Round(eMinus, 4), trail, sources.ToEquatableList(), Strands());
    }

    /// <summary>The record's strands, declared and done, each sign apart: what the claims say over the whole history up to the date.</summary>
    private EquatableList<Strand> Strands()
    {
        int? YearOf(FuzzyDate? d) => d?.Year;
        var atYear = at?.Year;
        return items.Where(i => !i.Context && i.Supports)
            .GroupBy(i => (Reports: i.Reports == ClaimReports.Declaration ? ClaimReports.Declaration : ClaimReports.Conduct, i.Sign))
            .Select(g =>
            {
                var all = g.ToList();
                var from = all.Select(i => YearOf(i.Tie.Period.Start)).Where(y => y is not null).Min();
                var to = all.Select(i => i.Tie.StartOnly ? YearOf(i.Tie.Period.Start) : YearOf(i.Tie.Period.End) ?? atYear ?? YearOf(i.Tie.Period.Start))
                    .Where(y => y is not null).Max();
                var grades = all.Where(i => i.Grade is not null).Select(i => i.Grade!.Value).ToList();
                var best = grades.Count > 0 ? grades.OrderBy(x => x.Reliability).ThenBy(x => x.Credibility).First().ToString() : null;
                return new Strand(g.Key.Reports, g.Key.Sign, all.Select(i => i.Tie.Kind).Distinct().Order().ToEquatableList(), from, to,
                    all.Count, all.Select(i => i.Source).Distinct().Count(), best, all.All(i => i.Reports == ClaimReports.Unstated));
            })
            .OrderBy(x => x.Reports).ThenBy(x => x.Sign).ToEquatableList();
    }

    /// <summary>Within a source the strongest weight speaks for it; across sources, the chance at least one is right (noisy-or).</summary>
    private static double Combine(IEnumerable<(string Source, double Weight)> weighted)
    {
        var none = 1.0;
        foreach (var g in weighted.GroupBy(x => x.Source, StringComparer.Ordinal))
        {
            none *= 1 - g.Max(x => x.Weight);
        }

        return 1 - none;
    }

    private sealed class Item(Tie tie, Claim? claim, FactKey key, string source, RelationSign sign, bool supports, ClaimReports reports, bool context,
        double probability, Reach reach)
    {
        public Tie Tie { get; } = tie;

        /// <summary>The claim's key, or the unsourced tie's for its stand-in.</summary>
        public FactKey Key { get; } = key;

        public string Source { get; } = source;

        public RelationSign Sign { get; } = sign;

        public bool Supports { get; } = supports;

        public ClaimReports Reports { get; } = reports;

        public bool Context { get; } = context;

        public double Probability { get; } = probability;

        public Reach Reach { get; } = reach;

        public Grade? Grade { get; } = claim?.Grade;

        public IReadOnlyList<Item> Enders { get; set; } = [];

        public EvidenceItem ToTrail(double weight, double carry)
            => new(claim?.Id.Value, Source, Tie.Id, Tie.Kind, Tie.Period.ToString(), Sign, Supports, Reports, Context, claim?.Grade.ToString(),
                Math.Round(Probability, 4), Math.Round(weight, 4), Reach, Math.Round(carry, 4),
                carry < 1 ? Enders.Select(e => e.Key.Type == FactType.Claim ? e.Key.Id : "unsourced:" + e.Key).Distinct().ToEquatableList() : EquatableList<string>.Empty);
    }
}
