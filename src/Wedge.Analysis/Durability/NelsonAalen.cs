namespace Wedge.Analysis.Durability;

/// <summary>
/// The Nelson–Aalen cumulative hazard H(t) = Σ d/n over event times ≤ t, with standard error √Σ d/n²
/// (R's <c>survfit</c> <c>cumhaz</c> and <c>std.chaz</c>).
/// </summary>
public static class NelsonAalen
{
    /// <summary>Cumulative hazard and its standard error at each time of the table.</summary>
    public static (double[] CumHaz, double[] StdErr) Estimate(RiskTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var m = table.Time.Count;
        var cumhaz = new double[m];
        var se = new double[m];
        double h = 0, v = 0;
        for (var k = 0; k < m; k++)
        {
            double n = table.AtRisk[k], d = table.Events[k];
            if (d > 0)
            {
                h += d / n;
                v += d / (n * n);
            }

            cumhaz[k] = h;
            se[k] = Math.Sqrt(v);
        }

        return (cumhaz, se);
    }
}
