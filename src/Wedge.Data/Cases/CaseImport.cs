using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Data.Store;

namespace Wedge.Data.Cases;

/// <summary>What importing a case would do: the changes, and how many facts are new, changed or already on record.</summary>
public sealed record CasePlan(IReadOnlyList<JournalChange> Changes, int Added, int Corrected, int Unchanged);

/// <summary>Turns a parsed case into journal changes against a knowledge base, checking every reference.</summary>
public static class CaseImport
{
    /// <summary>
    /// New facts are added, facts that differ from the record are corrected, identical ones are
    /// skipped (so importing the same file twice changes nothing). Any broken reference refuses the
    /// whole case, with the line of the fact at fault.
    /// </summary>
    public static CasePlan Plan(string file, CaseDocument doc, KnowledgeBase current)
    {
        var changes = new List<JournalChange>();
        int added = 0, corrected = 0, unchanged = 0;
        foreach (var fact in doc.Facts)
        {
            var existing = current.Find(fact.Key);
            if (existing is null)
            {
                changes.Add(JournalChange.Add(fact));
                added++;
            }
            else if (FactJson.Serialize(existing) == FactJson.Serialize(fact))
            {
                unchanged++;
            }
            else
            {
                changes.Add(JournalChange.Correct(fact));
                corrected++;
            }
        }

        var outcome = current.With(changes);
        if (!outcome.IsSuccess)
        {
            throw new CaseRefusedException(outcome.Problems.Select(p =>
            {
                var (line, col) = doc.Positions.TryGetValue(p.Key, out var pos) ? pos : (0, 0);
                return new CaseError(file, line, col, $"{p.Key.Type.ToString().ToLowerInvariant()} '{p.Key.Id}': {p.Reason}");
            }).ToList());
        }

        return new CasePlan(changes, added, corrected, unchanged);
    }
}
