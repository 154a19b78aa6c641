namespace Wedge.Analysis.Durability;

/// <summary>How a Cox model treats events that share a time (R's <c>ties</c> argument of <c>coxph</c>).</summary>
public enum CoxTies
{
    /// <summary>Efron's approximation (R's default).</summary>
    Efron,

    /// <summary>Breslow's approximation: every tied event sees the full risk set.</summary>
    Breslow,

    /// <summary>The exact discrete partial likelihood: the chance that exactly the observed set of rows fails, over all sets of that size in the risk set (R's "exact").</summary>
    Exact,
}
