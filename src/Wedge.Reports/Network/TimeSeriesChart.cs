namespace Wedge.Reports.Network;

/// <summary>One line of a chart over time: a name and one value per date (NaN leaves a gap).</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);

/// <summary>The file formats charts are drawn in.</summary>
public enum ChartFormat
{
    Png,
    Svg,
}

public static class ChartFormats
{
    /// <summary>The format a chart file's extension names; throws <see cref="ArgumentException"/> for an extension other than .png or .svg.</summary>
    public static ChartFormat FromPath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".png" => ChartFormat.Png,
            ".svg" => ChartFormat.Svg,
            _ => throw new ArgumentException($"chart file '{path}' must end in .png or .svg", nameof(path)),
        };
    }

    /// <summary>The drawn plot's bytes: a PNG image, or the SVG document in UTF-8.</summary>
    internal static byte[] Bytes(ScottPlot.Plot plot, ChartFormat format, int width, int height)
        => format == ChartFormat.Svg ? System.Text.Encoding.UTF8.GetBytes(plot.GetSvgXml(width, height)) : plot.GetImageBytes(width, height, ScottPlot.ImageFormat.Png);
}

/// <summary>Line charts of network measures at a series of dates, as PNG or SVG. Draws; the caller writes the bytes where it wants.</summary>
public static class TimeSeriesChart
{
    public static byte[] Render(ChartFormat format, string title, IReadOnlyList<DateOnly> dates, IReadOnlyList<ChartSeries> series, int width = 1000, int height = 560)
    {
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(series);
        var plot = new ScottPlot.Plot();
        var xs = dates.Select(d => d.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray();
        foreach (var s in series)
        {
            var line = plot.Add.Scatter(xs, s.Values.ToArray());
            line.LegendText = s.Name;
            line.MarkerSize = 4;
        }

        plot.Axes.DateTimeTicksBottom();
        plot.Title(title);
        plot.ShowLegend(ScottPlot.Alignment.UpperLeft);
        return ChartFormats.Bytes(plot, format, width, height);
    }
}
