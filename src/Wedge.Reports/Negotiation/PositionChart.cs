using ScottPlot;
using Wedge.Analysis.Negotiation;
using Wedge.Core.Negotiation;
using Wedge.Reports.Network;

namespace Wedge.Reports.Negotiation;

/// <summary>Positions over turns: one colour per actor, one line pattern per dimension. Draws; the caller writes the bytes.</summary>
public static class PositionChart
{
    public static byte[] Render(NegotiationRun run, ChartFormat format)
    {
        ArgumentNullException.ThrowIfNull(run);
        var plot = new Plot();
        var scenario = run.Scenario;
        LinePattern[] patterns = [LinePattern.Solid, LinePattern.Dashed, LinePattern.Dotted, LinePattern.DenselyDashed];
        var palette = new ScottPlot.Palettes.Category10();
        var turns = Enumerable.Range(0, run.Turns.Count).Select(t => (double)t).ToArray();
        for (var a = 0; a < scenario.Actors.Count; a++)
        {
            for (var d = 0; d < scenario.Dimensions.Count; d++)
            {
                var ys = run.Turns.Select(t => t.Positions[a][d]).ToArray();
                var line = plot.Add.Scatter(turns, ys);
                line.Color = palette.GetColor(a);
                line.LinePattern = patterns[d % patterns.Length];
                line.LineWidth = 2;
                line.MarkerSize = 4;
                line.LegendText = scenario.Dimensions.Count == 1 ? scenario.Actors[a].DisplayName
                    : $"{scenario.Actors[a].DisplayName} · {scenario.Dimensions[d].Id}";
            }
        }

        plot.Title(scenario.Name);
        plot.XLabel("turn");
        plot.YLabel("position (0–100)");
        plot.Axes.SetLimitsY(-2, 102);
        plot.ShowLegend(Edge.Right);
        return ChartFormats.Bytes(plot, format, width: 1000, height: 600);
    }
}
