using Wedge.Core.Model;

namespace Wedge.Core.Journal;

public enum JournalAction
{
    Add,
    Correct,
    Retract,
}

/// <summary>One change to the knowledge base: add a new fact, correct an existing one (a new record under the same key), or retract it.</summary>
public sealed record JournalChange(JournalAction Action, FactKey Key, Fact? Fact)
{
    public static JournalChange Add(Fact fact) => new(JournalAction.Add, fact.Key, fact);

    public static JournalChange Correct(Fact fact) => new(JournalAction.Correct, fact.Key, fact);

    public static JournalChange Retract(FactKey key) => new(JournalAction.Retract, key, null);
}

/// <summary>A change as recorded: its place in the journal (<see cref="Version"/>), when, by whom and why.</summary>
public sealed record JournalEntry(long Version, DateTimeOffset RecordedAt, string Author, string Reason, JournalAction Action, FactKey Key, Fact? Fact);

/// <summary>
/// The append-only record of every change. Nothing is overwritten: the current knowledge base and
/// any past one are projections of its entries. The port Core needs; Wedge.Data implements it.
/// </summary>
public interface IJournal
{
    /// <summary>The version of the last entry, 0 when empty.</summary>
    long Version { get; }

    /// <summary>Entries in order, only those recorded at or before <paramref name="recordedBy"/> when given.</summary>
    IEnumerable<JournalEntry> Read(DateTimeOffset? recordedBy = null);

    /// <summary>
    /// Appends all changes as one unit, or none of them. Refused with
    /// <see cref="JournalConflictException"/> when the journal has moved past <paramref name="expectedVersion"/>.
    /// </summary>
    /// <returns>The journal's new version.</returns>
    long Append(long expectedVersion, string author, string reason, IReadOnlyList<JournalChange> changes);
}

/// <summary>An append was based on an older journal than the one stored: someone else wrote first.</summary>
public sealed class JournalConflictException(long expected, long actual)
    : Exception($"The journal is at version {actual}, but this change was prepared against version {expected}. Someone else recorded changes first; reload and try again.")
{
    public long Expected { get; } = expected;

    public long Actual { get; } = actual;
}
