namespace Wedge.Testing;

/// <summary>Paths inside this repository, found from the test binaries by walking up to <c>Wedge.slnx</c>.</summary>
public static class Repository
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The folder holding <c>Wedge.slnx</c>.</summary>
    public static string Root => RootPath.Value;

    /// <summary>A path under the repository root, e.g. <c>Repository.File("cases", "x.yaml")</c>.</summary>
    public static string File(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>A file in <c>tests/fixtures</c>, the inputs every test project may read (see its README for provenance).</summary>
    public static string Fixture(params string[] parts) => Path.Combine([Root, "tests", "fixtures", .. parts]);

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !System.IO.File.Exists(Path.Combine(dir.FullName, "Wedge.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Wedge.slnx not found above " + AppContext.BaseDirectory);
    }
}
