using Wedge.Core.Collections;

namespace Wedge.Architecture.Tests.Fixtures;

/// <summary>Breaks the result-equality rule on purpose: two equal-looking instances are not equal.</summary>
public sealed record RecordWithArrays(int[] Numbers, IReadOnlyList<string> Names, string Label);

/// <summary>Keeps the rule: its collections compare by content.</summary>
public sealed record WellFormedRecord(EquatableList<int> Numbers, EquatableMap<string, double> Figures, string Label, int? Count);
