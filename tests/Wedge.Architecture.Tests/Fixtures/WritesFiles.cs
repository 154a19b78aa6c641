namespace Wedge.Architecture.Tests.Fixtures;

/// <summary>Breaks the no-file-writes rule on purpose, once per kind of type the rule forbids.</summary>
internal static class WritesFiles
{
    public static void Write(string path)
    {
        File.WriteAllText(path, "x");
        using var stream = new FileStream(path, FileMode.Open);
        Directory.CreateDirectory(path);
        System.Diagnostics.Process.Start("true");
    }
}
