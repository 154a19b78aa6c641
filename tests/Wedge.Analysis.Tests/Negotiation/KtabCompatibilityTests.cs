using Wedge.Analysis.Negotiation;
using Wedge.Core.Negotiation;

namespace Wedge.Analysis.Tests.Negotiation;

/// <summary>Compatible mode against the peer's own output on its sample scenario (see ../shared/data/ktab/README).</summary>
public class KtabCompatibilityTests
{
    [Fact]
    public void Dummy3Dim_MatchesPeerPositionsAtEveryTurn()
    {
        var run = SmpModel.Run(Fixtures.Dummy3Dim(), SmpOptions.KtabDefaults);
        var peer = Fixtures.PeerPositions();

        Assert.Equal(peer.Length, run.Turns.Count);
        for (var t = 0; t < peer.Length; t++)
        {
            for (var a = 0; a < peer[t].Length; a++)
            {
                for (var d = 0; d < peer[t][a].Length; d++)
                {
                    var ours = run.Turns[t].Positions[a][d];
                    Assert.True(Math.Abs(ours - peer[t][a][d]) <= 1e-6,
                        $"turn {t}, actor {a}, dim {d}: ours {ours:R}, peer {peer[t][a][d]:R}");
                }
            }
        }

        Assert.Equal("converged", run.StopReason);
    }

    [Fact]
    public void Dummy3Dim_FinalProbabilitiesMatchPeerSummary()
    {
        // dummyData_3Dim.final_summary.txt, printed to 4 decimals.
        double[] peer = [0.3340, 0.3340, 0.0183, 0.0957, 0.1512, 0.4009, 0.1512];
        var run = SmpModel.Run(Fixtures.Dummy3Dim());

        for (var i = 0; i < peer.Length; i++)
        {
            Assert.Equal(peer[i], run.ActorProbabilities[i], 4);
        }

        Assert.Equal(5, run.Coalitions.Count);
        // The summary's means were computed from probabilities printed to 4 decimals (they sum to 1.0001), hence the tolerance.
        Assert.Equal(78.072, run.WeightedOutcome[0], 0.005);
        Assert.Equal(35.628, run.WeightedOutcome[1], 0.005);
        Assert.Equal(72.163, run.WeightedOutcome[2], 0.005);
        Assert.Equal([79.88, 34.37, 75.16], run.MostLikely.Position.Select(p => Math.Round(p, 2)));
    }
}
