namespace Wedge.Data.Tests.Mmp;

/// <summary>Where the shared MMP copy lives (../shared/data/mmp beside the repository; absent on a fresh clone), and small files written for a test.</summary>
internal static class MmpFiles
{
    /// <summary>The shared data set these files belong to: tests reading them are <c>[SharedDataFact(MmpFiles.Set)]</c>.</summary>
    public const string Set = "mmp";

    public static string Key => SharedData.File(Set, "Militant-Group-Key.csv");

    public static string Relationships => SharedData.File(Set, "Militant-Group-Relationships.csv");

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
}
