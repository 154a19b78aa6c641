using Wedge.Analysis.Durability;
using Wedge.Data.Survival;

namespace Wedge.Analysis.Tests.Durability;

/// <summary>The proportional-hazards test against R's cox.zph (fixtures/expected/zph.csv).</summary>
public sealed class ProportionalHazardsTestTests
{
    public static TheoryData<string, string, string, CoxTies> Cases() => new()
    {
        { "lung", "lung", "lung", CoxTies.Efron },
        { "lung_breslow", "lung", "lung", CoxTies.Breslow },
        { "veteran", "veteran", "veteran", CoxTies.Efron },
        { "heart", "heart", "heart", CoxTies.Efron },
        { "lung_strata_sex", "lung", "lung_strata", CoxTies.Efron },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Test_MatchesR(string caseName, string dataset, string spec, CoxTies ties)
    {
        var data = RFixture.Data(dataset, CoxModelTests.Columns(spec));
        var fit = CoxModel.Fit(data, new CoxOptions(ties));
        foreach (var (transform, suffix) in new[] { (TimeTransform.KaplanMeier, "_km"), (TimeTransform.Identity, "_identity") })
        {
            var rows = ProportionalHazardsTest.Test(data, fit, transform);
            RFixture.Close(RFixture.Values("zph", caseName + suffix, "chisq"), rows.Select(r => r.ChiSquare).ToArray(), caseName + suffix + " chisq");
            RFixture.Close(RFixture.Values("zph", caseName + suffix, "p"), rows.Select(r => r.P).ToArray(), caseName + suffix + " p");
            RFixture.Close(RFixture.Values("zph", caseName + suffix, "df"), rows.Select(r => (double)r.DegreesOfFreedom).ToArray(), caseName + suffix + " df");
        }
    }
}
