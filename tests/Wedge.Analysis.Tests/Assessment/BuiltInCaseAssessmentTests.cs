using Wedge.Analysis.Assessment;
using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;
using Wedge.Data.Cases;

namespace Wedge.Analysis.Tests.Assessment;

/// <summary>What the issue says the built-in al-Qaeda–Taliban case must show, and that the analysis responds to evidence.</summary>
public class BuiltInCaseAssessmentTests
{
    private static readonly ActorId Taliban = new("taliban");
    private static readonly ActorId AlQaeda = new("al-qaeda");
    private static readonly Lazy<IReadOnlyList<Fact>> CaseFacts = new(() => BuiltInCase.Read().Facts);

    private static KnowledgeBase Kb(IEnumerable<Fact> facts)
    {
        var outcome = KnowledgeBase.Empty.With(facts.Select(JournalChange.Add).ToList());
        Assert.True(outcome.IsSuccess, string.Join("; ", outcome.Problems));
        return outcome.Result!;
    }

    private static AllianceAssessment Assess(KnowledgeBase kb, string? at = "2018-09-11", string? knownAt = null, bool simulate = false)
        => AllianceAssessor.Assess(Snapshot.Of(kb, new ReadOptions(at is null ? null : FuzzyDate.Parse(at), knownAt is null ? null : FuzzyDate.Parse(knownAt))),
            Taliban, AlQaeda, simulate: simulate);

    private static AllianceAssessment AtArticleDate => Assess(Kb(CaseFacts.Value));

    [Fact]
    public void Taliban_CostsOutweighBenefitsAfter2001()
    {
        var r = AtArticleDate;
        var after = r.A.Series.Where(y => y.Year > 2001).ToList();
        Assert.NotEmpty(after);
        Assert.True(after.Sum(y => y.Costs) > after.Sum(y => y.Benefits), $"costs {after.Sum(y => y.Costs)} vs benefits {after.Sum(y => y.Benefits)}");
        Assert.All(after, y => Assert.True(y.Net < 0, $"{y.Year}: net {y.Net}"));
    }

    [Fact]
    public void AlQaedaContributions_AreASmallShareOfTalibanFundsAndManpower()
    {
        var r = AtArticleDate;
        foreach (var resource in new[] { "funds", "manpower" })
        {
            var d = r.A.DependenceByResource.Single(x => x.Category == resource);
            Assert.InRange(d.PartnerShare, 0.0001, r.Parameters["dependence.small"] - 1e-9);
            Assert.Equal(DependenceReading.SmallShare, d.Reading);
        }

        var funders = r.A.DependenceByResource.Single(x => x.Category == "funds").Providers.Select(p => p.Provider).ToHashSet();
        Assert.Superset(new HashSet<string> { "pakistan", "iran", "russia", "drug-trade", "local-extortion", "gulf-donors", "al-qaeda" }, funders);
        Assert.Contains("supplies only a small share of its manpower", r.A.Verdict);
    }

    [Fact]
    public void TalibanManpower_ItsOwnFighters_AreOnRecordAsItsOwnCapacity()
    {
        // The article: the Taliban "has ample Afghan personnel"; recorded as the Taliban's own capacity, not a made-up actor.
        var manpower = AtArticleDate.A.DependenceByResource.Single(x => x.Category == "manpower");
        var own = Assert.Single(manpower.Providers, p => p.IsOwn);
        Assert.Equal("taliban", own.Provider);
        Assert.True(own.Share > 0.5, $"own share {own.Share}");
    }

    [Fact]
    public void NoAlternativeOnRecord_IsSaid_NotPivotal100()
    {
        // The article says al-Qaeda is not indispensable to the Taliban; the record names no other provider of expertise.
        var r = AtArticleDate;
        Assert.Equal(DependenceReading.NoAlternativeOnRecord, r.A.DependenceByResource.Single(x => x.Category == "expertise").Reading);
        Assert.DoesNotContain("(100%)", r.Verdict, StringComparison.Ordinal);
        Assert.Contains("no alternative provider to al-Qaeda is on record", r.A.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void Findings_FlagIsTyped_AndTheLinesFollowTheFindings()
    {
        // Hosts find the flag by its kind; the words stay those earlier versions printed.
        var r = AtArticleDate;
        var flag = Assert.Single(r.Findings, f => f.IsFlag);
        Assert.Equal(FindingKind.PersistsAgainstLedger, flag.Kind);
        Assert.Equal("taliban", flag.Side);
        Assert.StartsWith("the alliance persists against its ledger for Taliban", flag.Text, StringComparison.Ordinal);
        Assert.Equal("Flag: " + flag.Text, flag.Line);
        Assert.Equal(r.Findings.Select(f => f.Line), r.VerdictLines);
        Assert.Equal(string.Join(" ", r.VerdictLines), r.Verdict);
        Assert.Equal([FindingKind.SideLedger, FindingKind.SideLedger], r.Findings.Take(2).Select(f => f.Kind));
        Assert.DoesNotContain(r.Findings.Where(f => !f.IsFlag), f => f.Line.StartsWith("Flag:", StringComparison.Ordinal));
    }

    [Fact]
    public void Assessment_SameSnapshotTwice_EqualByValue()
    {
        // Results compare by content (no arrays or lists compared by reference), simulation included.
        var kb = Kb(CaseFacts.Value);
        var first = Assess(kb, simulate: true);
        var second = Assess(kb, simulate: true);
        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, Assess(kb, at: "2010-01-01", simulate: true));
    }

    [Fact]
    public void AlQaeda_BenefitsOutweighCosts()
    {
        var r = AtArticleDate;
        Assert.Equal(LedgerBalance.BenefitsOutweighCosts, r.B.Balance);
        Assert.True(r.B.BenefitTotal > r.B.CostTotal);
    }

    [Fact]
    public void Pair_FlaggedPersistsAgainstLedgerForTaliban_WithBondsNamed()
    {
        var r = Assess(Kb(CaseFacts.Value), simulate: true);
        Assert.True(r.Holds);
        Assert.True(r.A.PersistsAgainstLedger);
        Assert.False(r.B.PersistsAgainstLedger);
        var flag = r.VerdictLines.Single(l => l.Contains("persists against its ledger", StringComparison.Ordinal));
        Assert.Contains("Taliban", flag);
        Assert.Contains("shared rival: Islamic State", flag);
        Assert.Contains("pledges of allegiance", flag);
        Assert.Contains("factional champion: Haqqani Network", flag);
        Assert.Contains("years of joint fighting", flag);
        Assert.Contains("deputy of Taliban since 2015", r.Bonds.Single(b => b.Kind == "champion").Description);

        // The flag survives the uncertainty in the grades and magnitudes.
        Assert.True(r.Uncertainty!.A.ProbabilityFlag > 0.8, $"P(flag) = {r.Uncertainty.A.ProbabilityFlag}");
        Assert.True(r.Uncertainty.A.Net.High < 0);
        Assert.True(r.Uncertainty.B.Net.Low > 0);
    }

    [Fact]
    public void RemovingTheHaqqaniClaims_WeakensTheBonds()
    {
        static bool Haqqani(Claim c) => c.Text.Contains("Haqqani", StringComparison.OrdinalIgnoreCase);
        var dropped = CaseFacts.Value.OfType<Claim>().Where(Haqqani).Select(c => c.Id).ToHashSet();
        Assert.NotEmpty(dropped);

        // Facts lose those claims; a fact left with none is gone (it was known only through them).
        var facts = CaseFacts.Value
            .Where(f => f is not Claim c || !dropped.Contains(c.Id))
            .Select(f => f is Claim or Source || f.Claims.Count == 0 ? f : f with { Claims = f.Claims.Where(id => !dropped.Contains(id)).ToList() })
            .Where(f => f is Claim or Source or Actor || f.Claims.Count > 0)
            .ToList();
        var before = AtArticleDate;
        var after = Assess(Kb(facts));
        Assert.True(after.BondIndex < before.BondIndex, $"bond index {after.BondIndex} !< {before.BondIndex}");
        var championBefore = before.Bonds.Single(b => b.Kind == "champion").Strength;
        var championAfter = after.Bonds.SingleOrDefault(b => b.Kind == "champion")?.Strength ?? 0;
        Assert.True(championAfter < championBefore);
    }

    [Fact]
    public void ClaimsResting_OnlyOnOurNotes_AreGradedF_WithAReason()
    {
        // Our own notes cite no public source: their reliability cannot be judged (issue 11, part 5).
        var notes = CaseFacts.Value.OfType<Claim>().Where(c => c.Source.Value == "analyst-notes").ToList();
        Assert.NotEmpty(notes);
        Assert.All(notes, c => Assert.True(c.Grade.Reliability == 'F', $"{c.Id} is graded {c.Grade}"));
        Assert.All(CaseFacts.Value.OfType<Claim>(), c => Assert.False(string.IsNullOrWhiteSpace(c.GradeReason), $"{c.Id} has no grade-reason"));
    }

    [Theory]
    [InlineData("osama-bin-laden")]
    [InlineData("mullah-omar")]
    [InlineData("ayman-al-zawahiri")]
    [InlineData("akhtar-mansour")]
    [InlineData("haibatullah-akhundzada")]
    public void LeadersTheArticleNames_CiteTheArticle_NotOnlyOurNotes(string actor)
    {
        // Where the article states a fact, the case cites it (issue 11, part 5): these leaders are named in it.
        var a = CaseFacts.Value.OfType<Actor>().Single(x => x.Id.Value == actor);
        var sources = a.Claims.Select(id => CaseFacts.Value.OfType<Claim>().Single(c => c.Id == id).Source.Value).ToHashSet();
        Assert.Contains("bacon-2018", sources);
    }

    [Fact]
    public void HonestGrades_KeepTheArticlesReading()
    {
        // The article: the alliance holds in 2018 and the Taliban keeps it against its ledger.
        Assert.True(AtArticleDate.Holds);
        Assert.True(AtArticleDate.A.PersistsAgainstLedger);
    }

    [Fact]
    public void OneB2ClaimOfExpulsion_WeakensButDoesNotOverturnTheRecord()
    {
        // One graded row must not outweigh a record of many claims from several sources (issue 11).
        var after = Assess(Kb(CaseFacts.Value.Concat(Expulsion("c-test-expulsion", "bacon-2018", "B2"))));
        Assert.True(AtArticleDate.Holds);
        Assert.True(after.Holds);
        Assert.True(after.PHolds < AtArticleDate.PHolds, $"{after.PHolds} !< {AtArticleDate.PHolds}");
        Assert.Contains(after.Relation.Outweighed, i => i.Claim == "c-test-expulsion");
    }

    [Fact]
    public void EveryClaimTheEvaluationDidNotRead_ChangesNothingWhenTakenAway()
    {
        // The sensitivity analysis skips such claims; check the premise on every claim of the case, at two dates.
        foreach (var at in new[] { "2018-09-11", "2005" })
        {
            var snapshot = Snapshot.Of(Kb(CaseFacts.Value), new ReadOptions(FuzzyDate.Parse(at)));
            var model = new AllianceModel(snapshot, Taliban, AlQaeda, AssessmentParameters.Default);
            var expected = new ExpectedRealisation(AssessmentParameters.Default);
            var reading = new ReadingRealisation(expected);
            var baseline = model.Evaluate(reading);
            var unread = snapshot.AllClaims.Select(c => c.Key).Where(k => !reading.Read.Contains(k)).ToList();
            Assert.NotEmpty(unread);
            Assert.NotEmpty(reading.Read);
            foreach (var key in unread)
            {
                var o = model.Evaluate(new WithoutClaim(expected, key));
                Assert.Equal((baseline.A.Net, baseline.B.Net, baseline.BondIndex, baseline.Holds, baseline.A.Flag, baseline.B.Flag, baseline.Relation.PFriendly),
                    (o.A.Net, o.B.Net, o.BondIndex, o.Holds, o.A.Flag, o.B.Flag, Math.Round(o.Relation.PFriendly, 4))); // the baseline's is rounded with its trail
            }
        }
    }

    [Fact]
    public void UnrelatedGroupsAndTies_LeaveTheAssessmentUnchanged()
    {
        // An import about other groups must not move a pair's figures (the sensitivity included: it takes away only the
        // claims the evaluation read). Without simulation, whose seeded draws follow every claim on record.
        var unrelated = new List<Fact> { new Source { Id = new SourceId("other-dataset"), Title = "Another dataset" } };
        for (var i = 0; i < 40; i++)
        {
            unrelated.Add(new Actor { Id = new ActorId($"other-{i}"), Name = $"Other group {i}", Kind = ActorKind.ArmedGroup });
        }

        for (var i = 0; i < 120; i++)
        {
            var claim = new Claim { Id = new ClaimId($"c-other-{i}"), Source = new SourceId("other-dataset"), Text = "An observation.", Grade = Grade.Parse("B2") };
            unrelated.Add(claim);
            unrelated.Add(new Tie
            {
                Id = $"t-other-{i}",
                Kind = i % 3 == 0 ? TieKind.Rivalry : TieKind.Alliance,
                From = new ActorId($"other-{i % 40}"),
                To = new ActorId($"other-{(i * 7 + 1) % 40}"),
                Period = Period.Since(FuzzyDate.Parse($"{1995 + i % 20}")),
                StartOnly = i % 2 == 0,
                Claims = [claim.Id],
            });
        }

        var after = Assess(Kb(CaseFacts.Value.Concat(unrelated)));
        Assert.Equal(AtArticleDate, after);
        Assert.NotEmpty(after.Sensitivity);
    }

    [Fact]
    public void ExpulsionObservedByTwoIndependentConfirmedSources_ChangesTheVerdict()
    {
        var facts = CaseFacts.Value
            .Append(new Source { Id = new SourceId("test-wire-1"), Title = "Wire 1" })
            .Append(new Source { Id = new SourceId("test-wire-2"), Title = "Wire 2" })
            .Concat(Expulsion("c-test-expulsion-1", "test-wire-1", "A1"))
            .Concat(Expulsion("c-test-expulsion-2", "test-wire-2", "A1"));
        var after = Assess(Kb(facts));
        Assert.True(AtArticleDate.Holds);
        Assert.False(after.Holds);
        Assert.False(after.A.PersistsAgainstLedger);
        Assert.NotEqual(AtArticleDate.Verdict, after.Verdict);
    }

    private static IEnumerable<Fact> Expulsion(string claimId, string source, string grade)
    {
        var claim = new Claim
        {
            Id = new ClaimId(claimId),
            Source = new SourceId(source),
            Grade = Grade.Parse(grade),
            PublicSince = FuzzyDate.Parse("2018-08"),
            Text = "The Taliban expelled al-Qaeda's fighters from the areas it controls.",
            Reports = ClaimReports.Conduct,
        };
        yield return claim;
        yield return new Tie
        {
            Id = "t-" + claimId,
            Kind = TieKind.Split,
            From = Taliban,
            To = AlQaeda,
            Period = Period.Since(FuzzyDate.Parse("2018-08")),
            Claims = [claim.Id],
        };
    }

    [Fact]
    public void KnownAtEnd2014_UsesNoFactPublicAfterThen()
    {
        var kb = Kb(CaseFacts.Value);
        var cutoff = FuzzyDate.Parse("2014-12-31");
        var snapshot = Snapshot.Of(kb, new ReadOptions(null, cutoff));
        var r = AllianceAssessor.Assess(snapshot, Taliban, AlQaeda, simulate: false);
        Assert.Equal(2014, r.LastYear);

        var facts = r.A.Benefits.Concat(r.A.Costs).Concat(r.B.Benefits).Concat(r.B.Costs).SelectMany(c => c.Entries).Select(e => e.Entry)
            .Concat(r.A.DependenceByResource.Concat(r.B.DependenceByResource).SelectMany(d => d.Providers).SelectMany(p => p.Entries))
            .Concat(r.Bonds.SelectMany(b => b.Basis)).Concat(r.AllianceTies).ToList();
        var claims = facts.SelectMany(f => f.Claims).Select(c => c.Id).Concat(r.Sensitivity.Select(s => s.Claim.Id)).Distinct().ToList();
        Assert.NotEmpty(claims);
        foreach (var id in claims)
        {
            var claim = kb.FindClaim(new ClaimId(id))!;
            var published = claim.PublicSince ?? kb.FindSource(claim.Source)!.Date;
            Assert.True(published is null || published.Value.Latest <= cutoff.Latest, $"{id} became public {published}");
        }

        // Sirajuddin's rise (2015) and the Mansour pledge (2015) were not known yet.
        Assert.DoesNotContain(facts, f => f.Id is "r-sirajuddin-deputy" or "t-zawahiri-mansour-pledge");
        Assert.DoesNotContain("deputy", r.Bonds.SingleOrDefault(b => b.Kind == "champion")?.Description ?? "");
    }
}
