namespace Wedge.Analysis.Durability;

/// <summary>
/// The exact discrete partial likelihood (R's <c>ties = "exact"</c>): at a time with d events, the chance that
/// exactly these d rows fail, among all sets of d rows in the risk set.
/// </summary>
/// <remarks>
/// The denominator, the sum over all d-subsets of the product of risks, and its first and second derivatives come
/// from the recursion B(m, j) = B(m−1, j) + r_m B(m−1, j−1) over the risk set's members (Gail, Lubin and Rubinstein
/// 1981), at O(risk set × d × covariates²) per event time. Without ties it equals Breslow and Efron.
/// </remarks>
internal static class CoxExactLikelihood
{
    public static CoxEvaluation Evaluate(CoxDesign design, ReadOnlySpan<double> beta, List<CoxEventTimeTerm>? terms = null)
    {
        var p = design.P;
        var x = design.X;
        var eta = design.LinearPredictor(beta);
        var score = new double[p];
        var info = new double[p * p];
        var loglik = 0.0;
        var inRisk = new bool[design.N];
        var members = new List<int>();

        for (var s = 0; s + 1 < design.StratumBounds.Length; s++)
        {
            int lo = design.StratumBounds[s], hi = design.StratumBounds[s + 1];
            var leave = lo;
            var pos = lo;
            while (pos < hi)
            {
                var t = design.Stop[pos];
                while (leave < hi && design.Start[design.StartOrder[leave]] >= t)
                {
                    inRisk[design.StartOrder[leave++]] = false;
                }

                var first = pos;
                var deaths = 0;
                for (; pos < hi && design.Stop[pos] == t; pos++)
                {
                    inRisk[pos] = true;
                    if (design.Event[pos])
                    {
                        deaths++;
                    }
                }

                if (deaths == 0)
                {
                    continue;
                }

                members.Clear();
                for (var k = lo; k < pos; k++)
                {
                    if (inRisk[k])
                    {
                        members.Add(k);
                    }
                }

                var termScore = new double[p];
                var termInfo = new double[p * p];
                for (var k = first; k < pos; k++)
                {
                    if (design.Event[k])
                    {
                        loglik += eta[k];
                        for (var i = 0; i < p; i++)
                        {
                            termScore[i] += x[(k * p) + i];
                        }
                    }
                }

                loglik += SubsetSums(members, deaths, eta, x, p, termScore, termInfo);
                for (var i = 0; i < p; i++)
                {
                    score[i] += termScore[i];
                }

                for (var i = 0; i < p * p; i++)
                {
                    info[i] += termInfo[i];
                }

                terms?.Add(new CoxEventTimeTerm(t, design.Stratum[lo], deaths, termScore, termInfo));
            }
        }

        return new CoxEvaluation(loglik, score, info);
    }

    /// <summary>Returns −log of the subset sum and adds −(its gradient)/sum to the score and the information term.</summary>
    private static double SubsetSums(List<int> members, int d, double[] eta, double[] x, int p, double[] score, double[] info)
    {
        // Risks are taken relative to the largest member so that products of d of them cannot overflow.
        var shift = members.Max(k => eta[k]);
        var f = new double[d + 1];
        var g = new double[(d + 1) * p];
        var h = new double[(d + 1) * p * p];
        f[0] = 1;
        var seen = 0;
        foreach (var k in members)
        {
            seen++;
            var r = Math.Exp(eta[k] - shift);
            var row = x.AsSpan(k * p, p);
            for (var j = Math.Min(seen, d); j >= 1; j--)
            {
                var fPrev = f[j - 1];
                var gPrev = g.AsSpan((j - 1) * p, p);
                var hPrev = h.AsSpan((j - 1) * p * p, p * p);
                var hj = h.AsSpan(j * p * p, p * p);
                for (var a = 0; a < p; a++)
                {
                    for (var b = 0; b < p; b++)
                    {
                        hj[(a * p) + b] += r * ((row[a] * row[b] * fPrev) + (row[a] * gPrev[b]) + (gPrev[a] * row[b]) + hPrev[(a * p) + b]);
                    }
                }

                var gj = g.AsSpan(j * p, p);
                for (var a = 0; a < p; a++)
                {
                    gj[a] += r * ((row[a] * fPrev) + gPrev[a]);
                }

                f[j] += r * fPrev;
            }
        }

        var total = f[d];
        var gd = g.AsSpan(d * p, p);
        var hd = h.AsSpan(d * p * p, p * p);
        for (var a = 0; a < p; a++)
        {
            score[a] -= gd[a] / total;
        }

        for (var a = 0; a < p; a++)
        {
            for (var b = 0; b < p; b++)
            {
                info[(a * p) + b] += (hd[(a * p) + b] / total) - (gd[a] / total * (gd[b] / total));
            }
        }

        return -(Math.Log(total) + (d * shift));
    }
}
