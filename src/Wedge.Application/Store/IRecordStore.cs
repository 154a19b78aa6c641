using Wedge.Application.Problems;
using Wedge.Core.Journal;
using Wedge.Core.Knowledge;

namespace Wedge.Application.Store;

/// <summary>
/// Where the application layer reads the record from: the one place that knows which journal store is
/// behind it (the SQLite <see cref="Data.Store.WedgeStore"/> today), so that moving to the
/// asynchronous store port changes this interface's implementation and nothing else.
/// </summary>
public interface IRecordStore
{
    /// <summary>The whole record projected from the journal as it stood at <paramref name="recordedBy"/> (null: all of it).</summary>
    /// <remarks>Read it once per request and take snapshots from it for each date: projecting is the costly part.</remarks>
    KnowledgeBase Knowledge(DateTimeOffset? recordedBy = null);

    /// <summary>The record read on all three clocks of <paramref name="slice"/>.</summary>
    /// <remarks>A store may say more about the read (a warning when its date lies past the record) through its host's notices.</remarks>
    Snapshot Read(ReadSlice slice) => Snapshot.Of(Knowledge(slice.RecordedBy), slice.Options);

    /// <summary>Journal entries, oldest first: all, or those about one fact (TYPE:ID or a bare id), or only the last <paramref name="last"/>.</summary>
    IReadOnlyList<JournalEntry> Log(string? fact = null, int? last = null);

    /// <summary>Journal entries, oldest first, that pass every filter of <paramref name="query"/> (then only its last <see cref="LogQuery.Last"/>).</summary>
    /// <remarks>By default filtered in memory over <see cref="Log(string?, int?)"/>; a store that can filter where it reads does so.</remarks>
    IReadOnlyList<JournalEntry> Log(LogQuery query)
    {
        var matching = Log().Where(query.Matches).ToList();
        return query.Last is { } last ? matching.TakeLast(last).ToList() : matching;
    }

    /// <summary>
    /// Appends a batch as one entry group: all of it or none. Refused changes throw a
    /// <see cref="Problem"/> (refused); a journal moved past <paramref name="expectedVersion"/> throws one of kind conflict.
    /// </summary>
    /// <returns>The journal's version after the append.</returns>
    long Append(IReadOnlyList<JournalChange> changes, string author, string reason, long? expectedVersion = null, KnowledgeBase? basedOn = null);

    /// <summary>
    /// Offers the store the record as it stands after a write, built by the caller (an import that streamed its changes
    /// builds it in memory), so the next read need not replay what was just written. A store may ignore it.
    /// </summary>
    void Remember(KnowledgeBase knowledge)
    {
    }

    /// <summary>Appends a stream of changes (checked as they pass) in one transaction, for imports too large to hold whole.</summary>
    /// <returns>The journal's version after the append.</returns>
    long AppendStream(IEnumerable<JournalChange> changes, string author, string reason, long expectedVersion, KnowledgeBase basedOn, CancellationToken cancellationToken = default);
}
