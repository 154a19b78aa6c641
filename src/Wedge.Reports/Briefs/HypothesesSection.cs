using Wedge.Core.Collections;

namespace Wedge.Reports.Briefs;

/// <summary>
/// What the brief's competing-hypotheses section shows: the matrix on the pair's question, scored at the brief's read
/// slice, with the call in words and the indicators to watch, each already worded by the application layer.
/// </summary>
/// <param name="HypothesisIds">The hypotheses in the matrix's order (the columns of <see cref="Items"/>).</param>
public sealed record HypothesesSection(string Matrix, string Question, EquatableList<string> HypothesisIds, EquatableList<HypothesisRow> Hypotheses,
    EquatableList<MatrixRow> Items, EquatableList<string> Reading, EquatableList<IndicatorRow> Indicators, int LeftOut);

/// <summary>A hypothesis with its scores: PARC's weighted inconsistency (0 or below) and Open Synthesis's (0 or above).</summary>
public sealed record HypothesisRow(string Id, string Title, double Parc, double Inconsistency, int ParcRank, int OpenSynthesisRank);

/// <summary>One row of the matrix: the item (a claim's text, or an assumption), its grade, and its consensus rating against each hypothesis.</summary>
public sealed record MatrixRow(string Item, string What, string? Grade, EquatableList<string> Ratings, double Diagnosticity);

/// <summary>An indicator to watch, and what on record has fired it.</summary>
public sealed record IndicatorRow(string Hypothesis, bool Confirms, string Description, string Window, EquatableList<string> FiredBy);
