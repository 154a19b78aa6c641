using Microsoft.Data.Sqlite;
using Wedge.Application.Problems;
using Wedge.Core.Knowledge;
using Wedge.Data.Cases;
using Wedge.Data.Store;

namespace Wedge.Application.Store;

/// <summary>
/// The record kept in a SQLite journal (<see cref="WedgeStore"/>) at the database the options name.
/// Failures to open or use the file become <see cref="Problem"/>s naming the path.
/// </summary>
public sealed class JournalRecordStore(WorkspaceOptions options) : IRecordStore
{
    /// <summary>The database path in use (options, else $WEDGE_DB, else the default).</summary>
    public string Path => Workspace.ResolvePath(options.Database, options.Environment);

    public KnowledgeBase Knowledge(DateTimeOffset? recordedBy = null) => Use(store => store.Current(recordedBy));

    /// <summary>Opens the store, runs <paramref name="work"/> and closes it, mapping store failures to problems.</summary>
    public T Use<T>(Func<WedgeStore, T> work)
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
        catch (StoreException ex)
        {
            throw Problem.Refused("database-unusable", ex.Message).Exception();
        }
        catch (CaseRefusedException ex)
        {
            throw Problem.Internal("built-in-case-invalid", $"the built-in case is invalid (a build defect):{Environment.NewLine}{ex.Message}").Exception();
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
