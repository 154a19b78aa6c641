namespace Wedge.Cli.Tests;

/// <summary>
/// A test that reads ../shared (the team's data next to the repository): skipped, with the reason, in a
/// clone that has no ../shared.
/// </summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (!Directory.Exists(SharedData.Root))
        {
            Skip = $"needs the shared data directory {SharedData.Root}, absent in this clone";
        }
    }
}

public static class SharedData
{
    /// <summary>../shared relative to the repository root (the directory holding Wedge.slnx).</summary>
    public static string Root { get; } = Find();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Wedge.slnx")))
        {
            dir = dir.Parent;
        }

        return System.IO.Path.GetFullPath(System.IO.Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "..", "shared"));
    }
}
