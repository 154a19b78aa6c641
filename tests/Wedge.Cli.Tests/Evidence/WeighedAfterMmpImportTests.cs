using System.Text.Json;

namespace Wedge.Cli.Tests.Evidence;

/// <summary>
/// Issue 11's "done when", end to end: after the README's MMP import over the built-in case, the
/// weighed evidence — not the latest row — decides (docs/methods/evidence.md).
/// </summary>
public sealed class WeighedAfterMmpImportTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    private void ImportMmp()
        => cli.Json("import", "mmp", "--key", SharedData.File("mmp", "Militant-Group-Key.csv"),
            "--relationships", SharedData.File("mmp", "Militant-Group-Relationships.csv"));

    [SharedDataFact("mmp")]
    public void Assess_AfterMmpImport_AllianceHolds_FlagStays_DeclaredSplitOutweighed()
    {
        ImportMmp();
        var r = cli.Json("assess", "Taliban", "al-Qaeda", "--at", "2018-09-11", "--runs", "0");
        Assert.True(r.GetProperty("holds").GetBoolean());
        Assert.InRange(r.GetProperty("pHolds").GetDouble(), 0.5, 1);
        Assert.True(r.GetProperty("a").GetProperty("persistsAgainstLedger").GetBoolean());
        var lines = r.GetProperty("verdictLines").EnumerateArray().Select(l => l.GetString()!).ToList();
        Assert.Contains(lines, l => l.Contains("outweighs declared split", StringComparison.Ordinal) && l.Contains("mmp-567", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Flag: the alliance persists against its ledger for Taliban", StringComparison.Ordinal));
        var split = r.GetProperty("relation").GetProperty("items").EnumerateArray().Single(i => i.GetProperty("claim").GetString() == "mmp-567");
        Assert.Equal("declaration", split.GetProperty("reports").GetString());
        Assert.Equal("carried", split.GetProperty("reach").GetString());
    }

    [SharedDataFact("mmp")]
    public void Network_MixedPairs_SaidToBeWeighed_NotDecidedByTheLatestTie()
    {
        ImportMmp();
        var warnings = cli.Json("network", "--at", "2018-09-11").GetProperty("warnings").EnumerateArray().Select(w => w.GetString()!).ToList();
        var mixed = Assert.Single(warnings, w => w.Contains("hold friendly and hostile ties at once", StringComparison.Ordinal));
        Assert.Contains("each took the sign its weighed evidence gives", mixed, StringComparison.Ordinal);
        Assert.DoesNotContain(warnings, w => w.Contains("latest tie", StringComparison.Ordinal));
    }

    [SharedDataFact("mmp")]
    public void Dyad_TalibanIslamicState_AfterMmpImport_WeighsHostile()
    {
        ImportMmp();
        var relation = cli.Json("dyad", "Taliban", "Islamic State", "--at", "2018-09-11").GetProperty("relation");
        Assert.Equal("hostile", relation.GetProperty("sign").GetString());
        Assert.False(relation.GetProperty("contested").GetBoolean());
        Assert.InRange(relation.GetProperty("probability").GetDouble(), 0.5, 1);
    }

    [SharedDataFact("mmp")]
    public void Brief_AfterMmpImport_HeadlineSaysHolds()
    {
        ImportMmp();
        var dir = cli.File("brief");
        var (code, output) = cli.Run("brief", "Taliban", "al-Qaeda", "--at", "2018-09-11", "--out", dir);
        Assert.True(code == 0, output);
        var html = File.ReadAllText(Directory.GetFiles(dir, "*.html").Single());
        Assert.Contains("<span class=\"big\">holds</span>", html, StringComparison.Ordinal);
        // After the import more ties concern the pair than the timeline draws: it says how many it left out.
        var listed = html[html.IndexOf("<ul class=\"ties\">", StringComparison.Ordinal)..];
        listed = listed[..listed.IndexOf("</ul>", StringComparison.Ordinal)];
        var note = System.Text.RegularExpressions.Regex.Match(html, "Ties: (\\d+) of (\\d+) are drawn and listed");
        Assert.True(note.Success, "the timeline says it shows only some of the ties");
        Assert.Equal(int.Parse(note.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), System.Text.RegularExpressions.Regex.Matches(listed, "<li>").Count);
        Assert.True(int.Parse(note.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) > int.Parse(note.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
    }
}
