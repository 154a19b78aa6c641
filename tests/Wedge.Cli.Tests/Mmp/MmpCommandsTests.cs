using System.Text.Json;
using System.Xml.Linq;

namespace Wedge.Cli.Tests.Mmp;

/// <summary>`wedge import mmp`, `wedge spells` and `wedge export graphml|gexf` end to end on temporary databases.</summary>
public class MmpCommandsTests
{
    private static string Key => SharedData.File("mmp", "Militant-Group-Key.csv");
    private static string Rel => SharedData.File("mmp", "Militant-Group-Relationships.csv");
    private const string RelHeader = "unique_id,type,group1_id,group2_id,date,description,group1_name,group2_name";

    /// <summary>A database holding only what the test imports (no built-in case), so counts are MMP's alone.</summary>
    private static CliRunner EmptyStore()
    {
        var cli = new CliRunner();
        Wedge.Data.Store.WedgeStore.Open(cli.Db).Dispose();
        return cli;
    }

    private static byte[] Bytes(CliRunner cli)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return File.ReadAllBytes(cli.Db);
    }

    private static int Int(JsonElement e, string name) => e.GetProperty(name).GetInt32();

    [SharedDataFact("mmp")]
    public void ImportMmp_IntoTheBuiltInCase_MatchesTalibanAndAlQaeda_AndReimportChangesNothing()
    {
        using var cli = new CliRunner();
        var report = cli.Json("import", "mmp", "--key", Key, "--relationships", Rel);
        Assert.Equal(263, Int(report, "keyRowsRead"));
        Assert.Equal(638, Int(report, "relationshipRowsRead"));
        Assert.Equal(611, Int(report, "observationsImported"));
        Assert.Equal(27, Int(report, "duplicatesMerged"));
        Assert.Equal(15, Int(report, "duplicateSets"));
        Assert.Empty(report.GetProperty("refused").EnumerateArray());
        var matched = report.GetProperty("matched").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!, m => m.GetProperty("actor").GetString());
        Assert.Equal("taliban", matched["The Taliban"]);
        Assert.Equal("al-qaeda", matched["Al Qaeda"]);
        Assert.DoesNotContain(report.GetProperty("created").EnumerateArray(), c => c.GetProperty("name").GetString() is "The Taliban" or "Al Qaeda");
        var version = Int(report, "version");

        var again = cli.Json("import", "mmp", "--key", Key, "--relationships", Rel);
        Assert.Equal(0, Int(again, "changes"));
        Assert.Equal(611, Int(again, "observationsUnchanged"));
        Assert.Equal(version, Int(again, "version"));

        // The actors the import had to create are listed as unmatched; the six it matched are not.
        var unmatched = cli.Json("actors", "--unmatched").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
        Assert.Equal(report.GetProperty("created").GetArrayLength(), unmatched.Count);
        Assert.DoesNotContain("taliban", unmatched);
        Assert.DoesNotContain("al-qaeda", unmatched);
    }

    [SharedDataFact("mmp")]
    public void Dyad_AfterImport_ShowsBothAccountsWithSourcesAndGrades_AndMarksThePairContested()
    {
        using var cli = new CliRunner();
        cli.Json("import", "mmp", "--key", Key, "--relationships", Rel);
        var dyad = cli.Json("dyad", "al-Qaeda", "Taliban");
        Assert.True(dyad.GetProperty("contested").GetBoolean());
        var ties = dyad.GetProperty("ties").EnumerateArray().ToList();
        var split = Assert.Single(ties, t => t.GetProperty("id").GetString() == "mmp-567");
        Assert.Equal("split", split.GetProperty("kind").GetString());
        var claim = Assert.Single(split.GetProperty("claims").EnumerateArray());
        Assert.Equal("B2", claim.GetProperty("grade").GetString());
        Assert.Contains("Mapping Militant Organizations", claim.GetProperty("citation").GetString(), StringComparison.Ordinal);
        Assert.Contains(ties, t => t.GetProperty("kind").GetString() == "alliance" && !t.GetProperty("id").GetString()!.StartsWith("mmp-", StringComparison.Ordinal));
        Assert.Contains(dyad.GetProperty("contests").EnumerateArray(), c => c.GetProperty("facts").EnumerateArray().Any(f => f.GetString() == "mmp-567"));
    }

    [SharedDataFact("mmp")]
    public void Spells_AfterImport_ExplainedByTheRule()
    {
        using var cli = new CliRunner();
        cli.Json("import", "mmp", "--key", Key, "--relationships", Rel);
        var ties = cli.Json("ties").EnumerateArray().ToDictionary(t => t.GetProperty("id").GetString()!);
        var result = cli.Json("spells", "--kind", "alliance");
        var spells = result.GetProperty("spells").EnumerateArray().ToList();
        Assert.NotEmpty(spells);
        foreach (var s in spells)
        {
            Assert.Equal("alliance", s.GetProperty("kind").GetString());
            var reason = s.GetProperty("endReason").GetString();
            if (reason == "ending-observation")
            {
                // Ended by a split or a rivalry between the same pair, dated as the spell's end.
                var ender = ties[s.GetProperty("endedBy").GetString()!];
                Assert.Contains(ender.GetProperty("kind").GetString(), new[] { "split", "rivalry" });
                var pair = new[] { ender.GetProperty("from").GetString(), ender.GetProperty("to").GetString() }.Order().ToArray();
                Assert.Equal(new[] { s.GetProperty("a").GetString(), s.GetProperty("b").GetString() }.Order().ToArray(), pair);
                Assert.Equal(ender.GetProperty("period").GetProperty("start").GetString(), s.GetProperty("end").GetString());
            }
            else if (reason == "censored")
            {
                Assert.Equal(result.GetProperty("dataEnd").GetString(), s.GetProperty("censoredAt").GetString());
            }
        }

        // The article's alliance is ended by MMP's 2008 split under the default policy, and contested by the article's ties.
        var aqTb = Assert.Single(spells, s => s.GetProperty("a").GetString() == "al-qaeda" && s.GetProperty("b").GetString() == "taliban" && s.GetProperty("start").GetString()!.StartsWith("199", StringComparison.Ordinal));
        Assert.Equal("mmp-567", aqTb.GetProperty("endedBy").GetString());
        Assert.NotEmpty(aqTb.GetProperty("contestedBy").EnumerateArray());
        // MMP's 2015 alliance of the Islamic State and the Taliban is a spell of its own.
        Assert.Contains(spells, s => s.GetProperty("a").GetString() == "islamic-state" && s.GetProperty("b").GetString() == "taliban" && s.GetProperty("start").GetString()!.StartsWith("2015", StringComparison.Ordinal));

        // Under same-source, MMP's split cannot end the article's alliance; it contests it instead.
        var same = cli.Json("spells", "--kind", "alliance", "--policy", "same-source").GetProperty("spells").EnumerateArray();
        var held = Assert.Single(same, s => s.GetProperty("a").GetString() == "al-qaeda" && s.GetProperty("b").GetString() == "taliban" && s.GetProperty("start").GetString()!.StartsWith("199", StringComparison.Ordinal));
        Assert.NotEqual("mmp-567", held.TryGetProperty("endedBy", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null);
        Assert.Contains(held.GetProperty("contestedBy").EnumerateArray(), c => c.GetString() == "mmp-567");
    }

    [SharedDataFact("mmp")]
    public void Spells_Csv_OneRowPerSpell()
    {
        using var cli = EmptyStore();
        cli.Json("import", "mmp", "--key", Key, "--relationships", Rel);
        var csv = cli.File("spells.csv");
        var json = cli.Json("spells", "--csv", csv).GetProperty("spells").GetArrayLength();
        var lines = File.ReadAllLines(csv);
        Assert.StartsWith("kind,a,a_name,b,b_name,start,end,censored", lines[0], StringComparison.Ordinal);
        Assert.Equal(json, lines.Length - 1);
    }

    [SharedDataFact("mmp")]
    public void Strict_WithARefusedRow_ExitsNonZeroAndWritesNothing()
    {
        using var cli = new CliRunner();
        cli.Run("actors"); // create the database with the built-in case
        var rel = cli.File("rel.csv");
        File.WriteAllText(rel, $"{RelHeader}\n1,all,21,367,2001,fine,Al Qaeda,The Taliban\n2,all,21,367,2005-13-40,bad date,Al Qaeda,The Taliban\n");
        var before = Bytes(cli);
        var (code, output) = cli.Run("import", "mmp", "--key", Key, "--relationships", rel, "--strict");
        Assert.NotEqual(0, code);
        Assert.Contains("rel.csv:3: bad date: '2005-13-40' has month 13", output, StringComparison.Ordinal);
        Assert.Contains("nothing was written", output, StringComparison.Ordinal);
        Assert.Equal(before, Bytes(cli));

        // Without --strict the good row lands and the bad one is reported.
        (code, output) = cli.Run("import", "mmp", "--key", Key, "--relationships", rel);
        Assert.True(code == 0, output);
        Assert.Contains("rel.csv:3: bad date", output, StringComparison.Ordinal);
        Assert.Contains(cli.Json("ties").EnumerateArray(), t => t.GetProperty("id").GetString() == "mmp-1");
    }

    [SharedDataFact("mmp")]
    public void StaleExpectedVersion_Refused_NothingWritten()
    {
        using var cli = new CliRunner();
        cli.Run("actors");
        var before = Bytes(cli);
        var (code, output) = cli.Run("import", "mmp", "--key", Key, "--relationships", Rel, "--expect-version", "1");
        Assert.Equal(3, code);
        Assert.Contains("prepared against version 1", output, StringComparison.Ordinal);
        Assert.Equal(before, Bytes(cli));
    }

    [SharedDataTheory("mmp")]
    [InlineData("unique_id,type,group1_id,group2_id,description,group1_name,group2_name\n1,all,21,367,x,a,b\n", "rel.csv:1: missing column 'date'")]
    [InlineData("", "rel.csv: the file is empty")]
    public void BadFile_ClearMessage_NonZero_NothingWritten(string content, string expected)
    {
        using var cli = new CliRunner();
        cli.Run("actors");
        var rel = cli.File("rel.csv");
        File.WriteAllText(rel, content);
        var before = Bytes(cli);
        var (code, output) = cli.Run("import", "mmp", "--key", Key, "--relationships", rel);
        Assert.NotEqual(0, code);
        Assert.Contains(expected, output.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(before, Bytes(cli));
    }

    [SharedDataFact("mmp")]
    public void BinaryFile_ClearMessage_NothingWritten()
    {
        using var cli = new CliRunner();
        cli.Run("actors");
        var rel = cli.File("rel.csv");
        File.WriteAllBytes(rel, [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03]);
        var before = Bytes(cli);
        var (code, output) = cli.Run("import", "mmp", "--key", Key, "--relationships", rel);
        Assert.NotEqual(0, code);
        Assert.Contains("binary file, not CSV text", output, StringComparison.Ordinal);
        Assert.Equal(before, Bytes(cli));
    }

    [SharedDataFact("mmp")]
    public void MapFile_UnknownActor_RefusedRowWithLine()
    {
        using var cli = new CliRunner();
        cli.Run("actors");
        var map = cli.File("map.csv");
        File.WriteAllText(map, "mmp_id,actor_id\n61,no-such-actor\n");
        var (code, output) = cli.Run("import", "mmp", "--key", Key, "--relationships", Rel, "--map", map, "--strict");
        Assert.NotEqual(0, code);
        Assert.Contains("map.csv:2: actor 'no-such-actor' is not on record", output.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [SharedDataFact("mmp")]
    public void ExportGraphMl_ReadBackWithXLinq_CountsAndAttributes()
    {
        using var cli = EmptyStore();
        cli.Json("import", "mmp", "--key", Key, "--relationships", Rel);
        var file = cli.File("mmp.graphml");
        var (code, output) = cli.Run("export", "graphml", "--out", file);
        Assert.True(code == 0, output);
        XNamespace g = "http://graphml.graphdrawing.org/xmlns";
        var doc = XDocument.Load(file);
        var keys = doc.Root!.Elements(g + "key").ToDictionary(k => (string)k.Attribute("id")!, k => (string)k.Attribute("attr.name")!);
        var graph = doc.Root.Element(g + "graph")!;
        var nodes = graph.Elements(g + "node").ToList();
        var edges = graph.Elements(g + "edge").ToList();
        // Expected counts: tests/Wedge.Cli.Tests/Mmp/README.md (Python's csv module on the shared files; networkx read the export).
        Assert.Equal(258, nodes.Count);
        Assert.Equal(611, edges.Count);
        string Data(XElement e, string name) => (string)e.Elements(g + "data").Single(d => keys[(string)d.Attribute("key")!] == name);
        Assert.Equal(new Dictionary<string, int> { ["alliance"] = 192, ["rivalry"] = 159, ["affiliation"] = 111, ["split"] = 87, ["merger"] = 62 },
            edges.GroupBy(e => Data(e, "kind")).ToDictionary(x => x.Key, x => x.Count()));
        Assert.Equal(159 + 87, edges.Count(e => Data(e, "sign") == "-1"));
        var split = edges.Single(e => (string)e.Attribute("id")! == "mmp-567");
        Assert.Equal(("367", "21"), (Data(nodes.Single(n => (string)n.Attribute("id")! == (string)split.Attribute("source")!), "mmp_id"), Data(nodes.Single(n => (string)n.Attribute("id")! == (string)split.Attribute("target")!), "mmp_id")));
        Assert.Equal("2008-08", Data(split, "start"));
        Assert.Equal("B2", Data(split, "grades"));
        Assert.Contains("MMP Dataset and Codebook", Data(split, "sources"), StringComparison.Ordinal);
        Assert.All(edges, e => Assert.Contains(nodes, n => (string)n.Attribute("id")! == (string)e.Attribute("target")!));
    }

    [SharedDataFact("mmp")]
    public void ExportGexf_DynamicSpells_ReadBackWithXLinq()
    {
        using var cli = EmptyStore();
        cli.Json("import", "mmp", "--key", Key, "--relationships", Rel);
        var spells = cli.Json("spells").GetProperty("spells").EnumerateArray().ToList();
        var file = cli.File("mmp.gexf");
        var (code, output) = cli.Run("export", "gexf", "--out", file);
        Assert.True(code == 0, output);
        XNamespace x = "http://gexf.net/1.3";
        var doc = XDocument.Load(file);
        Assert.Equal("1.3", (string)doc.Root!.Attribute("version")!);
        var graph = doc.Root.Element(x + "graph")!;
        Assert.Equal("dynamic", (string)graph.Attribute("mode")!);
        Assert.Equal("date", (string)graph.Attribute("timeformat")!);
        var edges = graph.Element(x + "edges")!.Elements(x + "edge").ToList();
        Assert.Equal(258, graph.Element(x + "nodes")!.Elements(x + "node").Count());
        Assert.Equal(spells.Count, edges.Count);
        // Expected from spells_peer.py, an independent Python implementation of the default rule (see README.md here).
        Assert.Equal(407, edges.Count);
        Assert.Equal(new Dictionary<string, int> { ["alliance"] = 175, ["rivalry"] = 134, ["affiliation"] = 98 },
            edges.GroupBy(e => (string)e.Attribute("kind")!).ToDictionary(g => g.Key, g => g.Count()));
        Assert.Equal(360, edges.Count(e => e.Attribute("end") is null));
        string? Att(XElement e, string id) => (string?)e.Element(x + "attvalues")!.Elements(x + "attvalue").SingleOrDefault(a => (string)a.Attribute("for")! == id)?.Attribute("value");
        Assert.All(edges, e => Assert.Matches(@"^\d{4}-\d{2}-\d{2}$", (string)e.Attribute("start")!));
        Assert.Equal(spells.Count(s => s.GetProperty("censored").GetBoolean()), edges.Count(e => Att(e, "censored") == "true"));
        Assert.All(edges.Where(e => Att(e, "censored") == "true"), e => Assert.Null(e.Attribute("end")));
        Assert.All(edges.Where(e => Att(e, "censored") == "false"), e => Assert.True(string.CompareOrdinal((string)e.Attribute("start")!, (string)e.Attribute("end")!) <= 0));
        Assert.Equal(spells.Count(s => s.GetProperty("kind").GetString() == "rivalry"), edges.Count(e => (string)e.Attribute("kind")! == "rivalry"));
    }
}
