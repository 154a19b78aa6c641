namespace Wedge.Analysis.Durability;

/// <summary>
/// Score residuals of a Cox model, one row per data row: ∫ (x − x̄(t)) dM(t), where M is the row's martingale
/// residual process. Summed within clusters and multiplied by the model variance, they give the cluster-robust
/// (sandwich) variance, as R's <c>coxph(..., cluster = )</c>.
/// </summary>
/// <remarks>
/// Each row is touched twice, when the backward sweep meets its stop time and when it passes its start time, using
/// running sums of the hazard increments and of hazard × x̄. Tied events follow Efron's approximation when asked:
/// each of k tied events counts with weight 1/k at each of k pseudo-times and gets the matching share of hazard.
/// The exact method uses Breslow's residuals, as R does. With case weights the risk sums and hazard increments are
/// weighted and each row's residual is its own (unweighted); the robust variance multiplies it by the row's weight.
/// </remarks>
internal static class CoxScoreResiduals
{
    /// <summary>Residuals per sweep position, row-major (position × covariate).</summary>
    public static double[] Compute(CoxDesign design, ReadOnlySpan<double> beta, bool efron)
    {
        var p = design.P;
        var x = design.X;
        var eta = design.LinearPredictor(beta);
        var resid = new double[design.N * p];
        var a = new double[p];
        var a2 = new double[p];
        var mean = new double[p];
        var xhaz = new double[p];
        var mh1 = new double[p];
        var mh2 = new double[p];
        var mh3 = new double[p];

        for (var s = 0; s + 1 < design.StratumBounds.Length; s++)
        {
            int lo = design.StratumBounds[s], hi = design.StratumBounds[s + 1];
            var cumhaz = 0.0;
            var denom = 0.0;
            Array.Clear(a);
            Array.Clear(xhaz);
            var leave = lo;
            var pos = lo;
            while (pos < hi)
            {
                var t = design.Stop[pos];
                while (leave < hi && design.Start[design.StartOrder[leave]] >= t)
                {
                    var k = design.StartOrder[leave++];
                    var r = Math.Exp(eta[k]);
                    var wr = design.Weight[k] * r;
                    denom -= wr;
                    for (var i = 0; i < p; i++)
                    {
                        a[i] -= wr * x[(k * p) + i];
                        resid[(k * p) + i] -= r * ((x[(k * p) + i] * cumhaz) - xhaz[i]);
                    }
                }

                var first = pos;
                var deaths = 0;
                var deadWeight = 0.0;
                var eventDenom = 0.0;
                Array.Clear(a2);
                for (; pos < hi && design.Stop[pos] == t; pos++)
                {
                    var r = Math.Exp(eta[pos]);
                    var wr = design.Weight[pos] * r;
                    denom += wr;
                    for (var i = 0; i < p; i++)
                    {
                        var xi = x[(pos * p) + i];
                        resid[(pos * p) + i] = r * ((xi * cumhaz) - xhaz[i]);
                        a[i] += wr * xi;
                        if (design.Event[pos])
                        {
                            a2[i] += wr * xi;
                        }
                    }

                    if (design.Event[pos])
                    {
                        deaths++;
                        deadWeight += design.Weight[pos];
                        eventDenom += wr;
                    }
                }

                if (deaths == 0)
                {
                    continue;
                }

                if (!efron || deaths == 1)
                {
                    var hazard = deadWeight / denom;
                    cumhaz += hazard;
                    for (var i = 0; i < p; i++)
                    {
                        mean[i] = a[i] / denom;
                        xhaz[i] += mean[i] * hazard;
                    }

                    for (var k = first; k < pos; k++)
                    {
                        if (design.Event[k])
                        {
                            for (var i = 0; i < p; i++)
                            {
                                resid[(k * p) + i] += x[(k * p) + i] - mean[i];
                            }
                        }
                    }
                }
                else
                {
                    Array.Clear(mh1);
                    Array.Clear(mh2);
                    Array.Clear(mh3);
                    for (var step = 0; step < deaths; step++)
                    {
                        var down = (double)step / deaths;
                        var d2 = denom - (down * eventDenom);
                        var hazard = deadWeight / deaths / d2;
                        cumhaz += hazard;
                        for (var i = 0; i < p; i++)
                        {
                            mean[i] = (a[i] - (down * a2[i])) / d2;
                            xhaz[i] += mean[i] * hazard;
                            mh1[i] += hazard * down;
                            mh2[i] += mean[i] * hazard * down;
                            mh3[i] += mean[i] / deaths;
                        }
                    }

                    for (var k = first; k < pos; k++)
                    {
                        if (design.Event[k])
                        {
                            var r = Math.Exp(eta[k]);
                            for (var i = 0; i < p; i++)
                            {
                                var xi = x[(k * p) + i];
                                resid[(k * p) + i] += xi - mh3[i] + (r * ((xi * mh1[i]) - mh2[i]));
                            }
                        }
                    }
                }
            }

            for (; leave < hi; leave++)
            {
                var k = design.StartOrder[leave];
                var r = Math.Exp(eta[k]);
                for (var i = 0; i < p; i++)
                {
                    resid[(k * p) + i] -= r * ((x[(k * p) + i] * cumhaz) - xhaz[i]);
                }
            }
        }

        return resid;
    }
}
