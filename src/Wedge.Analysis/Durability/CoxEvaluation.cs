namespace Wedge.Analysis.Durability;

/// <summary>The log partial likelihood, its gradient (score) and the information matrix (minus the Hessian, row-major) at one beta.</summary>
internal sealed record CoxEvaluation(double LogLik, double[] Score, double[] Information);

/// <summary>One event time's share of the score and information, kept for the proportional-hazards test.</summary>
internal sealed record CoxEventTimeTerm(double Time, int Stratum, int Events, double[] Score, double[] Information);
