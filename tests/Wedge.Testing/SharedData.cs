using Xunit;

namespace Wedge.Testing;

/// <summary>
/// The real data sets kept beside the repository in <c>../shared/data</c> (the Mapping Militants files,
/// for one). A fresh clone has no such folder: tests that need it are marked <see cref="SharedDataFactAttribute"/>
/// or <see cref="SharedDataTheoryAttribute"/> and are skipped there with a reason. CI sets
/// <c>WEDGE_REQUIRE_SHARED_DATA=1</c>, which turns the skip into a failure, so no such test goes unrun.
/// </summary>
public static class SharedData
{
    /// <summary>The variable that makes shared data mandatory (any value but empty or <c>0</c>).</summary>
    public const string RequireVariable = "WEDGE_REQUIRE_SHARED_DATA";

    /// <summary>The variable naming another folder for the shared data sets.</summary>
    public const string FolderVariable = "WEDGE_SHARED_DATA";

    /// <summary><c>WEDGE_SHARED_DATA</c> when set, else <c>../shared/data</c> beside the repository root (either may not exist).</summary>
    public static string Folder
        => Environment.GetEnvironmentVariable(FolderVariable) is { Length: > 0 } folder
            ? Path.GetFullPath(folder)
            : Path.GetFullPath(Path.Combine(Repository.Root, "..", "shared", "data"));

    /// <summary>True when the environment asks for shared-data tests to run rather than skip.</summary>
    public static bool Required
        => Environment.GetEnvironmentVariable(RequireVariable) is { Length: > 0 } v && v != "0";

    /// <summary>True when the shared data set in <paramref name="set"/> (e.g. <c>mmp</c>) is present.</summary>
    public static bool Has(string set) => Directory.Exists(Path.Combine(Folder, set));

    /// <summary>A file of a shared data set; throws with the reason when the set is absent, so a test never reads a missing path silently.</summary>
    public static string File(string set, string name)
    {
        if (!Has(set))
        {
            throw new InvalidOperationException(MissingReason(set));
        }

        return Path.Combine(Folder, set, name);
    }

    /// <summary>Why a test of <paramref name="set"/> did not run, or null when it can run (data present, or CI requires it so it fails loudly).</summary>
    public static string? SkipReason(string set)
        => Has(set) || Required ? null : MissingReason(set);

    private static string MissingReason(string set)
        => $"needs the shared data set '{set}' in {Path.Combine(Folder, set)}, which is not present (a fresh clone has none: see README.md; CI provides it and sets {RequireVariable}=1)";
}

/// <summary>A fact that reads a shared data set: skipped with a reason when <c>../shared/data/SET</c> is absent, unless CI requires it.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute(string set)
    {
        Set = set;
        Skip = SharedData.SkipReason(set);
    }

    public string Set { get; }
}

/// <summary>A theory that reads a shared data set: skipped with a reason when <c>../shared/data/SET</c> is absent, unless CI requires it.</summary>
public sealed class SharedDataTheoryAttribute : TheoryAttribute
{
    public SharedDataTheoryAttribute(string set)
    {
        Set = set;
        Skip = SharedData.SkipReason(set);
    }

    public string Set { get; }
}
