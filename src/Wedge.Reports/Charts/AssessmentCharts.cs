using ScottPlot;
using Wedge.Analysis.Assessment;
using Wedge.Core.Collections;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;

namespace Wedge.Reports.Charts;

/// <summary>The charts of an alliance brief, drawn with ScottPlot. Each returns an SVG (or why it could not be drawn).</summary>
public static class AssessmentCharts
{
    private static readonly Color Ink = Color.FromHex("#1f2933");
    private static readonly Color Muted = Color.FromHex("#7b8794");
    private static readonly Color Benefit = Color.FromHex("#2f855a");
    private static readonly Color Cost = Color.FromHex("#c53030");
    private static readonly Color Partner = Color.FromHex("#dd6b20");

    public static Color KindColor(TieKind kind) => kind switch
    {
        TieKind.Alliance => Color.FromHex("#2f855a"),
        TieKind.Affiliation => Color.FromHex("#2b6cb0"),
        TieKind.Sponsorship => Color.FromHex("#805ad5"),
        TieKind.Rivalry => Color.FromHex("#c53030"),
        TieKind.Split => Color.FromHex("#742a2a"),
        TieKind.Leadership => Color.FromHex("#975a16"),
        _ => Color.FromHex("#718096"),
    };

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

    /// <summary>Whole years on the horizontal axis, written without a thousands separator.</summary>
    private static void YearAxis(Plot plot)
        => plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = v => v.ToString("0", System.Globalization.CultureInfo.InvariantCulture),
            IntegerTicksOnly = true,
        };

    private static bool Light(Color c) => (0.299 * c.R + 0.587 * c.G + 0.114 * c.B) / 255 > 0.6;

    /// <summary>Numbers on a value axis with the minus sign (U+2212), as the brief's text writes them.</summary>
    private static void MinusAxis(IAxis axis)
        => axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = v => v.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture).Replace('-', '\u2212'),
        };

    private static double YearOf(DateOnly d) => d.Year + (d.DayOfYear - 1) / 365.25;

    /// <summary>Benefits (up) and costs (down) one side records each year, with the net as a line.</summary>
    public static ChartImage Ledger(SideAssessment side, double yMin, double yMax)
    {
        var plot = NewPlot();
        var years = side.Series.Select(y => (double)y.Year).ToArray();
        var benefits = plot.Add.Bars(years, side.Series.Select(y => y.Benefits).ToArray());
        benefits.Color = Benefit.WithAlpha(0.75);
        benefits.LegendText = "benefits received";
        var costs = plot.Add.Bars(years, side.Series.Select(y => -y.Costs).ToArray());
        costs.Color = Cost.WithAlpha(0.75);
        costs.LegendText = "costs borne";
        var net = plot.Add.Scatter(years, side.Series.Select(y => y.Net).ToArray());
        net.Color = Ink;
        net.LineWidth = 2;
        net.MarkerSize = 4;
        net.LegendText = "net";
        plot.Add.HorizontalLine(0, 1, Muted);
        plot.Title($"{side.Name}: what the alliance brings and costs, per year", 13);
        plot.YLabel("ledger points (magnitude × evidence)", 11);
        MinusAxis(plot.Axes.Left);
        plot.Axes.SetLimitsY(yMin * 1.1, yMax * 1.1);
        YearAxis(plot);
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        return ChartImage.Render(plot, 560, 300);
    }

    /// <summary>Ties of the pair over time (bars coloured by kind) and the events that touch either side (numbered markers).</summary>
    public static ChartImage Timeline(Snapshot s, AllianceAssessment r, IReadOnlyList<Tie> ties, IReadOnlyList<Event> events)
    {
        var plot = NewPlot();
        double first = Math.Min(r.FirstYear, ties.Select(t => t.Period.Start?.Year ?? r.FirstYear).DefaultIfEmpty(r.FirstYear).Min());
        var end = r.LastYear + 1.0;
        var labels = new List<string>();
        for (var i = 0; i < ties.Count; i++)
        {
            var t = ties[i];
            var x1 = t.Period.Start is { } st ? YearOf(st.Earliest) : first;
            var x2 = t.Period.End is { } en ? Math.Min(YearOf(en.Latest) + 1 / 365.25, end) : end;
            var y = ties.Count - i;
            var rect = plot.Add.Rectangle(x1, x2, y - 0.32, y + 0.32);
            rect.FillColor = KindColor(t.Kind).WithAlpha(t.Period.End is null ? 0.85 : 0.55);
            rect.LineColor = KindColor(t.Kind);
            labels.Add($"{Name(s, t.From)} {(t.Kind.IsDirected() ? "→" : "–")} {Name(s, t.To)} ({t.Kind.Kebab()})");
        }

        plot.Axes.Left.SetTicks(Enumerable.Range(0, ties.Count).Select(i => (double)(ties.Count - i)).ToArray(), labels.ToArray());
        plot.Axes.Left.TickLabelStyle.FontSize = 11;
        // Events close in time are staggered over as many rows as it takes for no marker to hide another: a marker
        // takes a row only where the last one in it lies far enough left (17 px ≈ 0.9 year at this width).
        var baseRow = ties.Count + 1.0;
        var lastX = new List<double>();
        var rows = 1;
        for (var i = 0; i < events.Count; i++)
        {
            var x = YearOf(events[i].Date.Earliest);
            var row = lastX.FindIndex(last => x - last > 0.9);
            if (row < 0)
            {
                lastX.Add(double.MinValue);
                row = lastX.Count - 1;
            }

            lastX[row] = x;
            rows = Math.Max(rows, row + 1);
            var y = baseRow + 0.75 * row;
            // Solid, faint guides: Skia's SVG writer cannot express dash patterns (it prints a warning and draws them solid).
            plot.Add.VerticalLine(x, 1, Muted.WithAlpha(0.22));
            plot.Add.Marker(x, y, MarkerShape.FilledCircle, 17, Ink);
            var label = plot.Add.Text((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), x, y);
            label.LabelFontColor = Colors.White;
            label.LabelFontSize = i + 1 > 99 ? 7 : 9;
            label.LabelBold = true;
            label.LabelAlignment = Alignment.MiddleCenter;
        }

        var eventRow = baseRow + 0.75 * (rows - 1);
        first = Math.Min(first, events.Select(e => (double)e.Date.Year).DefaultIfEmpty(first).Min());
        plot.Axes.SetLimits(first - 0.5, end + 0.5, 0.3, eventRow + 0.8);
        YearAxis(plot);
        plot.Grid.YAxisStyle.IsVisible = false;
        plot.Title("Ties between the two sides and their rivals over time; numbered dots are events", 13);
        return ChartImage.Render(plot, 1000, 70 + 34 * (ties.Count + 2) + (int)(26 * (rows - 1)));
    }

    /// <summary>How many neighbours a column of the neighbourhood chart shows before the rest are summed up as "and N more".</summary>
    public const int NeighboursPerColumn = 12;

    /// <summary>
    /// The neighbours the chart draws: per column (one side only, the other only, both) the first
    /// <see cref="NeighboursPerColumn"/> in the given order (rivals, allies, patrons); the rest are counted, not drawn.
    /// </summary>
    public static (List<Neighbour> Shown, int LeftMore, int RightMore, int BothMore) NeighboursShown(IReadOnlyList<Neighbour> neighbours)
    {
        var left = neighbours.Where(n => n.Side == "a").ToList();
        var right = neighbours.Where(n => n.Side == "b").ToList();
        var both = neighbours.Where(n => n.Side == "both").ToList();
        var shown = left.Take(NeighboursPerColumn).Concat(right.Take(NeighboursPerColumn)).Concat(both.Take(NeighboursPerColumn / 2)).ToList();
        return (shown, Math.Max(0, left.Count - NeighboursPerColumn), Math.Max(0, right.Count - NeighboursPerColumn), Math.Max(0, both.Count - NeighboursPerColumn / 2));
    }

    /// <summary>The pair in the middle, the actors tied to either side around them: allies, rivals, patrons (at most <see cref="NeighboursPerColumn"/> a column).</summary>
    public static ChartImage Neighbourhood(Snapshot s, ActorId a, ActorId b, IReadOnlyList<Neighbour> all)
    {
        var plot = NewPlot();
        plot.HideGrid();
        plot.Axes.Frameless();
        var (neighbours, leftMore, rightMore, bothMore) = NeighboursShown(all);
        var pos = new Dictionary<string, (double X, double Y)> { [a.Value] = (-1.2, 0), [b.Value] = (1.2, 0) };
        var left = neighbours.Where(n => n.Side == "a").ToList();
        var right = neighbours.Where(n => n.Side == "b").ToList();
        var both = neighbours.Where(n => n.Side == "both").ToList();
        Place(left, -3.6, pos);
        Place(right, 3.6, pos);
        for (var i = 0; i < both.Count; i++)
        {
            var y = (i % 2 == 0 ? 1 : -1) * (1.5 + 1.1 * (i / 2));
            pos[both[i].Id] = (0, y);
        }

        foreach (var n in neighbours)
        {
            foreach (var link in n.Links)
            {
                var (x1, y1) = pos[link.SideId];
                var (x2, y2) = pos[n.Id];
                var line = plot.Add.Line(x1, y1, x2, y2);
                line.LineWidth = link.Relation == "patron" ? 1.5f : 2.5f;
                line.LineColor = RelationColor(link.Relation).WithAlpha(link.Relation == "patron" ? 0.6 : 0.85);
                line.MarkerSize = 0;
            }
        }

        var pairLine = plot.Add.Line(-1.2, 0, 1.2, 0);
        pairLine.LineWidth = 5;
        pairLine.LineColor = Benefit;
        pairLine.MarkerSize = 0;

        foreach (var n in neighbours)
        {
            var (x, y) = pos[n.Id];
            plot.Add.Marker(x, y, MarkerShape.FilledCircle, 12, RelationColor(n.Links[0].Relation));
            // Long names are cut so no label runs off the picture.
            var t = plot.Add.Text(n.Name.Length > 34 ? n.Name[..33].TrimEnd() + "…" : n.Name, x, y);
            t.LabelFontSize = 11;
            t.LabelFontColor = Ink;
            // A light backing keeps every name readable where lines cross it.
            t.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
            t.LabelAlignment = x < -0.1 ? Alignment.MiddleRight : x > 0.1 ? Alignment.MiddleLeft : Alignment.LowerCenter;
            t.OffsetX = x < -0.1 ? -9 : x > 0.1 ? 9 : 0;
            t.OffsetY = x is > -0.1 and < 0.1 ? -8 : 0;
        }

        foreach (var id in new[] { a, b })
        {
            var (x, y) = pos[id.Value];
            plot.Add.Marker(x, y, MarkerShape.FilledCircle, 30, Ink);
            var t = plot.Add.Text(Name(s, id), x, y - 0.35);
            t.LabelFontSize = 14;
            t.LabelBold = true;
            t.LabelFontColor = Ink;
            t.LabelBackgroundColor = Colors.White.WithAlpha(0.9);
            t.LabelAlignment = Alignment.UpperCenter;
        }

        var maxY = pos.Values.Select(p => Math.Abs(p.Y)).DefaultIfEmpty(1).Max();
        foreach (var (more, x, align) in new[] { (leftMore, -3.6, Alignment.MiddleRight), (rightMore, 3.6, Alignment.MiddleLeft), (bothMore, 0.0, Alignment.UpperCenter) })
        {
            if (more > 0)
            {
                var note = plot.Add.Text($"and {more} more (listed below)", x, -maxY - 0.55);
                note.LabelFontSize = 11;
                note.LabelItalic = true;
                note.LabelFontColor = Muted;
                note.LabelAlignment = align;
            }
        }

        plot.Axes.SetLimits(-6.2, 6.2, -maxY - 0.9, maxY + 0.8);

        foreach (var (label, relation) in new[] { ("ally", "ally"), ("rival", "rival"), ("patron / provider", "patron") })
        {
            var item = plot.Add.Line(0, 0, 0, 0);
            item.LineColor = RelationColor(relation);
            item.LineWidth = 3;
            item.LegendText = label;
        }

        // Below the picture, never over a label.
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Title("The pair's neighbourhood at the read date", 13);
        return ChartImage.Render(plot, 1000, (int)Math.Clamp(200 + 70 * maxY, 400, 900));
    }

    private static void Place(List<Neighbour> list, double x, Dictionary<string, (double X, double Y)> pos)
    {
        for (var i = 0; i < list.Count; i++)
        {
            var y = list.Count == 1 ? 0 : 2.4 * (1 - 2.0 * i / (list.Count - 1));
            var bend = 1 - 0.35 * Math.Abs(y) / 2.4;
            // Rows about 0.4 apart however many there are (at most NeighboursPerColumn), so labels never overlap.
            pos[list[i].Id] = (x * bend, y * Math.Max(1, (list.Count - 1) * 0.4 / 4.8 * 2));
        }
    }

    private static Color RelationColor(string relation) => relation switch
    {
        "ally" => KindColor(TieKind.Alliance),
        "rival" => KindColor(TieKind.Rivalry),
        _ => KindColor(TieKind.Sponsorship),
    };

    /// <summary>For each resource a side receives, who supplies it: the partner's part in orange, every other provider in grey.</summary>
    public static ChartImage Dependence(SideAssessment side)
    {
        var plot = NewPlot();
        var rows = side.DependenceByResource;
        // One colour per provider across the rows (the partner always orange), assigned in the table's order, so the
        // bars, the legend and the table read alike.
        var palette = new[] { "#4a5568", "#a0aec0", "#2c7a7b", "#b7791f", "#6b46c1", "#718096", "#cbd5e0", "#285e61", "#975a16", "#553c9a" };
        var colours = new Dictionary<string, Color>(StringComparer.Ordinal);
        var order = new List<ProviderShare>();
        foreach (var p in rows.SelectMany(d => d.Providers))
        {
            if (!colours.ContainsKey(p.Provider))
            {
                colours[p.Provider] = p.IsPartner ? Partner : Color.FromHex(palette[colours.Values.Count(c => c != Partner) % palette.Length]);
                order.Add(p);
            }
        }

        for (var i = 0; i < rows.Count; i++)
        {
            var y = rows.Count - i;
            double x = 0;
            foreach (var p in rows[i].Providers)
            {
                var rect = plot.Add.Rectangle(x, x + p.Share, y - 0.35, y + 0.35);
                rect.FillColor = colours[p.Provider];
                rect.LineColor = Colors.White;
                // A label is written only where it fits inside its segment (about 6 px per character at this size).
                var text = $"{p.Label} {p.Share:0%}";
                if (p.Share * 900 > 6.2 * text.Length + 8)
                {
                    var t = plot.Add.Text(text, x + p.Share / 2, y);
                    t.LabelFontSize = 10;
                    t.LabelAlignment = Alignment.MiddleCenter;
                    t.LabelFontColor = Light(colours[p.Provider]) ? Ink : Colors.White;
                }

                x += p.Share;
            }
        }

        plot.Axes.Left.SetTicks(Enumerable.Range(0, rows.Count).Select(i => (double)(rows.Count - i)).ToArray(), rows.Select(r => r.CategoryWords).ToArray());
        plot.Axes.SetLimits(0, 1, 0.4, rows.Count + 0.6);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(0.1)
        {
            LabelFormatter = v => v.ToString("0%", System.Globalization.CultureInfo.InvariantCulture),
        };
        plot.Grid.YAxisStyle.IsVisible = false;
        foreach (var p in order)
        {
            var swatch = plot.Add.Bars(new double[] { double.NaN }, new double[] { double.NaN });
            swatch.Color = colours[p.Provider];
            swatch.LegendText = p.Label;
        }

        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.Title($"{side.Name}: who supplies what (last years of the series; {side.PartnerName} in orange)", 13);
        plot.XLabel("share of the resource", 11);
        return ChartImage.Render(plot, 1000, 130 + 46 * Math.Max(rows.Count, 1) + 22 * (order.Count / 6));
    }

    /// <summary>Each side's net with its simulated interval, against zero.</summary>
    public static ChartImage Uncertainty(AllianceAssessment r)
    {
        var plot = NewPlot();
        var u = r.Uncertainty!;
        var sides = new[] { (r.A, u.A), (r.B, u.B) };
        for (var i = 0; i < sides.Length; i++)
        {
            var (side, su) = sides[i];
            var y = sides.Length - i;
            var range = plot.Add.Line(su.Net.Low, y, su.Net.High, y);
            range.LineWidth = 6;
            range.LineColor = (su.Net.Point < 0 ? Cost : Benefit).WithAlpha(0.45);
            range.MarkerSize = 0;
            plot.Add.Marker(su.Net.Point, y, MarkerShape.FilledDiamond, 14, su.Net.Point < 0 ? Cost : Benefit);
        }

        plot.Add.VerticalLine(0, 1.5f, Ink);
        plot.Axes.Left.SetTicks([2, 1], [r.A.Name, r.B.Name]);
        MinusAxis(plot.Axes.Bottom);
        plot.XLabel("net, ledger points", 11);
        var lo = Math.Min(0, Math.Min(u.A.Net.Low, u.B.Net.Low));
        var hi = Math.Max(0, Math.Max(u.A.Net.High, u.B.Net.High));
        var pad = (hi - lo) * 0.08 + 1;
        plot.Axes.SetLimits(lo - pad, hi + pad, 0.4, 2.6);
        plot.Grid.YAxisStyle.IsVisible = false;
        plot.Title($"Net value over the series: point estimate and {u.Level:0%} interval ({u.Runs} simulated worlds)", 13);
        return ChartImage.Render(plot, 1000, 220);
    }

    internal static string Name(Snapshot s, ActorId id) => s.Actor(id)?.Name ?? id.Value;
}

/// <summary>An actor in the pair's neighbourhood and how it relates to either side ("a", "b" or "both").</summary>
/// <param name="Ties">How many ties and ledger entries join it to the pair at the read date: the better connected are drawn first.</param>
public sealed record Neighbour(string Id, string Name, string Side, EquatableList<NeighbourLink> Links, int Ties = 1);

/// <summary>A line in the neighbourhood picture: from a side to a neighbour, as ally, rival or patron.</summary>
public sealed record NeighbourLink(string SideId, string Relation, string Via);
