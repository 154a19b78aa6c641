using Wedge.Core.Collections;
using Wedge.Core.Negotiation;

namespace Wedge.Analysis.Negotiation;

/// <summary>Actor <see cref="Challenger"/> challenged <see cref="Target"/> in a turn, expecting to win with <see cref="Probability"/>.</summary>
/// <param name="Gain">The challenger's expected gain in utility (the challenge is made only when it exceeds 1e-5).</param>
/// <param name="ChallengerOffer">The offer's point for the challenger (0–100 per dimension).</param>
/// <param name="TargetOffer">The offer's point for the target (0–100 per dimension).</param>
public sealed record Challenge(int Challenger, int Target, double Probability, double Gain,
    EquatableList<double> ChallengerOffer, EquatableList<double> TargetOffer);

/// <summary>
/// Actor <see cref="Actor"/> adopted the offer of challenge <see cref="Challenger"/>→<see cref="Target"/> in a turn
/// and moved by <see cref="Distance"/> (Euclidean, 0–100 scale). One of Challenger/Target is the actor.
/// </summary>
public sealed record Move(int Actor, int Challenger, int Target, double Distance);

/// <summary>The state at the start of a turn (turn 0 = the scenario as given) and what happened during it.</summary>
/// <param name="Positions">Per actor, per dimension, 0–100.</param>
/// <param name="RiskAttitudes">Per actor, from the probabilistic election at this state (1 = risk-averse); NaN for inert actors.</param>
/// <param name="Challenges">Challenges made from this state (empty for the last state).</param>
/// <param name="Moves">Moves that led from this state to the next (empty for the last state).</param>
public sealed record TurnState(int Turn, EquatableList<EquatableList<double>> Positions, EquatableList<double> RiskAttitudes,
    EquatableList<Challenge> Challenges, EquatableList<Move> Moves);

/// <summary>A distinct final position (actors within 0.1 points of each other share one) and its chance of prevailing.</summary>
public sealed record OutcomePosition(EquatableList<double> Position, double Probability, EquatableList<int> Actors);

/// <summary>The outcome of one deterministic (or seeded stochastic) run of the bargaining model.</summary>
public sealed record NegotiationRun
{
    public required Scenario Scenario { get; init; }

    public required SmpOptions Options { get; init; }

    /// <summary>States 0..T, T = number of turns played.</summary>
    public required EquatableList<TurnState> Turns { get; init; }

    /// <summary>Why the run stopped: "converged" (movement under the stop ratio) or "turn limit".</summary>
    public required string StopReason { get; init; }

    /// <summary>Distinct final positions (KTAB's coalitions at the end), first occurrence in actor order, with probabilities summing to 1.</summary>
    public required EquatableList<OutcomePosition> Coalitions { get; init; }

    /// <summary>Per actor: the probability of the (last) distinct final position equivalent to its own, as KTAB prints it.</summary>
    public required EquatableList<double> ActorProbabilities { get; init; }

    /// <summary>Per dimension: Σ probability × position over the distinct final positions (0–100).</summary>
    public required EquatableList<double> WeightedOutcome { get; init; }

    /// <summary>The most probable distinct final position.</summary>
    public required OutcomePosition MostLikely { get; init; }

    public TurnState Final => Turns[^1];

    public int TurnsPlayed => Turns.Count - 1;
}
