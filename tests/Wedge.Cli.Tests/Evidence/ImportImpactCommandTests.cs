using System.Text.Json;

namespace Wedge.Cli.Tests.Evidence;

/// <summary>
/// `import mmp` and `import case` say what they change in the judgements on record, before writing (--dry-run)
/// and after; --grade and --as context set the import's trust. A two-row MMP file of our own making: one
/// observed split between the Taliban and al-Qaeda in June 2018, read at that date.
/// </summary>
public sealed class ImportImpactCommandTests : IDisposable
{
    private readonly CliRunner cli = new();

    public ImportImpactCommandTests()
    {
        File.WriteAllText(cli.File("key.csv"), "group_id,name,\n21,Al Qaeda,\n367,The Taliban,\n");
        File.WriteAllText(cli.File("rel.csv"), "unique_id,type,group1_id,group2_id,date,description,group1_name,group2_name\n"
            + "9001,spl,367,21,2018-06-00,\"Taliban fighters clashed with al-Qaeda fighters in a border district and expelled them.\",The Taliban,Al Qaeda\n");
        cli.Run("actors");
    }

    public void Dispose() => cli.Dispose();

    private byte[] Bytes()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return File.ReadAllBytes(cli.Db);
    }

    private JsonElement Import(params string[] extra)
        => cli.Json(["import", "mmp", "--key", cli.File("key.csv"), "--relationships", cli.File("rel.csv"), "--at", "2018-06", .. extra]);

    [Fact]
    public void DryRun_A1Split_ReportsTheVerdictItWouldChange_AndWritesNothing()
    {
        var before = Bytes();
        var impact = Import("--dry-run", "--grade", "A1").GetProperty("impact");
        Assert.Equal(before, Bytes());
        Assert.True(impact.GetProperty("dryRun").GetBoolean());
        Assert.Equal(1, impact.GetProperty("verdictsChanged").GetInt32());
        var change = impact.GetProperty("changes").EnumerateArray().Single(c => c.GetProperty("verdictChanged").GetBoolean());
        Assert.Equal(("al-qaeda", "taliban"), (change.GetProperty("a").GetString(), change.GetProperty("b").GetString()));
        Assert.StartsWith("holds", change.GetProperty("verdictBefore").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("contested", change.GetProperty("verdictAfter").GetString(), StringComparison.Ordinal);
        Assert.Equal("friendly", change.GetProperty("before").GetProperty("sign").GetString());
        Assert.True(change.GetProperty("after").GetProperty("contested").GetBoolean());
        var claim = change.GetProperty("claims").EnumerateArray().Single();
        Assert.Equal(("mmp-9001", "A1"), (claim.GetProperty("claim").GetString(), claim.GetProperty("grade").GetString()));
        Assert.StartsWith("This import would change 1 verdict", impact.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Import_AfterWriting_ReportsTheSameChange_AsTheDryRunSaid()
    {
        // Why: the dry run applies the plan in memory; it must predict what the written import reports.
        var planned = Import("--dry-run", "--grade", "A1").GetProperty("impact").GetProperty("changes").GetRawText();
        var done = Import("--grade", "A1").GetProperty("impact");
        Assert.False(done.GetProperty("dryRun").GetBoolean());
        Assert.Equal(planned, done.GetProperty("changes").GetRawText());
        Assert.True(cli.Json("assess", "Taliban", "al-Qaeda", "--at", "2018-06", "--runs", "0").GetProperty("relation").GetProperty("contested").GetBoolean());
    }

    [Fact]
    public void Import_AsContext_ChangesNoJudgement()
    {
        var impact = Import("--dry-run", "--grade", "A1", "--as", "context").GetProperty("impact");
        Assert.Equal(0, impact.GetProperty("verdictsChanged").GetInt32());
        Assert.Empty(impact.GetProperty("changes").EnumerateArray());
        Assert.StartsWith("This import would change no verdict and no weighed relation on record", impact.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Import_Text_PrintsTheSentenceAndTheTable()
    {
        var (code, output) = cli.Run("import", "mmp", "--key", cli.File("key.csv"), "--relationships", cli.File("rel.csv"), "--at", "2018-06", "--dry-run");
        Assert.Equal(0, code);
        Assert.Contains("This import would change 1 verdict", output, StringComparison.Ordinal);
        Assert.Contains("claims that did it", output, StringComparison.Ordinal);
        Assert.Contains("mmp-9001 B2", output, StringComparison.Ordinal);
        Assert.Contains("Dry run: 5 changes planned, nothing written.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void ImportCase_DryRun_ReportsImpact_AndWritesNothing()
    {
        // A one-claim case disputing the alliance: A1 from a new source, at the read date.
        File.WriteAllText(cli.File("doubt.yaml"), """
            case: doubt
            title: A doubt
            sources:
              - id: s-doubt
                title: A report that the alliance is over
                date: 2018-06
            claims:
              - id: c-doubt
                source: s-doubt
                text: The alliance between the Taliban and al-Qaeda has ended.
                grade: A1
            ties:
              - id: t-doubt-split
                kind: split
                from: taliban
                to: al-qaeda
                period: {from: 2018-06}
                claims: [c-doubt]
            """);
        var before = Bytes();
        var r = cli.Json("import", "case", cli.File("doubt.yaml"), "--dry-run", "--at", "2018-07");
        Assert.Equal(before, Bytes());
        var impact = r.GetProperty("impact");
        Assert.True(impact.GetProperty("relationsChanged").GetInt32() >= 1);
        Assert.Contains(impact.GetProperty("changes").EnumerateArray(),
            c => c.GetProperty("claims").EnumerateArray().Any(x => x.GetProperty("claim").GetString() == "c-doubt"));
    }
}
