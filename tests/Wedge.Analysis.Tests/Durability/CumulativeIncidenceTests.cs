using Wedge.Analysis.Durability;
using Wedge.Data.Survival;

namespace Wedge.Analysis.Tests.Durability;

/// <summary>Aalen–Johansen cumulative incidence against R's multi-state survfit (fixtures/expected/cif.csv).</summary>
public sealed class CumulativeIncidenceTests
{
    [Theory]
    [InlineData("mgus2", null)]
    [InlineData("mgus2_sex", "male")]
    public void Fit_MatchesR(string caseName, string? strata)
    {
        var read = SurvivalCsv.Read(Path.Combine(RFixture.Folder, "data", "mgus2.csv"), new SurvivalColumns("etime", "ecode", Strata: strata, EventIsCause: true));
        Assert.True(read.IsSuccess);
        var curves = CumulativeIncidence.Fit(read.Table!.Data, read.Table.Causes!);
        RFixture.Close(RFixture.Values("cif", caseName, "time"), [.. curves.SelectMany(c => c.Time)], caseName + " time");
        RFixture.Close(RFixture.Values("cif", caseName, "n.risk"), [.. curves.SelectMany(c => c.AtRisk.Select(v => (double)v))], caseName + " n.risk");
        for (var state = 0; state < 3; state++)
        {
            RFixture.Close(RFixture.Values("cif", caseName, "pstate" + (state + 1)), [.. curves.SelectMany(c => c.Probability[state])], $"{caseName} pstate {state}");
            RFixture.Close(RFixture.Values("cif", caseName, "std.err" + (state + 1)), [.. curves.SelectMany(c => c.StdErr[state])], $"{caseName} std.err {state}");
        }
    }
}
