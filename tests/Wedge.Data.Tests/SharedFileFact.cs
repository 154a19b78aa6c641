namespace Wedge.Data.Tests;

/// <summary>
/// A fact that reads data under ../shared (beside the repository). A fresh clone has no ../shared, so the test is
/// skipped, with the reason, when the path is absent.
/// </summary>
public sealed class SharedFileFactAttribute : FactAttribute
{
    public SharedFileFactAttribute(string relativePath)
    {
        var full = Path.Combine(Repository.Root, "..", "shared", relativePath);
        if (!File.Exists(full) && !Directory.Exists(full))
        {
            Skip = $"../shared/{relativePath} is absent (shared data is not part of a clone)";
        }
    }
}
