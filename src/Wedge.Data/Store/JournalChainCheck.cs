using Wedge.Core.Journal;
using Wedge.Core.Knowledge;

namespace Wedge.Data.Store;

/// <summary>One journal row as stored, the input to <see cref="JournalChainCheck"/> (null hash: a row written without one).</summary>
public sealed record StoredJournalRow(long Version, long RecordedAtTicks, string Author, string Reason, string Action, string FactType, string FactId, string? Payload, byte[]? Hash);

/// <summary>Walks a backend's rows in version order and recomputes the chain, stopping at the first broken link.</summary>
public static class JournalChainCheck
{
    public static JournalVerification Verify(IEnumerable<StoredJournalRow> rowsInOrder, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rowsInOrder);
        using var chain = new JournalChain();
        long checkedEntries = 0, expectedVersion = 1;
        foreach (var row in rowsInOrder)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (row.Version != expectedVersion)
            {
                return Broken(row.Version, row.Version > expectedVersion
                    ? $"entry {row.Version} follows entry {expectedVersion - 1}: {Range(expectedVersion, row.Version - 1)} missing (removed from the journal)"
                    : $"entry {row.Version} appears out of order after entry {expectedVersion - 1}");
            }

            if (row.Hash is null)
            {
                return Broken(row.Version, $"entry {row.Version} has no hash (written behind Wedge's back)");
            }

            var hash = chain.Next(row.Version, row.RecordedAtTicks, row.Author, row.Reason, row.Action, row.FactType, row.FactId, row.Payload);
            if (!hash.AsSpan().SequenceEqual(row.Hash))
            {
                return Broken(row.Version, $"entry {row.Version} does not match its hash: it was altered, or an entry before it was (the chain up to entry {row.Version - 1} is intact)");
            }

            checkedEntries++;
            expectedVersion++;
        }

        return new JournalVerification(checkedEntries, null, null, checkedEntries, Convert.ToHexStringLower(chain.Last));

        JournalVerification Broken(long at, string problem) => new(checkedEntries, at, problem, checkedEntries, Convert.ToHexStringLower(chain.Last));
    }

    /// <summary>
    /// Passes <paramref name="rowsInOrder"/> on, checking each link as it goes: the first broken one throws a
    /// <see cref="StoreException"/> naming it (so a copy inside a transaction rolls back whole).
    /// </summary>
    public static IEnumerable<StoredJournalRow> Verified(IEnumerable<StoredJournalRow> rowsInOrder, string source)
    {
        using var chain = new JournalChain();
        long expected = 1;
        foreach (var row in rowsInOrder)
        {
            if (row.Version != expected || row.Hash is null
                || !chain.Next(row.Version, row.RecordedAtTicks, row.Author, row.Reason, row.Action, row.FactType, row.FactId, row.Payload).AsSpan().SequenceEqual(row.Hash))
            {
                throw new StoreException($"{source}: the journal's hash chain is broken at entry {row.Version} (run wedge verify on it); nothing was copied");
            }

            expected++;
            yield return row;
        }
    }

    private static string Range(long from, long to) => from == to ? $"entry {from} is" : $"entries {from}–{to} are";
}

/// <summary>A store that keeps a checkpoint of the projected record, and can be handed one a caller built itself.</summary>
public interface ICheckpointed
{
    /// <summary>
    /// Stores <paramref name="knowledge"/> as the checkpoint when the journal is at its version (else does nothing): an
    /// import that built the record after it in memory saves the next read from replaying what it wrote.
    /// </summary>
    void SaveCheckpoint(KnowledgeBase knowledge);
}

/// <summary>
/// A journal's rows exactly as stored, for copying a journal between backends with its history intact (versions,
/// recorded times, authors, reasons, hashes): both stores implement it.
/// </summary>
public interface IStoredJournal
{
    /// <summary>Every row as stored, in version order.</summary>
    IEnumerable<StoredJournalRow> StoredRows();

    /// <summary>
    /// Writes <paramref name="rows"/> into this journal, which must be empty, in one transaction, checking the hash chain
    /// as they pass: a broken chain or a non-empty journal writes nothing (<see cref="StoreException"/>).
    /// </summary>
    /// <returns>The journal's version afterwards.</returns>
    long CopyIn(IEnumerable<StoredJournalRow> rows, string sourceName, CancellationToken cancellationToken = default);
}
