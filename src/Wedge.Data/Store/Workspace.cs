using Wedge.Core.Journal;
using Wedge.Data.Cases;
using Wedge.Data.Store.Postgres;

namespace Wedge.Data.Store;

/// <summary>Finds the database to use and prepares it on first use.</summary>
public static class Workspace
{
    public const string DbVariable = "WEDGE_DB";

    /// <summary>The explicit path, else $WEDGE_DB, else wedge.db in the user's data directory.</summary>
    public static string ResolvePath(string? explicitPath, Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(explicitPath))
        {
            return explicitPath;
        }

        if (environment(DbVariable) is { Length: > 0 } fromEnv)
        {
            return fromEnv;
        }

        var dataHome = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(dataHome))
        {
            dataHome = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share");
        }

        return Path.Combine(dataHome, "wedge", "wedge.db");
    }

    /// <summary>Opens the store; a new one is loaded with the built-in case (or deleted again if that fails).</summary>
    public static WedgeStore Open(string path, TimeProvider? clock = null)
    {
        var store = WedgeStore.Open(path, clock);
        if (!store.WasCreated)
        {
            return store;
        }

        try
        {
            LoadBuiltInCase(store);
            _ = store.Current(); // a read of a journal this small leaves a checkpoint, so no later read parses its JSON
            return store;
        }
        catch
        {
            store.Dispose();
            File.Delete(store.Path);
            throw;
        }
    }

    /// <summary>
    /// Opens a journal on a PostgreSQL server; one whose tables this call created is loaded with the built-in case, as a
    /// new file is (unless <paramref name="withBuiltInCase"/> is false). Given <paramref name="readsAtLeast"/>, its reads
    /// may be served by a hot standby that has that version (<see cref="PostgresJournalStore.OpenForReading"/>).
    /// </summary>
    public static PostgresJournalStore OpenServer(string connectionString, TimeProvider? clock = null, bool withBuiltInCase = true, long? readsAtLeast = null)
    {
        var store = readsAtLeast is { } atLeast ? PostgresJournalStore.OpenForReading(connectionString, atLeast, clock) : PostgresJournalStore.Open(connectionString, clock);
        if (!store.WasCreated || !withBuiltInCase)
        {
            return store;
        }

        try
        {
            LoadBuiltInCase(store);
            return store;
        }
        catch
        {
            // The tables stay, empty: the next open finds a Wedge journal with nothing in it, which is true.
            store.Dispose();
            throw;
        }
    }

    private static void LoadBuiltInCase(IJournalStore store)
    {
        var doc = BuiltInCase.Read();
        var plan = CaseImport.Plan(BuiltInCase.FileName, doc, store.ReadKnowledgeAsync().GetAwaiter().GetResult());
        store.AppendAsync(0, "wedge", $"loaded the built-in case '{doc.Id}' into a new database", plan.Changes).GetAwaiter().GetResult();
    }
}
