using System.Globalization;
using System.IO.Compression;
using Wedge.Analysis.Durability;
using Wedge.Core.Durability;
using Wedge.Data.Survival;

namespace Wedge.Analysis.Tests.Durability;

/// <summary>Fine–Gray against R's finegray() and a weighted coxph (fixtures/make-finegray-fixtures.R).</summary>
public sealed class FineGrayTests
{
    private static (SurvivalData Data, IReadOnlyList<int> Causes) Mgus2(string? strata, params string[] covariates)
    {
        var read = SurvivalCsv.Read(Path.Combine(RFixture.Folder, "data", "mgus2.csv"),
            new SurvivalColumns("etime", "ecode", Covariates: covariates, Strata: strata, EventIsCause: true));
        Assert.True(read.IsSuccess, string.Join("; ", read.Errors));
        return (read.Table!.Data, read.Table.Causes!);
    }

    [Fact]
    public void Expand_LaysOutTheRowsAsRsFinegray()
    {
        var (data, causes) = Mgus2(null, "age", "male");
        var expanded = FineGray.Expand(data, causes, ofInterest: 1);
        using var file = new GZipStream(File.OpenRead(Path.Combine(RFixture.Folder, "expected", "finegray-rows.csv.gz")), CompressionMode.Decompress);
        using var reader = new StreamReader(file);
        var expected = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(l => l.Split(',')).Select(f => (Row: int.Parse(f[0], CultureInfo.InvariantCulture), Start: D(f[1]), Stop: D(f[2]), Status: f[3] == "1", Weight: D(f[4])))
            .ToList();
        var d = expanded.Data;
        Assert.Equal(expected.Count, d.Count);
        for (var k = 0; k < d.Count; k++)
        {
            var e = expected[k];
            Assert.True(e.Row == expanded.Subject[k] && e.Start == d.Start(k) && e.Stop == d.Stop(k) && e.Status == d.Event(k),
                $"row {k}: R has ({e.Row}: {e.Start}, {e.Stop}] {e.Status}, Wedge ({expanded.Subject[k]}: {d.Start(k)}, {d.Stop(k)}] {d.Event(k)}");
            RFixture.Close(e.Weight, d.Weight(k), $"weight of row {k}");
        }
    }

    [Theory]
    [InlineData("mgus2_pcm", 1, CoxTies.Efron, null, new[] { "age", "male" })]
    [InlineData("mgus2_death_breslow", 2, CoxTies.Breslow, null, new[] { "age" })]
    [InlineData("mgus2_pcm_strata", 1, CoxTies.Efron, "male", new[] { "age" })]
    public void Fit_MatchesRsWeightedCoxph(string caseName, int cause, CoxTies ties, string? strata, string[] covariates)
    {
        var (data, causes) = Mgus2(strata, covariates);
        var expanded = FineGray.Expand(data, causes, cause);
        Assert.Equal((int)RFixture.Values("finegray", caseName, "rows")[0], expanded.Data.Count);
        var fit = FineGray.Fit(data, causes, cause, new CoxOptions(ties));
        Assert.Equal((int)RFixture.Values("finegray", caseName, "nevent")[0], fit.Events);
        RFixture.Close(RFixture.Values("finegray", caseName, "coef"), [.. fit.Coefficients.Select(c => c.Coef)], caseName + " coef");
        RFixture.Close(RFixture.Values("finegray", caseName, "se"), [.. fit.Coefficients.Select(c => c.Se)], caseName + " se");
        RFixture.Close(RFixture.Values("finegray", caseName, "robust_se"), [.. fit.Coefficients.Select(c => c.RobustSe!.Value)], caseName + " robust se");
        RFixture.Close(RFixture.Values("finegray", caseName, "loglik"), [fit.NullLogLik, fit.LogLik], caseName + " loglik");
        RFixture.Close(RFixture.Values("finegray", caseName, "wald")[0], fit.Wald.Statistic, caseName + " wald");
        RFixture.Close(RFixture.Values("finegray", caseName, "score")[0], fit.Score.Statistic, caseName + " score");
        RFixture.Close(RFixture.Values("finegray", caseName, "robust_score")[0], fit.RobustScore!.Statistic, caseName + " robust score");
        var concordance = RFixture.Values("finegray", caseName, "concordance");
        RFixture.Close(concordance[..3], [fit.Concordance.Concordant, fit.Concordance.Discordant, fit.Concordance.TiedX], caseName + " concordance counts");
        RFixture.Close(concordance[5], fit.Concordance.Value, caseName + " concordance");
    }

    [Fact]
    public void PredictedIncidence_MatchesRsSurvfitOnTheFit()
    {
        var (data, causes) = Mgus2(null, "age", "male");
        var expanded = FineGray.Expand(data, causes, 1);
        var fit = CoxModel.Fit(expanded.Data);
        var prediction = CoxPrediction.Of(expanded.Data, fit);
        double[] times = [50, 100, 200, 300];
        RFixture.Close(RFixture.Values("finegray", "mgus2_pcm", "cif1"), [.. times.Select(t => 1 - prediction.Survival(t, [60, 0]))], "incidence at 60, female");
        RFixture.Close(RFixture.Values("finegray", "mgus2_pcm", "cif2"), [.. times.Select(t => 1 - prediction.Survival(t, [80, 1]))], "incidence at 80, male");
    }

    [Fact]
    public void Expand_HandWorked_CompetingEndingStaysAtRiskWithTheCensoringCurve()
    {
        // Times 1..5: a competing ending at 1, censorings at 2 and 4, the cause of interest at 3 and 5.
        // G: at 2, 1 of 4 at risk is censored → 3/4; at 4, 1 of 2 → 3/8. The competing subject is carried to 2 with weight 1,
        // then over (2, 4] (holding the event at 3) with G(2+)/G(1) = 3/4 and (4, 5] (event at 5) with 3/8.
        var data = new SurvivalData(null, [1, 2, 3, 4, 5], [true, false, true, false, true]);
        var expanded = FineGray.Expand(data, [2, 0, 1, 0, 1], ofInterest: 1);
        var d = expanded.Data;
        var competing = Enumerable.Range(0, d.Count).Where(k => expanded.Subject[k] == 0)
            .Select(k => (d.Start(k), d.Stop(k), d.Weight(k), d.Event(k))).ToList();
        Assert.Equal([(0.0, 2.0, 1.0, false), (2.0, 4.0, 0.75, false), (4.0, 5.0, 0.375, false)], competing);
        Assert.Equal(7, d.Count);
        Assert.Equal(2, d.EventCount);
    }

    [Fact]
    public void Expand_RefusesStartTimesAndWeightsAndACauseOfZero()
    {
        var counting = new SurvivalData([0.0, 0.0], [1.0, 2.0], [true, false]);
        Assert.Throws<ArgumentException>(() => FineGray.Expand(counting, [1, 0], 1));
        var weighted = new SurvivalData(null, [1.0, 2.0], [true, false], weights: [2.0, 1.0]);
        Assert.Throws<ArgumentException>(() => FineGray.Expand(weighted, [1, 0], 1));
        var plain = new SurvivalData(null, [1.0, 2.0], [true, false]);
        Assert.Throws<ArgumentException>(() => FineGray.Expand(plain, [1, 0], 0));
    }

    [Fact]
    public void CoxWithWeights_RefusesExactTies()
    {
        var data = new SurvivalData(null, [1.0, 2.0, 3.0], [true, true, false], ["x"], [[0.0, 1.0, 0.5]], weights: [1.0, 0.5, 2.0]);
        Assert.Throws<ArgumentException>(() => CoxModel.Fit(data, new CoxOptions(CoxTies.Exact)));
    }

    private static double D(string s) => double.Parse(s, CultureInfo.InvariantCulture);
}
