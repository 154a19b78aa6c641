using System.Text.Json;
using Spectre.Console.Testing;

namespace Wedge.Cli.Tests.Negotiate;

/// <summary>`wedge negotiate` end to end, in-process (no database involved).</summary>
public sealed class NegotiateCommandTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "wedge-negotiate-tests", Guid.NewGuid().ToString("N"));

    public NegotiateCommandTests() => Directory.CreateDirectory(dir);

    private static string KtabSample => Repository.Fixture("ktab", "dummyData_3Dim.csv");

    private static (int Code, string Output) Run(params string[] args)
    {
        var console = new TestConsole().Width(300);
        console.Profile.Capabilities.Ansi = false;
        var code = WedgeApp.Create(console).Run(args);
        return (code, console.Output);
    }

    private static JsonElement Json(params string[] args)
    {
        var (code, output) = Run([.. args, "--json"]);
        Assert.True(code == 0, output);
        return JsonDocument.Parse(output).RootElement;
    }

    [Fact]
    public void BuiltInScenario_ShowsForecastAndTheTalibansFragmentation()
    {
        var (code, output) = Run("negotiate", "aq-taliban-negotiation");

        Assert.Equal(0, code);
        Assert.Contains("Forecast (0–100)", output);
        Assert.Contains("everyone at the table", output);
        Assert.Contains("Fragmentation of Taliban: risk", output);
        Assert.Contains("Haqqani Network wants (85, 0)", output);
        Assert.Contains("Who moved whom", output);
    }

    [Fact]
    public void Help_ListsTheVerbsOptions()
    {
        var (code, output) = Run("negotiate", "--help");
        Assert.Equal(0, code);
        Assert.Contains("--seek <CONDITION>", output);
        Assert.Contains("import-ktab", output);
    }

    [Fact]
    public void BuiltInScenario_AlQaedaKeepsItsPositionUnlessEveryoneIsAtTheTable()
    {
        var away = Json("negotiate", "aq-taliban-negotiation");
        var all = Json("negotiate", "aq-taliban-negotiation", "--everyone-at-table");

        double AqTiesOfAlQaeda(JsonElement j) => j.GetProperty("actors").EnumerateArray()
            .Single(a => a.GetProperty("id").GetString() == "al-qaeda").GetProperty("end")[0].GetDouble();

        Assert.Equal(100, AqTiesOfAlQaeda(away));
        Assert.True(AqTiesOfAlQaeda(all) < 100);
        Assert.Equal(JsonValueKind.Object, away.GetProperty("everyoneAtTable").ValueKind);
        Assert.Equal(JsonValueKind.Null, all.GetProperty("everyoneAtTable").ValueKind);
    }

    [Fact]
    public void KtabSample_Json_FinalPositionsAreThePeers()
    {
        var json = Json("negotiate", KtabSample);

        // dummyData_3Dim.final_summary.txt
        Assert.Equal(10, json.GetProperty("turnsPlayed").GetInt32());
        var end = json.GetProperty("actors")[5].GetProperty("end").EnumerateArray().Select(e => Math.Round(e.GetDouble(), 4)).ToArray();
        Assert.Equal([79.88, 34.37, 75.16], end);
        Assert.Equal(0.4009, json.GetProperty("actors")[5].GetProperty("probability").GetDouble(), 4);
        Assert.Equal(11, json.GetProperty("turns").GetArrayLength());
    }

    [Fact]
    public void Seek_AnswersTheArticlesQuestionWithItsWorking()
    {
        var (code, output) = Run("negotiate", "aq-taliban-negotiation", "--seek", "aq-ties <= 20", "--vary", "united-states:us-troops",
            "--keep", "fragmentation(taliban) < 0.3");

        Assert.Equal(0, code);
        Assert.Contains("Working", output);
        Assert.Contains("(start)", output);
        Assert.True(output.Contains("None within range") || output.Contains("Smallest change"), output);
    }

    [Fact]
    public void Seek_Json_ListsEveryTrial()
    {
        var json = Json("negotiate", "aq-taliban-negotiation", "--seek", "aq-ties <= 20", "--vary", "united-states:us-troops", "--step", "10");
        Assert.Equal(11, json.GetProperty("trials").GetArrayLength());
        Assert.Equal(json.GetProperty("found").GetBoolean(), json.GetProperty("answer").ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public void Seek_UnknownDimension_FailsWithTheDimensionsThereAre()
    {
        var (code, output) = Run("negotiate", "aq-taliban-negotiation", "--seek", "ties <= 20", "--vary", "united-states:us-troops");
        Assert.Equal(1, code);
        Assert.Contains("--seek: unknown dimension 'ties'; the scenario's dimensions are aq-ties, us-troops", output);
    }

    [Fact]
    public void Keep_UnknownMovement_Fails()
    {
        var (code, output) = Run("negotiate", "aq-taliban-negotiation", "--seek", "aq-ties <= 20", "--vary", "united-states:us-troops", "--keep", "fragmentation(isis) < 0.3");
        Assert.Equal(1, code);
        Assert.Contains("--keep: unknown movement 'isis'", output);
    }

    [Fact]
    public void SeekWithoutVary_IsRejected()
    {
        var (code, output) = Run("negotiate", "aq-taliban-negotiation", "--seek", "aq-ties <= 20");
        Assert.NotEqual(0, code);
        Assert.Contains("--seek and --vary go together", output);
    }

    [Fact]
    public void MonteCarlo_SameSeedSameJson()
    {
        var a = Json("negotiate", "aq-taliban-negotiation", "--runs", "16", "--seed", "9");
        var b = Json("negotiate", "aq-taliban-negotiation", "--runs", "16", "--seed", "9", "--threads", "1");
        Assert.Equal(a.GetProperty("dimensions").GetRawText(), b.GetProperty("dimensions").GetRawText());
        Assert.Equal(16, a.GetProperty("draws").GetArrayLength());
        Assert.True(a.GetProperty("dimensions")[0].GetProperty("weightedOutcome").GetProperty("stdDev").GetDouble() > 0);
    }

    [Fact]
    public void MonteCarlo_Table()
    {
        var (code, output) = Run("negotiate", "aq-taliban-negotiation", "--runs", "8");
        Assert.Equal(0, code);
        Assert.Contains("Forecast distribution", output);
        Assert.Contains("Fragmentation risk distribution", output);
    }

    [Theory]
    [InlineData("chart.png", new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' })]
    [InlineData("chart.svg", new byte[] { (byte)'<' })]
    public void Chart_IsWritten(string name, byte[] magic)
    {
        var path = Path.Combine(dir, name);
        var (code, output) = Run("negotiate", KtabSample, "--chart", path);
        Assert.True(code == 0, output);
        Assert.Equal(magic, File.ReadAllBytes(path)[..magic.Length]);
    }

    [Fact]
    public void ImportKtab_WritesYamlThatForecastsTheSame()
    {
        var csv = Path.Combine(dir, "sample.csv");
        File.Copy(KtabSample, csv);
        var (code, output) = Run("negotiate", "import-ktab", csv);

        var yaml = Path.Combine(dir, "sample.yaml");
        Assert.Equal(0, code);
        Assert.Contains($"Wrote {yaml}", output.Replace("\n", ""));
        var fromCsv = Json("negotiate", csv).GetProperty("weightedOutcome").GetRawText();
        var fromYaml = Json("negotiate", yaml).GetProperty("weightedOutcome").GetRawText();
        Assert.Equal(fromCsv, fromYaml);

        // A second import does not overwrite without --force.
        var (again, message) = Run("negotiate", "import-ktab", csv);
        Assert.Equal(1, again);
        Assert.Contains("exists; use --force", message);
    }

    [Fact]
    public void ImportKtabVerb_SameAsNegotiateImportKtab()
    {
        var csv = Path.Combine(dir, "verb.csv");
        File.Copy(KtabSample, csv);
        var (code, output) = Run("import", "ktab", csv, "--out", Path.Combine(dir, "by-verb.yaml"));
        Assert.True(code == 0, output);
        Assert.Equal(0, Run("negotiate", "import-ktab", csv, "--out", Path.Combine(dir, "by-alias.yaml")).Code);
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "by-alias.yaml")), File.ReadAllText(Path.Combine(dir, "by-verb.yaml")));

        var (bad, message) = Run("import", "ktab", Path.Combine(dir, "missing.csv"));
        Assert.Equal(1, bad);
        Assert.Contains("no such file", message);
    }

    [Fact]
    public void ImportKtab_BadFile_NamesFileAndLineAndWritesNothing()
    {
        var csv = Path.Combine(dir, "bad.csv");
        File.WriteAllText(csv, "S,d,3,1\nA,B,C,P,S\na,x,10,50,50\nb,x,0,50,50\nc,x,10,50,50\n");
        var (code, output) = Run("negotiate", "import-ktab", csv);

        Assert.Equal(1, code);
        Assert.Contains($"{csv}:4:3: capability must be above 0, found 0", output.Replace("\n", ""));
        Assert.False(File.Exists(Path.Combine(dir, "bad.yaml")));
    }

    [Fact]
    public void BadScenarioFile_ReportsFileLineColumn()
    {
        var path = Path.Combine(dir, "bad.yaml");
        File.WriteAllText(path, "scenario: x\ndimensions:\n  - id: d\nactors:\n  - id: a\n    capability: 1\n    position: { d: 1 }\n    salience: { d: 101 }\n  - id: b\n    capability: 1\n    position: { d: 1 }\n    salience: { d: 1 }\n");
        var (code, output) = Run("negotiate", path);
        Assert.Equal(1, code);
        Assert.Contains($"{path}:8:20: salience of 'a' on d must lie in 0–100, found 101", output.Replace("\n", ""));
    }

    [Fact]
    public void UnknownScenario_ListsTheBuiltInOnes()
    {
        var (code, output) = Run("negotiate", "no-such-thing");
        Assert.Equal(1, code);
        Assert.Contains("built-in: aq-taliban-negotiation", output);
    }

    [Fact]
    public void Options_AreAcceptedAndValidated()
    {
        Assert.Equal(0, Run("negotiate", KtabSample, "--voting", "cubic", "--pce", "MarkovUniform", "--victory", "square").Code);
        var (code, output) = Run("negotiate", KtabSample, "--voting", "plurality");
        Assert.NotEqual(0, code);
        Assert.Contains("--voting: 'plurality' is not one of", output);
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }
}
