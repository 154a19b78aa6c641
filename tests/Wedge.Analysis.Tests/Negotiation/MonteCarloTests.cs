using Wedge.Analysis.Negotiation;
using Wedge.Core.Negotiation;

namespace Wedge.Analysis.Tests.Negotiation;

public class MonteCarloTests
{
    private static Scenario Uncertain()
    {
        var s = Fixtures.Dummy3Dim();
        var actors = s.Actors.Select(a => a with
        {
            Capability = Estimate.Between(a.Capability.Value * 0.8, a.Capability.Value * 1.2),
            Positions = a.Positions.Select(p => Estimate.Between(Math.Max(0, p.Value - 5), Math.Min(100, p.Value + 5))).ToArray(),
        }).ToArray();
        return new Scenario(s.Name, null, s.Dimensions, actors);
    }

    [Fact]
    public void SameSeed_SameDistribution_WhateverTheThreadCount()
    {
        var one = MonteCarlo.Run(Uncertain(), 24, seed: 42, maxParallelism: 1);
        var two = MonteCarlo.Run(Uncertain(), 24, seed: 42, maxParallelism: 2);

        Assert.Equal(one.WeightedOutcome, two.WeightedOutcome);
        Assert.Equal(one.Draws.Select(d => d.WeightedOutcome), two.Draws.Select(d => d.WeightedOutcome));
    }

    [Fact]
    public void DifferentSeeds_DifferentDraws()
    {
        var a = MonteCarlo.Run(Uncertain(), 12, seed: 1);
        var b = MonteCarlo.Run(Uncertain(), 12, seed: 2);
        Assert.NotEqual(a.Draws.Select(d => d.WeightedOutcome[0]), b.Draws.Select(d => d.WeightedOutcome[0]));
    }

    [Fact]
    public void ExactInputs_EveryDrawIsTheDeterministicRun()
    {
        var scenario = Fixtures.Dummy3Dim();
        var result = MonteCarlo.Run(scenario, 5, seed: 3);
        var run = SmpModel.Run(scenario);

        Assert.All(result.Draws, d => Assert.Equal(run.WeightedOutcome, d.WeightedOutcome));
        Assert.Equal(0, result.WeightedOutcome[0].StdDev, 12);
    }

    [Fact]
    public void Sample_StaysWithinRangesAndKeepsSaliencesAtMostHundred()
    {
        var s = Build.OneDimension(
            Build.Actor("a", 1, [10], [50]) with { Saliences = [Estimate.Between(60, 100)], Positions = [Estimate.Between(0, 20)] },
            Build.Actor("b", 1, [90], [50]));
        var random = new Random(5);
        for (var i = 0; i < 200; i++)
        {
            var drawn = MonteCarlo.Sample(s, random);
            Assert.InRange(drawn.Actors[0].Positions[0].Value, 0, 20);
            Assert.InRange(drawn.Actors[0].Saliences[0].Value, 60, 100);
            Assert.True(drawn.Actors[0].Positions[0].IsExact);
        }
    }

    [Fact]
    public void Distribution_NearestRankQuantiles()
    {
        var d = Distribution.Of(Enumerable.Range(1, 100).Select(i => (double)i).ToArray());
        Assert.Equal((50.5, 1, 5, 50, 95, 100), (d.Mean, d.Min, d.P05, d.Median, d.P95, d.Max));
    }
}
