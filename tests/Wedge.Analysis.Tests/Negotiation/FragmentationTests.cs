using Wedge.Analysis.Negotiation;
using Wedge.Core.Negotiation;

namespace Wedge.Analysis.Tests.Negotiation;

public class FragmentationTests
{
    private static Scenario Movement(double tolerance) => new("m", null, [new Dimension("d", "D")],
        [
            Build.Actor("left", 1, [0], [100], movement: "mv", tolerance: tolerance),
            Build.Actor("right", 1, [40], [100], movement: "mv", tolerance: tolerance),
            Build.Actor("outsider", 1, [100], [100]),
        ],
        [new Movement("mv", "The movement")]);

    [Fact]
    public void GapEqualToTolerance_IsEvenOdds()
    {
        // Both factions end at 20: the movement settles at 20, each is 20 from where it started, tolerance 20 → risk 1/2.
        var s = Movement(20);
        var risk = FragmentationModel.Assess(s, [[20], [20], [100]]).Single();

        Assert.Equal([20.0], risk.Settlement);
        Assert.All(risk.Factions, f => Assert.Equal(0.5, f.Risk, 12));
        Assert.Equal(0.5, risk.Risk, 12);
    }

    [Fact]
    public void GapTwiceTolerance_RiskSixteenSeventeenths()
    {
        var s = Movement(10);
        var risk = FragmentationModel.Assess(s, [[20], [20], [100]]).Single();
        Assert.Equal(16.0 / 17.0, risk.Risk, 12);
        Assert.Contains("20.0 points away", risk.Factions[0].Reasoning);
    }

    [Fact]
    public void SettlementIsCapabilityAndSalienceWeighted_AndRiskWeightedByFactionWeight()
    {
        // The heavier faction (capability 3) stays at 0; the lighter one moves from 40 to 0 too: the movement settles at 0,
        // the lighter faction is 40 away (tolerance 20 → 16/17), the heavier 0 away; movement risk = (1·16/17 + 3·0)/4.
        var s = Movement(20);
        s = s.WithActor(0, s.Actors[0] with { Capability = 3 });
        var risk = FragmentationModel.Assess(s, [[0], [0], [100]]).Single();

        Assert.Equal(0, risk.Settlement[0], 12);
        Assert.Equal(16.0 / 17.0 / 4, risk.Risk, 12);
    }

    [Fact]
    public void BuiltOnARun_UsesItsFinalPositions()
    {
        var s = Movement(20);
        var run = SmpModel.Run(s);
        var direct = FragmentationModel.Assess(s, run.Final.Positions);
        Assert.Equal(direct.Single().Risk, FragmentationModel.Assess(run).Single().Risk);
        Assert.Equal(direct.Single().Risk, FragmentationModel.Assess(run, "mv")!.Risk);
        Assert.Null(FragmentationModel.Assess(run, "nope"));
    }
}
