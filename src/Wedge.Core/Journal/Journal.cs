using Wedge.Core.Knowledge;
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
/// <remarks><see cref="Fact"/> is null for a retraction, and for every entry of a log read (history without payloads).</remarks>
public sealed record JournalEntry(long Version, DateTimeOffset RecordedAt, string Author, string Reason, JournalAction Action, FactKey Key, Fact? Fact);

/// <summary>An append was based on an older journal than the one stored: someone else wrote first.</summary>
public sealed class JournalConflictException(long expected, long actual)
    : Exception($"The journal is at version {actual}, but this change was prepared against version {expected}. Someone else recorded changes first; reload and try again.")
{
    public long Expected { get; } = expected;

    public long Actual { get; } = actual;
}

/// <summary>Changes were refused by the write rules (<see cref="ChangeChecker"/>); nothing was written.</summary>
public sealed class ChangesRefusedException(IReadOnlyList<ChangeProblem> problems)
    : Exception("The changes were refused; nothing was written:" + Environment.NewLine
                + string.Join(Environment.NewLine, problems.Select(p => "  " + p)))
{
    public IReadOnlyList<ChangeProblem> Problems { get; } = problems;
}
