using Wedge.Analysis.Durability;
using Wedge.Core.Durability;
using Wedge.Data.Survival;

namespace Wedge.Analysis.Tests.Durability;

/// <summary>Kaplan–Meier and Nelson–Aalen against R's survfit (fixtures/expected/km.csv).</summary>
public sealed class KaplanMeierTests
{
    public static TheoryData<string, string, string, double> Cases() => new()
    {
        { "lung_sex", "lung", "sex", 0.95 },
        { "lung_all", "lung", "", 0.95 },
        { "lung_sex_90", "lung", "sex", 0.90 },
        { "ovarian", "ovarian", "rx", 0.95 },
        { "heart_cp", "heart", "", 0.95 },
        { "tied", "tied", "", 0.95 },
        { "allcensored", "allcensored", "", 0.95 },
        { "oneevent", "oneevent", "", 0.95 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Fit_MatchesR(string caseName, string dataset, string groups, double level)
    {
        var columns = dataset switch
        {
            "ovarian" => new SurvivalColumns("futime", "fustat"),
            "heart" => new SurvivalColumns("stop", "event", "start"),
            _ => new SurvivalColumns("time", "status"),
        };
        var data = Read(dataset, columns with { Strata = groups.Length == 0 ? null : groups });
        var curves = KaplanMeier.Fit(data, level);
        double[] All(Func<SurvivalCurve, IEnumerable<double>> pick) => [.. curves.SelectMany(pick)];

        RFixture.Close(RFixture.Values("km", caseName, "stratum"), All(c => c.Time.Select(_ => c.Stratum + 1.0)), caseName + " stratum");
        RFixture.Close(RFixture.Values("km", caseName, "time"), All(c => c.Time), caseName + " time");
        RFixture.Close(RFixture.Values("km", caseName, "n.risk"), All(c => c.AtRisk.Select(v => (double)v)), caseName + " n.risk");
        RFixture.Close(RFixture.Values("km", caseName, "n.event"), All(c => c.Events.Select(v => (double)v)), caseName + " n.event");
        RFixture.Close(RFixture.Values("km", caseName, "n.censor"), All(c => c.Censored.Select(v => (double)v)), caseName + " n.censor");
        RFixture.Close(RFixture.Values("km", caseName, "surv"), All(c => c.Survival), caseName + " surv");
        RFixture.Close(RFixture.Values("km", caseName, "std.err"), All(c => c.StdErr), caseName + " std.err");
        RFixture.Close(RFixture.Values("km", caseName, "lower"), All(c => c.Lower), caseName + " lower");
        RFixture.Close(RFixture.Values("km", caseName, "upper"), All(c => c.Upper), caseName + " upper");
        RFixture.Close(RFixture.Values("km", caseName, "cumhaz"), All(c => c.CumHaz), caseName + " cumhaz");
        RFixture.Close(RFixture.Values("km", caseName, "std.chaz"), All(c => c.StdCumHaz), caseName + " std.chaz");
    }

    internal static SurvivalData Read(string dataset, SurvivalColumns columns)
    {
        var read = SurvivalCsv.Read(Path.Combine(RFixture.Folder, "data", dataset + ".csv"), columns, requireEvents: false);
        Assert.True(read.IsSuccess, string.Join("; ", read.Errors));
        return read.Table!.Data;
    }

    // All censored: the curve stays at 1 with no spread, by hand.
    [Fact]
    public void Fit_AllCensored_FlatAtOne()
    {
        var data = new SurvivalData(null, [2, 3, 5], [false, false, false]);
        var curve = KaplanMeier.Fit(data)[0];
        Assert.All(curve.Survival, s => Assert.Equal(1.0, s));
        Assert.All(curve.Lower, s => Assert.Equal(1.0, s));
    }

    // Tied times by hand: 4 at risk at t=1 with 2 events → S = 1/2; then 2 at risk, 1 event → 1/4.
    [Fact]
    public void Fit_TiedEvents_ProductLimitByHand()
    {
        var data = new SurvivalData(null, [1, 1, 2, 3], [true, true, true, false]);
        var curve = KaplanMeier.Fit(data)[0];
        Assert.Equal([0.5, 0.25, 0.25], curve.Survival);
        Assert.Equal(Math.Sqrt((2.0 / (4 * 2)) + (1.0 / (2 * 1))), curve.StdErr[1], 15);
    }
}
