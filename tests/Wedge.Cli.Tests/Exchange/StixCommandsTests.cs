using System.Text.Json;

namespace Wedge.Cli.Tests.Exchange;

/// <summary>`wedge export stix` and `wedge import stix` end to end on temporary databases.</summary>
public class StixCommandsTests
{
    private static byte[] Bytes(CliRunner cli)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return File.ReadAllBytes(cli.Db);
    }

    private static CliRunner EmptyStore()
    {
        var cli = new CliRunner();
        Wedge.Data.Store.WedgeStore.Open(cli.Db).Dispose();
        return cli;
    }

    [Fact]
    public void ExportThenImportIntoAnEmptyStore_TakesEveryActorAndTie()
    {
        using var source = new CliRunner();
        var bundle = source.File("bundle.json");
        var (code, output) = source.Run("export", "stix", "--out", bundle);
        Assert.Equal(0, code);
        Assert.Contains("threat actors", output);
        var objects = JsonDocument.Parse(File.ReadAllText(bundle)).RootElement.GetProperty("objects");
        var actors = source.Json("actors").GetArrayLength();

        using var target = EmptyStore();
        var result = target.Json("import", "stix", bundle);
        Assert.Equal(actors, result.GetProperty("actorsCreated").GetArrayLength());
        Assert.Equal(objects.EnumerateArray().Count(o => o.GetProperty("type").GetString() == "relationship" && !o.TryGetProperty("x_wedge_parent", out _)),
            result.GetProperty("tiesTaken").GetInt32());
        Assert.Equal(actors, target.Json("actors").GetArrayLength());
    }

    [Fact]
    public void DryRun_WritesNothing()
    {
        using var source = new CliRunner();
        var bundle = source.File("bundle.json");
        Assert.Equal(0, source.Run("export", "stix", "--out", bundle).Code);
        using var target = EmptyStore();
        var before = Bytes(target);
        var (code, output) = target.Run("import", "stix", bundle, "--dry-run");
        Assert.Equal(0, code);
        Assert.Contains("Dry run", output);
        Assert.Equal(before, Bytes(target));
    }

    [Fact]
    public void BadBundle_IsRefusedWithItsFileAndLine_AndNothingChanges()
    {
        using var cli = EmptyStore();
        var path = cli.File("bad.json");
        File.WriteAllText(path, "{\n  \"type\": \"bundle\",\n  \"objects\": [ {\"type\": \"threat-actor\" ");
        var before = Bytes(cli);
        var (code, output) = cli.Run("import", "stix", path);
        Assert.NotEqual(0, code);
        Assert.Contains("bad.json:3: not valid JSON", output.Replace("\n", "", StringComparison.Ordinal));
        Assert.Contains("nothing was written", output);
        Assert.Equal(before, Bytes(cli));
    }
}
