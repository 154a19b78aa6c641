using Wedge.Core.Durability;
namespace Wedge.Analysis.Durability;

/// <summary>
/// Aalen–Johansen estimates for competing endings in one stratum: at each distinct time, the probability of being
/// still in the initial state and of each cause having happened, with infinitesimal-jackknife standard errors
/// (R's <c>survfit(Surv(time, factor(cause)))</c>: <c>pstate</c> and <c>std.err</c>, columns (s0), cause 1, ...).
/// </summary>
public sealed class CumulativeIncidenceCurve
{
    internal CumulativeIncidenceCurve(int stratum, double[] time, int[] atRisk, double[][] probability, double[][] stdErr)
    {
        Stratum = stratum;
        Time = time;
        AtRisk = atRisk;
        Probability = probability;
        StdErr = stdErr;
    }

    public int Stratum { get; }

    public IReadOnlyList<double> Time { get; }

    public IReadOnlyList<int> AtRisk { get; }

    /// <summary>Probability[state][k]: state 0 = no ending yet, state c = cause c.</summary>
    public IReadOnlyList<IReadOnlyList<double>> Probability { get; }

    /// <summary>StdErr[state][k], as <see cref="Probability"/>.</summary>
    public IReadOnlyList<IReadOnlyList<double>> StdErr { get; }
}

/// <summary>The Aalen–Johansen estimator of cumulative incidence for right-censored competing risks.</summary>
public static class CumulativeIncidence
{
    /// <summary>One curve per stratum. <paramref name="cause"/>: 0 censored, 1..K the cause of each row's ending.</summary>
    public static IReadOnlyList<CumulativeIncidenceCurve> Fit(SurvivalData data, IReadOnlyList<int> cause)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(cause);
        if (cause.Count != data.Count || cause.Any(c => c < 0))
        {
            throw new ArgumentException("One non-negative cause code per row is needed.", nameof(cause));
        }

        if (data.HasStart)
        {
            throw new ArgumentException("Cumulative incidence is computed for right-censored data only.", nameof(data));
        }

        var k = cause.Max();
        return [.. Enumerable.Range(0, data.Count).GroupBy(data.Stratum).OrderBy(s => s.Key).Select(s => Curve(data, cause, k, s.Key, [.. s]))];
    }

    private static CumulativeIncidenceCurve Curve(SurvivalData data, IReadOnlyList<int> cause, int k, int stratum, int[] rows)
    {
        var order = rows.OrderBy(data.Stop).ToArray();
        var n = order.Length;
        var states = k + 1;
        var time = new List<double>();
        var atRisk = new List<int>();
        var prob = Enumerable.Range(0, states).Select(_ => new List<double>()).ToArray();
        var se = Enumerable.Range(0, states).Select(_ => new List<double>()).ToArray();
        var p = new double[states];
        p[0] = 1;

        // Influence of each row (position in `order`) on each state probability: U[i, state].
        var u = new double[n, states];
        var deathsByCause = new double[states];
        for (var pos = 0; pos < n;)
        {
            var t = data.Stop(order[pos]);
            var first = pos;
            Array.Clear(deathsByCause);
            for (; pos < n && data.Stop(order[pos]) == t; pos++)
            {
                deathsByCause[cause[order[pos]]]++;
            }

            var risk = n - first;
            var d = deathsByCause.Skip(1).Sum();
            if (d > 0)
            {
                var p0 = p[0];
                for (var i = 0; i < n; i++)
                {
                    var u0 = u[i, 0];
                    var inRisk = i >= first;
                    for (var c = 1; c < states; c++)
                    {
                        var share = deathsByCause[c] / risk;
                        var dShare = 0.0;
                        if (inRisk)
                        {
                            var own = i < pos && cause[order[i]] == c ? 1.0 : 0.0;
                            dShare = (own - share) / risk;
                        }

                        u[i, c] += (u0 * share) + (p0 * dShare);
                    }

                    var stay = 1 - (d / risk);
                    var dStay = 0.0;
                    if (inRisk)
                    {
                        var own = i < pos && cause[order[i]] > 0 ? 1.0 : 0.0;
                        dStay = -(own - (d / risk)) / risk;
                    }

                    u[i, 0] = (u0 * stay) + (p0 * dStay);
                }

                for (var c = 1; c < states; c++)
                {
                    p[c] += p0 * deathsByCause[c] / risk;
                }

                p[0] = p0 * (1 - (d / risk));
            }

            time.Add(t);
            atRisk.Add(risk);
            for (var s = 0; s < states; s++)
            {
                prob[s].Add(p[s]);
                var v = 0.0;
                for (var i = 0; i < n; i++)
                {
                    v += u[i, s] * u[i, s];
                }

                se[s].Add(Math.Sqrt(v));
            }
        }

        return new CumulativeIncidenceCurve(stratum, [.. time], [.. atRisk], [.. prob.Select(l => l.ToArray())], [.. se.Select(l => l.ToArray())]);
    }
}
