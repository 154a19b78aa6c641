using Wedge.Analysis.Assessment;
using Wedge.Core.Model;

namespace Wedge.Analysis.Tests.Assessment;

public class AllianceAssessorTests
{
    private static readonly ActorId Aq = new("aq");
    private static readonly ActorId Taliban = new("taliban");

    private static AllianceAssessment Assess(MiniCase c, string? at = "2018-09-11", string? knownAt = null, AssessmentParameters? p = null, bool simulate = false)
        => AllianceAssessor.Assess(c.Snapshot(at, knownAt), Taliban, Aq, p, simulate);

    [Fact]
    public void Article_TalibanCostsOutweighBenefitsAfter2001()
    {
        var r = Assess(MiniCase.Article());
        var after = r.A.Series.Where(y => y.Year > 2001).ToList();
        Assert.True(after.Sum(y => y.Net) < 0, $"net after 2001 = {after.Sum(y => y.Net)}");
        Assert.Equal(LedgerBalance.CostsOutweighBenefits, r.A.Balance);
    }

    [Fact]
    public void Article_AlQaedaBenefitsOutweighCosts()
    {
        var r = Assess(MiniCase.Article());
        Assert.Equal(LedgerBalance.BenefitsOutweighCosts, r.B.Balance);
        Assert.True(r.B.Net > 0);
    }

    [Fact]
    public void Article_AlQaedaIsSmallShareOfTalibanFundsAndManpower()
    {
        var r = Assess(MiniCase.Article());
        var funds = r.A.DependenceByResource.Single(d => d.Category == "funds");
        var manpower = r.A.DependenceByResource.Single(d => d.Category == "manpower");
        Assert.InRange(funds.PartnerShare, 0.0001, 0.25);
        Assert.InRange(manpower.PartnerShare, 0.0001, 0.25);
        Assert.Equal(DependenceReading.SmallShare, funds.Reading);
        Assert.Contains(funds.Providers, p => p.Provider == "pakistan");
    }

    [Fact]
    public void Dependence_PartnerTheOnlyProviderOnRecord_NoAlternative_LowConfidence_NeverPivotal()
    {
        // Why (issue 11, part 7): a share of 100% because nobody else is on record is a gap in the record, not proof of need.
        var r = Assess(MiniCase.Article());
        var expertise = r.A.DependenceByResource.Single(d => d.Category == "expertise");
        Assert.Equal(1, expertise.PartnerShare);
        Assert.Equal((DependenceReading.NoAlternativeOnRecord, DependenceConfidence.Low), (expertise.Reading, expertise.Confidence));
        Assert.DoesNotContain("pivotal for its expertise", r.A.Verdict, StringComparison.Ordinal);
        Assert.Contains("For its expertise, no alternative provider to aq is on record", r.A.Verdict, StringComparison.Ordinal);
        Assert.Contains("(low confidence)", r.A.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void Dependence_OwnCapacityOnRecord_CountsAsTheAlternative_PartnerPivotal()
    {
        // Why: a party's own capacity is a provider. Taliban expertise of its own, one level below al-Qaeda's minor..moderate
        // (negligible against minor..moderate): the partner keeps the larger share, so it is pivotal, with moderate confidence.
        var r = Assess(MiniCase.Article().Flow("l-own-expertise", "taliban", "taliban", LedgerCategory.Expertise, MiniCase.P("1996"), "negligible"));
        var expertise = r.A.DependenceByResource.Single(d => d.Category == "expertise");
        Assert.Equal((DependenceReading.Pivotal, DependenceConfidence.Moderate), (expertise.Reading, expertise.Confidence));
        var own = Assert.Single(expertise.Providers, p => p.IsOwn);
        Assert.Equal(("taliban", "taliban (own capacity)"), (own.Provider, own.Label));
        Assert.InRange(expertise.PartnerShare, 0.5, 0.9999);
        Assert.Contains("aq is pivotal for its expertise", r.A.Verdict, StringComparison.Ordinal);
        // Own capacity is not a benefit of the alliance: the side's ledger with its partner is unchanged.
        Assert.Equal(Assess(MiniCase.Article()).A.Net, r.A.Net);
    }

    [Fact]
    public void Verdict_NamesCategoriesInWords_NeverTheirCodes()
    {
        var r = Assess(MiniCase.Article());
        Assert.Contains("other benefits", r.B.Verdict, StringComparison.Ordinal);
        foreach (var code in new[] { "other-benefit", "other-cost", "internal-strife", "lost-patron" })
        {
            Assert.DoesNotContain(code, r.Verdict, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Article_FlaggedPersistsAgainstLedgerForTaliban_WithBondsNamed()
    {
        var r = Assess(MiniCase.Article());
        Assert.True(r.Holds);
        Assert.True(r.A.PersistsAgainstLedger);
        Assert.False(r.B.PersistsAgainstLedger);
        var kinds = r.Bonds.Select(b => b.Kind).ToHashSet();
        Assert.Superset(new HashSet<string> { "shared-rival", "pledge", "champion", "joint-fighting", "years-allied" }, kinds);
        Assert.Contains("persists against its ledger", r.Verdict);
        Assert.Contains("shared rival: is", r.Verdict);
        Assert.Contains("haqqani", r.Bonds.Single(b => b.Kind == "champion").Description);
        Assert.Contains("deputy", r.Bonds.Single(b => b.Kind == "champion").Description);
    }

    [Fact]
    public void RemovingHaqqaniClaims_WeakensBonds()
    {
        var before = Assess(MiniCase.Article());
        var c = MiniCase.Article().Without(f => f is Role { Id: "r-siraj-deputy" or "r-siraj-haqqani" } || f is Tie { Id: "t-haqqani-aq" } || f is LedgerEntry { Id: "l-haqqani-protection" });
        var after = Assess(c);
        Assert.True(after.BondIndex < before.BondIndex, $"{after.BondIndex} !< {before.BondIndex}");
        Assert.DoesNotContain(after.Bonds, b => b.Kind == "champion");
    }

    [Fact]
    public void ChampionWithoutDeputyRole_IsWeaker()
    {
        var before = Assess(MiniCase.Article()).Bonds.Single(b => b.Kind == "champion");
        var after = Assess(MiniCase.Article().Without(f => f is Role { Id: "r-siraj-deputy" })).Bonds.Single(b => b.Kind == "champion");
        Assert.True(after.Strength < before.Strength);
        Assert.DoesNotContain("deputy", after.Description);
    }

    [Fact]
    public void GradedClaimOfExpulsion_ChangesVerdict()
    {
        var before = Assess(MiniCase.Article());
        var c = MiniCase.Article();
        var claim = c.Claim("B2", "The Taliban expelled al-Qaeda from Afghanistan.");
        c.Tie("t-expulsion", TieKind.Split, "taliban", "aq", MiniCase.P("2018-03"), claim: claim);
        var after = Assess(c);
        Assert.True(before.Holds);
        Assert.False(after.Holds);
        Assert.False(after.A.PersistsAgainstLedger);
        Assert.NotEqual(before.Verdict, after.Verdict);

        // One source says both allied and expelled (B2 each): the evidence is split, not a break.
        Assert.Contains("contested", after.Verdict);
        Assert.True(after.Relation.Contested);
    }

    [Fact]
    public void KnownAt_UsesNoLaterFacts()
    {
        var c = MiniCase.Article();
        var r = AllianceAssessor.Assess(c.Snapshot(null, "2014-12-31"), Taliban, Aq, simulate: false);
        Assert.Equal(2014, r.LastYear);
        var ids = r.A.Benefits.Concat(r.A.Costs).Concat(r.B.Benefits).Concat(r.B.Costs).SelectMany(x => x.Entries).Select(e => e.Entry.Id)
            .Concat(r.Bonds.SelectMany(b => b.Basis).Select(f => f.Id)).ToHashSet();
        Assert.DoesNotContain("r-siraj-deputy", ids);
        Assert.DoesNotContain("t-bayat-zawahiri-mansour", ids);
        Assert.DoesNotContain("t-taliban-iskp", ids);
        Assert.DoesNotContain(r.Bonds, b => b.Kind == "shared-rival");
        Assert.DoesNotContain("deputy", string.Join(" ", r.Bonds.Select(b => b.Description)));
    }

    [Fact]
    public void Series_SpansFirstTieToReadYear_AndNetIsBenefitsMinusCosts()
    {
        var r = Assess(MiniCase.Article());
        Assert.Equal(1996, r.FirstYear);
        Assert.Equal(2018, r.LastYear);
        Assert.Equal(23, r.A.Series.Count);
        foreach (var y in r.A.Series)
        {
            Assert.Equal(y.Benefits - y.Costs, y.Net, 2);
        }

        Assert.Equal(r.A.BenefitTotal - r.A.CostTotal, r.A.Net, 3);
        Assert.Equal(r.A.BenefitTotal, r.A.Benefits.Sum(b => b.Total), 2);
    }

    [Fact]
    public void Value_IsMagnitudeTimesGradeProbabilityTimesCoverage()
    {
        // One full year of a 'major' flow backed by one B2 claim: 8 × (0.85 × 0.85).
        var c = new MiniCase().Actor("x").Actor("y")
            .Tie("t", TieKind.Alliance, "x", "y", MiniCase.P("2010"))
            .Flow("l", "x", "y", LedgerCategory.Funds, MiniCase.P("2010", "2010"), "major");
        var r = AllianceAssessor.Assess(c.Snapshot("2010-12-31"), new ActorId("y"), new ActorId("x"), simulate: false);
        Assert.Equal(8 * 0.85 * 0.85, r.A.BenefitTotal, 6);
        var contribution = Assert.Single(r.A.Benefits.Single().Entries);
        Assert.Equal("B2", Assert.Single(contribution.Entry.Claims).Grade);
        Assert.Equal("src", contribution.Entry.Claims[0].Source);
    }

    [Fact]
    public void DisputingClaim_DiscountsItsFact()
    {
        var c = new MiniCase().Actor("x").Actor("y").Tie("t", TieKind.Alliance, "x", "y", MiniCase.P("2010"));
        var support = c.Claim("B2");
        var dispute = c.Claim("C3", stance: ClaimStance.Disputes);
        c.Add(new LedgerEntry
        {
            Id = "l",
            Provider = new ActorId("x"),
            Recipient = new ActorId("y"),
            Category = LedgerCategory.Funds,
            Period = MiniCase.P("2010", "2010"),
            Magnitude = new Magnitude(4),
            Claims = [new ClaimId(support), new ClaimId(dispute)],
        });
        var r = AllianceAssessor.Assess(c.Snapshot("2010-12-31"), new ActorId("y"), new ActorId("x"), simulate: false);
        Assert.Equal(8 * 0.85 * 0.85 * (1 - 0.65 * 0.7), r.A.BenefitTotal, 6);
    }

    [Fact]
    public void Simulation_IsReproducibleWithSeed_AndIntervalsContainPoint()
    {
        var c = MiniCase.Article();
        var p = AssessmentParameters.Default.With("monte-carlo.runs", 400).Result!;
        var one = AllianceAssessor.Assess(c.Snapshot("2018-09-11"), Taliban, Aq, p).Uncertainty!;
        var two = AllianceAssessor.Assess(c.Snapshot("2018-09-11"), Taliban, Aq, p).Uncertainty!;
        Assert.Equal(one, two);
        Assert.Equal(400, one.Runs);
        Assert.True(one.A.Net.Low <= one.A.Net.High);
        Assert.InRange(one.A.ProbabilityNetNegative, 0.5, 1);
        Assert.InRange(one.ShareHolds, 0, 1);

        var other = AllianceAssessor.Assess(c.Snapshot("2018-09-11"), Taliban, Aq, p.With("monte-carlo.seed", 7).Result!).Uncertainty!;
        Assert.NotEqual(one.A.Net.Low, other.A.Net.Low);
    }

    [Fact]
    public void Simulation_MeanMatchesExpectedValue()
    {
        // The expected realisation is the mean of the sampled ones (claims independent, levels uniform), so
        // the simulated mean of a benefit total should be close to the point estimate.
        var c = new MiniCase().Actor("x").Actor("y")
            .Tie("t", TieKind.Alliance, "x", "y", MiniCase.P("2010"))
            .Flow("l", "x", "y", LedgerCategory.Funds, MiniCase.P("2010", "2012"), "minor..major", grade: "C3");
        var p = AssessmentParameters.Default.With("monte-carlo.runs", 20000).Result!.With("interval", 0.5).Result!;
        var r = AllianceAssessor.Assess(c.Snapshot("2012-12-31"), new ActorId("y"), new ActorId("x"), p);
        var expected = (2 + 4 + 8) / 3.0 * 0.65 * 0.7 * 3;
        Assert.Equal(expected, r.A.BenefitTotal, 6);
        Assert.InRange(r.Uncertainty!.A.Benefits.Low, 0, expected);
    }

    [Fact]
    public void Sensitivity_NamesClaimThatFlipsAVerdict()
    {
        // Al-Qaeda's costs rest on one weak claim against a strong benefit: drop the benefit's claim and its net turns negative.
        var c = new MiniCase().Actor("x").Actor("y").Tie("t", TieKind.Alliance, "x", "y", MiniCase.P("2010"));
        var key = c.Claim("B3", "y gave x a safe haven", id: "c-haven");
        c.Flow("l-haven", "y", "x", LedgerCategory.Sanctuary, MiniCase.P("2010"), "moderate", claim: key);
        c.Flow("l-cost", "y", "x", LedgerCategory.Retaliation, MiniCase.P("2010"), "minor", grade: "C3");
        var r = AllianceAssessor.Assess(c.Snapshot("2015-12-31"), new ActorId("x"), new ActorId("y"), simulate: false);
        Assert.Equal(LedgerBalance.BenefitsOutweighCosts, r.A.Balance);
        var top = r.Sensitivity.First();
        Assert.Equal("c-haven", top.Claim.Id);
        Assert.True(top.ChangesVerdict);
        Assert.Contains("If c-haven (B3, src) is wrong, x's net turns negative", top.Effect);
    }

    [Fact]
    public void Parameters_ChangeTheResult()
    {
        var flat = AssessmentParameters.Default;
        foreach (var (key, value) in new[] { ("magnitude.major", 2.0), ("magnitude.critical", 2.0), ("magnitude.moderate", 2.0) })
        {
            flat = flat.With(key, value).Result!;
        }

        var a = Assess(MiniCase.Article());
        var b = Assess(MiniCase.Article(), p: flat);
        Assert.NotEqual(a.A.Net, b.A.Net);
        Assert.Equal(2.0, b.Parameters["magnitude.major"]);
    }

    [Fact]
    public void NoTie_IsDetected()
    {
        var c = new MiniCase().Actor("x").Actor("y").Actor("z").Tie("t", TieKind.Alliance, "x", "z", MiniCase.P("2010"));
        Assert.False(AllianceAssessor.HaveAnyTie(c.Snapshot(), new ActorId("x"), new ActorId("y")));
        Assert.True(AllianceAssessor.HaveAnyTie(c.Snapshot(), new ActorId("x"), new ActorId("z")));
    }
}
