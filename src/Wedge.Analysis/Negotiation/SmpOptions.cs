using Wedge.Core.Negotiation;
namespace Wedge.Analysis.Negotiation;

/// <summary>How a coalition-strength ratio becomes a probability of victory (KTAB's VictoryProbModel).</summary>
public enum VictoryProbModel
{
    Linear,
    Square,
    Quartic,
    Octic,

    /// <summary>A 10% strength advantage wins outright (1 vs 1e-6); a linear ramp in between.</summary>
    Binary,
}

/// <summary>How pairwise victory probabilities become one probability per option (KTAB's PCEModel).</summary>
public enum PceModel
{
    /// <summary>Probability that an option beats every other, conditional on one of them doing so.</summary>
    Conditional,

    /// <summary>Markov chain of challenges, each challenger chosen in proportion to its incentive.</summary>
    MarkovIncentive,

    /// <summary>Markov chain of challenges, each challenger equally likely.</summary>
    MarkovUniform,
}

/// <summary>How an actor's preference between two options becomes a vote (KTAB's VotingRule), Δ = difference in utility.</summary>
public enum VotingRule
{
    /// <summary>All or nothing: w·clip(Δ/1e-8, −1, 1).</summary>
    Binary,

    /// <summary>w·(0.8Δ + 0.2·binary).</summary>
    PropBin,

    /// <summary>w·Δ (the default).</summary>
    Proportional,

    /// <summary>w·(0.5Δ + 0.5Δ³).</summary>
    PropCubic,

    /// <summary>w·Δ³.</summary>
    Cubic,

    /// <summary>Losses count fully, gains two thirds (prospect-theory asymmetry).</summary>
    AsymmetricProspect,
}

/// <summary>How much of its own risk attitude an actor projects onto others (KTAB's BigRAdjust).</summary>
public enum RiskAdjustment
{
    /// <summary>h assumes everyone shares its own attitude.</summary>
    None,
    OneThird,
    Half,
    TwoThirds,

    /// <summary>h knows everyone's true attitude.</summary>
    Full,
}

/// <summary>The range risk attitudes are mapped onto (KTAB's BigRRange): Min [0,1], Mid [−0.5,1], Max [−1,1].</summary>
public enum RiskRange
{
    Min,
    Mid,
    Max,
}

/// <summary>How third parties reason about the little three-actor contest (KTAB's ThirdPartyCommit).</summary>
public enum ThirdPartyCommit
{
    NoCommit,
    SemiCommit,
    FullCommit,
}

/// <summary>How an offer interpolates between challenger and target (KTAB's InterVecBrgn).</summary>
public enum OfferInterpolation
{
    /// <summary>Weights salience·probability.</summary>
    S1P1,

    /// <summary>Weights salience²·probability² (the default).</summary>
    S2P2,

    /// <summary>Each side moves by the probability advantage of the other, no rounding.</summary>
    S2PMax,
}

/// <summary>How the winning option is chosen at each resolution (KTAB's StateTransitions).</summary>
public enum StateTransition
{
    /// <summary>The most probable option, first one on ties.</summary>
    Deterministic,

    /// <summary>An option drawn with its probability (needs a seed).</summary>
    Stochastic,
}

/// <summary>
/// Parameters of the spatial bargaining model. <see cref="KtabDefaults"/> is KTAB's <c>smpc --csv</c> configuration,
/// the compatible mode checked against the peer. Null/absent values mean the default.
/// </summary>
public sealed record SmpOptions
{
    public static SmpOptions KtabDefaults { get; } = new();

    public VictoryProbModel VictoryProbability { get; init; } = VictoryProbModel.Linear;

    public PceModel Pce { get; init; } = PceModel.Conditional;

    public VotingRule Voting { get; init; } = VotingRule.Proportional;

    public RiskAdjustment RiskAdjustment { get; init; } = RiskAdjustment.OneThird;

    public RiskRange RiskRange { get; init; } = RiskRange.Mid;

    public ThirdPartyCommit ThirdParty { get; init; } = ThirdPartyCommit.SemiCommit;

    public OfferInterpolation Interpolation { get; init; } = OfferInterpolation.S2P2;

    public StateTransition Transition { get; init; } = StateTransition.Deterministic;

    /// <summary>Seed for <see cref="StateTransition.Stochastic"/>; ignored otherwise.</summary>
    public int Seed { get; init; }

    /// <summary>Turn limit (KTAB: 100).</summary>
    public int MaxTurns { get; init; } = 100;

    /// <summary>Minimum turns before the stopping rule may fire (KTAB: 2).</summary>
    public int MinTurns { get; init; } = 2;

    /// <summary>Stop when a turn's total movement falls below this fraction of the first turn's (KTAB: 0.02).</summary>
    public double StopRatio { get; init; } = 0.02;

    /// <summary>
    /// Honour the scenario's not-at-table and flexibility limits (Wedge's extension). With false every actor
    /// bargains freely, as in KTAB.
    /// </summary>
    public bool HonourTableLimits { get; init; } = true;
}
