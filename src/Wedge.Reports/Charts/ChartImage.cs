using ScottPlot;

namespace Wedge.Reports.Charts;

/// <summary>A rendered chart: an SVG document, or the reason it could not be drawn.</summary>
/// <remarks>
/// ScottPlot draws through SkiaSharp, whose native library ships in the NuGet package; text needs a
/// system font (on Debian: <c>apt-get install -y fonts-dejavu-core</c>). When drawing fails, the
/// brief still renders, with <see cref="Unavailable"/> explaining what is missing in place of the chart.
/// </remarks>
public sealed record ChartImage(string? Svg, string? Unavailable)
{
    public static ChartImage Render(Plot plot, int width, int height)
    {
        try
        {
            return new ChartImage(plot.GetSvgXml(width, height), null);
        }
        catch (Exception ex) when (ex is DllNotFoundException or TypeInitializationException or InvalidOperationException or EntryPointNotFoundException)
        {
            return new ChartImage(null, $"chart not drawn: the chart library could not render ({ex.GetType().Name}: {ex.Message}). " +
                                        "On Debian or Ubuntu, install a font (apt-get install -y fonts-dejavu-core) and try again.");
        }
    }

    /// <summary>The chart as a data URI for an &lt;img&gt; tag: the SVG cannot run script or reach outside the page from there.</summary>
    public string? DataUri => Svg is null ? null : "data:image/svg+xml;base64," + Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(Svg));
}
