using System.Text.Json;

namespace Wedge.Cli.Tests.Names;

/// <summary>
/// Names written with diacritics, as transliterations of Arabic and Pashto often are, reach the actors on
/// record: on the command line, and through an import, which must not create a duplicate. The test host
/// runs under InvariantGlobalization, as the tool does.
/// </summary>
public class AccentedNamesTests
{
    private const string RelHeader = "unique_id,type,group1_id,group2_id,date,description,group1_name,group2_name";

    [Fact]
    public void Actor_AccentedSpelling_FindsTheActorOnRecord()
    {
        using var cli = new CliRunner();
        var actor = cli.Json("actor", "Ḥaqqānī Network");
        Assert.Equal("haqqani-network", actor.GetProperty("id").GetString());
    }

    [Fact]
    public void Assess_AccentedNamesForBothSides_SameVerdictAsPlainNames()
    {
        using var cli = new CliRunner();
        var accented = cli.Json("assess", "Ṭālibān", "al-Qāʿida", "--at", "2018-09-11", "--runs", "0");
        var plain = cli.Json("assess", "Taliban", "al-Qaeda", "--at", "2018-09-11", "--runs", "0");
        Assert.Equal(plain.GetProperty("verdict").GetString(), accented.GetProperty("verdict").GetString());
    }

    [Fact]
    public void ImportMmp_AccentedGroupNames_LandOnTheCaseActors_NoDuplicate()
    {
        using var cli = new CliRunner();
        var before = cli.Json("actors").EnumerateArray().Count();
        var key = cli.File("key.csv");
        var rel = cli.File("rel.csv");
        File.WriteAllText(key, "group_id,name,\n21,Al Qāʿida,\n367,The Ṭālibān,\n368,Ḥaqqānī Network,\n");
        File.WriteAllText(rel, RelHeader + "\n7,all,21,367,2009,x,Al Qāʿida,The Ṭālibān\n8,all,368,367,2010,y,Ḥaqqānī Network,The Ṭālibān\n");

        var report = cli.Json("import", "mmp", "--key", key, "--relationships", rel);
        var matched = report.GetProperty("matched").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("actor").GetString());
        Assert.Equal("al-qaeda", matched["Al Qāʿida"]);
        Assert.Equal("taliban", matched["The Ṭālibān"]);
        Assert.Equal("haqqani-network", matched["Ḥaqqānī Network"]);
        Assert.Empty(report.GetProperty("created").EnumerateArray());
        Assert.Equal(before, cli.Json("actors").EnumerateArray().Count());

        // Once imported, the accented spelling still names the same actor.
        Assert.Equal("367", cli.Json("actor", "the ṭālibān").GetProperty("externalIds").GetProperty("mmp").GetString());
    }
}
