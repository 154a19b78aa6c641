using Wedge.Core.Durability;
namespace Wedge.Analysis.Durability;

/// <summary>
/// Per stratum, at each distinct stop time: how many rows were at risk (start &lt; t ≤ stop), failed and were
/// censored there. The counting behind Kaplan–Meier, Nelson–Aalen and the log-rank test.
/// </summary>
public sealed class RiskTable
{
    private RiskTable(int stratum, double[] time, int[] atRisk, int[] events, int[] censored)
    {
        Stratum = stratum;
        Time = time;
        AtRisk = atRisk;
        Events = events;
        Censored = censored;
    }

    public int Stratum { get; }

    public IReadOnlyList<double> Time { get; }

    public IReadOnlyList<int> AtRisk { get; }

    public IReadOnlyList<int> Events { get; }

    public IReadOnlyList<int> Censored { get; }

    /// <summary>One table per stratum code present, ascending. O(n log n).</summary>
    public static IReadOnlyList<RiskTable> Build(SurvivalData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var tables = new List<RiskTable>();
        foreach (var group in Enumerable.Range(0, data.Count).GroupBy(data.Stratum).OrderBy(g => g.Key))
        {
            tables.Add(Build(data, group.Key, [.. group]));
        }

        return tables;
    }

    private static RiskTable Build(SurvivalData data, int stratum, int[] rows)
    {
        var stops = rows.Select(data.Stop).ToArray();
        Array.Sort(stops);
        var starts = rows.Select(data.Start).ToArray();
        Array.Sort(starts);
        var byStop = rows.OrderBy(data.Stop).ToArray();
        var time = new List<double>();
        var atRisk = new List<int>();
        var events = new List<int>();
        var censored = new List<int>();
        var n = rows.Length;
        for (var k = 0; k < n;)
        {
            var t = data.Stop(byStop[k]);
            int d = 0, c = 0;
            var first = k;
            for (; k < n && data.Stop(byStop[k]) == t; k++)
            {
                if (data.Event(byStop[k]))
                {
                    d++;
                }
                else
                {
                    c++;
                }
            }

            // At risk at t: stop ≥ t (all from `first` on) less those that have not started yet (start ≥ t).
            var notStarted = n - LowerBound(starts, t);
            time.Add(t);
            atRisk.Add(n - first - notStarted);
            events.Add(d);
            censored.Add(c);
        }

        return new RiskTable(stratum, [.. time], [.. atRisk], [.. events], [.. censored]);
    }

    /// <summary>First index whose value is ≥ t.</summary>
    private static int LowerBound(double[] sorted, double t)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] < t)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
