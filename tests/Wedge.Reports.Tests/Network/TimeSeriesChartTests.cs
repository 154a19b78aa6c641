using Wedge.Reports.Network;

namespace Wedge.Reports.Tests.Network;

public sealed class TimeSeriesChartTests
{
    private static readonly DateOnly[] Years = [new(2000, 1, 1), new(2001, 1, 1), new(2002, 1, 1)];

    private static readonly ChartSeries[] Series = [new("friendly ties", [3, 5, 4]), new("hostile ties", [1, 2, double.NaN])];

    [Fact]
    public void Png_HasPngSignature()
    {
        var path = Path.Combine(Path.GetTempPath(), $"wedge-chart-{Guid.NewGuid():N}.png");
        try
        {
            TimeSeriesChart.Write(path, "Web over time", Years, Series);
            var head = File.ReadAllBytes(path)[..8];
            Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, head);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Svg_NamesTheSeries()
    {
        var path = Path.Combine(Path.GetTempPath(), $"wedge-chart-{Guid.NewGuid():N}.svg");
        try
        {
            TimeSeriesChart.Write(path, "Web over time", Years, Series);
            var svg = File.ReadAllText(path);
            Assert.Contains("<svg", svg, StringComparison.Ordinal);
            Assert.Contains("friendly ties", svg, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void OtherExtension_Refused()
        => Assert.Throws<ArgumentException>(() => TimeSeriesChart.Write("chart.jpg", "t", Years, Series));
}
