using Wedge.Analysis.Durability;
using Wedge.Data.Survival;

namespace Wedge.Analysis.Tests.Durability;

/// <summary>The log-rank test against R's survdiff (fixtures/expected/logrank.csv).</summary>
public sealed class LogRankTests
{
    public static TheoryData<string, string, string, string, string, string?> Cases() => new()
    {
        { "lung_sex", "lung", "time", "status", "sex", null },
        { "veteran_cell", "veteran", "time", "status", "cell", null },
        { "ovarian_rx_strata_ecog", "ovarian", "futime", "fustat", "rx", "ecog.ps" },
        { "lung_sex_strata_ecog", "lung", "time", "status", "sex", "ph.ecog" },
        { "tied_x", "tied", "time", "status", "x", null },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Test_MatchesR(string caseName, string dataset, string time, string status, string group, string? strata)
    {
        var groups = KaplanMeierTests.Read(dataset, new SurvivalColumns(time, status, Strata: group));
        var data = KaplanMeierTests.Read(dataset, new SurvivalColumns(time, status, Strata: strata));
        var result = LogRank.Test(data, [.. Enumerable.Range(0, groups.Count).Select(groups.Stratum)]);
        RFixture.Close(RFixture.Values("logrank", caseName, "obs"), result.Observed, caseName + " observed");
        RFixture.Close(RFixture.Values("logrank", caseName, "exp"), result.Expected, caseName + " expected");
        RFixture.Close(RFixture.Values("logrank", caseName, "var"), [.. result.Variance.Cast<double>()], caseName + " variance");
        RFixture.Close(RFixture.Values("logrank", caseName, "chisq")[0], result.Test.Statistic, caseName + " chisq");
    }
}
