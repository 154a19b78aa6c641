namespace Wedge.Testing;

/// <summary>A scratch directory of its own (a fresh GUID under the system temp folder), removed when the test ends.</summary>
public sealed class TempDir : IDisposable
{
    public TempDir(string area = "wedge-tests")
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), area, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>A path inside the directory (nothing is created).</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        // Pooled SQLite connections keep database files open; on Windows an open file cannot be deleted.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder is harmless.
        }
    }
}
