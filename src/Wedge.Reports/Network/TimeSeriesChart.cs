namespace Wedge.Reports.Network;

/// <summary>One line of a chart over time: a name and one value per date (NaN leaves a gap).</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double> Values);

/// <summary>Line charts of network measures at a series of dates, as PNG or SVG (by the file's extension).</summary>
public static class TimeSeriesChart
{
    /// <summary>Writes the chart; throws <see cref="ArgumentException"/> for an extension other than .png or .svg.</summary>
    public static void Write(string path, string title, IReadOnlyList<DateOnly> dates, IReadOnlyList<ChartSeries> series, int width = 1000, int height = 560)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(dates);
        ArgumentNullException.ThrowIfNull(series);
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".png" or ".svg"))
        {
            throw new ArgumentException($"chart file '{path}' must end in .png or .svg", nameof(path));
        }

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
        if (extension == ".png")
        {
            plot.SavePng(path, width, height);
        }
        else
        {
            plot.SaveSvg(path, width, height);
        }
    }
}
