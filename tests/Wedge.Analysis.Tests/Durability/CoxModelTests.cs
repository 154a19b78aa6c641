using Wedge.Analysis.Durability;
using Wedge.Core.Durability;
using Wedge.Data.Survival;

namespace Wedge.Analysis.Tests.Durability;

/// <summary>Cox fits against R's coxph on survival's datasets (fixtures/expected/cox.csv).</summary>
public sealed class CoxModelTests
{
    private static readonly SurvivalColumns Lung = new("time", "status", Covariates: ["age", "sex", "ph.ecog"]);
    private static readonly SurvivalColumns Ovarian = new("futime", "fustat", Covariates: ["age", "ecog.ps", "rx"]);
    private static readonly SurvivalColumns Tied = new("time", "status", Covariates: ["x", "z"]);
    private static readonly SurvivalColumns Heart = new("stop", "event", "start", ["age", "year", "surgery", "transplant"]);
    private static readonly string[] VeteranCovariates = ["trt", "karno", "diagtime", "age", "prior", "smallcell", "adeno", "large"];

    public static TheoryData<string, string, string, CoxTies> Cases()
    {
        var data = new TheoryData<string, string, string, CoxTies>();
        foreach (var ties in new[] { CoxTies.Efron, CoxTies.Breslow, CoxTies.Exact })
        {
            var suffix = ties.ToString().ToLowerInvariant();
            data.Add("lung_" + suffix, "lung", "lung", ties);
            data.Add("ovarian_" + suffix, "ovarian", "ovarian", ties);
            data.Add("tied_" + suffix, "tied", "tied", ties);
            data.Add("heart_" + suffix, "heart", "heart", ties);
        }

        data.Add("lung_strata_sex", "lung", "lung_strata", CoxTies.Efron);
        data.Add("lung_cluster_inst", "lung", "lung_cluster", CoxTies.Efron);
        data.Add("veteran", "veteran", "veteran", CoxTies.Efron);
        data.Add("veteran_breslow", "veteran", "veteran", CoxTies.Breslow);
        data.Add("heart_cluster", "heart", "heart_cluster", CoxTies.Efron);
        data.Add("heart_cluster_breslow", "heart", "heart_cluster", CoxTies.Breslow);
        data.Add("bladder2_cluster", "bladder2", "bladder2", CoxTies.Efron);
        data.Add("cgd_cluster_strata", "cgd", "cgd", CoxTies.Efron);
        data.Add("mgus2_cause1", "mgus2", "mgus2", CoxTies.Efron);
        return data;
    }

    internal static SurvivalColumns Columns(string spec) => spec switch
    {
        "lung" => Lung,
        "lung_strata" => new("time", "status", Covariates: ["age", "ph.ecog", "ph.karno"], Strata: "sex"),
        "lung_cluster" => Lung with { Cluster = "inst" },
        "ovarian" => Ovarian,
        "tied" => Tied,
        "heart" => Heart,
        "heart_cluster" => Heart with { Cluster = "id" },
        "veteran" => new("time", "status", Covariates: VeteranCovariates),
        "bladder2" => new("stop", "event", "start", ["rx", "number", "size"], Cluster: "id"),
        "cgd" => new("tstop", "status", "tstart", ["treat", "sex", "age", "inherit", "steroids"], "hos.cat", "id"),
        "mgus2" => new("etime", "ecode", Covariates: ["age", "male"]),
        _ => throw new ArgumentException(spec),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fit_MatchesR(string caseName, string dataset, string spec, CoxTies ties)
    {
        var columns = Columns(spec);
        var data = dataset == "mgus2" ? CauseOne(dataset, columns) : RFixture.Data(dataset, columns);
        var fit = CoxModel.Fit(data, new CoxOptions(ties));
        double R(string q) => RFixture.Values("cox", caseName, q)[0];

        RFixture.Close(RFixture.Values("cox", caseName, "coef"), fit.Coefficients.Select(c => c.Coef).ToArray(), caseName + " coef");
        RFixture.Close(RFixture.Values("cox", caseName, "se"), fit.Coefficients.Select(c => c.Se).ToArray(), caseName + " se");
        RFixture.Close(RFixture.Values("cox", caseName, "var"), [.. fit.Variance.Cast<double>()], caseName + " var");
        RFixture.Close(RFixture.Values("cox", caseName, "loglik"), [fit.NullLogLik, fit.LogLik], caseName + " loglik");
        RFixture.Close(R("lr"), fit.LikelihoodRatio.Statistic, caseName + " likelihood ratio");
        RFixture.Close(R("wald"), fit.Wald.Statistic, caseName + " wald");
        RFixture.Close(R("score"), fit.Score.Statistic, caseName + " score");
        Assert.Equal((int)R("iter"), fit.Iterations);
        Assert.Equal((int)R("n"), fit.N);
        Assert.Equal((int)R("nevent"), fit.Events);
        var concordance = RFixture.Values("cox", caseName, "concordance");
        RFixture.Close(concordance[..3], [fit.Concordance.Concordant, fit.Concordance.Discordant, fit.Concordance.TiedX], caseName + " concordance counts");
        RFixture.Close(concordance[5], fit.Concordance.Value, caseName + " concordance");
        if (RFixture.Has("cox", caseName, "robust_se"))
        {
            RFixture.Close(RFixture.Values("cox", caseName, "robust_se"), fit.Coefficients.Select(c => c.RobustSe!.Value).ToArray(), caseName + " robust se");
            RFixture.Close(R("robust_score"), fit.RobustScore!.Statistic, caseName + " robust score");
        }
        else
        {
            Assert.Null(fit.RobustVariance);
        }
    }

    /// <summary>mgus2 with progression (cause 1) as the event and everything else censored: R's Surv(etime, ecode == 1).</summary>
    private static SurvivalData CauseOne(string dataset, SurvivalColumns columns)
    {
        var read = SurvivalCsv.Read(Path.Combine(RFixture.Folder, "data", dataset + ".csv"), columns with { EventIsCause = true });
        Assert.True(read.IsSuccess);
        var table = read.Table!;
        var d = table.Data;
        return new SurvivalData(null, [.. Enumerable.Range(0, d.Count).Select(d.Stop)], [.. table.Causes!.Select(c => c == 1)],
            d.CovariateNames, [.. Enumerable.Range(0, d.CovariateCount).Select(j => (IReadOnlyList<double>)[.. Enumerable.Range(0, d.Count).Select(i => d.Covariate(i, j))])]);
    }
}
