using Wedge.Analysis.Numerics;

namespace Wedge.Analysis.Tests.Numerics;

public sealed class QuantilesTests
{
    private static readonly double[] Sample = [1, 2, 3, 4, 10];

    [Theory]
    // Expected values from R 4.2.2: unname(quantile(c(1, 2, 3, 4, 10), q, type = 7)) and type = 1.
    [InlineData(0.0, 1.0, 1.0)]
    [InlineData(0.05, 1.2, 1.0)]
    [InlineData(0.5, 3.0, 3.0)]
    [InlineData(0.9, 7.6, 10.0)]
    [InlineData(0.95, 8.8, 10.0)]
    [InlineData(1.0, 10.0, 10.0)]
    public void Of_MatchesRTypes7And1(double q, double linear, double nearestRank)
    {
        Assert.Equal(linear, Quantiles.Of(Sample, q, QuantileDefinition.Linear), 12);
        Assert.Equal(nearestRank, Quantiles.Of(Sample, q, QuantileDefinition.NearestRank), 12);
    }

    [Fact]
    public void Of_EmptySample_NaN()
        => Assert.True(double.IsNaN(Quantiles.Of([], 0.5, QuantileDefinition.Linear)));

    [Theory]
    [InlineData(-0.1)]
    [InlineData(1.1)]
    [InlineData(double.NaN)]
    public void Of_QOutsideUnitInterval_Throws(double q)
        => Assert.Throws<ArgumentOutOfRangeException>(() => Quantiles.Of(Sample, q, QuantileDefinition.Linear));
}
