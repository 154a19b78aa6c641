namespace Wedge.Data.Tests.Mmp;

/// <summary>Where the shared MMP copy lives (../shared/data/mmp beside the repository), and small files written for a test.</summary>
internal static class MmpFiles
{
    public static string RepoRoot { get; } = FindRoot();

    public static string SharedDir => Path.Combine(RepoRoot, "..", "shared", "data", "mmp");

    public static string Key => Path.Combine(SharedDir, "Militant-Group-Key.csv");

    public static string Relationships => Path.Combine(SharedDir, "Militant-Group-Relationships.csv");

    public const string RelationshipsHeader = "unique_id,type,group1_id,group2_id,date,description,group1_name,group2_name";

    /// <summary>A small key with the groups most tests use.</summary>
    public const string SmallKey = "group_id,name,\r\n21,Al Qaeda,\r\n367,The Taliban,\r\n1,The Islamic State,\r\n105,Tehrik-i-Taliban Pakistan,\r\n61,Al Shabaab,\r\n113,Hizbul Islam ,\r\n";

    public static string Write(TempDir dir, string name, string text, bool bom = false)
    {
        var path = dir.File(name);
        File.WriteAllText(path, text, new System.Text.UTF8Encoding(bom));
        return path;
    }

    public static string Relations(TempDir dir, params string[] rows)
        => Write(dir, "rel.csv", RelationshipsHeader + "\r\n" + string.Join("\r\n", rows) + "\r\n");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Wedge.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Wedge.slnx not found above " + AppContext.BaseDirectory);
    }
}
