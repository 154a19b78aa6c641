using Wedge.Core.Knowledge;
using Wedge.Core.Model;

namespace Wedge.Core.Journal;

/// <summary>
/// The append-only record of every change, as Core needs it; Wedge.Data implements it (SQLite), and every
/// implementation passes the same contract tests. Nothing is overwritten: the current knowledge base and any past one
/// are projections of the entries. Appends are all-or-nothing, checked by <see cref="ChangeChecker"/>'s rules, and
/// optimistic: one prepared against an older version than the stored one is refused with
/// <see cref="JournalConflictException"/>.
/// </summary>
/// <remarks>
/// Recorded times never run backwards (a later entry is never recorded before an earlier one), so "as recorded by T"
/// cuts the journal at one point. Every call may be cancelled; a cancelled append writes nothing.
/// </remarks>
public interface IJournalStore : IDisposable
{
    /// <summary>The version of the last entry, 0 when the journal is empty.</summary>
    Task<long> GetVersionAsync(CancellationToken cancellationToken = default);

    /// <summary>Entries in order with their facts, only those recorded at or before <paramref name="recordedBy"/> when given.</summary>
    IAsyncEnumerable<JournalEntry> ReadAsync(DateTimeOffset? recordedBy = null, CancellationToken cancellationToken = default);

    /// <summary>The entries after <paramref name="version"/>, in order with their facts (a reader that holds that version catching up).</summary>
    IAsyncEnumerable<JournalEntry> ReadAfterAsync(long version, CancellationToken cancellationToken = default);

    /// <summary>
    /// The knowledge base as it stood at <paramref name="recordedBy"/> (null: now). Always equal to projecting
    /// <see cref="ReadAsync"/>'s entries; an implementation may start from a stored checkpoint and replay only the tail.
    /// </summary>
    Task<KnowledgeBase> ReadKnowledgeAsync(DateTimeOffset? recordedBy = null, CancellationToken cancellationToken = default);

    /// <summary>History without payloads (version, time, author, reason, action, key), oldest first, filtered by <paramref name="query"/>.</summary>
    Task<IReadOnlyList<JournalEntry>> ReadLogAsync(LogQuery query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Checks <paramref name="changes"/> against the record at <paramref name="expectedVersion"/> and appends them as
    /// one unit. Refused with <see cref="ChangesRefusedException"/> (every problem listed) or
    /// <see cref="JournalConflictException"/>; nothing is written then.
    /// </summary>
    /// <returns>The journal's new version (unchanged when there was nothing to write).</returns>
    Task<long> AppendAsync(long expectedVersion, string author, string reason, IReadOnlyList<JournalChange> changes, CancellationToken cancellationToken = default);

    /// <summary>
    /// The bulk path: checks and appends a stream of changes as one unit without holding it in memory. Each change is
    /// checked as it comes against <paramref name="basedOn"/> plus the changes before it; the first refused change
    /// (<see cref="ChangesRefusedException"/> naming only it), a conflict, cancellation or an exception thrown by the
    /// stream itself writes nothing.
    /// </summary>
    /// <param name="basedOn">The record the changes were planned against; it must be at <paramref name="expectedVersion"/>.</param>
    Task<long> AppendStreamAsync(long expectedVersion, string author, string reason, IEnumerable<JournalChange> changes, KnowledgeBase basedOn, CancellationToken cancellationToken = default);

    /// <summary>
    /// Recomputes the journal's hash chain (each entry's hash covers the one before it) from the stored entries and
    /// reports the first broken link: an entry altered or inserted behind the store's back, or entries removed.
    /// </summary>
    Task<JournalVerification> VerifyAsync(CancellationToken cancellationToken = default);
}

/// <summary>Which history entries to list: each filter that is set must match; <see cref="Last"/> keeps only the newest that many.</summary>
/// <param name="Type">Only entries for facts of this type.</param>
/// <param name="FactId">Only entries for facts with this id (of <see cref="Type"/> when set, else of any type).</param>
/// <param name="Author">Only entries recorded by this author (exact).</param>
/// <param name="Since">Only entries recorded at or after this time.</param>
/// <param name="Until">Only entries recorded at or before this time.</param>
/// <param name="Last">Only the newest this many of the entries that match.</param>
public sealed record LogQuery(
    FactType? Type = null,
    string? FactId = null,
    string? Author = null,
    DateTimeOffset? Since = null,
    DateTimeOffset? Until = null,
    int? Last = null)
{
    public static LogQuery All { get; } = new();

    /// <summary>A filter from a user's <c>type:id</c> or bare id; an unknown type matches nothing rather than everything.</summary>
    public static LogQuery ForFact(string fact, int? last = null)
    {
        var colon = fact.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return new LogQuery(FactId: fact, Last: last);
        }

        var typeName = fact[..colon];
        var type = Enum.GetValues<FactType>().Cast<FactType?>().FirstOrDefault(t => string.Equals(t.ToString(), typeName, StringComparison.OrdinalIgnoreCase));
        return type is null ? new LogQuery(FactId: "\0no such type", Last: last) : new LogQuery(type, fact[(colon + 1)..], Last: last);
    }

    /// <summary>True when <paramref name="entry"/> passes every filter set (not <see cref="Last"/>): for stores that filter in memory.</summary>
    public bool Matches(JournalEntry entry)
        => (Type is not { } t || entry.Key.Type == t)
           && (FactId is null || entry.Key.Id == FactId)
           && (Author is null || entry.Author == Author)
           && (Since is not { } s || entry.RecordedAt >= s)
           && (Until is not { } u || entry.RecordedAt <= u);
}

/// <summary>
/// What checking the journal's hash chain found: how many entries were checked, the first broken link (the version of
/// the first entry that does not match, or that follows a gap) with what is wrong there, and the hash of the last
/// entry (hex), which a team can note elsewhere to detect later removal of the newest entries.
/// </summary>
public sealed record JournalVerification(long Entries, long? BrokenAt, string? Problem, long HeadVersion, string HeadHash)
{
    /// <summary>True when every entry matches its hash and follows the one before it.</summary>
    public bool Intact => BrokenAt is null;
}
