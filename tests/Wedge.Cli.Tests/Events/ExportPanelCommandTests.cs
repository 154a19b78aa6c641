namespace Wedge.Cli.Tests.Events;

/// <summary>`wedge export panel` on the synthetic GTD fixture, against the pandas peer's panel (tests/fixtures/gtd/README.md says how it was made).</summary>
public sealed class ExportPanelCommandTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    [Fact]
    public void JointAttackColumns_EqualThePandasPeer_AndTheCodebookNamesEveryColumn()
    {
        Assert.Equal(0, cli.Run("init", "--empty", "--db", cli.Db).Code);
        Assert.Equal(0, cli.Run("import", "case", Repository.Fixture("gtd", "actors.yaml"), "--db", cli.Db).Code);
        var (code, output) = cli.Run("import", "gtd", Repository.Fixture("gtd", "synthetic.csv"), "--map", Repository.Fixture("gtd", "map.csv"), "--db", cli.Db);
        Assert.True(code == 0, output);
        var path = cli.File("panel.csv");
        (code, output) = cli.Run("export", "panel", "--from", "2005", "--to", "2015", "--out", path, "--db", cli.Db);
        Assert.True(code == 0, output);

        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        string[] joint = ["year", "a", "b", "joint_attacks", "joint_attack_fatalities", "joint_attacks_fatalities_unknown"];
        var ours = lines.Skip(1).Select(l => l.Split(',')).Where(f => f[Array.IndexOf(header, "joint_attacks")] != "0")
            .Select(f => string.Join(',', joint.Select(c => f[Array.IndexOf(header, c)]))).ToList();
        var peer = File.ReadAllLines(Repository.Fixture("gtd", "panel.pandas.csv"));
        Assert.Equal(string.Join(',', joint), peer[0]);
        Assert.Equal(peer.Skip(1), ours);

        // The weighed relation: two B2/B3 claims of one source (GTD) count as one witness, the stronger. The durability
        // columns: the imported alliance's spell begins on 2010-01-01 (year precision); no leaders, rivals or sponsors on
        // record; each is allied with one other group; the evidence on 1 January is the year's weighing.
        Assert.Contains("2010,al-qaeda,taliban,al-Qaeda,Taliban,friendly,0.7225,0.7225,0,0,alliance,3,17,1,2,1,2010-01-01,0,0,0,0,2,0,0.7225", lines);
        var codebook = File.ReadAllText(cli.File("panel.codebook.md"));
        Assert.All(header, c => Assert.Contains($"| `{c}` |", codebook, StringComparison.Ordinal));
    }

    [Fact]
    public void ToBeforeFrom_Refused()
        => Assert.Equal(2, cli.Run("export", "panel", "--from", "2015", "--to", "2005", "--out", cli.File("p.csv"), "--db", cli.Db).Code);
}
