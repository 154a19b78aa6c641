namespace Wedge.Analysis.Durability;

/// <summary>
/// The Cox partial likelihood with Breslow's or Efron's handling of ties, for counting-process data with strata.
/// </summary>
/// <remarks>
/// One pass per evaluation, from the latest time to the earliest: a row joins the risk sums when the sweep reaches
/// its stop time and leaves them when the sweep passes its start time, so the cost is O(rows × covariates²) whatever
/// the number of event times. With k events tied at a time, Efron's approximation replaces the one denominator by
/// k denominators from which the tied rows' risk is removed in steps of 1/k. Case weights scale a row's risk and, for
/// an event, its term; tied events share their mean weight across Efron's k steps, as R's coxfit6/agfit4.
/// </remarks>
internal static class CoxPartialLikelihood
{
    public static CoxEvaluation Evaluate(CoxDesign design, ReadOnlySpan<double> beta, bool efron, List<CoxEventTimeTerm>? terms = null)
    {
        var p = design.P;
        var x = design.X;
        var eta = design.LinearPredictor(beta);
        var score = new double[p];
        var info = new double[p * p];
        var loglik = 0.0;

        var a = new double[p];
        var c = new double[p * p];
        var a2 = new double[p];
        var c2 = new double[p * p];
        var mean = new double[p];
        double[]? scoreBefore = terms is null ? null : new double[p];
        double[]? infoBefore = terms is null ? null : new double[p * p];

        for (var s = 0; s + 1 < design.StratumBounds.Length; s++)
        {
            int lo = design.StratumBounds[s], hi = design.StratumBounds[s + 1];
            var leave = lo;
            var denom = 0.0;
            var atRisk = 0;
            Array.Clear(a);
            Array.Clear(c);
            var pos = lo;
            while (pos < hi)
            {
                var t = design.Stop[pos];
                while (leave < hi && design.Start[design.StartOrder[leave]] >= t)
                {
                    var k = design.StartOrder[leave++];
                    atRisk--;
                    if (atRisk == 0)
                    {
                        // Everyone has left: start the sums afresh rather than carry rounding.
                        denom = 0;
                        Array.Clear(a);
                        Array.Clear(c);
                    }
                    else
                    {
                        AddRow(x, k, p, -design.Weight[k] * Math.Exp(eta[k]), ref denom, a, c);
                    }
                }

                if (terms is not null)
                {
                    Array.Copy(score, scoreBefore!, p);
                    Array.Copy(info, infoBefore!, p * p);
                }

                var deaths = 0;
                var deadWeight = 0.0;
                var denom2 = 0.0;
                Array.Clear(a2);
                Array.Clear(c2);
                for (; pos < hi && design.Stop[pos] == t; pos++)
                {
                    atRisk++;
                    var w = design.Weight[pos];
                    var risk = w * Math.Exp(eta[pos]);
                    if (design.Event[pos])
                    {
                        deaths++;
                        deadWeight += w;
                        loglik += w * eta[pos];
                        var row = x.AsSpan(pos * p, p);
                        for (var i = 0; i < p; i++)
                        {
                            score[i] += w * row[i];
                        }

                        AddRow(x, pos, p, risk, ref denom2, a2, c2);
                    }
                    else
                    {
                        AddRow(x, pos, p, risk, ref denom, a, c);
                    }
                }

                if (deaths == 0)
                {
                    continue;
                }

                if (!efron || deaths == 1)
                {
                    denom += denom2;
                    Accumulate(a, a2, c, c2, p, 1.0);
                    loglik -= deadWeight * Math.Log(denom);
                    AddTimeTerm(a, c, denom, deadWeight, p, mean, score, info);
                }
                else
                {
                    var meanWeight = deadWeight / deaths;
                    for (var step = 0; step < deaths; step++)
                    {
                        denom += denom2 / deaths;
                        Accumulate(a, a2, c, c2, p, 1.0 / deaths);
                        loglik -= meanWeight * Math.Log(denom);
                        AddTimeTerm(a, c, denom, meanWeight, p, mean, score, info);
                    }
                }

                if (terms is not null)
                {
                    var ts = new double[p];
                    var ti = new double[p * p];
                    for (var i = 0; i < p; i++)
                    {
                        ts[i] = score[i] - scoreBefore![i];
                    }

                    for (var i = 0; i < p; i++)
                    {
                        for (var j = 0; j <= i; j++)
                        {
                            ti[(i * p) + j] = ti[(j * p) + i] = info[(i * p) + j] - infoBefore![(i * p) + j];
                        }
                    }

                    terms.Add(new CoxEventTimeTerm(t, design.Stratum[lo], deaths, ts, ti));
                }
            }
        }

        for (var i = 0; i < p; i++)
        {
            for (var j = 0; j < i; j++)
            {
                info[(j * p) + i] = info[(i * p) + j];
            }
        }

        return new CoxEvaluation(loglik, score, info);
    }

    private static void AddRow(double[] x, int k, int p, double risk, ref double denom, double[] a, double[] c)
    {
        denom += risk;
        var row = x.AsSpan(k * p, p);
        for (var i = 0; i < p; i++)
        {
            var ri = risk * row[i];
            a[i] += ri;
            var ci = c.AsSpan(i * p, i + 1);
            for (var j = 0; j <= i; j++)
            {
                ci[j] += ri * row[j];
            }
        }
    }

    private static void Accumulate(double[] a, double[] a2, double[] c, double[] c2, int p, double fraction)
    {
        for (var i = 0; i < p; i++)
        {
            a[i] += a2[i] * fraction;
            for (var j = 0; j <= i; j++)
            {
                c[(i * p) + j] += c2[(i * p) + j] * fraction;
            }
        }
    }

    /// <summary>Subtracts weight × the risk-weighted mean from the score and adds weight × the risk-weighted covariance to the information (lower triangle).</summary>
    private static void AddTimeTerm(double[] a, double[] c, double denom, double weight, int p, double[] mean, double[] score, double[] info)
    {
        for (var i = 0; i < p; i++)
        {
            mean[i] = a[i] / denom;
            score[i] -= weight * mean[i];
        }

        for (var i = 0; i < p; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                info[(i * p) + j] += weight * ((c[(i * p) + j] / denom) - (mean[i] * mean[j]));
            }
        }
    }
}
