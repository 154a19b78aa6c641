using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;

namespace Wedge.Data.Store;

/// <summary>
/// The checks every journal backend makes before its rows are committed, in one place so SQLite and PostgreSQL refuse
/// exactly the same writes with the same messages (Core's <see cref="ChangeChecker"/> and <see cref="KnowledgeBase.With"/>
/// hold the rules themselves; this is the order a store applies them in).
/// </summary>
internal static class AppendRules
{
    /// <summary>A batch: the record it was planned against must be the expected version, and every change must hold (all problems listed).</summary>
    public static void CheckBatch(KnowledgeBase current, IReadOnlyList<JournalChange> changes, long? expectedVersion)
    {
        if (expectedVersion is { } expected && expected != current.Version)
        {
            throw new JournalConflictException(expected, current.Version);
        }

        var outcome = current.With(changes);
        if (!outcome.IsSuccess)
        {
            throw new ChangesRefusedException(outcome.Problems);
        }
    }

    /// <summary>One change of a stream, against the record plus the changes before it: refused alone, naming its index.</summary>
    public static void CheckStreamed(ChangeChecker checker, int index, JournalChange change)
    {
        var problem = checker.Accept(index, change);
        if (problem is null && change.Action != JournalAction.Retract)
        {
            problem = checker.FirstMissingReference(index, change.Fact!);
        }

        if (problem is not null)
        {
            throw new ChangesRefusedException([problem]);
        }
    }

    /// <summary>
    /// After a stream that retracted something: no fact still on record may refer to a retracted one. Facts the stream did
    /// not touch come from <paramref name="basedOn"/>; the stream's own come from <paramref name="written"/> (its rows, read
    /// back in order, the last word on each key winning; a null fact is a retraction).
    /// </summary>
    public static void CheckNothingRefersToRetracted(ChangeChecker checker, KnowledgeBase basedOn, IEnumerable<(FactKey Key, Fact? Fact)> written)
    {
        var final = new Dictionary<FactKey, Fact?>();
        foreach (var (key, fact) in written)
        {
            final[key] = fact;
        }

        var stillOnRecord = basedOn.All<Fact>().Where(f => !final.ContainsKey(f.Key)).Concat(final.Values.OfType<Fact>());
        if (checker.DanglingReferences(stillOnRecord).FirstOrDefault() is { } problem)
        {
            throw new ChangesRefusedException([problem]);
        }
    }
}
