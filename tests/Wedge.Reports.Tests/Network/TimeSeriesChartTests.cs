using System.Text;
using Wedge.Reports.Network;

namespace Wedge.Reports.Tests.Network;

public sealed class TimeSeriesChartTests
{
    private static readonly DateOnly[] Years = [new(2000, 1, 1), new(2001, 1, 1), new(2002, 1, 1)];

    private static readonly ChartSeries[] Series = [new("friendly ties", [3, 5, 4]), new("hostile ties", [1, 2, double.NaN])];

    [Fact]
    public void Png_HasPngSignature()
    {
        var image = TimeSeriesChart.Render(ChartFormat.Png, "Web over time", Years, Series);
        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, image[..8]);
    }

    [Fact]
    public void Svg_NamesTheSeries()
    {
        var svg = Encoding.UTF8.GetString(TimeSeriesChart.Render(ChartFormat.Svg, "Web over time", Years, Series));
        Assert.Contains("<svg", svg, StringComparison.Ordinal);
        Assert.Contains("friendly ties", svg, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("chart.png", ChartFormat.Png)]
    [InlineData("dir/Chart.SVG", ChartFormat.Svg)]
    public void Format_FromExtension(string path, ChartFormat format)
        => Assert.Equal(format, ChartFormats.FromPath(path));

    [Fact]
    public void OtherExtension_Refused()
        => Assert.Throws<ArgumentException>(() => ChartFormats.FromPath("chart.jpg"));
}
