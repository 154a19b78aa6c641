using Wedge.Analysis.Negotiation;
using Wedge.Core.Negotiation;

namespace Wedge.Analysis.Tests.Negotiation;

/// <summary>The model's parameters other than KTAB's defaults.</summary>
public class SmpOptionsTests
{
    [Theory]
    [InlineData(VotingRule.Proportional, 0.5, 0.2, 0.6)]
    [InlineData(VotingRule.Binary, 0.5, 0.2, 2.0)]
    [InlineData(VotingRule.PropBin, 0.5, 0.2, 0.88)] // 2·(0.8·0.3 + 0.2·1)
    [InlineData(VotingRule.PropCubic, 0.5, 0.2, 0.327)] // 2·(0.5·0.3 + 0.5·0.027)
    [InlineData(VotingRule.Cubic, 0.5, 0.2, 0.054)] // 2·0.027
    [InlineData(VotingRule.AsymmetricProspect, 0.5, 0.2, 0.4)] // gains count two thirds
    [InlineData(VotingRule.AsymmetricProspect, 0.2, 0.5, -0.6)] // losses count fully
    [InlineData(VotingRule.Binary, 0.2, 0.5, -2.0)]
    public void Vote_WeightTwo_MatchesRule(VotingRule rule, double ua, double ub, double expected)
        => Assert.Equal(expected, SmpMath.Vote(rule, 2, ua, ub), 12);

    [Theory]
    [InlineData(VictoryProbModel.Linear, 3, 1, 0.75)]
    [InlineData(VictoryProbModel.Square, 3, 1, 0.9)]
    [InlineData(VictoryProbModel.Quartic, 3, 1, 81.0 / 82.0)]
    [InlineData(VictoryProbModel.Octic, 2, 1, 256.0 / 257.0)]
    [InlineData(VictoryProbModel.Binary, 1.1, 1, 1.0 / (1.0 + 1e-6))] // 10% ahead wins outright
    [InlineData(VictoryProbModel.Binary, 1, 1, 0.5)]
    [InlineData(VictoryProbModel.Binary, 1.05, 1, 0.75609756097560976)] // on the ramp: (1.05/2.05·2.1 − 1)/0.1
    public void VictoryProbability_MatchesModel(VictoryProbModel model, double s1, double s2, double expected)
        => Assert.Equal(expected, SmpMath.VictoryProbability(model, s1, s2), 9);

    [Theory]
    [InlineData(PceModel.Conditional)]
    [InlineData(PceModel.MarkovUniform)]
    [InlineData(PceModel.MarkovIncentive)]
    public void Pce_TwoOptions_AllModelsGiveTheVictoryProbability(PceModel model)
    {
        // With two options every PCE model reduces to P[a beats b] (worked out in docs/methods/negotiation.md).
        double[] coalition = [1e-8, 3, 1, 1e-8];
        var p = SmpMath.Pce(2, coalition, SmpOptions.KtabDefaults with { Pce = model });

        // The Markov models iterate to a change below 1e-6 (uniform) or 1e-8 (incentive), hence 5 places.
        Assert.Equal(0.75, p[0], 5);
        Assert.Equal(0.25, p[1], 5);
    }

    [Theory]
    [InlineData(PceModel.Conditional)]
    [InlineData(PceModel.MarkovUniform)]
    [InlineData(PceModel.MarkovIncentive)]
    public void Pce_ThreeOptions_SumsToOneAndRanksTheStrongestFirst(PceModel model)
    {
        // a beats b and c; b beats c.
        double[] coalition = [1e-8, 4, 5, 1, 1e-8, 3, 1, 1, 1e-8];
        var p = SmpMath.Pce(3, coalition, SmpOptions.KtabDefaults with { Pce = model });
        Assert.Equal(1.0, p.Sum(), 6);
        Assert.True(p[0] > p[1] && p[1] > p[2], string.Join(", ", p));
    }

    public static TheoryData<string, SmpOptions> NonDefaultOptions() => new()
    {
        { "voting Binary", SmpOptions.KtabDefaults with { Voting = VotingRule.Binary } },
        { "voting PropBin", SmpOptions.KtabDefaults with { Voting = VotingRule.PropBin } },
        { "voting PropCubic", SmpOptions.KtabDefaults with { Voting = VotingRule.PropCubic } },
        { "voting Cubic", SmpOptions.KtabDefaults with { Voting = VotingRule.Cubic } },
        { "voting AsymmetricProspect", SmpOptions.KtabDefaults with { Voting = VotingRule.AsymmetricProspect } },
        { "victory Square", SmpOptions.KtabDefaults with { VictoryProbability = VictoryProbModel.Square } },
        { "victory Quartic", SmpOptions.KtabDefaults with { VictoryProbability = VictoryProbModel.Quartic } },
        { "victory Octic", SmpOptions.KtabDefaults with { VictoryProbability = VictoryProbModel.Octic } },
        { "victory Binary", SmpOptions.KtabDefaults with { VictoryProbability = VictoryProbModel.Binary } },
        { "pce MarkovUniform", SmpOptions.KtabDefaults with { Pce = PceModel.MarkovUniform } },
        { "pce MarkovIncentive", SmpOptions.KtabDefaults with { Pce = PceModel.MarkovIncentive } },
        { "risk adjustment None", SmpOptions.KtabDefaults with { RiskAdjustment = RiskAdjustment.None } },
        { "risk adjustment Full", SmpOptions.KtabDefaults with { RiskAdjustment = RiskAdjustment.Full } },
        { "risk range Min", SmpOptions.KtabDefaults with { RiskRange = RiskRange.Min } },
        { "risk range Max", SmpOptions.KtabDefaults with { RiskRange = RiskRange.Max } },
        { "third party NoCommit", SmpOptions.KtabDefaults with { ThirdParty = ThirdPartyCommit.NoCommit } },
        { "interpolation S1P1", SmpOptions.KtabDefaults with { Interpolation = OfferInterpolation.S1P1 } },
        { "interpolation S2PMax", SmpOptions.KtabDefaults with { Interpolation = OfferInterpolation.S2PMax } },
    };

    [Theory]
    [MemberData(nameof(NonDefaultOptions))]
    public void EveryOption_RunsToAValidStateThatDiffersFromTheDefault(string name, SmpOptions options)
    {
        var scenario = Fixtures.Dummy3Dim();
        var run = SmpModel.Run(scenario, options);
        var baseline = SmpModel.Run(scenario);

        Assert.All(run.Turns.SelectMany(t => t.Positions).SelectMany(p => p), v => Assert.InRange(v, 0, 100));
        Assert.Equal(1.0, run.Coalitions.Sum(c => c.Probability), 6);
        var differs = run.Turns.Count != baseline.Turns.Count
            || run.Turns.Zip(baseline.Turns).Any(p => p.First.Positions.Zip(p.Second.Positions).Any(q => !q.First.SequenceEqual(q.Second)))
            || run.Coalitions.Zip(baseline.Coalitions).Any(p => Math.Abs(p.First.Probability - p.Second.Probability) > 1e-9);
        Assert.True(differs, $"{name} changed nothing");
    }

    [Fact]
    public void ThirdParty_NoCommitAndFullCommit_AddNothingSoTheyAgree()
    {
        // As the peer codes them, both make a third party's two expected utilities equal (docs): its vote is zero either way.
        var scenario = Fixtures.Dummy3Dim();
        var none = SmpModel.Run(scenario, SmpOptions.KtabDefaults with { ThirdParty = ThirdPartyCommit.NoCommit });
        var full = SmpModel.Run(scenario, SmpOptions.KtabDefaults with { ThirdParty = ThirdPartyCommit.FullCommit });
        Assert.Equal(none.Final.Positions, full.Final.Positions);
    }
}
