using Wedge.Analysis.Evidence;
using Wedge.Analysis.Numerics;
using Wedge.Core.Collections;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using static Wedge.Analysis.Assessment.Numbers;

namespace Wedge.Analysis.Assessment;

/// <summary>
/// Assesses the alliance between two actors from one snapshot: pure, deterministic for a given
/// snapshot, parameters and seed. The method is docs/methods/assessment.md.
/// </summary>
public static class AllianceAssessor
{
    /// <param name="simulate">False skips the Monte Carlo (the result's <see cref="AllianceAssessment.Uncertainty"/> is then null).</param>
    public static AllianceAssessment Assess(Snapshot snapshot, ActorId a, ActorId b, AssessmentParameters? parameters = null, bool simulate = true)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var p = parameters ?? AssessmentParameters.Default;
        if (a == b)
        {
            throw new ArgumentException("An alliance needs two different actors.", nameof(b));
        }

        var m = new AllianceModel(snapshot, a, b, p);
        var expected = new ExpectedRealisation(p);
        var reading = new ReadingRealisation(expected);
        var outcome = m.Evaluate(reading);

        var sideA = Side(m, expected, outcome.A, a, b, m.BlocA, m.BlocB, m.ReceivedA);
        var sideB = Side(m, expected, outcome.B, b, a, m.BlocB, m.BlocA, m.ReceivedB);
        var sensitivity = Sensitivity(m, expected, outcome, reading.Read);
        var uncertainty = simulate ? Simulate(m, outcome) : null;
        var findings = Findings(m, outcome, sideA, sideB);

        return new AllianceAssessment(snapshot.Options.At?.ToString(), snapshot.Options.KnownAt?.ToString(), m.FirstYear, m.LastYear, sideA, sideB,
            outcome.Holds, outcome.Relation.PFriendly, outcome.Relation,
            m.FriendlyTies.Concat(m.HostileTies).Select(t => m.Ref(t, m.Describe(t), expected)).ToEquatableList(),
            outcome.Bonds, Math.Round(outcome.BondIndex, 4), Math.Round(sideA.Dependence - sideB.Dependence, 4),
            string.Join(" ", findings.Select(f => f.Line)), findings, uncertainty, sensitivity,
            p.All.Select(x => KeyValuePair.Create(x.Definition.Key, x.Value)).ToEquatableMap());
    }

    /// <summary>True when there is any tie or ledger entry between the two blocs (an assessment needs something to assess).</summary>
    public static bool HaveAnyTie(Snapshot snapshot, ActorId a, ActorId b)
    {
        var blocA = snapshot.Bloc(a);
        var blocB = snapshot.Bloc(b);
        bool Between(ActorId x, ActorId y) => (blocA.Contains(x) && blocB.Contains(y)) || (blocA.Contains(y) && blocB.Contains(x));
        return snapshot.TiesBetween(blocA, blocB).Count > 0 || snapshot.Ledger.Any(l => Between(l.Provider, l.Recipient));
    }

    private static SideAssessment Side(AllianceModel m, IRealisation r, SideOutcome o, ActorId own, ActorId partner,
        IReadOnlySet<ActorId> ownBloc, IReadOnlySet<ActorId> partnerBloc, IReadOnlyList<LedgerEntry> received)
    {
        var series = Enumerable.Range(0, m.Years)
            .Select(k => new YearPoint(m.FirstYear + k, Math.Round(o.Benefits[k], 4), Math.Round(o.Costs[k], 4), Math.Round(o.Benefits[k] - o.Costs[k], 4)))
            .ToEquatableList();

        Contribution Contribute(LedgerEntry l)
        {
            var perYear = r.Value(l) * m.Evidence(l, r);
            return new Contribution(m.Ref(l, m.Describe(l), r), m.NameOf(l.Provider), m.NameOf(l.Recipient), l.Magnitude.ToString(), l.Period.ToString(),
                Math.Round(perYear, 4), Math.Round(perYear * m.CoverageOf(l).Sum(), 4));
        }

        var entries = m.PairLedger.Where(l => ownBloc.Contains(l.Recipient) && partnerBloc.Contains(l.Provider)).ToList();
        EquatableList<CategoryFigure> ByCategory(LedgerSide side) => entries.Where(l => l.Category.Side() == side)
            .GroupBy(l => l.Category)
            .Select(g => new CategoryFigure(g.Key.Kebab(), side == LedgerSide.Cost, 0, g.Select(Contribute).ToEquatableList()))
            .Select(c => c with { Total = Math.Round(c.Entries.Sum(e => e.Total), 4) })
            .OrderByDescending(c => c.Total).ToEquatableList();

        var dependence = Dependence(m, r, partnerBloc, received);
        var partnerSupplied = dependence.Where(d => d.PartnerShare > 0).ToList();
        var total = partnerSupplied.Sum(d => d.Total);
        var share = total > 0 ? partnerSupplied.Sum(d => d.PartnerShare * d.Total) / total : 0;

        var name = m.NameOf(own);
        var side = new SideAssessment(own.Value, name, m.NameOf(partner), series, ByCategory(LedgerSide.Benefit), ByCategory(LedgerSide.Cost),
            Math.Round(o.BenefitTotal, 4), Math.Round(o.CostTotal, 4), Math.Round(o.Net, 4), o.Balance, o.NegativeRun,
            o.NegativeRun > 0 ? m.LastYear - o.NegativeRun + 1 : null, o.Flag, Math.Round(share, 4), dependence.ToEquatableList(), "");
        return side with { Verdict = SideVerdict(m, side) };
    }

    /// <summary>For each resource the side receives in the recent window: the partner's share against every other provider.</summary>
    private static List<ResourceDependence> Dependence(AllianceModel m, IRealisation r, IReadOnlySet<ActorId> partnerBloc, IReadOnlyList<LedgerEntry> received)
    {
        var from = Math.Max(0, m.Years - m.P.Int("recent-years"));
        var result = new List<ResourceDependence>();
        foreach (var category in received.Where(l => l.Category.Side() == LedgerSide.Benefit).GroupBy(l => l.Category).OrderBy(g => g.Key))
        {
            var providers = category.GroupBy(l => partnerBloc.Contains(l.Provider) ? m.IdA == l.Provider || m.IdB == l.Provider ? l.Provider : PartnerHead(m, partnerBloc) : l.Provider)
                .Select(g =>
                {
                    var value = g.Sum(l => r.Value(l) * m.Evidence(l, r) * m.CoverageOf(l).Skip(from).Sum());
                    return (Id: g.Key, Value: value, Entries: g.ToList());
                })
                .Where(x => x.Value > 0).ToList();
            var sum = providers.Sum(x => x.Value);
            if (sum <= 0)
            {
                continue;
            }

            var partnerValue = providers.Where(x => partnerBloc.Contains(x.Id)).Sum(x => x.Value);
            var share = partnerValue / sum;
            // A share of 100% because the record names nobody else is a gap in the record, not proof of need.
            var alternatives = providers.Any(x => !partnerBloc.Contains(x.Id));
            var reading = partnerValue == 0 ? DependenceReading.NoneFromPartner
                : !alternatives ? DependenceReading.NoAlternativeOnRecord
                : share >= m.P["dependence.pivotal"] ? DependenceReading.Pivotal
                : share < m.P["dependence.small"] ? DependenceReading.SmallShare
                : DependenceReading.Significant;
            result.Add(new ResourceDependence(category.Key.Kebab(), Math.Round(share, 4), Math.Round(sum, 4), reading,
                providers.OrderByDescending(x => x.Value).Select(x => new ProviderShare(x.Id.Value, m.NameOf(x.Id), partnerBloc.Contains(x.Id), Math.Round(x.Value, 4),
                    Math.Round(x.Value / sum, 4), x.Entries.Select(l => m.Ref(l, m.Describe(l), r)).ToEquatableList(),
                    IsOwn: x.Entries.All(l => l.Provider == l.Recipient))).ToEquatableList(),
                alternatives ? DependenceConfidence.Moderate : DependenceConfidence.Low));
        }

        return result;
    }

    private static ActorId PartnerHead(AllianceModel m, IReadOnlySet<ActorId> partnerBloc) => partnerBloc.Contains(m.IdA) ? m.IdA : m.IdB;

    private static string SideVerdict(AllianceModel m, SideAssessment s)
    {
        var span = $"{m.FirstYear}–{m.LastYear}";
        var balance = s.Balance switch
        {
            LedgerBalance.BenefitsOutweighCosts => $"benefits outweigh costs (net {Signed(s.Net)} over {span})",
            LedgerBalance.CostsOutweighBenefits => $"costs outweigh benefits (net {Signed(s.Net)} over {span})",
            _ => $"benefits and costs roughly balance (net {Signed(s.Net)} over {span})",
        };
        var text = $"{s.Name}: {balance}.";
        var small = s.DependenceByResource.Where(d => d.PartnerShare > 0 && d.Reading == DependenceReading.SmallShare).ToList();
        var pivotal = s.DependenceByResource.Where(d => d.Reading == DependenceReading.Pivotal).ToList();
        var sole = s.DependenceByResource.Where(d => d.Reading == DependenceReading.NoAlternativeOnRecord).ToList();
        if (pivotal.Count > 0)
        {
            text += $" {s.PartnerName} is pivotal for its {Join(pivotal.Select(d => $"{d.CategoryWords} ({Pct(d.PartnerShare)} of what the record shows)"))}.";
        }

        if (sole.Count > 0)
        {
            text += $" For its {Join(sole.Select(d => d.CategoryWords))}, no alternative provider to {s.PartnerName} is on record, so how much {s.Name} depends on it cannot be told (low confidence).";
        }

        if (small.Count > 0)
        {
            text += $" {s.PartnerName} supplies only a small share of its {Join(small.Select(d => $"{d.CategoryWords} ({Pct(d.PartnerShare)})"))}: not pivotal.";
        }

        return text;
    }

    /// <summary>A warning when a side's share rests on resources for which the record names no alternative provider.</summary>
    private static string SoleCaveat(SideAssessment side)
    {
        var supplied = side.DependenceByResource.Where(d => d.PartnerShare > 0).ToList();
        var sole = supplied.Count(d => d.Reading == DependenceReading.NoAlternativeOnRecord);
        return sole == 0 ? ""
            : sole == supplied.Count ? $" But for every one of those resources {side.PartnerName} is the only provider on record, so the figure shows what the record lacks as much as what {side.Name} needs (low confidence)."
            : $" For {sole} of {supplied.Count} of those resources {side.PartnerName} is the only provider on record (low confidence).";
    }

    /// <summary>"a", "a and b", "a, b and c".</summary>
    private static string Join(IEnumerable<string> items)
    {
        var list = items.ToList();
        return list.Count <= 1 ? string.Concat(list) : $"{string.Join(", ", list.Take(list.Count - 1))} and {list[^1]}";
    }

    /// <summary>A number with its sign written out (+3.2, −1.5), as the verdict prints it.</summary>
    public static string Signed(double v) => (v > 0 ? "+" : v < 0 ? "−" : "") + F(Math.Abs(v));

    private static EquatableList<Finding> Findings(AllianceModel m, Outcome o, SideAssessment a, SideAssessment b)
    {
        var lines = new List<Finding> { new(FindingKind.SideLedger, a.Verdict, a.Id), new(FindingKind.SideLedger, b.Verdict, b.Id) };
        lines.AddRange(RelationFindings(m, o.Relation));
        var strong = o.Bonds.Where(x => x.Strength > 0).OrderByDescending(x => x.Weight * x.Strength).ToList();
        foreach (var s in new[] { a, b }.Where(s => s.PersistsAgainstLedger))
        {
            lines.Add(new(FindingKind.PersistsAgainstLedger,
                $"the alliance persists against its ledger for {s.Name}: its net has been negative for {s.NegativeRun} consecutive years ({s.NegativeSince}–{m.LastYear}) while the alliance held."
                + (strong.Count > 0 ? $" Bonds that may explain it: {string.Join("; ", strong.Select(x => x.Label))}." : " The record shows no bond that would explain it."),
                s.Id));
        }

        if (Math.Abs(a.Dependence - b.Dependence) >= 0.2)
        {
            var (more, less) = a.Dependence > b.Dependence ? (a, b) : (b, a);
            lines.Add(new(FindingKind.LopsidedDependence,
                $"The dependence is lopsided: in the resources each side receives from the other, {more.Name} gets {Pct(more.Dependence)} of its supply from {more.PartnerName}; {less.Name} gets only {Pct(less.Dependence)} of its supply from {less.PartnerName}."
                + SoleCaveat(more),
                more.Id));
        }

        return lines.ToEquatableList();
    }

    /// <summary>What the weighed relation says in words: holds or not with its probability, what the evidence outweighs, declared against done.</summary>
    private static List<Finding> RelationFindings(AllianceModel m, RelationWeight w)
    {
        var na = m.NameOf(m.IdA);
        var nb = m.NameOf(m.IdB);
        // The trail names only ties between the two blocs.
        var ties = m.S.TiesBetween(m.BlocA, m.BlocB).ToDictionary(t => t.Id);
        string Item(EvidenceItem i)
        {
            var tie = ties.TryGetValue(i.Tie, out var t) ? m.Describe(t) : i.Tie;
            var what = i.Reports == ClaimReports.Declaration ? "declared " : "";
            return $"{what}{tie} ({i.Claim ?? "unsourced"}{(i.Grade is null ? "" : ", " + i.Grade)}, {i.Source})";
        }

        var lines = new List<Finding>();
        void Add(FindingKind kind, string text) => lines.Add(new(kind, text));
        var p = $"P(holds) = {Pct(w.PFriendly)}";
        if (w.Contested)
        {
            Add(FindingKind.Relation, $"The evidence on the alliance at {m.LastYear} is contested ({p}, P(hostile) = {Pct(w.PHostile)}): " +
                      $"{(w.Sign == RelationSign.Friendly ? "it holds on balance" : w.Sign == RelationSign.Hostile ? "it weighs broken on balance" : "neither side reaches even odds")}.");
        }
        else if (w.Sign == RelationSign.Friendly)
        {
            Add(FindingKind.Relation, $"The alliance holds at {m.LastYear} ({p}).");
        }
        else if (w.Sign == RelationSign.Hostile)
        {
            var breaks = w.Counted.Where(i => i.Sign == RelationSign.Hostile && i.Supports).Take(3).Select(Item).ToList();
            Add(FindingKind.Relation, $"The alliance does not hold at {m.LastYear}: the evidence weighs hostile (P(hostile) = {Pct(w.PHostile)}; {p}): {string.Join("; ", breaks)}.");
        }
        else
        {
            Add(FindingKind.Relation, w.Items.Count == 0 || w.EvidenceFriendly == 0 && w.Items.All(i => i.Sign != RelationSign.Friendly)
                ? $"The record shows no alliance between {na} and {nb} ({p})."
                : $"The alliance between {na} and {nb} is not shown holding at {m.LastYear} ({p}).");
        }

        var outweighed = w.Outweighed.Where(i => i.Reach != Reach.Silent).Take(3).ToList();
        if (outweighed.Count > 0 && w.Sign != RelationSign.None)
        {
            var how = outweighed.Select(i => Item(i) + (i.Reach == Reach.Carried && i.Carry < 1 ? $", carried from its date at {Pct(i.Carry)} after later contrary evidence" : ""));
            Add(FindingKind.Outweighed, $"The evidence outweighs {string.Join("; ", how)}.");
        }

        if (w.Strands.Count > 1 && w.Strands.Any(x => x.Reports == ClaimReports.Declaration))
        {
            Add(FindingKind.DeclaredAndDone, $"Declared and done: {w.StrandsLine}.");
        }

        return lines;
    }

    /// <param name="read">The evidence the baseline evaluation read. A claim it never read cannot change any figure (the
    /// evaluation is a function of the weights it asks for), so only those claims are taken away one at a time: the cost
    /// follows the pair's evidence, not the size of the record.</param>
    private static EquatableList<SensitivityItem> Sensitivity(AllianceModel m, IRealisation expected, Outcome baseline, IReadOnlySet<FactKey> read)
    {
        var items = new List<(SensitivityItem Item, double Score)>();
        var claims = read.Where(k => k.Type == FactType.Claim).OrderBy(k => k.Id, StringComparer.Ordinal).ToList();
        var na = m.NameOf(m.IdA);
        var nb = m.NameOf(m.IdB);
        foreach (var key in claims)
        {
            var claim = m.S.Claim(new ClaimId(key.Id))!;
            var o = m.Evaluate(new WithoutClaim(expected, key), withBasis: false);
            var effects = new List<string>();
            void Compare(string name, SideOutcome before, SideOutcome after)
            {
                if (before.Balance != after.Balance)
                {
                    effects.Add($"{name}'s net turns {after.Balance switch { LedgerBalance.BenefitsOutweighCosts => "positive", LedgerBalance.CostsOutweighBenefits => "negative", _ => "roughly balanced" }}");
                }

                if (before.Flag != after.Flag)
                {
                    effects.Add(after.Flag ? $"{name} is flagged as persisting against its ledger" : $"the flag 'persists against its ledger' for {name} drops");
                }
            }

            Compare(na, baseline.A, o.A);
            Compare(nb, baseline.B, o.B);
            if (o.Holds != baseline.Holds)
            {
                effects.Add(o.Holds ? "the alliance counts as holding" : "the alliance no longer counts as holding");
            }

            var da = o.A.Net - baseline.A.Net;
            var db = o.B.Net - baseline.B.Net;
            var dbond = o.BondIndex - baseline.BondIndex;
            var changes = effects.Count > 0;
            if (!changes)
            {
                if (Math.Abs(da) < 1e-9 && Math.Abs(db) < 1e-9 && Math.Abs(dbond) < 1e-9)
                {
                    continue;
                }

                var moves = new List<string>();
                if (Math.Abs(da) >= 0.05)
                {
                    moves.Add($"{na}'s net by {Signed(da)}");
                }

                if (Math.Abs(db) >= 0.05)
                {
                    moves.Add($"{nb}'s net by {Signed(db)}");
                }

                if (Math.Abs(dbond) >= 0.005)
                {
                    moves.Add($"the bond index by {Signed(dbond * 100)} points");
                }

                if (moves.Count == 0)
                {
                    continue;
                }

                effects.Add("it moves " + string.Join(" and ", moves) + "; the verdict stands");
            }

            var r = m.Ref(claim);
            var effect = $"If {r.Id} ({r.Grade}, {r.Source}) is wrong, {string.Join("; ", effects)}.";
            var score = (changes ? 1e6 : 0) + Math.Abs(da) + Math.Abs(db) + 10 * Math.Abs(dbond);
            items.Add((new SensitivityItem(r, effect, Math.Round(da, 4), Math.Round(db, 4), Math.Round(dbond, 4), changes), score));
        }

        return items.OrderByDescending(x => x.Score).ThenBy(x => x.Item.Claim.Id, StringComparer.Ordinal).Take(m.P.Int("sensitivity.top")).Select(x => x.Item).ToEquatableList();
    }

    private static Uncertainty Simulate(AllianceModel m, Outcome point)
    {
        var runs = m.P.Int("monte-carlo.runs");
        var seed = m.P.Int("monte-carlo.seed");
        var rng = new Random(seed);
        var netA = new double[runs];
        var netB = new double[runs];
        var benA = new double[runs];
        var benB = new double[runs];
        var costA = new double[runs];
        var costB = new double[runs];
        var bond = new double[runs];
        int persists = 0, flagA = 0, flagB = 0, negA = 0, negB = 0;
        for (var i = 0; i < runs; i++)
        {
            var o = m.Evaluate(new SampledRealisation(m, rng), withBasis: false);
            (netA[i], netB[i], benA[i], benB[i], costA[i], costB[i], bond[i]) = (o.A.Net, o.B.Net, o.A.BenefitTotal, o.B.BenefitTotal, o.A.CostTotal, o.B.CostTotal, o.BondIndex);
            persists += o.Holds ? 1 : 0;
            flagA += o.A.Flag ? 1 : 0;
            flagB += o.B.Flag ? 1 : 0;
            negA += o.A.Net < 0 ? 1 : 0;
            negB += o.B.Net < 0 ? 1 : 0;
        }

        var level = m.P["interval"];
        Interval I(double pointValue, double[] xs)
        {
            Array.Sort(xs);
            return new Interval(Math.Round(pointValue, 4), Math.Round(Quantiles.Of(xs, (1 - level) / 2, QuantileDefinition.Linear), 4), Math.Round(Quantiles.Of(xs, 1 - (1 - level) / 2, QuantileDefinition.Linear), 4));
        }

        double Share(int count) => Math.Round(count / (double)runs, 4);
        return new Uncertainty(runs, seed, level,
            new SideUncertainty(I(point.A.Net, netA), I(point.A.BenefitTotal, benA), I(point.A.CostTotal, costA), Share(negA), Share(flagA)),
            new SideUncertainty(I(point.B.Net, netB), I(point.B.BenefitTotal, benB), I(point.B.CostTotal, costB), Share(negB), Share(flagB)),
            I(point.BondIndex, bond), Share(persists));
    }
}
