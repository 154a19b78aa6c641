using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;

namespace Wedge.Analysis.Tests;

/// <summary>Records built from facts for tests, through the journal's write rules.</summary>
internal static class TestRecords
{
    /// <summary>The record holding <paramref name="facts"/>; fails the test when the write rules refuse them.</summary>
    public static KnowledgeBase Kb(IEnumerable<Fact> facts)
    {
        var outcome = KnowledgeBase.Empty.With(facts.Select(JournalChange.Add).ToList());
        Assert.True(outcome.IsSuccess, string.Join("; ", outcome.Problems));
        return outcome.Result!;
    }
}
