using Microsoft.Data.Sqlite;
using Wedge.Application.Problems;
using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Data.Cases;
using Wedge.Data.Store;

namespace Wedge.Application.Store;

/// <summary>
/// The record kept in the journal store (<see cref="IJournalStore"/>, SQLite's <see cref="WedgeStore"/> today) at the
/// database the options name. Failures to open or use the file become <see cref="Problem"/>s naming the path.
/// </summary>
/// <remarks>
/// The application's services are synchronous today (the command line is their only host); this adapter waits on the
/// port's asynchronous calls. A web host will want asynchronous services: that change starts here.
/// </remarks>
public sealed class JournalRecordStore(WorkspaceOptions options) : IRecordStore
{
    /// <summary>The database path in use (options, else $WEDGE_DB, else the default).</summary>
    public string Path => Workspace.ResolvePath(options.Database, options.Environment);

    public KnowledgeBase Knowledge(DateTimeOffset? recordedBy = null)
        => Use(store => store.ReadKnowledgeAsync(recordedBy).GetAwaiter().GetResult());

    public IReadOnlyList<JournalEntry> Log(string? fact = null, int? last = null)
        => Use(store => store.ReadLogAsync(fact is null ? new LogQuery(Last: last) : LogQuery.ForFact(fact, last)).GetAwaiter().GetResult());

    public long Append(IReadOnlyList<JournalChange> changes, string author, string reason, long? expectedVersion = null, KnowledgeBase? basedOn = null)
        => Use(store =>
        {
            // Without an expected version the change is checked against the journal as it is now.
            var version = expectedVersion ?? basedOn?.Version ?? store.GetVersionAsync().GetAwaiter().GetResult();
            return store.AppendAsync(version, author, reason, changes).GetAwaiter().GetResult();
        });

    public long AppendStream(IEnumerable<JournalChange> changes, string author, string reason, long expectedVersion, KnowledgeBase basedOn, CancellationToken cancellationToken = default)
        => Use(store => store.AppendStreamAsync(expectedVersion, author, reason, changes, basedOn, cancellationToken).GetAwaiter().GetResult());

    /// <summary>Opens the store, runs <paramref name="work"/> and closes it, mapping store failures to problems.</summary>
    public T Use<T>(Func<IJournalStore, T> work)
    {
        using var store = Open();
        return Guard(() => work(store));
    }

    /// <summary>Opens the store (a new database is loaded with the built-in case); the caller disposes it.</summary>
    public WedgeStore Open() => Guard(() => Workspace.Open(Path, options.Clock));

    private T Guard<T>(Func<T> work)
    {
        var path = Path;
        try
        {
            return work();
        }
        catch (ChangesRefusedException ex)
        {
            throw Problem.Refused("changes-refused", ex.Message).Exception();
        }
        catch (JournalConflictException ex)
        {
            throw Problem.Conflict("journal-moved", ex.Message).Exception();
        }
        catch (StoreException ex)
        {
            throw Problem.Refused("database-unusable", ex.Message).Exception();
        }
        catch (CaseRefusedException ex)
        {
            throw Problem.Internal("built-in-case-invalid", $"the built-in case is invalid (a build defect):{Environment.NewLine}{ex.Message}").Exception();
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 8)
        {
            throw Problem.Refused("database-read-only", $"{path}: the database is read-only (check the file's permissions); nothing was written").Exception();
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 13)
        {
            throw Problem.Refused("disk-full", $"{path}: the disk is full; nothing was written").Exception();
        }
        catch (SqliteException ex)
        {
            throw Problem.Refused("database-unusable", $"{path}: {ex.Message}").Exception();
        }
        catch (IOException ex)
        {
            throw Problem.Refused("database-unusable", $"{path}: {ex.Message}").Exception();
        }
        catch (UnauthorizedAccessException ex)
        {
            throw Problem.Refused("database-unusable", $"{path}: {ex.Message}").Exception();
        }
    }
}
