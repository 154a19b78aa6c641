using System.Globalization;
using System.Text;
using Wedge.Analysis.Negotiation;
using Wedge.Core.Negotiation;

namespace Wedge.Analysis.Tests.Negotiation;

/// <summary>
/// Guards the speed work on the bargaining model: for a given seed, Monte Carlo must give exactly (bit for bit) what the
/// model gave before it was optimised. tests/fixtures/negotiation/monte-carlo-golden.txt was written by this test
/// (WEDGE_WRITE_GOLDEN=1) on main at cf0f95d, before any change to SmpModel, SmpMath or MonteCarlo.
/// </summary>
public class MonteCarloGoldenTests
{
    private static string GoldenPath => Path.Combine(Repository.Fixture("negotiation"), "monte-carlo-golden.txt");

    [Fact]
    public void SameSeed_SameResultsAsBeforeTheSpeedWork()
    {
        var actual = Summary();
        if (Environment.GetEnvironmentVariable("WEDGE_WRITE_GOLDEN") == "1")
        {
            File.WriteAllText(GoldenPath, actual);
        }

        var expected = File.ReadAllText(GoldenPath).ReplaceLineEndings("\n").Split('\n');
        var lines = actual.Split('\n');
        Assert.Equal(expected.Length, lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            Assert.Equal(expected[i], lines[i]);
        }
    }

    /// <summary>
    /// The benchmark's 30 × 3 scenario (40 draws), then a small scenario with a movement, an actor away from the table, a
    /// limited-flexibility actor and an inert one, under KTAB's defaults and under each non-default option taken one at a time.
    /// </summary>
    private static string Summary()
    {
        var text = new StringBuilder();
        Write(text, "bench-30x3", MonteCarlo.Run(Generate(30, 3, seed: 30), 40, seed: 1, maxParallelism: 2));
        var small = Small();
        foreach (var (name, options) in Variants())
        {
            Write(text, name, MonteCarlo.Run(small, 6, seed: 7, options, maxParallelism: 2));
        }

        return text.ToString();
    }

    private static IEnumerable<(string Name, SmpOptions Options)> Variants()
    {
        var d = SmpOptions.KtabDefaults;
        yield return ("defaults", d);
        foreach (var v in Enum.GetValues<VictoryProbModel>())
        {
            yield return ($"victory-{v}", d with { VictoryProbability = v });
        }

        foreach (var v in Enum.GetValues<PceModel>())
        {
            yield return ($"pce-{v}", d with { Pce = v });
        }

        foreach (var v in Enum.GetValues<VotingRule>())
        {
            yield return ($"voting-{v}", d with { Voting = v });
        }

        foreach (var v in Enum.GetValues<RiskAdjustment>())
        {
            yield return ($"risk-adjustment-{v}", d with { RiskAdjustment = v });
        }

        foreach (var v in Enum.GetValues<RiskRange>())
        {
            yield return ($"risk-range-{v}", d with { RiskRange = v });
        }

        foreach (var v in Enum.GetValues<ThirdPartyCommit>())
        {
            yield return ($"third-party-{v}", d with { ThirdParty = v });
        }

        foreach (var v in Enum.GetValues<OfferInterpolation>())
        {
            yield return ($"interpolation-{v}", d with { Interpolation = v });
        }

        yield return ("stochastic", d with { Transition = StateTransition.Stochastic, Seed = 11 });
        yield return ("ignore-table-limits", d with { HonourTableLimits = false });
    }

    private static void Write(StringBuilder text, string name, MonteCarloResult result)
    {
        text.Append(CultureInfo.InvariantCulture, $"# {name}: {result.Runs} draws, seed {result.Seed}\n");
        for (var i = 0; i < result.Draws.Count; i++)
        {
            var d = result.Draws[i];
            text.Append(CultureInfo.InvariantCulture,
                $"{i} turns={d.Turns} weighted={Join(d.WeightedOutcome)} likely={Join(d.MostLikely)} fragmentation={string.Join(';', d.Fragmentation.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}:{R(f.Value)}"))}\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"weighted-mean={Join(result.WeightedOutcome.Select(w => w.Mean))} weighted-sd={Join(result.WeightedOutcome.Select(w => w.StdDev))}\n");
    }

    private static string Join(IEnumerable<double> values) => string.Join(',', values.Select(R));

    private static string R(double v) => v.ToString("R", CultureInfo.InvariantCulture);

    private static Scenario Small()
    {
        var random = new Random(12);
        var actors = new List<NegotiationActor>();
        for (var i = 0; i < 12; i++)
        {
            var capability = 10 + (190 * random.NextDouble());
            var p0 = Math.Round(100 * random.NextDouble(), 2);
            var p1 = Math.Round(100 * random.NextDouble(), 2);
            var s0 = i == 11 ? 0 : Math.Round(10 + (40 * random.NextDouble()), 2);
            var s1 = i == 11 ? 0 : Math.Round(10 + (40 * random.NextDouble()), 2);
            actors.Add(new NegotiationActor
            {
                Id = $"a{i:00}",
                Name = $"a{i:00}",
                Capability = Estimate.Between(capability * 0.8, capability * 1.2),
                Positions = [Estimate.Between(Math.Max(0, p0 - 8), Math.Min(100, p0 + 8)), Estimate.Exactly(p1)],
                Saliences = [Estimate.Between(s0 * 0.9, s0), Estimate.Exactly(s1)],
                Movement = i < 4 ? "m" : null,
                AtTable = i != 5,
                Flexibility = i == 6 ? 10 : null,
            });
        }

        return new Scenario("golden-small", null, [new Dimension("x", "X"), new Dimension("y", "Y")], actors, [new Movement("m", "M")]);
    }

    /// <summary>The scenario generator of bench/negotiation/Program.cs (ranged inputs).</summary>
    private static Scenario Generate(int actors, int dims, int seed)
    {
        var random = new Random(seed);
        var dimensions = Enumerable.Range(1, dims).Select(d => new Dimension($"d{d}", $"Dimension {d}")).ToArray();
        var list = new List<NegotiationActor>();
        for (var i = 0; i < actors; i++)
        {
            var saliences = Enumerable.Range(0, dims).Select(_ => random.NextDouble()).ToArray();
            var scale = (50 + (50 * random.NextDouble())) / saliences.Sum();
            var capability = 10 + (190 * random.NextDouble());
            list.Add(new NegotiationActor
            {
                Id = $"actor-{i:00}",
                Capability = Estimate.Between(capability * 0.8, capability * 1.2),
                Positions = Enumerable.Range(0, dims).Select(_ =>
                {
                    var p = Math.Round(100 * random.NextDouble(), 2);
                    return Estimate.Between(Math.Max(0, p - 5), Math.Min(100, p + 5));
                }).ToArray(),
                Saliences = saliences.Select(s => Estimate.Exactly(Math.Round(s * scale, 2) - 0.01)).Select(s => s.Value < 0 ? Estimate.Exactly(0) : s).ToArray(),
            });
        }

        return new Scenario($"random-{actors}x{dims}", null, dimensions, list);
    }
}
