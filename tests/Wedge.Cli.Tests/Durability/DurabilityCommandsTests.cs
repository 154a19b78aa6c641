using System.Globalization;
using System.Text.Json;
using Spectre.Console.Testing;

namespace Wedge.Cli.Tests.Durability;

/// <summary>`wedge durability …` on a researcher's CSV: R's numbers out, located errors for bad input.</summary>
public sealed class DurabilityCommandsTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "wedge-durability-tests", Guid.NewGuid().ToString("N"));

    public DurabilityCommandsTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Fixture(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Wedge.slnx")))
        {
            dir = dir.Parent;
        }

        return Path.Combine(dir!.FullName, "tests", "Wedge.Analysis.Tests", "Durability", "fixtures", name);
    }

    /// <summary>R's value for a case and quantity from the checked-in fixtures (produced by make-fixtures.R).</summary>
    private static double[] R(string caseName, string quantity)
        => [.. File.ReadLines(Fixture("expected/cox.csv")).Select(l => l.Split(',')).Where(f => f[0] == caseName && f[1] == quantity)
            .Select(f => double.Parse(f[3], CultureInfo.InvariantCulture))];

    private static (int Code, string Output) Run(params string[] args)
    {
        var console = new TestConsole().Width(400);
        console.Profile.Capabilities.Ansi = false;
        var code = WedgeApp.Create(console).Run(args);
        return (code, console.Output);
    }

    private string Csv(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Cox_LungWithClusters_JsonCarriesRsNumbers()
    {
        var (code, output) = Run("durability", "cox", "--input", Fixture("data/lung.csv"), "--time", "time", "--event", "status",
            "--covariates", "age,sex,ph.ecog", "--cluster", "inst", "--json");
        Assert.True(code == 0, output);
        var json = JsonDocument.Parse(output).RootElement;
        var coefs = json.GetProperty("coefficients").EnumerateArray().ToList();
        var expectedCoef = R("lung_cluster_inst", "coef");
        var expectedRobust = R("lung_cluster_inst", "robust_se");
        for (var j = 0; j < 3; j++)
        {
            Assert.Equal(expectedCoef[j], coefs[j].GetProperty("coef").GetDouble(), 1e-9);
            Assert.Equal(expectedRobust[j], coefs[j].GetProperty("robustSe").GetDouble(), 1e-9);
            Assert.True(coefs[j].TryGetProperty("hazardRatio", out _) && coefs[j].TryGetProperty("lower95", out _) && coefs[j].TryGetProperty("p", out _));
        }

        var loglik = json.GetProperty("loglik").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        Assert.Equal(R("lung_cluster_inst", "loglik"), loglik, (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.Equal(225, json.GetProperty("n").GetInt32());
        Assert.Equal(162, json.GetProperty("events").GetInt32());
        Assert.Equal(R("lung_cluster_inst", "concordance")[5], json.GetProperty("concordance").GetDouble(), 1e-12);
        var tests = json.GetProperty("tests");
        Assert.Equal(R("lung_cluster_inst", "lr")[0], tests.GetProperty("likelihoodRatio").GetProperty("statistic").GetDouble(), 1e-8);
        Assert.Equal(R("lung_cluster_inst", "wald")[0], tests.GetProperty("wald").GetProperty("statistic").GetDouble(), 1e-8);
        Assert.Equal(R("lung_cluster_inst", "score")[0], tests.GetProperty("score").GetProperty("statistic").GetDouble(), 1e-8);
    }

    [Fact]
    public void Cox_TrueFalseAndZeroOneEvents_GiveTheSameFit()
    {
        var zeroOne = Csv("a.csv", "t,e,x\n1,1,0\n2,0,1\n3,1,1\n4,1,0\n5,0,1\n6,1,1\n");
        var trueFalse = Csv("b.csv", "t,e,x\n1,true,0\n2,false,1\n3,TRUE,1\n4,true,0\n5,FALSE,1\n6,true,1\n");
        var a = Run("durability", "cox", "--input", zeroOne, "--time", "t", "--event", "e", "--covariates", "x", "--json");
        var b = Run("durability", "cox", "--input", trueFalse, "--time", "t", "--event", "e", "--covariates", "x", "--json");
        Assert.Equal(0, a.Code);
        Assert.Equal(a.Output.Replace("a.csv", "b.csv", StringComparison.Ordinal), b.Output);
    }

    [Theory]
    [InlineData("t,e,x\n1,1,0\n2,0,1\n", "--covariates", "x,y", "a.csv:1: missing column 'y'")]
    [InlineData("t,e,x\n1,1,0\n2,0,abc\n", "--covariates", "x", "a.csv:3: covariate 'x' is 'abc', not a number")]
    [InlineData("s,t,e,x\n0,1,1,0\n5,2,0,1\n", "--start", "s", "a.csv:3: stop 2 is not after start 5")]
    [InlineData("t,e,x\n1,0,0\n2,0,1\n", "--covariates", "x", "a.csv: no events")]
    [InlineData("t,e,x\n1,1,0\n2,3,1\n", "--covariates", "x", "a.csv:3: event 'e' is '3'")]
    public void Cox_BadInput_LocatedErrorAndNonZeroExit(string text, string option, string value, string message)
    {
        var path = Csv("a.csv", text);
        var args = new List<string> { "durability", "cox", "--input", path, "--time", "t", "--event", "e", option, value };
        if (option != "--covariates")
        {
            args.AddRange(["--covariates", "x"]);
        }

        var (code, output) = Run([.. args]);
        Assert.NotEqual(0, code);
        Assert.Contains(message, output.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Equal(text, File.ReadAllText(path));
    }

    [Fact]
    public void Cox_SingularDesign_WarnsAndLeavesTheColumnOut()
    {
        var (code, output) = Run("durability", "cox", "--input", Fixture("data/constwithinstrata.csv"), "--time", "time", "--event", "status",
            "--covariates", "x,w", "--strata", "g", "--json");
        Assert.Equal(0, code);
        var json = JsonDocument.Parse(output).RootElement;
        var w = json.GetProperty("coefficients")[1];
        Assert.Equal(JsonValueKind.Null, w.GetProperty("coef").ValueKind);
        Assert.Contains(json.GetProperty("warnings").EnumerateArray(), e => e.GetString()!.Contains("singular; variable w", StringComparison.Ordinal));
    }

    [Fact]
    public void Cox_OneEvent_WarnsLikeR()
    {
        var (code, output) = Run("durability", "cox", "--input", Fixture("data/oneevent.csv"), "--time", "time", "--event", "status", "--covariates", "x");
        Assert.Equal(0, code);
        Assert.Contains("Ran out of iterations and did not converge", output, StringComparison.Ordinal);
    }

    [Fact]
    public void KmLogrankZphCif_RunOnFixtures()
    {
        var km = Run("durability", "km", "--input", Fixture("data/lung.csv"), "--time", "time", "--event", "status", "--group", "sex", "--json");
        Assert.True(km.Code == 0, km.Output);
        Assert.Equal(2, JsonDocument.Parse(km.Output).RootElement.GetProperty("curves").GetArrayLength());
        var lr = Run("durability", "logrank", "--input", Fixture("data/lung.csv"), "--time", "time", "--event", "status", "--group", "sex", "--json");
        Assert.True(lr.Code == 0, lr.Output);
        var chisq = File.ReadLines(Fixture("expected/logrank.csv")).First(l => l.StartsWith("lung_sex,chisq,", StringComparison.Ordinal)).Split(',')[3];
        Assert.Equal(double.Parse(chisq, CultureInfo.InvariantCulture), JsonDocument.Parse(lr.Output).RootElement.GetProperty("test").GetProperty("statistic").GetDouble(), 1e-9);
        var zph = Run("durability", "zph", "--input", Fixture("data/lung.csv"), "--time", "time", "--event", "status", "--covariates", "age,sex,ph.ecog");
        Assert.True(zph.Code == 0, zph.Output);
        Assert.Contains("GLOBAL", zph.Output, StringComparison.Ordinal);
        var cif = Run("durability", "cif", "--input", Fixture("data/mgus2.csv"), "--time", "etime", "--cause", "ecode", "--json");
        Assert.True(cif.Code == 0, cif.Output);
        Assert.Equal(2, JsonDocument.Parse(cif.Output).RootElement.GetProperty("curves").GetArrayLength());
    }

    [Fact]
    public void FineGray_Mgus2_JsonCarriesRsNumbers()
    {
        var (code, output) = Run("durability", "finegray", "--input", Fixture("data/mgus2.csv"), "--time", "etime", "--cause", "ecode", "--of", "1",
            "--covariates", "age,male", "--json");
        Assert.True(code == 0, output);
        var json = JsonDocument.Parse(output).RootElement;
        Assert.Equal(41775, json.GetProperty("rows").GetInt32());
        var coefs = json.GetProperty("model").GetProperty("coefficients").EnumerateArray().ToList();
        var expected = File.ReadLines(Fixture("expected/finegray.csv")).Select(l => l.Split(','))
            .Where(f => f[0] == "mgus2_pcm").ToLookup(f => f[1], f => double.Parse(f[3], CultureInfo.InvariantCulture));
        for (var j = 0; j < 2; j++)
        {
            Assert.Equal(expected["coef"].ElementAt(j), coefs[j].GetProperty("coef").GetDouble(), 1e-9);
            Assert.Equal(expected["robust_se"].ElementAt(j), coefs[j].GetProperty("robustSe").GetDouble(), 1e-9);
        }
    }

    [Theory]
    [InlineData("7", "--of '7' is not an ending in column 'ecode' (endings there: 1, 2)")]
    public void FineGray_UnknownEnding_IsRefusedInWords(string of, string message)
    {
        var (code, output) = Run("durability", "finegray", "--input", Fixture("data/mgus2.csv"), "--time", "etime", "--cause", "ecode", "--of", of, "--covariates", "age");
        Assert.NotEqual(0, code);
        Assert.Contains(message, output.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void FineGray_ExactTiesAndStartTimes_AreRefused()
    {
        var exact = Run("durability", "finegray", "--input", Fixture("data/mgus2.csv"), "--time", "etime", "--cause", "ecode", "--of", "1", "--covariates", "age", "--ties", "exact");
        Assert.NotEqual(0, exact.Code);
        Assert.Contains("takes no weights", exact.Output, StringComparison.Ordinal);
        var start = Run("durability", "finegray", "--input", Fixture("data/mgus2.csv"), "--time", "etime", "--start", "age", "--cause", "ecode", "--of", "1", "--covariates", "age");
        Assert.NotEqual(0, start.Code);
        Assert.Contains("right-censored data only", start.Output, StringComparison.Ordinal);
    }
}
