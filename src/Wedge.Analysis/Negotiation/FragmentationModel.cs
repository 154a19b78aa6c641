using System.Globalization;
using Wedge.Core.Collections;
using Wedge.Core.Negotiation;

namespace Wedge.Analysis.Negotiation;

/// <summary>How likely one faction is to break with its movement at the forecast outcome, and why.</summary>
/// <param name="Actor">Index of the faction in the scenario's actors.</param>
/// <param name="Gap">Salience-weighted distance (0–100) from the faction's starting position to where its movement settles.</param>
/// <param name="Tolerance">Distance at which a split is even odds.</param>
/// <param name="Risk">Probability-like score in [0, 1): Gap⁴ / (Gap⁴ + Tolerance⁴).</param>
/// <param name="Weight">Capability × total salience (0–1): how much the faction's departure would cost the movement.</param>
public sealed record FactionRisk(int Actor, double Gap, double Tolerance, double Risk, double Weight, string Reasoning);

/// <summary>A movement's fragmentation risk at the forecast outcome.</summary>
/// <param name="Settlement">Where the movement settles: its factions' final positions averaged with weights capability × salience (0–100 per dimension).</param>
/// <param name="Risk">Weight-averaged faction risk: the expected share of the movement's weight that breaks away, in [0, 1).</param>
public sealed record MovementRisk(Movement Movement, EquatableList<double> Settlement, double Risk, EquatableList<FactionRisk> Factions, string Reasoning);

/// <summary>
/// Fragmentation of composite actors (Wedge's extension; the peer has no factions). See docs/methods/negotiation.md.
/// </summary>
public static class FragmentationModel
{
    /// <summary>Tolerance (0–100 points) of a faction whose scenario gives none.</summary>
    public const double DefaultTolerance = 25;

    /// <summary>Steepness of the risk curve: at half the tolerance the risk is 6%, at twice the tolerance 94%.</summary>
    private const double Steepness = 4;

    public static IReadOnlyList<MovementRisk> Assess(NegotiationRun run)
    {
        var scenario = run.Scenario;
        var final = run.Final.Positions;
        return scenario.Movements.Select(m => Assess(scenario, m, final)).ToArray();
    }

    /// <summary>Risks of every movement, given final positions (per actor, per dimension, 0–100).</summary>
    public static IReadOnlyList<MovementRisk> Assess(Scenario scenario, IReadOnlyList<IReadOnlyList<double>> finalPositions)
        => scenario.Movements.Select(m => Assess(scenario, m, finalPositions)).ToArray();

    /// <summary>Risk of one movement, by id or name; null if the scenario has no such movement.</summary>
    public static MovementRisk? Assess(NegotiationRun run, string movement)
        => run.Scenario.FindMovement(movement) is { } m ? Assess(run.Scenario, m, run.Final.Positions) : null;

    private static MovementRisk Assess(Scenario scenario, Movement movement, IReadOnlyList<IReadOnlyList<double>> final)
    {
        var dims = scenario.Dimensions.Count;
        var factions = Enumerable.Range(0, scenario.Actors.Count)
            .Where(i => string.Equals(scenario.Actors[i].Movement, movement.Id, StringComparison.OrdinalIgnoreCase))
            .ToArray();
        var settlement = new double[dims];
        if (factions.Length == 0)
        {
            return new MovementRisk(movement, settlement.ToEquatableList(), 0, [], $"{movement.Name} has no factions in this scenario.");
        }

        for (var d = 0; d < dims; d++)
        {
            double num = 0, den = 0;
            foreach (var f in factions)
            {
                var w = scenario.Actors[f].Capability.Value * scenario.Actors[f].Saliences[d].Value;
                num += w * final[f][d];
                den += w;
            }

            // No faction cares about this dimension: the plain mean stands in.
            settlement[d] = den > 0 ? num / den : factions.Average(f => final[f][d]);
        }

        var risks = new List<FactionRisk>();
        foreach (var f in factions)
        {
            var actor = scenario.Actors[f];
            var gap = WeightedDistance(actor, settlement);
            var tolerance = actor.Tolerance ?? DefaultTolerance;
            var ratio = Math.Pow(gap / tolerance, Steepness);
            var risk = ratio / (1 + ratio);
            var weight = actor.Capability.Value * actor.Saliences.Sum(s => s.Value) / 100.0;
            var reasoning = string.Create(CultureInfo.InvariantCulture,
                $"{actor.DisplayName} wants {Format(actor.Positions.Select(p => p.Value))}; {movement.Name} settles at {Format(settlement)}: " +
                $"{gap:0.0} points away (salience-weighted) against a tolerance of {tolerance:0.#}{(actor.Tolerance is null ? " (default)" : "")} → split risk {risk:0.00}.");
            risks.Add(new FactionRisk(f, gap, tolerance, risk, weight, reasoning));
        }

        var totalWeight = risks.Sum(r => r.Weight);
        var movementRisk = totalWeight > 0 ? risks.Sum(r => r.Weight * r.Risk) / totalWeight : risks.Average(r => r.Risk);
        var worst = risks.MaxBy(r => r.Risk)!;
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"{movement.Name}: expected share of its weight (capability × salience) that breaks away = {movementRisk:0.00}; " +
            $"most at risk: {scenario.Actors[worst.Actor].DisplayName} ({worst.Risk:0.00}).");
        return new MovementRisk(movement, settlement.ToEquatableList(), movementRisk, risks.ToEquatableList(), summary);
    }

    /// <summary>The actor's salience-weighted, normalised distance (0–100) from its starting position to a point.</summary>
    private static double WeightedDistance(NegotiationActor actor, IReadOnlyList<double> point)
    {
        double num = 0, den = 0;
        for (var d = 0; d < point.Count; d++)
        {
            var s = actor.Saliences[d].Value;
            var diff = actor.Positions[d].Value - point[d];
            num += s * s * diff * diff;
            den += s * s;
        }

        return den > 0 ? Math.Sqrt(num / den) : 0;
    }

    private static string Format(IEnumerable<double> point) => "(" + string.Join(", ", point.Select(p => p.ToString("0.#", CultureInfo.InvariantCulture))) + ")";
}
