using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;

namespace Wedge.Data.Tests.Events;

/// <summary>
/// The synthetic UCDP GED and ACLED fixtures (tests/fixtures/ucdp and acled, hand-counted in their READMEs), their actors
/// (as in each folder's actors.yaml) and small files in those layouts.
/// </summary>
internal static class EventFiles
{
    public static string Ucdp => Repository.Fixture("ucdp", "synthetic.csv");

    public static string UcdpMap => Repository.Fixture("ucdp", "map.csv");

    public static string Acled => Repository.Fixture("acled", "synthetic.csv");

    public static string AcledMap => Repository.Fixture("acled", "map.csv");

    private static Actor A(string id, string name, ActorKind kind = ActorKind.ArmedGroup, params string[] aliases)
        => new() { Id = new ActorId(id), Name = name, Kind = kind, Aliases = aliases };

    /// <summary>isil (UCDP id 234), taliban (alias Taleban), hts, afghanistan (a state, alias Government of Afghanistan).</summary>
    public static KnowledgeBase UcdpActors() => KnowledgeBase.Empty.With(
    [
        JournalChange.Add(A("isil", "Islamic State") with { ExternalIds = new Dictionary<string, string> { ["ucdp"] = "234" } }),
        JournalChange.Add(A("taliban", "Taliban", ActorKind.ArmedGroup, "Taleban")), JournalChange.Add(A("hts", "Hayat Tahrir al-Sham")),
        JournalChange.Add(A("afghanistan", "Afghanistan", ActorKind.State, "Government of Afghanistan")),
    ]).Result!;

    /// <summary>jnim, ansarul-islam, isgs, gatia, msa, dan-na, mali (a state, alias ACLED's name for its army).</summary>
    public static KnowledgeBase AcledActors() => KnowledgeBase.Empty.With(
    [
        JournalChange.Add(A("jnim", "JNIM: Group for Support of Islam and Muslims")), JournalChange.Add(A("ansarul-islam", "Ansaroul Islam")),
        JournalChange.Add(A("isgs", "Islamic State (Greater Sahara)")), JournalChange.Add(A("gatia", "GATIA")),
        JournalChange.Add(A("msa", "MSA", ActorKind.ArmedGroup, "MSA: Movement for the Salvation of Azawad")), JournalChange.Add(A("dan-na", "Dan Na Ambassagou")),
        JournalChange.Add(A("mali", "Mali", ActorKind.State, "Military Forces of Mali (2016-2021)")),
    ]).Result!;

    public static string[] Columns(string fixture) => File.ReadLines(fixture).First().Split(',');

    /// <summary>A row in the fixture's full layout: the named columns set, the others empty. Values with a comma must come quoted.</summary>
    public static string Row(string fixture, IEnumerable<(string Column, string Value)> values)
    {
        var columns = Columns(fixture);
        var fields = new string[columns.Length];
        Array.Fill(fields, "");
        foreach (var (c, v) in values)
        {
            var k = Array.IndexOf(columns, c);
            Assert.True(k >= 0, $"no column {c}");
            fields[k] = v;
        }

        return string.Join(',', fields);
    }

    /// <summary>A clear non-state event between IS and the Taleban on 10 March 2015, with some columns changed.</summary>
    public static string UcdpRow(long id, params (string Column, string Value)[] changes)
    {
        var values = new Dictionary<string, string>
        {
            ["id"] = id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["year"] = "2015",
            ["type_of_violence"] = "2",
            ["side_a_new_id"] = "234",
            ["side_a"] = "IS",
            ["side_b_new_id"] = "303",
            ["side_b"] = "Taleban",
            ["where_prec"] = "1",
            ["country"] = "Syria",
            ["event_clarity"] = "1",
            ["date_prec"] = "1",
            ["date_start"] = "2015-03-10 00:00:00.000",
            ["date_end"] = "2015-03-10 00:00:00.000",
            ["best"] = "5",
            ["high"] = "7",
            ["low"] = "4",
        };
        foreach (var (c, v) in changes)
        {
            values[c] = v;
        }

        return Row(Ucdp, values.Select(kv => (kv.Key, kv.Value)));
    }

    /// <summary>A battle between JNIM (with Ansaroul Islam) and ISGS on 2 March 2019, to the day, with some columns changed.</summary>
    public static string AcledRow(string id, params (string Column, string Value)[] changes)
    {
        var values = new Dictionary<string, string>
        {
            ["event_id_cnty"] = id,
            ["event_date"] = "2019-03-02",
            ["year"] = "2019",
            ["time_precision"] = "1",
            ["event_type"] = "Battles",
            ["sub_event_type"] = "Armed clash",
            ["actor1"] = "JNIM: Group for Support of Islam and Muslims",
            ["assoc_actor_1"] = "Ansaroul Islam",
            ["inter1"] = "2",
            ["actor2"] = "Islamic State (Greater Sahara)",
            ["inter2"] = "2",
            ["country"] = "Mali",
            ["fatalities"] = "12",
        };
        foreach (var (c, v) in changes)
        {
            values[c] = v;
        }

        return Row(Acled, values.Select(kv => (kv.Key, kv.Value)));
    }

    public static string Write(TempDir dir, string fixture, string fileName, params string[] rows)
    {
        var path = dir.File(fileName);
        File.WriteAllText(path, File.ReadLines(fixture).First() + "\n" + string.Join("\n", rows) + "\n");
        return path;
    }
}
