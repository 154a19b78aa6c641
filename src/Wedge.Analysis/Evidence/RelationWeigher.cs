using System.Runtime.InteropServices;
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
/// (<see cref="Weigh"/>): the assessment's simulation and sensitivity reuse one gathering. A scan of every pair of a
/// record weighs rows instead (<see cref="WeighRows"/>): the same rule on the same items, without the objects. Pure.
/// </remarks>
public sealed class RelationWeigher
{
    private readonly Item[] items;

    // The tie and claim behind each item, for the trail (the claim null for an unsourced tie's stand-in).
    private readonly Tie[] tieOf;
    private readonly Claim?[] claimOf;

    // Per item, where its enders (the items that end a carried observation) begin in `enders`; one more entry than items.
    private readonly int[] enderStart;
    private readonly int[] enders;
    private readonly WeighingConstants constants;
    private readonly FuzzyDate? at;

    private RelationWeigher(List<Item> items, List<Tie> tieOf, List<Claim?> claimOf, WeighingConstants constants, FuzzyDate? at)
    {
        this.items = [.. items];
        this.tieOf = [.. tieOf];
        this.claimOf = [.. claimOf];
        this.constants = constants;
        this.at = at;
        var start = new List<int>(this.items.Length + 1);
        var found = new List<int>();
        FindEnders(this.items, at, start, found);
        (enderStart, enders) = (start.ToArray(), found.ToArray());
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
        var tieOf = new List<Tie>();
        var claimOf = new List<Claim?>();
        var unsourced = p["unsourced-weight"];
        foreach (var tie in ties.Where(t => t.Kind != TieKind.Leadership))
        {
            var sign = tie.Kind.Sign() > 0 ? RelationSign.Friendly : RelationSign.Hostile;
            var reach = ReachOf(tie.StartOnly, tie.Period.Start, tie.Period.End, at);
            var claims = snapshot.ClaimsOf(tie);
            if (claims.Count == 0)
            {
                list.Add(new Item(tie.Kind, tie.Period.Start, tie.Period.End, tie.StartOnly, tie.Key, "unsourced:" + tie.Id, sign, true,
                    ClaimReports.Unstated, false, unsourced, reach));
                tieOf.Add(tie);
                claimOf.Add(null);
                continue;
            }

            foreach (var c in claims)
            {
                list.Add(new Item(tie.Kind, tie.Period.Start, tie.Period.End, tie.StartOnly, c.Key, c.Source.Value, sign, c.Stance == ClaimStance.Supports,
                    c.Reports, c.Context, p.ClaimProbability(c.Grade), reach));
                tieOf.Add(tie);
                claimOf.Add(c);
            }
        }

        return new RelationWeigher(list, tieOf, claimOf, WeighingConstants.Of(p), at);
    }

    /// <summary>
    /// Weighs one pair from rows of the snapshot's tie tables (<see cref="Snapshot.TieRows"/>), given in the order the
    /// ties would come (start, then id): the numbers <see cref="Weigh"/> gives with <c>withTrail: false</c> for the same
    /// ties, for a scan of every pair of a record, where building each tie as an object would cost more than the weighing.
    /// </summary>
    /// <param name="rows">Each tie as a table of the slice and a position in its <see cref="SlicedTieTable.Rows"/>.</param>
    /// <param name="scan">The scan's parameters and buffers: one per scan, not shared across threads.</param>
    public static RelationWeight WeighRows(ReadOnlySpan<(SlicedTieTable Table, int Position)> rows, FuzzyDate? at, RowScan scan)
    {
        ArgumentNullException.ThrowIfNull(scan);
        var list = scan.Items;
        list.Clear();
        foreach (var (sliced, position) in rows)
        {
            var t = sliced.Table;
            var row = sliced.Rows[position];
            if (t.Kind[row] == TieKind.Leadership)
            {
                continue;
            }

            var sign = t.Kind[row].Sign() > 0 ? RelationSign.Friendly : RelationSign.Hostile;
            var start = t.Start[row];
            var end = sliced.SeenEnd[position];
            var reach = ReachOf(t.StartOnly[row], start, end, at);
            var any = false;
            for (var c = t.ClaimStart[row]; c < t.ClaimStart[row + 1]; c++)
            {
                if (!sliced.Sees(c))
                {
                    continue;
                }

                any = true;
                list.Add(new Item(t.Kind[row], start, end, t.StartOnly[row], default, t.Sources[t.ClaimSource[c]], sign, t.Stance[c] == ClaimStance.Supports,
                    t.Reports[c], t.Context[c], scan.Probability(t.Grade[c]), reach));
            }

            if (!any)
            {
                list.Add(new Item(t.Kind[row], start, end, t.StartOnly[row], default, "unsourced:" + t.TieAt(row).Id, sign, true,
                    ClaimReports.Unstated, false, scan.Unsourced, reach));
            }
        }

        if (list.Count == 0)
        {
            return RelationWeight.Empty;
        }

        var items = CollectionsMarshal.AsSpan(list);
        scan.EnderStart.Clear();
        scan.Enders.Clear();
        FindEnders(items, at, scan.EnderStart, scan.Enders);
        scan.EnsureBuffers(items.Length);
        var (ePlus, eMinus) = Evidence(items, CollectionsMarshal.AsSpan(scan.EnderStart), CollectionsMarshal.AsSpan(scan.Enders), scan.Constants, null,
            scan.Weights.AsSpan(0, items.Length), scan.Carries.AsSpan(0, items.Length), null);
        return Decide(ePlus, eMinus, scan.Constants, rounded: false);
    }

    // A carried observation is ended by later supporting evidence of the other sign, up to the date.
    private static void FindEnders(ReadOnlySpan<Item> items, FuzzyDate? at, List<int> start, List<int> enders)
    {
        var dLatest = at?.Latest ?? DateOnly.MaxValue;
        for (var k = 0; k < items.Length; k++)
        {
            start.Add(enders.Count);
            if (items[k].Reach != Reach.Carried)
            {
                continue;
            }

            var t0 = items[k].Start!.Value.Latest;
            for (var u = 0; u < items.Length; u++)
            {
                if (items[u].Sign != items[k].Sign && items[u].Supports && SpeaksAfter(items[u], t0, dLatest))
                {
                    enders.Add(u);
                }
            }
        }

        start.Add(enders.Count);
    }

    private static Reach ReachOf(bool startOnly, FuzzyDate? start, FuzzyDate? end, FuzzyDate? at)
    {
        if (!startOnly)
        {
            var holds = at is { } d ? Period.MayHoldDuring(start, end, d) : end is null;
            return holds ? Reach.AtDate : Reach.Silent;
        }

        if (start is not { } t0 || (at is { } a && t0.Earliest > a.Latest))
        {
            return Reach.Silent;
        }

        return at is { } date && t0.MayCoincide(date) ? Reach.OwnDate : Reach.Carried;
    }

    /// <summary>True when an item's tie speaks to some time after <paramref name="after"/> and no later than <paramref name="until"/>.</summary>
    private static bool SpeaksAfter(in Item u, DateOnly after, DateOnly until)
    {
        if (u.StartOnly)
        {
            return u.Start is { } s && s.Earliest > after && s.Earliest <= until;
        }

        return (u.Start is not { } start || start.Earliest <= until) && (u.End is not { } end || end.Latest > after);
    }

    /// <param name="realise">The weight of a claim given its key (the claim's, or the unsourced tie's for its stand-in) and its grade's probability; null: the probability itself.</param>
    /// <param name="withTrail">False leaves out the trail, sources and strands (a simulation needs only the numbers).</param>
    public RelationWeight Weigh(Func<FactKey, double, double>? realise = null, bool withTrail = true)
    {
        if (items.Length == 0)
        {
            return RelationWeight.Empty;
        }

        var weights = new double[items.Length];
        var carries = new double[items.Length];
        var sources = withTrail ? new List<SourceWeight>() : null;
        var (ePlus, eMinus) = Evidence(items, enderStart, enders, constants, realise, weights, carries, sources);
        var numbers = Decide(ePlus, eMinus, constants, rounded: withTrail);
        if (!withTrail)
        {
            return numbers;
        }

        var trail = Enumerable.Range(0, items.Length)
            .Select(k => Trail(k, weights[k], carries[k]))
            .OrderByDescending(x => x.Weight).ThenBy(x => x.Tie, StringComparer.Ordinal).ThenBy(x => x.Claim, StringComparer.Ordinal)
            .ToEquatableList();
        return numbers with { Items = trail, Sources = sources!.ToEquatableList(), Strands = Strands() };
    }

    private EvidenceItem Trail(int k, double weight, double carry)
    {
        var (i, tie, claim) = (items[k], tieOf[k], claimOf[k]);
        return new(claim?.Id.Value, i.Source, tie.Id, i.Kind, tie.Period.ToString(), i.Sign, i.Supports, i.Reports, i.Context, claim?.Grade.ToString(),
            Math.Round(i.Probability, 4), Math.Round(weight, 4), i.Reach, Math.Round(carry, 4),
            carry < 1 ? enders[enderStart[k]..enderStart[k + 1]].Select(u => items[u].Key.Type == FactType.Claim ? items[u].Key.Id : "unsourced:" + items[u].Key).Distinct().ToEquatableList()
                : EquatableList<string>.Empty);
    }

    /// <summary>Each item's weight and carry, and the evidence for each sign.</summary>
    private static (double Friendly, double Hostile) Evidence(ReadOnlySpan<Item> items, ReadOnlySpan<int> enderStart, ReadOnlySpan<int> enders,
        WeighingConstants constants, Func<FactKey, double, double>? realise, Span<double> weights, Span<double> carries, List<SourceWeight>? sources)
    {
        for (var k = 0; k < items.Length; k++)
        {
            carries[k] = items[k].Reach == Reach.Carried ? 1 - Combine(items, enders[enderStart[k]..enderStart[k + 1]], constants, realise) : 1;
            weights[k] = items[k].Reach == Reach.Silent ? 0 : Base(items[k], constants, realise) * carries[k];
        }

        return (SignEvidence(items, RelationSign.Friendly, weights, sources), SignEvidence(items, RelationSign.Hostile, weights, sources));
    }

    /// <summary>The relation the evidence for each sign gives: two reports that cannot both be right, conditioned on not both.</summary>
    private static RelationWeight Decide(double ePlus, double eMinus, WeighingConstants constants, bool rounded)
    {
        // Z = 0 only when both are certain.
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

        var threshold = constants.Threshold;
        var sign = Math.Abs(pf - ph) < 1e-12 ? RelationSign.None
            : pf > ph ? (pf >= threshold ? RelationSign.Friendly : RelationSign.None)
            : (ph >= threshold ? RelationSign.Hostile : RelationSign.None);
        var probability = sign switch { RelationSign.Friendly => pf, RelationSign.Hostile => ph, _ => pn };
        var signed = pf + ph;
        var contested = pf > 0 && ph > 0 && Math.Min(pf, ph) / signed >= constants.ContestedShare;
        double R(double x) => rounded ? Math.Round(x, 4) : x;
        return new RelationWeight(sign, R(probability), contested, R(pf), R(ph), R(pn), R(ePlus), R(eMinus),
            EquatableList<EvidenceItem>.Empty, EquatableList<SourceWeight>.Empty, EquatableList<Strand>.Empty);
    }

    /// <summary>An item's weight before any carry: its probability (or realisation), discounted for a declaration; nothing for context.</summary>
    private static double Base(in Item i, WeighingConstants constants, Func<FactKey, double, double>? realise)
        => i.Context ? 0 : (realise?.Invoke(i.Key, i.Probability) ?? i.Probability) * (i.Reports == ClaimReports.Declaration ? constants.Declared : 1);

    /// <summary>
    /// The evidence for one sign: within a source its strongest supporting and strongest disputing weight speak for it
    /// (a source is one witness), across sources the chance at least one is right; supporting and disputing reports
    /// cannot both be right, so the support that survives is taken given not both.
    /// </summary>
    private static double SignEvidence(ReadOnlySpan<Item> items, RelationSign sign, ReadOnlySpan<double> weights, List<SourceWeight>? sources)
    {
        double noneSupports = 1, noneDisputes = 1;

        // Sources in the order they first appear; pairs hold a handful of items, so a scan beats a dictionary.
        for (var k = 0; k < items.Length; k++)
        {
            if (items[k].Sign != sign || SeenBefore(items, k, sign))
            {
                continue;
            }

            double support = 0, dispute = 0;
            var n = 0;
            for (var u = k; u < items.Length; u++)
            {
                if (items[u].Sign != sign || !string.Equals(items[u].Source, items[k].Source, StringComparison.Ordinal))
                {
                    continue;
                }

                n++;
                if (items[u].Supports)
                {
                    support = Math.Max(support, weights[u]);
                }
                else
                {
                    dispute = Math.Max(dispute, weights[u]);
                }
            }

            noneSupports *= 1 - support;
            noneDisputes *= 1 - dispute;
            sources?.Add(new SourceWeight(items[k].Source, sign, Math.Round(support, 4), Math.Round(dispute, 4), n));
        }

        var supported = 1 - noneSupports;
        var disputed = 1 - noneDisputes;
        var notBoth = 1 - supported * disputed;
        return notBoth <= 1e-12 ? 0.5 : supported * (1 - disputed) / notBoth;
    }

    /// <summary>True when an item before <paramref name="k"/> of the same sign has the same source.</summary>
    private static bool SeenBefore(ReadOnlySpan<Item> items, int k, RelationSign sign)
    {
        for (var u = 0; u < k; u++)
        {
            if (items[u].Sign == sign && string.Equals(items[u].Source, items[k].Source, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>How much a carried item's enders say it has ended: within a source the strongest weight speaks for it;
    /// across sources, the chance at least one is right (noisy-or).</summary>
    private static double Combine(ReadOnlySpan<Item> items, ReadOnlySpan<int> mine, WeighingConstants constants, Func<FactKey, double, double>? realise)
    {
        var none = 1.0;
        for (var a = 0; a < mine.Length; a++)
        {
            var source = items[mine[a]].Source;
            var seenBefore = false;
            for (var b = 0; b < a && !seenBefore; b++)
            {
                seenBefore = string.Equals(items[mine[b]].Source, source, StringComparison.Ordinal);
            }

            if (seenBefore)
            {
                continue;
            }

            var strongest = Base(items[mine[a]], constants, realise);
            for (var b = a + 1; b < mine.Length; b++)
            {
                if (string.Equals(items[mine[b]].Source, source, StringComparison.Ordinal))
                {
                    strongest = Math.Max(strongest, Base(items[mine[b]], constants, realise));
                }
            }

            none *= 1 - strongest;
        }

        return 1 - none;
    }

    /// <summary>The record's strands, declared and done, each sign apart: what the claims say over the whole history up to the date.</summary>
    private EquatableList<Strand> Strands()
    {
        int? YearOf(FuzzyDate? d) => d?.Year;
        var atYear = at?.Year;
        return items.Select((i, k) => (i.Context, i.Supports, i.Reports, i.Sign, i.Start, i.End, i.StartOnly, i.Kind, i.Source, claimOf[k]?.Grade))
            .Where(i => !i.Context && i.Supports)
            .GroupBy(i => (Reports: i.Reports == ClaimReports.Declaration ? ClaimReports.Declaration : ClaimReports.Conduct, i.Sign))
            .Select(g =>
            {
                var all = g.ToList();
                var from = all.Select(i => YearOf(i.Start)).Where(y => y is not null).Min();
                var to = all.Select(i => i.StartOnly ? YearOf(i.Start) : YearOf(i.End) ?? atYear ?? YearOf(i.Start))
                    .Where(y => y is not null).Max();
                var grades = all.Where(i => i.Grade is not null).Select(i => i.Grade!.Value).ToList();
                var best = grades.Count > 0 ? grades.OrderBy(x => x.Reliability).ThenBy(x => x.Credibility).First().ToString() : null;
                return new Strand(g.Key.Reports, g.Key.Sign, all.Select(i => i.Kind).Distinct().Order().ToEquatableList(), from, to,
                    all.Count, all.Select(i => i.Source).Distinct().Count(), best, all.All(i => i.Reports == ClaimReports.Unstated));
            })
            .OrderBy(x => x.Reports).ThenBy(x => x.Sign).ToEquatableList();
    }

    /// <summary>One claim (or an unsourced tie's stand-in) as weighing sees it.</summary>
    /// <param name="Start">The tie's start.</param>
    /// <param name="End">The tie's end as the slice sees it.</param>
    /// <param name="Key">The claim's key, or the unsourced tie's for its stand-in (default when gathered from rows).</param>
    internal readonly record struct Item(TieKind Kind, FuzzyDate? Start, FuzzyDate? End, bool StartOnly, FactKey Key, string Source, RelationSign Sign,
        bool Supports, ClaimReports Reports, bool Context, double Probability, Reach Reach);
}

/// <summary>The parameters a weighing reads, looked up once.</summary>
internal sealed record WeighingConstants(double Declared, double Threshold, double ContestedShare)
{
    public static WeighingConstants Of(AssessmentParameters p)
        => new(p["evidence.declaration-weight"], p["evidence.threshold"], p["evidence.contested-share"]);
}

/// <summary>
/// What a scan that weighs every pair from rows (<see cref="RelationWeigher.WeighRows"/>) looks up once and reuses: each
/// grade's probability, the constants, and buffers. One per scan; not safe to share across threads.
/// </summary>
public sealed class RowScan(AssessmentParameters? parameters = null)
{
    private readonly AssessmentParameters p = parameters ?? AssessmentParameters.Default;
    private readonly double?[] byGrade = new double?[6 * 6];

    internal WeighingConstants Constants { get; } = WeighingConstants.Of(parameters ?? AssessmentParameters.Default);

    internal double Unsourced { get; } = (parameters ?? AssessmentParameters.Default)["unsourced-weight"];

    internal List<RelationWeigher.Item> Items { get; } = [];

    internal List<int> EnderStart { get; } = [];

    internal List<int> Enders { get; } = [];

    internal double Probability(Grade grade)
        => byGrade[(grade.Reliability - 'A') * 6 + grade.Credibility - 1] ??= p.ClaimProbability(grade);

    internal double[] Weights { get; private set; } = new double[16];

    internal double[] Carries { get; private set; } = new double[16];

    internal void EnsureBuffers(int n)
    {
        if (Weights.Length < n)
        {
            Weights = new double[Math.Max(n, 2 * Weights.Length)];
            Carries = new double[Weights.Length];
        }
    }
}
