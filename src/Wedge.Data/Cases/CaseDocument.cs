using Wedge.Core.Model;

namespace Wedge.Data.Cases;

/// <summary>A parsed case: its header and its facts, with where each fact was written in the file.</summary>
public sealed record CaseDocument(string Id, string Title, string? Description, IReadOnlyList<Fact> Facts, IReadOnlyDictionary<FactKey, (int Line, int Column)> Positions);
