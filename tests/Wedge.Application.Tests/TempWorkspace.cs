using Microsoft.Extensions.DependencyInjection;

namespace Wedge.Application.Tests;

/// <summary>Wedge's services over a fresh database (holding the built-in case) in a temporary directory.</summary>
internal sealed class TempWorkspace : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "wedge-application-tests", Guid.NewGuid().ToString("N"));

    public TempWorkspace()
    {
        Directory.CreateDirectory(dir);
        Database = Path.Combine(dir, "wedge.db");
        Services = new ServiceCollection().AddWedge(o =>
        {
            o.Database = Database;
            o.Environment = _ => null;
        }).BuildServiceProvider();
    }

    public ServiceProvider Services { get; }

    /// <summary>The database file (created on first use).</summary>
    public string Database { get; }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public void Dispose()
    {
        Services.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
