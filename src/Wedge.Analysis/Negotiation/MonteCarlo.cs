using Wedge.Analysis.Numerics;
using Wedge.Core.Collections;
using Wedge.Core.Negotiation;

namespace Wedge.Analysis.Negotiation;

/// <summary>Summary of a sample: mean, spread and quantiles (nearest-rank).</summary>
public sealed record Distribution(double Mean, double StdDev, double Min, double P05, double Median, double P95, double Max)
{
    public static Distribution Of(IReadOnlyList<double> sample)
    {
        if (sample.Count == 0)
        {
            throw new ArgumentException("An empty sample has no distribution.", nameof(sample));
        }

        var sorted = sample.Order().ToArray();
        var mean = sorted.Average();
        var variance = sorted.Length > 1 ? sorted.Sum(v => (v - mean) * (v - mean)) / (sorted.Length - 1) : 0;
        return new Distribution(mean, Math.Sqrt(variance), sorted[0], Quantile(0.05), Quantile(0.5), Quantile(0.95), sorted[^1]);

        double Quantile(double q) => Quantiles.Of(sorted, q, QuantileDefinition.NearestRank);
    }
}

/// <summary>What one Monte Carlo draw produced.</summary>
public sealed record MonteCarloDraw(EquatableList<double> WeightedOutcome, EquatableList<double> MostLikely, EquatableMap<string, double> Fragmentation, int Turns);

/// <summary>Outcome distributions over many draws of the scenario's uncertain inputs.</summary>
/// <param name="WeightedOutcome">Per dimension, distribution of the probability-weighted outcome.</param>
/// <param name="MostLikely">Per dimension, distribution of the most likely outcome.</param>
/// <param name="Fragmentation">Per movement id, distribution of its fragmentation risk.</param>
public sealed record MonteCarloResult(int Runs, int Seed, EquatableList<Distribution> WeightedOutcome, EquatableList<Distribution> MostLikely,
    EquatableMap<string, Distribution> Fragmentation, EquatableList<MonteCarloDraw> Draws);

/// <summary>
/// Monte Carlo over input ranges: each draw samples every ranged capability, position and salience uniformly within its range
/// (saliences rescaled to sum to at most 100), runs the model, and records the outcome. Draw i uses its own generator seeded
/// from (seed, i), so the result does not depend on the number of threads or their scheduling.
/// </summary>
public static class MonteCarlo
{
    /// <param name="maxParallelism">Threads to use; null: all cores.</param>
    /// <param name="cancellationToken">Stops the draws not yet started (throws <see cref="OperationCanceledException"/>).</param>
    public static MonteCarloResult Run(Scenario scenario, int runs, int seed, SmpOptions? options = null, int? maxParallelism = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(runs, 1);
        options ??= SmpOptions.KtabDefaults;
        var draws = new MonteCarloDraw[runs];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxParallelism ?? Environment.ProcessorCount, CancellationToken = cancellationToken };
        Parallel.For(0, runs, parallel, i =>
        {
            var random = new Random(DrawSeed(seed, i));
            var sampled = Sample(scenario, random);
            var run = SmpModel.Run(sampled, options with { Seed = DrawSeed(seed ^ 0x5bd1e995, i) });
            var fragmentation = FragmentationModel.Assess(run).ToDictionary(m => m.Movement.Id, m => m.Risk);
            draws[i] = new MonteCarloDraw(run.WeightedOutcome, run.MostLikely.Position, fragmentation.ToEquatableMap(), run.TurnsPlayed);
        });

        var dims = scenario.Dimensions.Count;
        var weighted = Enumerable.Range(0, dims).Select(d => Distribution.Of(draws.Select(x => x.WeightedOutcome[d]).ToArray())).ToArray();
        var likely = Enumerable.Range(0, dims).Select(d => Distribution.Of(draws.Select(x => x.MostLikely[d]).ToArray())).ToArray();
        var fragmentation = scenario.Movements.ToDictionary(m => m.Id, m => Distribution.Of(draws.Select(x => x.Fragmentation[m.Id]).ToArray()));
        return new MonteCarloResult(runs, seed, weighted.ToEquatableList(), likely.ToEquatableList(), fragmentation.ToEquatableMap(), draws.ToEquatableList());
    }

    /// <summary>One draw of the scenario's uncertain inputs (exact values stay as they are).</summary>
    public static Scenario Sample(Scenario scenario, Random random)
    {
        var actors = scenario.Actors.Select(a =>
        {
            var saliences = a.Saliences.Select(s => Draw(s)).ToArray();
            var sum = saliences.Sum();
            if (sum > 100)
            {
                saliences = saliences.Select(s => s * 100 / sum).ToArray();
            }

            return a with
            {
                Capability = Draw(a.Capability),
                Positions = a.Positions.Select(p => Estimate.Exactly(Draw(p))).ToArray(),
                Saliences = saliences.Select(Estimate.Exactly).ToArray(),
            };
        }).ToArray();
        return new Scenario(scenario.Name, scenario.Description, scenario.Dimensions, actors, scenario.Movements);

        double Draw(Estimate e) => e.IsExact ? e.Value : e.Low + (random.NextDouble() * (e.High - e.Low));
    }

    private static int DrawSeed(int seed, int draw) => Mix(seed, draw);

    /// <summary>A fixed mix of (seed, draw): HashCode.Combine is randomised per process, so it cannot be used here.</summary>
    private static int Mix(int seed, int draw)
    {
        unchecked
        {
            var h = (uint)seed * 0x9E3779B1u;
            h ^= (uint)draw + 0x7F4A7C15u + (h << 6) + (h >> 2);
            h ^= h >> 15;
            h *= 0x2C1B3C6Du;
            h ^= h >> 12;
            return (int)(h & 0x7FFFFFFF);
        }
    }
}
