using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;

namespace Wedge.Data.Tests.Events;

/// <summary>The synthetic GTD-layout fixture (tests/fixtures/gtd, hand-counted in its README) and small files in that layout.</summary>
internal static class GtdFiles
{
    public static string Synthetic => Repository.Fixture("gtd", "synthetic.csv");

    public static string Map => Repository.Fixture("gtd", "map.csv");

    public static string MapYaml => Repository.Fixture("gtd", "map.yaml");

    /// <summary>The 135 column names of the published layout, from the fixture's header.</summary>
    public static string[] Columns => File.ReadLines(Synthetic).First().Split(',');

    /// <summary>The fixture's actors: al-qaeda (alias al-Qaida), taliban, haqqani, ttp, lej, isil.</summary>
    public static KnowledgeBase Actors()
    {
        Actor A(string id, string name, params string[] aliases) => new() { Id = new ActorId(id), Name = name, Kind = ActorKind.ArmedGroup, Aliases = aliases };
        JournalChange[] changes =
        [
            JournalChange.Add(A("al-qaeda", "al-Qaeda", "al-Qaida")), JournalChange.Add(A("taliban", "Taliban")),
            JournalChange.Add(A("haqqani", "Haqqani Network")), JournalChange.Add(A("ttp", "Tehrik-i-Taliban Pakistan")),
            JournalChange.Add(A("lej", "Lashkar-e-Jhangvi")), JournalChange.Add(A("isil", "Islamic State of Iraq and the Levant (ISIL)")),
        ];
        return KnowledgeBase.Empty.With(changes).Result!;
    }

    /// <summary>A row in the full layout: the named columns set, the others empty.</summary>
    public static string Row(params (string Column, string Value)[] values)
    {
        var columns = Columns;
        var fields = new string[columns.Length];
        Array.Fill(fields, "");
        foreach (var (c, v) in values)
        {
            fields[Array.IndexOf(columns, c)] = v;
        }

        return string.Join(',', fields);
    }

    /// <summary>A joint attack by two groups: the usual good row, with some columns changed.</summary>
    public static string Joint(long eventId, params (string Column, string Value)[] changes)
    {
        var values = new Dictionary<string, string>
        {
            ["eventid"] = eventId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["iyear"] = "2014",
            ["imonth"] = "5",
            ["iday"] = "3",
            ["gname"] = "Taliban",
            ["gname2"] = "Haqqani Network",
            ["guncertain1"] = "0",
            ["guncertain2"] = "0",
            ["claimed"] = "0",
            ["nkill"] = "2",
            ["country_txt"] = "Afghanistan",
        };
        foreach (var (c, v) in changes)
        {
            values[c] = v;
        }

        return Row([.. values.Select(kv => (kv.Key, kv.Value))]);
    }

    public static string Write(TempDir dir, params string[] rows)
    {
        var path = dir.File("gtd.csv");
        File.WriteAllText(path, string.Join(',', Columns) + "\n" + string.Join("\n", rows) + "\n");
        return path;
    }
}
