using System.Globalization;
using ScottPlot;
using Wedge.Reports.Briefs;

namespace Wedge.Reports.Charts;

/// <summary>The durability charts: a Kaplan–Meier curve with its band, and the hazard ratios as a forest plot.</summary>
public static class DurabilityCharts
{
    private static readonly Color Ink = Color.FromHex("#1f2933");
    private static readonly Color Curve = Color.FromHex("#2b6cb0");
    private static readonly Color Pair = Color.FromHex("#dd6b20");

    private static Plot NewPlot()
    {
        var plot = new Plot();
        plot.FigureBackground.Color = Colors.White;
        plot.DataBackground.Color = Colors.White;
        plot.Axes.Color(Ink);
        plot.Grid.MajorLineColor = Color.FromHex("#e4e7eb");
        plot.Font.Set("DejaVu Sans");
        return plot;
    }

    /// <summary>The share of alliances still holding against the years they have held, stepped, with the band dashed; the pair's age marked.</summary>
    public static ChartImage Survival(SurvivalCurveData curve, double? pairYears)
    {
        ArgumentNullException.ThrowIfNull(curve);
        var plot = NewPlot();
        double[] x = [0, .. curve.Years];
        double[] Steps(IReadOnlyList<double> values) => [1, .. values];
        var main = plot.Add.Scatter(x, Steps(curve.Survival));
        main.ConnectStyle = ConnectStyle.StepHorizontal;
        main.Color = Curve;
        main.LineWidth = 2.5f;
        main.MarkerSize = 0;
        main.LegendText = "alliances still holding";
        foreach (var band in new[] { curve.Lower, curve.Upper })
        {
            var line = plot.Add.Scatter(x, Steps(band));
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.Color = Curve.WithAlpha(0.55);
            line.LinePattern = LinePattern.Dashed;
            line.MarkerSize = 0;
        }

        if (pairYears is { } held)
        {
            var mark = plot.Add.VerticalLine(held, 2, Pair);
            mark.LinePattern = LinePattern.Dotted;
            mark.LegendText = "the pair's alliance today";
        }

        // From a little under the band's lowest point: the curve's shape, not the empty space below it, is the content.
        var bottom = Math.Max(0, Math.Floor((curve.Lower.Concat(curve.Survival).DefaultIfEmpty(1).Min() - 0.05) * 10) / 10);
        plot.Axes.SetLimits(0, (Math.Max(x.Max(), pairYears ?? 0) * 1.05) + 0.5, bottom, 1.02);
        plot.XLabel("years the alliance has held", 11);
        plot.YLabel("share still holding", 11);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = v => v.ToString("0%", CultureInfo.InvariantCulture),
        };
        plot.Legend.IsVisible = true;
        plot.Legend.Alignment = Alignment.LowerLeft;
        plot.Title("Alliances on record: how long they hold (Kaplan–Meier, 95% band dashed)", 13);
        return ChartImage.Render(plot, 1000, 360);
    }

    /// <summary>Each estimable hazard ratio with its interval, on a log scale around 1 (no effect).</summary>
    public static ChartImage HazardRatios(IReadOnlyList<HazardRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var shown = rows.Where(r => r is { Estimable: true, HazardRatio: > 0, Lower: > 0, Upper: > 0 }).ToList();
        var plot = NewPlot();
        for (var i = 0; i < shown.Count; i++)
        {
            var r = shown[i];
            var y = shown.Count - i;
            var range = plot.Add.Line(Math.Log10(r.Lower!.Value), y, Math.Log10(r.Upper!.Value), y);
            range.LineWidth = 4;
            range.LineColor = Curve.WithAlpha(0.5);
            range.MarkerSize = 0;
            plot.Add.Marker(Math.Log10(r.HazardRatio!.Value), y, MarkerShape.FilledSquare, 12, Curve);
        }

        plot.Add.VerticalLine(0, 1.5f, Ink);
        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, shown.Count).Select(i => (double)(shown.Count - i))], [.. shown.Select(r => r.Meaning)]);
        var lo = shown.Count == 0 ? -1 : Math.Min(-1, shown.Min(r => Math.Log10(r.Lower!.Value)));
        var hi = shown.Count == 0 ? 1 : Math.Max(1, shown.Max(r => Math.Log10(r.Upper!.Value)));
        plot.Axes.SetLimits(lo - 0.1, hi + 0.1, 0.4, shown.Count + 0.6);
        // Ticks at round ratios (0.1, 0.2, 0.5, 1, 2, 5, 10, …) placed on the log scale.
        double[] ratios = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000];
        var ticks = ratios.Where(t => Math.Log10(t) >= lo - 0.1 && Math.Log10(t) <= hi + 0.1).ToArray();
        plot.Axes.Bottom.SetTicks([.. ticks.Select(Math.Log10)], [.. ticks.Select(t => t.ToString("0.###", CultureInfo.InvariantCulture))]);
        plot.XLabel("hazard ratio of a break (log scale; 1 = no effect)", 11);
        plot.Grid.YAxisStyle.IsVisible = false;
        plot.Title("What makes a break likelier: hazard ratios with 95% intervals", 13);
        return ChartImage.Render(plot, 1000, 120 + (50 * Math.Max(shown.Count, 1)));
    }
}
