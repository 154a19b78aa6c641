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
}

public static class RecordStoreExtensions
{
    /// <summary>The record read on all three clocks of <paramref name="slice"/>.</summary>
    public static Snapshot Read(this IRecordStore store, ReadSlice slice)
        => Snapshot.Of(store.Knowledge(slice.RecordedBy), slice.Options);
}
