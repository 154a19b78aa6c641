using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Data.Store;

namespace Wedge.Data.Events;

/// <summary>How a dataset import plans one fact against the record, so that importing the same file again writes nothing.</summary>
internal static class PlannedFacts
{
    /// <summary>Add when new, correct when it reads differently, nothing when identical.</summary>
    public static JournalChange? Compare(KnowledgeBase current, Fact fact)
    {
        var existing = current.Find(fact.Key);
        if (existing is null)
        {
            return JournalChange.Add(fact);
        }

        return FactJson.Serialize(existing) == FactJson.Serialize(fact) ? null : JournalChange.Correct(fact);
    }
}
