using Wedge.Analysis.Negotiation;
using Wedge.Core.Negotiation;

namespace Wedge.Analysis.Tests.Negotiation;

/// <summary>Hand-checkable cases and invariances of the bargaining model.</summary>
public class SmpModelTests
{
    [Fact]
    public void TwoActors_CapabilityTwoToOne_BothSettleAtTwenty()
    {
        // By hand (docs/methods/negotiation.md): A (capability 2, at 0) is favoured, so R_A = 1 and R_B = -0.5; A expects to win
        // with P = 2/3 and offers the point weighted s²P² : s²(1-P)² = 4 : 1, i.e. 0.2 of the way to B, i.e. 20. Both
        // resolutions prefer the offer (coalition 0.92 vs 0.38), both move there, and nothing moves in turn 2.
        var run = SmpModel.Run(Build.OneDimension(Build.Actor("a", 2, [0], [100]), Build.Actor("b", 1, [100], [100])));

        Assert.Equal(2, run.TurnsPlayed);
        Assert.Equal(20, run.Turns[1].Positions[0][0], 6);
        Assert.Equal(20, run.Turns[1].Positions[1][0], 6);
        Assert.Equal(20, run.WeightedOutcome[0], 6);
        var challenge = Assert.Single(run.Turns[0].Challenges);
        Assert.Equal((0, 1), (challenge.Challenger, challenge.Target));
        Assert.Equal(2.0 / 3.0, challenge.Probability, 9);
    }

    [Fact]
    public void TwoEqualActors_AtOppositeEnds_NobodyMoves()
    {
        // Equal strength: each expects to win with P = 1/2, so a challenge gains nothing (Δ = (1-u)(1 - 2·S·(1-P)) = 0).
        var run = SmpModel.Run(Build.OneDimension(Build.Actor("a", 1, [0], [100]), Build.Actor("b", 1, [100], [100])));

        Assert.Empty(run.Turns[0].Challenges);
        Assert.Equal(0, run.Final.Positions[0][0]);
        Assert.Equal(100, run.Final.Positions[1][0]);
        Assert.Equal(50, run.WeightedOutcome[0], 9);
    }

    [Fact]
    public void DominantActor_EveryoneEndsAtItsPosition()
    {
        var scenario = Fixtures.Dummy3Dim();
        var strong = scenario.Actors[2] with { Capability = 1e6 };
        var run = SmpModel.Run(scenario.WithActor(2, strong));

        for (var i = 0; i < scenario.Actors.Count; i++)
        {
            for (var d = 0; d < 3; d++)
            {
                Assert.Equal(scenario.Actors[2].Positions[d].Value, run.Final.Positions[i][d], 1);
            }
        }

        Assert.Equal(1.0, run.MostLikely.Probability, 6);
    }

    [Fact]
    public void IdenticalActors_MoveTogetherAtEveryTurn()
    {
        var scenario = Fixtures.Dummy3Dim();
        var twin = scenario.Actors[3] with { Id = "twin", Name = "twin" };
        var run = SmpModel.Run(new Scenario(scenario.Name, null, scenario.Dimensions, [.. scenario.Actors, twin]));

        foreach (var turn in run.Turns)
        {
            Assert.Equal(turn.Positions[3], turn.Positions[7]);
        }

        Assert.Equal(run.ActorProbabilities[3], run.ActorProbabilities[7]);
    }

    [Fact]
    public void ZeroSalienceActor_IsInertAndChangesNothing()
    {
        // An actor that cares about nothing has no stake: it stays put and the others play exactly as without it.
        // (KTAB rejects such an actor: its voting weight S·c is zero.)
        var scenario = Fixtures.Dummy3Dim();
        var idle = Build.Actor("idle", 500, [10, 10, 10], [0, 0, 0]);
        var with = SmpModel.Run(new Scenario(scenario.Name, null, scenario.Dimensions, [.. scenario.Actors, idle]));
        var without = SmpModel.Run(scenario);

        Assert.Equal(without.Turns.Count, with.Turns.Count);
        for (var t = 0; t < without.Turns.Count; t++)
        {
            for (var i = 0; i < scenario.Actors.Count; i++)
            {
                Assert.Equal(without.Turns[t].Positions[i], with.Turns[t].Positions[i]);
            }

            Assert.Equal([10.0, 10.0, 10.0], with.Turns[t].Positions[7]);
        }

        Assert.Equal(0, with.ActorProbabilities[7]);
    }

    [Fact]
    public void ReorderingActors_DoesNotChangeAnyTrajectory()
    {
        var scenario = Fixtures.Dummy3Dim();
        int[] order = [6, 2, 4, 0, 5, 1, 3];
        var original = SmpModel.Run(scenario);
        var reordered = SmpModel.Run(Build.Reordered(scenario, order));

        Assert.Equal(original.Turns.Count, reordered.Turns.Count);
        for (var t = 0; t < original.Turns.Count; t++)
        {
            for (var k = 0; k < order.Length; k++)
            {
                for (var d = 0; d < 3; d++)
                {
                    Assert.Equal(original.Turns[t].Positions[order[k]][d], reordered.Turns[t].Positions[k][d], 9);
                }
            }
        }

        for (var d = 0; d < 3; d++)
        {
            Assert.Equal(original.WeightedOutcome[d], reordered.WeightedOutcome[d], 9);
        }
    }

    [Fact]
    public void RelabellingActors_DoesNotChangeTheOutcome()
    {
        var scenario = Fixtures.Dummy3Dim();
        var renamed = new Scenario("renamed", null, scenario.Dimensions,
            scenario.Actors.Select((a, i) => a with { Id = $"z{9 - i}", Name = $"Zed {i}" }).ToArray());

        var a = SmpModel.Run(scenario);
        var b = SmpModel.Run(renamed);

        Assert.Equal(a.Final.Positions, b.Final.Positions);
        Assert.Equal(a.ActorProbabilities, b.ActorProbabilities);
    }

    [Fact]
    public void NotAtTable_KeepsItsPositionButStillWeighsIn()
    {
        var scenario = Fixtures.Dummy3Dim();
        var away = scenario.WithActor(2, scenario.Actors[2] with { AtTable = false });
        var run = SmpModel.Run(away);
        var free = SmpModel.Run(away, SmpOptions.KtabDefaults with { HonourTableLimits = false });

        foreach (var turn in run.Turns)
        {
            Assert.Equal([82.45, 90.89, 0.07], turn.Positions[2].Select(p => Math.Round(p, 6)));
            Assert.DoesNotContain(turn.Challenges, c => c.Challenger == 2 || c.Target == 2);
        }

        // Lifting the limit is exactly KTAB's run.
        Assert.Equal(SmpModel.Run(scenario).Final.Positions, free.Final.Positions);

        // It still counts in the final election: its position keeps a share of the probability.
        Assert.True(run.ActorProbabilities[2] > 0);
    }

    [Fact]
    public void LimitedFlexibility_NeverMovesFurtherThanAllowed()
    {
        var scenario = Fixtures.Dummy3Dim();
        var limited = scenario.WithActor(0, scenario.Actors[0] with { Flexibility = 5 });
        var run = SmpModel.Run(limited);

        foreach (var turn in run.Turns)
        {
            for (var d = 0; d < 3; d++)
            {
                Assert.InRange(Math.Abs(turn.Positions[0][d] - scenario.Actors[0].Positions[d].Value), 0, 5 + 1e-9);
            }
        }

        // Unconstrained, SActor-00 moves 25 points on dimension 2 (6.37 → 31.76), so the limit binds.
        Assert.Equal(6.37 + 5, run.Final.Positions[0][1], 6);
    }

    [Fact]
    public void Stochastic_SameSeedSameRun_DifferentSeedsDiffer()
    {
        var scenario = Fixtures.Dummy3Dim();
        SmpOptions Seeded(int s) => SmpOptions.KtabDefaults with { Transition = StateTransition.Stochastic, Seed = s };

        Assert.Equal(SmpModel.Run(scenario, Seeded(7)).Final.Positions, SmpModel.Run(scenario, Seeded(7)).Final.Positions);
        var finals = Enumerable.Range(0, 6).Select(s => SmpModel.Run(scenario, Seeded(s)).WeightedOutcome[0]).Distinct().Count();
        Assert.True(finals > 1);
    }
}
