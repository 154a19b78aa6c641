using System.Globalization;
using System.Text.Json;

namespace Wedge.Cli.Tests.Durability;

/// <summary>
/// `wedge durability record` against R: the panel it exports from the record (the built-in case plus the Mapping
/// Militants import) is checked in with R's coxph fit of it (Durability/record: fit.R, r-fit.txt).
/// </summary>
public sealed class RecordDurabilityTests : IDisposable
{
    private static readonly string Folder = Repository.File("tests", "Wedge.Cli.Tests", "Durability", "record");

    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    /// <summary>R's numbers: coefficient, naive and robust standard error per covariate; log-likelihoods; concordance.</summary>
    private static (Dictionary<string, double[]> Coef, double[] Loglik, double Concordance) RFit()
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, "r-fit.txt")).Select(l => l.Split(' ')).ToList();
        double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
        return (lines.Where(l => l[0] == "coef").ToDictionary(l => l[1], l => l[2..].Select(D).ToArray()),
            lines.Single(l => l[0] == "loglik")[1..].Select(D).ToArray(), D(lines.Single(l => l[0] == "concordance")[1]));
    }

    private static void Close(double expected, double actual, string what)
        => Assert.True(Math.Abs(actual - expected) <= 1e-6 * Math.Max(Math.Abs(expected), 1e-12), $"{what}: R {expected:R}, Wedge {actual:R}");

    [Fact]
    public void ThePanel_FittedAsAUsersCsv_GivesRsNumbers()
    {
        // A researcher's CSV: no database involved (the command takes no --db).
        var console = new Spectre.Console.Testing.TestConsole();
        var code = WedgeApp.Create(console).Run(["durability", "cox", "--input", Path.Combine(Folder, "mmp-panel.csv"), "--start", "start", "--time", "stop",
            "--event", "event", "--covariates", "leader_death_known,shared_rival,state_sponsor,other_allies", "--cluster", "spell", "--json"]);
        Assert.Equal(0, code);
        var r = JsonDocument.Parse(console.Output).RootElement;
        var (coef, loglik, concordance) = RFit();
        foreach (var c in r.GetProperty("coefficients").EnumerateArray())
        {
            var name = c.GetProperty("name").GetString()!;
            Close(coef[name][0], c.GetProperty("coef").GetDouble(), $"{name} coef");
            Close(coef[name][1], c.GetProperty("se").GetDouble(), $"{name} se");
            Close(coef[name][2], c.GetProperty("robustSe").GetDouble(), $"{name} robust se");
        }

        Close(loglik[0], r.GetProperty("loglik")[0].GetDouble(), "null loglik");
        Close(loglik[1], r.GetProperty("loglik")[1].GetDouble(), "loglik");
        Close(concordance, r.GetProperty("concordance").GetDouble(), "concordance");
    }

    [Fact]
    public void PredictedSurvival_ForTwoCovariatePaths_IsRsSurvfit()
    {
        var read = Wedge.Data.Survival.SurvivalCsv.Read(Path.Combine(Folder, "mmp-panel.csv"), new Wedge.Data.Survival.SurvivalColumns(
            "stop", "event", Start: "start", Covariates: ["leader_death_known", "shared_rival", "state_sponsor", "other_allies"], Cluster: "spell"));
        Assert.True(read.IsSuccess, string.Join("; ", read.Errors));
        var data = read.Table!.Data;
        var prediction = Wedge.Analysis.Durability.CoxPrediction.Of(data, Wedge.Analysis.Durability.CoxModel.Fit(data));
        var rows = File.ReadAllLines(Path.Combine(Folder, "r-fit.txt")).Select(l => l.Split(' ')).Where(l => l[0] == "surv").ToList();
        Assert.Equal(8, rows.Count);
        foreach (var row in rows)
        {
            var x = row[1].Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var t = double.Parse(row[2], CultureInfo.InvariantCulture);
            Close(double.Parse(row[3], CultureInfo.InvariantCulture), prediction.Survival(t, x), $"S({t}) for {row[1]}");
        }
    }

    [SharedDataFact("mmp")]
    public void OnTheMmpImport_ExportsThePanelRFitted_AndReportsRsNumbers()
    {
        cli.Json("import", "mmp", "--key", SharedData.File("mmp", "Militant-Group-Key.csv"), "--relationships", SharedData.File("mmp", "Militant-Group-Relationships.csv"));
        var export = cli.File("panel.csv");
        var r = cli.Json("durability", "record", "--export", export);
        Assert.Equal(File.ReadAllText(Path.Combine(Folder, "mmp-panel.csv")), File.ReadAllText(export)); // the data R fitted
        Assert.True(File.Exists(export + ".codebook.txt"));

        Assert.Equal(280, r.GetProperty("spells").GetInt32());
        Assert.Equal(32, r.GetProperty("breaks").GetInt32());
        var (coef, loglik, _) = RFit();
        foreach (var e in r.GetProperty("estimates").EnumerateArray())
        {
            var name = e.GetProperty("name").GetString()!;
            Assert.True(e.GetProperty("estimable").GetBoolean(), name);
            Close(coef[name][0], e.GetProperty("coef").GetDouble(), $"{name} coef");
            Close(coef[name][2], e.GetProperty("robustSe").GetDouble(), $"{name} robust se");
            Close(Math.Exp(coef[name][0]), e.GetProperty("hazardRatio").GetDouble(), $"{name} hazard ratio");
        }

        Close(loglik[1], r.GetProperty("loglik")[1].GetDouble(), "loglik");

        // All six covariates (a change of leader, the weighed evidence) as R fits them on the same panel.
        var six = cli.Json("durability", "record", "--covariates", "leader_death_known,shared_rival,state_sponsor,other_allies,leadership_change,evidence");
        var coef6 = File.ReadAllLines(Path.Combine(Folder, "r-fit.txt")).Select(l => l.Split(' ')).Where(l => l[0] == "coef6")
            .ToDictionary(l => l[1], l => l[2..].Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray());
        Assert.Equal(6, coef6.Count);
        foreach (var e in six.GetProperty("estimates").EnumerateArray())
        {
            var name = e.GetProperty("name").GetString()!;
            Close(coef6[name][0], e.GetProperty("coef").GetDouble(), $"{name} coef (six covariates)");
            Close(coef6[name][2], e.GetProperty("robustSe").GetDouble(), $"{name} robust se (six covariates)");
        }

        // The article's question, answered with its interval however wide: one break after a revealed leader death.
        var reading = r.GetProperty("leaderDeathReading").GetString()!;
        Assert.StartsWith("Hazard ratio of a break once a leader's death on either side was public: 0.71 (95% interval 0.1–5.23)", reading, StringComparison.Ordinal);
    }

    [SharedDataFact("mmp")]
    public void Curves_OnTheMmpImport_AreRsSurvfitAndSurvdiffOnThePanelsSpells()
    {
        cli.Json("import", "mmp", "--key", SharedData.File("mmp", "Militant-Group-Key.csv"), "--relationships", SharedData.File("mmp", "Militant-Group-Relationships.csv"));
        var r = cli.Json("durability", "curves", "--by", "shared_rival");
        var lines = File.ReadAllLines(Path.Combine(Folder, "r-fit.txt")).Select(l => l.Split(' ')).ToList();
        double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
        var years = r.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()).ToList();
        var groups = r.GetProperty("groups").EnumerateArray().ToList();
        Assert.Equal(["without shared_rival", "with shared_rival"], groups.Select(g => g.GetProperty("group").GetString()));
        foreach (var row in lines.Where(l => l[0] == "holds"))
        {
            var group = groups[int.Parse(row[1], CultureInfo.InvariantCulture)];
            Close(D(row[3]), group.GetProperty("holds")[years.IndexOf((int)D(row[2]))].GetDouble(), $"holds {row[1]} at {row[2]}");
        }

        Close(D(lines.Single(l => l[0] == "logrank")[1]), r.GetProperty("logRank").GetProperty("statistic").GetDouble(), "log-rank");
        var endings = r.GetProperty("endings").EnumerateArray().ToDictionary(e => e.GetProperty("ending").GetString()!);
        var incidence = lines.Where(l => l[0] == "incidence").ToList();
        Assert.Equal(8, incidence.Count);
        foreach (var row in incidence)
        {
            Close(D(row[3]), endings[row[1]].GetProperty("byYear")[years.IndexOf((int)D(row[2]))].GetDouble(), $"incidence of {row[1]} by {row[2]}");
        }
    }

    [Fact]
    public void Curves_BuiltInCase_OneCurve_UnknownCovariateRefused()
    {
        var r = cli.Json("durability", "curves");
        var all = Assert.Single(r.GetProperty("groups").EnumerateArray());
        Assert.Equal(1, all.GetProperty("breaks").GetInt32());
        Assert.False(r.TryGetProperty("logRank", out _)); // one group: nothing to test
        var (code, output) = cli.Run("durability", "curves", "--by", "ideology");
        Assert.Equal(2, code);
        Assert.Contains("--by: no covariate named 'ideology'", output, StringComparison.Ordinal);
    }

    [SharedDataFact("mmp")]
    public void Backtest_OnTheMmpImport_HindsightFreeSeesNoSource_ValidTimeScoresFiveCuts()
    {
        cli.Json("import", "mmp", "--key", SharedData.File("mmp", "Militant-Group-Key.csv"), "--relationships", SharedData.File("mmp", "Militant-Group-Relationships.csv"));

        // The MMP data was published in 2019: at a cut before then, none of it was public, so no model can be fitted.
        var free = cli.Json("durability", "backtest");
        Assert.True(free.GetProperty("hindsightFree").GetBoolean());
        Assert.All(free.GetProperty("cuts").EnumerateArray(), c => Assert.False(c.GetProperty("fitted").GetBoolean()));

        var r = cli.Json("durability", "backtest", "--valid-time-only", "--horizon", "3");
        var cuts = r.GetProperty("cuts").EnumerateArray().ToList();
        Assert.Equal(5, cuts.Count);
        var cases = new List<(double P, bool Broke)>();
        foreach (var c in cuts)
        {
            Assert.True(c.GetProperty("fitted").GetBoolean());
            Assert.True(c.GetProperty("scored").GetInt32() > 50);
            var year = c.GetProperty("year").GetInt32();
            foreach (var x in c.GetProperty("cases").EnumerateArray())
            {
                var p = x.GetProperty("probability").GetDouble();
                Assert.InRange(p, 0, 1);
                cases.Add((p, x.GetProperty("broke").GetBoolean()));
            }

            // Scored on what followed: every break counted happened after the cut, by the horizon, in today's spells.
            Assert.Equal(c.GetProperty("broke").GetInt32(), c.GetProperty("cases").EnumerateArray().Count(x => x.GetProperty("broke").GetBoolean()));
            Assert.True(year + 3 <= 2019, $"cut {year} leaves its horizon inside the data");
        }

        // The pooled Brier score is the mean squared error of the probabilities listed.
        Assert.Equal(cases.Average(c => Math.Pow(c.P - (c.Broke ? 1 : 0), 2)), r.GetProperty("brier").GetDouble(), 12);
        Assert.True(cases.Count(c => c.Broke) >= 10, "enough breaks within the horizons to score anything");
    }

    [SharedDataFact("mmp")]
    public void PairOutlook_OnTheMmpImport()
    {
        cli.Json("import", "mmp", "--key", SharedData.File("mmp", "Militant-Group-Key.csv"), "--relationships", SharedData.File("mmp", "Militant-Group-Relationships.csv"));
        var pair = cli.Json("durability", "record", "--pair", "Islamic State", "--with", "Boko Haram").GetProperty("pair");
        var chances = pair.GetProperty("chances").EnumerateArray().Select(c => c.GetProperty("probability").GetDouble()).ToList();
        Assert.Equal(3, chances.Count); // 1, 5 and 10 more years: each no likelier than the one before
        Assert.True(chances[0] <= 1 && chances[0] >= chances[1] && chances[1] >= chances[2] && chances[2] > 0, string.Join(", ", chances));
        Assert.StartsWith("Islamic State–Boko Haram, allied for", pair.GetProperty("reading").GetString(), StringComparison.Ordinal);

        // By the default spell rule MMP's declared split of 2008 ends al-Qaeda–Taliban: the outlook says so, and where to look.
        var aqTb = cli.Json("durability", "record", "--pair", "al-Qaeda", "--with", "Taliban").GetProperty("pair");
        Assert.Empty(aqTb.GetProperty("chances").EnumerateArray());
        Assert.Contains("ended 2008-08 (break, mmp-567)", aqTb.GetProperty("reading").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public void PairOutlook_BuiltInCase_NotEstimable_NoChances()
    {
        var pair = cli.Json("durability", "record", "--pair", "Taliban", "--with", "Haqqani Network").GetProperty("pair");
        Assert.Empty(pair.GetProperty("chances").EnumerateArray());
        var (code, output) = cli.Run("durability", "record", "--pair", "Taliban");
        Assert.Equal(2, code);
        Assert.Contains("--pair and --with go together", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Brief_CarriesHowLongWillItHold()
    {
        var dir = cli.File("brief");
        var (code, output) = cli.Run("brief", "Taliban", "al-Qaeda", "--at", "2018-09-11", "--runs", "0", "--no-pdf", "--out", dir);
        Assert.True(code == 0, output);
        var html = File.ReadAllText(Path.Combine(dir, "brief.html"));
        var section = html[html.IndexOf("<section class=\"durability\">", StringComparison.Ordinal)..];
        section = section[..(section.IndexOf("</section>", StringComparison.Ordinal) + 10)];
        Assert.Contains("<h2>How long will it hold?</h2>", section, StringComparison.Ordinal);
        Assert.Contains("alliance spells, 1 of them ended in a break", section, StringComparison.Ordinal);
        Assert.Contains("not estimable", section, StringComparison.Ordinal); // one break: the model cannot say, and the brief says so
        Assert.Contains("<img class=\"chart\" alt=\"Share of alliances on record still holding", section, StringComparison.Ordinal);
    }

    [Fact]
    public void Backtest_BadYears_Usage2()
    {
        var (code, output) = cli.Run("durability", "backtest", "--years", "2005,20x0");
        Assert.Equal(2, code);
        Assert.Contains("--years: '20x0' is not a four-digit year", output, StringComparison.Ordinal);
    }

    [Fact]
    public void OnTheBuiltInCaseAlone_OneBreak_SaysItCannotEstimate()
    {
        var r = cli.Json("durability", "record");
        Assert.Equal(1, r.GetProperty("breaks").GetInt32());
        Assert.All(r.GetProperty("estimates").EnumerateArray(), e => Assert.False(e.GetProperty("estimable").GetBoolean()));
        Assert.StartsWith("The record cannot estimate whether a break grows likelier", r.GetProperty("leaderDeathReading").GetString(), StringComparison.Ordinal);
        var (code, table) = cli.Run("durability", "record");
        Assert.Equal(0, code);
        Assert.Contains("not estimable", table, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownCovariate_Usage2_NothingWritten()
    {
        var export = cli.File("panel.csv");
        var (code, stdout, stderr) = cli.RunApart("durability", "record", "--covariates", "leader_death,ideology", "--json");
        Assert.Equal(2, code);
        Assert.Equal("", stdout);
        Assert.Equal("unknown-covariate", JsonDocument.Parse(stderr.Trim().Split('\n')[^1]).RootElement.GetProperty("code").GetString());
        Assert.False(File.Exists(export));
    }

    [Fact]
    public void KnownBeforeAnyBreak_RefusedInWords()
    {
        var (code, output) = cli.Run("durability", "record", "--at", "1999");
        Assert.Equal(1, code);
        Assert.Contains("no alliance spell on record ends in a break", output, StringComparison.Ordinal);
    }
}
