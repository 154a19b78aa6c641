using Wedge.Core.Knowledge;
using Wedge.Data.Cases;
using Wedge.Data.Store;

namespace Wedge.Cli.Infrastructure;

/// <summary>Opens the database named by --db, $WEDGE_DB or the default, turning store failures into user errors.</summary>
public sealed class StoreAccess(Func<string, string?> environment, TimeProvider clock) : IKnowledgeSource
{
    public StoreAccess()
        : this(Environment.GetEnvironmentVariable, TimeProvider.System)
    {
    }

    public TimeProvider Clock { get; } = clock;

    /// <summary>Who is recorded as the author of changes: $WEDGE_AUTHOR, else the login name.</summary>
    public string DefaultAuthor => environment("WEDGE_AUTHOR") is { Length: > 0 } a ? a : Environment.UserName;

    public WedgeStore Open(StoreSettings settings)
    {
        var path = Workspace.ResolvePath(settings.Db, environment);
        try
        {
            return Workspace.Open(path, Clock);
        }
        catch (StoreException ex)
        {
            throw new UserError(ex.Message);
        }
        catch (CaseRefusedException ex)
        {
            throw new UserError($"the built-in case is invalid (a build defect):{Environment.NewLine}{ex.Message}", 70);
        }
        catch (IOException ex)
        {
            throw new UserError($"{path}: {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new UserError($"{path}: {ex.Message}");
        }
    }

    public Snapshot Read(ReadSettings settings)
    {
        using var store = Open(settings);
        return Snapshot.Of(store.Current(settings.RecordedByTime), settings.ReadOptions);
    }

    public KnowledgeBase Current(StoreSettings settings)
    {
        using var store = Open(settings);
        return store.Current((settings as ReadSettings)?.RecordedByTime);
    }
}
