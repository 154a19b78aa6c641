using System.Text;

namespace Wedge.Reliability.Tests.Crash;

/// <summary>Generated input for the crash tests.</summary>
public static class MmpFiles
{
    /// <summary>MMP's two files in their published layout: a group key and relationship rows between generated groups.</summary>
    public static (string Key, string Relationships) Generate(string folder, int observations)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(7);
        var groups = Math.Max(50, observations / 100);
        var key = Path.Combine(folder, "Militant-Group-Key.csv");
        var relationships = Path.Combine(folder, "Militant-Group-Relationships.csv");
        using (var w = new StreamWriter(key, false, new UTF8Encoding(true)))
        {
            w.Write("group_id,name,\r\n");
            for (var g = 1; g <= groups; g++)
            {
                w.Write($"{g},Generated Group {g},\r\n");
            }
        }

        string[] types = ["all", "aff", "mer", "spl", "riv"];
        using (var w = new StreamWriter(relationships, false, new UTF8Encoding(true)))
        {
            w.Write("unique_id,type,group1_id,group2_id,date,description,group1_name,group2_name\r\n");
            for (var i = 1; i <= observations; i++)
            {
                var a = random.Next(1, groups + 1);
                var b = random.Next(1, groups);
                b += b >= a ? 1 : 0;
                var year = random.Next(1960, 2020);
                w.Write($"{i},{types[random.Next(types.Length)]},{a},{b},{year}-{random.Next(1, 13):00}-00,\"Observation {i}: the groups met in {year}.\",Generated Group {a},Generated Group {b}\r\n");
            }
        }

        return (key, relationships);
    }
}
