using Wedge.Core.Collections;

namespace Wedge.Core.Hypotheses;

/// <summary>How an item of evidence bears on a hypothesis (Heuer's ratings): CC, C, N, I, II, or NA when it does not apply.</summary>
public enum Consistency
{
    VeryConsistent,
    Consistent,
    Neutral,
    Inconsistent,
    VeryInconsistent,
    NotApplicable,
}

/// <summary>Low, medium or high: an item's credibility or relevance.</summary>
public enum AchWeight
{
    Low,
    Medium,
    High,
}

/// <summary>What an item of evidence is: a claim on record (with its grade), an analyst's assumption, or the absence of something expected.</summary>
public enum AchItemKind
{
    Claim,
    Assumption,
    Absence,
}

/// <summary>One hypothesis of a matrix.</summary>
public sealed record AchHypothesis(string Id, string Title);

/// <summary>One analyst's rating of an item against a hypothesis, with the reason for it.</summary>
public sealed record AchRating(string Hypothesis, Consistency Value, string? Reason, string Rater);

/// <summary>
/// An item of evidence: a claim on record (<see cref="Claim"/>, whose grade sets its credibility unless overridden), or
/// an assumption or an absence stated in <see cref="Text"/>. <see cref="Credibility"/> and <see cref="Relevance"/> are
/// set explicitly only with <see cref="WeightReason"/>.
/// </summary>
public sealed record AchItem(string Id, AchItemKind Kind, string? Claim, string? Text, AchWeight? Credibility, AchWeight? Relevance, string? WeightReason,
    EquatableList<AchRating> Ratings);

/// <summary>A milestone that would confirm or refute a hypothesis, watched for in new evidence.</summary>
/// <param name="Confirms">True when seeing it supports the hypothesis, false when it refutes it.</param>
/// <param name="TieKind">A tie of this kind (kebab-case, e.g. split) between <see cref="Actors"/> starting in the window.</param>
/// <param name="EventKind">Or an event of this kind (kebab-case, e.g. joint-operation) involving every one of <see cref="Actors"/>, dated in the window.</param>
/// <param name="ClaimPattern">Or a claim whose text matches this regular expression (ignoring case), public in the window.</param>
/// <param name="From">The window's first day (inclusive); null: open.</param>
/// <param name="Until">The window's last day; null: open.</param>
public sealed record AchIndicator(string Id, string Hypothesis, bool Confirms, string Description, string? TieKind, EquatableList<string> Actors,
    Time.FuzzyDate? From, Time.FuzzyDate? Until, string? EventKind = null, string? ClaimPattern = null);

/// <summary>A matrix of the Analysis of Competing Hypotheses: a question, hypotheses, rated evidence and indicators to watch.</summary>
public sealed record AchMatrix(string Id, string Question, EquatableList<AchHypothesis> Hypotheses, EquatableList<AchItem> Items,
    EquatableList<AchIndicator> Indicators);
