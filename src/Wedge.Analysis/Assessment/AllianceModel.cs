using System.Globalization;
using Wedge.Analysis.Evidence;
using Wedge.Core.Collections;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;

namespace Wedge.Analysis.Assessment;

/// <summary>
/// How much each claim counts in one evaluation, and what value each ledger entry takes: the expected
/// world (grade probabilities, mean magnitude), one sampled world (claims true or false, a drawn
/// level), or the expected world with one claim taken away.
/// </summary>
internal interface IRealisation
{
    /// <summary>The weight of a piece of evidence in [0, 1], given the probability its grade gives it.</summary>
    /// <param name="evidence">A claim's key, or the key of an unsourced fact standing in for its missing claim (<see cref="AllianceModel.EvidenceItems"/>).</param>
    double Weight(FactKey evidence, double probability);

    /// <summary>The value of a ledger entry on the magnitude scale.</summary>
    double Value(LedgerEntry entry);
}

/// <summary>The numbers one evaluation produces (no words): what the simulation and the sensitivity compare.</summary>
internal sealed record Outcome(SideOutcome A, SideOutcome B, RelationWeight Relation, EquatableList<Bond> Bonds, double BondIndex)
{
    /// <summary>The alliance holds at the read date: the weighed relation is friendly.</summary>
    public bool Holds => Relation.Sign == RelationSign.Friendly;
}

/// <summary>One side's numbers under one realisation. A class, not a record: it holds arrays and is never compared.</summary>
internal sealed class SideOutcome(double[] benefits, double[] costs, double benefitTotal, double costTotal, double net, LedgerBalance balance, int negativeRun, bool flag)
{
    public double[] Benefits { get; } = benefits;

    public double[] Costs { get; } = costs;

    public double BenefitTotal { get; } = benefitTotal;

    public double CostTotal { get; } = costTotal;

    public double Net { get; } = net;

    public LedgerBalance Balance { get; } = balance;

    public int NegativeRun { get; } = negativeRun;

    public bool Flag { get; } = flag;
}

/// <summary>
/// The pair, its blocs and every fact the assessment reads, prepared once from a snapshot; each
/// <see cref="Evaluate"/> runs the method of docs/methods/assessment.md under one realisation.
/// </summary>
internal sealed class AllianceModel
{
    public AllianceModel(Snapshot snapshot, ActorId a, ActorId b, AssessmentParameters parameters)
    {
        S = snapshot;
        P = parameters;
        IdA = a;
        IdB = b;
        BlocA = snapshot.Bloc(a);
        BlocB = snapshot.Bloc(b);

        var (end, lastYear) = Horizon(snapshot);
        EndDate = end;
        LastYear = lastYear;

        bool Between(ActorId x, ActorId y) => (BlocA.Contains(x) && BlocB.Contains(y)) || (BlocA.Contains(y) && BlocB.Contains(x));
        PairLedger = snapshot.Ledger.Where(l => Between(l.Provider, l.Recipient)).ToList();
        var pairTies = snapshot.TiesBetween(BlocA, BlocB);
        FriendlyTies = pairTies.Where(t => t.Kind is TieKind.Alliance or TieKind.Affiliation).ToList();
        HostileTies = pairTies.Where(t => t.Kind is TieKind.Split or TieKind.Rivalry).ToList();
        PledgeTies = FriendlyTies.Where(t => t.Kind == TieKind.Affiliation).ToList();

        var starts = PairLedger.Select(l => l.Period.Start).Concat(FriendlyTies.Select(t => t.Period.Start)).OfType<FuzzyDate>().Select(d => d.Year).ToList();
        FirstYear = Math.Min(starts.Count > 0 ? starts.Min() : LastYear, LastYear);
        Years = LastYear - FirstYear + 1;

        // Everything either side receives, from anyone, and what a party provides itself (its own fighters, its own revenue:
        // a ledger entry whose provider is its recipient): the partner's part is measured against it.
        ReceivedA = snapshot.Ledger.Where(l => BlocA.Contains(l.Recipient) && (!BlocA.Contains(l.Provider) || l.Provider == l.Recipient)).ToList();
        ReceivedB = snapshot.Ledger.Where(l => BlocB.Contains(l.Recipient) && (!BlocB.Contains(l.Provider) || l.Provider == l.Recipient)).ToList();

        foreach (var l in PairLedger.Concat(ReceivedA).Concat(ReceivedB).DistinctBy(l => l.Id))
        {
            coverage[l.Id] = Coverage(l.Period);
        }

        foreach (var t in FriendlyTies)
        {
            coverage["tie:" + t.Id] = Coverage(t.Period);
        }

        // Every relation between the blocs counts toward whether they are allied at the date (leadership joins a person to its own side).
        PairRelation = RelationWeigher.Gather(snapshot, pairTies, snapshot.Options.EffectiveAt, parameters);

        claimKeys = new Lazy<IReadOnlyList<(FactKey Key, double Probability)>>(
            () => AllFacts().SelectMany(f => EvidenceItems(f).Select(i => (i.Key, i.Probability))).DistinctBy(x => x.Key).OrderBy(x => DrawOrder(x.Key), StringComparer.Ordinal).ToList());
    }

    private readonly Lazy<IReadOnlyList<(FactKey Key, double Probability)>> claimKeys;

    private readonly Dictionary<string, double[]> coverage = [];

    public Snapshot S { get; }

    public AssessmentParameters P { get; }

    public ActorId IdA { get; }

    public ActorId IdB { get; }

    public IReadOnlySet<ActorId> BlocA { get; }

    public IReadOnlySet<ActorId> BlocB { get; }

    public DateOnly EndDate { get; }

    public int FirstYear { get; }

    public int LastYear { get; }

    public int Years { get; }

    public IReadOnlyList<LedgerEntry> PairLedger { get; }

    public IReadOnlyList<Tie> FriendlyTies { get; }

    public IReadOnlyList<Tie> HostileTies { get; }

    public IReadOnlyList<Tie> PledgeTies { get; }

    /// <summary>The evidence on the relation between the two blocs at the read date, weighed by docs/methods/evidence.md.</summary>
    public RelationWeigher PairRelation { get; }

    public IReadOnlyList<LedgerEntry> ReceivedA { get; }

    public IReadOnlyList<LedgerEntry> ReceivedB { get; }

    /// <summary>Every claim (and stand-in for an unsourced fact) the model can read, with its probability, in a fixed order.</summary>
    /// <remarks>
    /// Every tie on record is in it, related to the pair or not (the simulation's seeded draws follow this order), so it
    /// is built only when a simulation asks for it.
    /// </remarks>
    public IReadOnlyList<(FactKey Key, double Probability)> ClaimKeys => claimKeys.Value;

    /// <summary>
    /// The order in which the simulation draws the evidence: claims by id, then the unsourced stand-ins by
    /// their fact's key. It is the order of the text keys (<c>claim:ID</c>, <c>unsourced:TYPE:ID</c>) the
    /// evidence had before it was typed, so every seeded figure stays as published.
    /// </summary>
    private static string DrawOrder(FactKey evidence) => evidence.Type == FactType.Claim ? "claim:" + evidence.Id : "unsourced:" + evidence;

    public string NameOf(ActorId id) => S.Actor(id)?.Name ?? id.Value;

    private readonly Dictionary<(ActorId, ActorId), RelationWeigher> relations = [];

    /// <summary>The evidence on the relation between exactly two actors at the read date, gathered once per model.</summary>
    public RelationWeigher RelationBetween(ActorId x, ActorId y)
    {
        var key = string.CompareOrdinal(x.Value, y.Value) < 0 ? (x, y) : (y, x);
        if (!relations.TryGetValue(key, out var w))
        {
            relations[key] = w = RelationWeigher.Gather(S, RelationWeigher.TiesBetween(S, x, y), S.Options.EffectiveAt, P);
        }

        return w;
    }

    public double[] CoverageOf(LedgerEntry l) => coverage[l.Id];

    public double[] CoverageOf(Tie t) => coverage["tie:" + t.Id];

    /// <summary>The end of the series: the read date, else the last date a fact mentions (periods and events; not sources' dates, which say when something was written, not when it held).</summary>
    private static (DateOnly End, int Year) Horizon(Snapshot s)
    {
        if (s.Options.EffectiveAt is { } at)
        {
            return (at.Latest, at.Year);
        }

        var dates = s.Ledger.SelectMany(l => new[] { l.Period.Start, l.Period.End })
            .Concat(s.Ties.SelectMany(t => new[] { t.Period.Start, t.Period.End }))
            .Concat(s.Roles.SelectMany(r => new[] { r.Period.Start, r.Period.End }))
            .Concat(s.Events.Select(e => (FuzzyDate?)e.Date))
            .OfType<FuzzyDate>().ToList();
        var year = dates.Count > 0 ? dates.Max(d => d.Year) : 2000;
        return (new DateOnly(year, 12, 31), year);
    }

    /// <summary>The share of each year of the series a period may cover: from its earliest start to its latest end, open ends to the series' ends.</summary>
    private double[] Coverage(Period p)
    {
        var cover = new double[Years];
        var from = p.Start is { } s ? s.Earliest : new DateOnly(FirstYear, 1, 1);
        var to = p.End is { } e && e.Latest < EndDate ? e.Latest : EndDate;
        for (var k = 0; k < Years; k++)
        {
            var y = FirstYear + k;
            var y0 = new DateOnly(y, 1, 1);
            var y1 = new DateOnly(y, 12, 31);
            var lo = from > y0 ? from : y0;
            var hi = to < y1 ? to : y1;
            if (hi >= lo)
            {
                cover[k] = (hi.DayNumber - lo.DayNumber + 1) / (double)(y1.DayNumber - y0.DayNumber + 1);
            }
        }

        return cover;
    }

    /// <summary>The probability-bearing items behind a fact: its claims, or one stand-in when it has none.</summary>
    /// <remarks>A claim is keyed by its own key; the stand-in by the unsourced fact's key (a claim never stands in, so the two cannot meet).</remarks>
    public IEnumerable<(FactKey Key, double Probability, bool Supports, Claim? Claim)> EvidenceItems(Fact fact)
    {
        var claims = S.ClaimsOf(fact);
        if (claims.Count == 0)
        {
            yield return (fact.Key, P["unsourced-weight"], true, null);
            yield break;
        }

        foreach (var c in claims)
        {
            yield return (c.Key, P.ClaimProbability(c.Grade), c.Stance == ClaimStance.Supports, c);
        }
    }

    /// <summary>
    /// The weight a fact carries: the chance at least one supporting claim is right, times the chance
    /// no disputing claim is (claims taken as independent). 0 when only disputing claims back it.
    /// </summary>
    public double Evidence(Fact fact, IRealisation r)
    {
        double noneSupport = 1, noneDispute = 1;
        var anySupport = false;
        foreach (var (key, p, supports, _) in EvidenceItems(fact))
        {
            var w = r.Weight(key, p);
            if (supports)
            {
                anySupport = true;
                noneSupport *= 1 - w;
            }
            else
            {
                noneDispute *= 1 - w;
            }
        }

        return anySupport ? (1 - noneSupport) * noneDispute : 0;
    }

    public ClaimRef Ref(Claim c)
    {
        var source = S.Source(c.Source);
        return new ClaimRef(c.Id.Value, c.Grade.ToString(), Math.Round(P.ClaimProbability(c.Grade), 4), c.Stance,
            c.Source.Value, source?.Citation ?? c.Source.Value, c.Locator, c.Text);
    }

    public FactRef Ref(Fact f, string summary, IRealisation r)
        => new(f.Key.Type.ToString().ToLowerInvariant(), f.Key.Id, summary, Math.Round(Evidence(f, r), 4), S.ClaimsOf(f).Select(Ref).ToEquatableList());

    public string Describe(LedgerEntry l)
        => $"{NameOf(l.Provider)} → {NameOf(l.Recipient)}: {l.Category.Kebab()} ({l.Magnitude}, {l.Period})";

    public string Describe(Tie t)
        => $"{t.Kind.Kebab()} {NameOf(t.From)} {(t.Kind.IsDirected() ? "→" : "–")} {NameOf(t.To)} ({t.Period})";

    private IEnumerable<Fact> AllFacts()
        => PairLedger.Concat(ReceivedA).Concat(ReceivedB).Cast<Fact>().Concat(S.Ties).Concat(S.Roles).Concat(S.Attributes).Concat(S.Events);

    /// <summary>Runs the method under one realisation.</summary>
    /// <param name="withBasis">Whether the bonds list the facts behind them (<see cref="BondFinder"/>); no figure depends on it.</param>
    public Outcome Evaluate(IRealisation r, bool withBasis = true)
    {
        var allied = new double[Years];
        foreach (var t in FriendlyTies)
        {
            var e = Evidence(t, r);
            var c = CoverageOf(t);
            for (var k = 0; k < Years; k++)
            {
                allied[k] = Math.Max(allied[k], e * c[k]);
            }
        }

        var relation = PairRelation.Weigh(r.Weight, withTrail: r is ExpectedRealisation or ReadingRealisation { Inner: ExpectedRealisation });
        var persists = relation.Sign == RelationSign.Friendly;
        var sideA = Side(BlocA, BlocB, r, allied, persists);
        var sideB = Side(BlocB, BlocA, r, allied, persists);
        var bonds = new BondFinder(this, r, allied, withBasis).Find();
        // Over every kind of bond, present or not: a bond the record does not show counts as zero strength.
        var totalWeight = BondFinder.Kinds.Sum(k => P[$"bond.{k}"]);
        var index = totalWeight > 0 ? bonds.Sum(b => b.Weight * b.Strength) / totalWeight : 0;
        return new Outcome(sideA, sideB, relation, bonds, index);
    }

    private SideOutcome Side(IReadOnlySet<ActorId> own, IReadOnlySet<ActorId> partner, IRealisation r, double[] allied, bool persists)
    {
        var benefits = new double[Years];
        var costs = new double[Years];
        foreach (var l in PairLedger.Where(l => own.Contains(l.Recipient) && partner.Contains(l.Provider)))
        {
            var v = r.Value(l) * Evidence(l, r);
            var c = CoverageOf(l);
            var into = l.Category.Side() == LedgerSide.Cost ? costs : benefits;
            for (var k = 0; k < Years; k++)
            {
                into[k] += v * c[k];
            }
        }

        var benefitTotal = benefits.Sum();
        var costTotal = costs.Sum();
        var net = benefitTotal - costTotal;
        var gross = benefitTotal + costTotal;
        var balance = gross == 0 || Math.Abs(net) <= P["balance-band"] * gross ? LedgerBalance.Balanced
            : net > 0 ? LedgerBalance.BenefitsOutweighCosts : LedgerBalance.CostsOutweighBenefits;

        // The run of negative years that reaches the last year, counting only years the pair was allied.
        var run = 0;
        for (var k = Years - 1; k >= 0 && benefits[k] - costs[k] < 0 && allied[k] > 0; k--)
        {
            run++;
        }

        return new SideOutcome(benefits, costs, benefitTotal, costTotal, net, balance, run, persists && run >= P.Int("sustained-years"));
    }
}

/// <summary>The expected world: each claim counts by its grade's probability; each entry at the mean of its magnitude range.</summary>
internal sealed class ExpectedRealisation(AssessmentParameters p) : IRealisation
{
    public double Weight(FactKey evidence, double probability) => probability;

    public double Value(LedgerEntry entry)
    {
        double sum = 0;
        for (var level = entry.Magnitude.Low; level <= entry.Magnitude.High; level++)
        {
            sum += p.MagnitudeValue(level);
        }

        return sum / (entry.Magnitude.High - entry.Magnitude.Low + 1);
    }
}

/// <summary>Another realisation, noting every piece of evidence an evaluation asks it to weigh.</summary>
internal sealed class ReadingRealisation(IRealisation inner) : IRealisation
{
    private readonly HashSet<FactKey> read = [];

    public IRealisation Inner { get; } = inner;

    /// <summary>The keys of the evidence weighed so far.</summary>
    public IReadOnlySet<FactKey> Read => read;

    public double Weight(FactKey evidence, double probability)
    {
        read.Add(evidence);
        return Inner.Weight(evidence, probability);
    }

    public double Value(LedgerEntry entry) => Inner.Value(entry);
}

/// <summary>The expected world with one claim taken to be wrong.</summary>
internal sealed class WithoutClaim(IRealisation inner, FactKey claim) : IRealisation
{
    public double Weight(FactKey evidence, double probability) => evidence == claim ? 0 : inner.Weight(evidence, probability);

    public double Value(LedgerEntry entry) => inner.Value(entry);
}

/// <summary>One sampled world: every claim right or wrong by its probability, every magnitude range drawn uniformly over its levels.</summary>
internal sealed class SampledRealisation : IRealisation
{
    private readonly Dictionary<FactKey, double> weights;
    private readonly Dictionary<string, double> values;

    public SampledRealisation(AllianceModel model, Random rng)
    {
        weights = new Dictionary<FactKey, double>(model.ClaimKeys.Count);
        foreach (var (key, p) in model.ClaimKeys)
        {
            weights[key] = rng.NextDouble() < p ? 1 : 0;
        }

        values = [];
        foreach (var l in model.PairLedger.Concat(model.ReceivedA).Concat(model.ReceivedB).DistinctBy(l => l.Id).OrderBy(l => l.Id, StringComparer.Ordinal))
        {
            values[l.Id] = model.P.MagnitudeValue(rng.Next(l.Magnitude.Low, l.Magnitude.High + 1));
        }
    }

    public double Weight(FactKey evidence, double probability) => weights.TryGetValue(evidence, out var w) ? w : probability;

    public double Value(LedgerEntry entry) => values[entry.Id];
}

internal static class Numbers
{
    public static string F(double v) => v.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Pct(double v) => v.ToString("0%", CultureInfo.InvariantCulture);
}
