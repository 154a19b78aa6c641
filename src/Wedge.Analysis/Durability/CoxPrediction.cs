using Wedge.Core.Durability;

namespace Wedge.Analysis.Durability;

/// <summary>
/// The baseline cumulative hazard of a fitted Cox model and the survival it predicts for given covariates, as R's
/// <c>survfit(fit, newdata)</c> computes them: the hazard steps at each distinct event time by the number of events over
/// the summed risk scores of the rows at risk (Breslow), or, for a fit with Efron ties, with Efron's correction for the
/// tied events (R's default <c>ctype</c> follows the fit's ties).
/// </summary>
public sealed class CoxPrediction
{
    private readonly double[] beta;
    private readonly int[] columns;
    private readonly double[] means;

    private CoxPrediction(double[] times, double[] cumulativeHazard, double[] beta, int[] columns, double[] means)
    {
        Times = times;
        CumulativeHazard = cumulativeHazard;
        this.beta = beta;
        this.columns = columns;
        this.means = means;
    }

    /// <summary>The distinct event times.</summary>
    public IReadOnlyList<double> Times { get; }

    /// <summary>The cumulative hazard at each event time for covariates at their means (R's centring).</summary>
    public IReadOnlyList<double> CumulativeHazard { get; }

    /// <summary>Prepares predictions from a fit and the data it was fitted on (one stratum).</summary>
    public static CoxPrediction Of(SurvivalData data, CoxFit fit)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(fit);
        if (data.StratumCodes.Count > 1)
        {
            throw new ArgumentException("Prediction from a stratified fit is not supported.", nameof(data));
        }

        var columns = fit.Columns;
        var beta = fit.Beta;
        var n = data.Count;
        // With case weights the centre, risk sums and event counts are weighted, as R's survfit on a weighted coxph.
        var totalWeight = Enumerable.Range(0, n).Sum(data.Weight);
        var means = columns.Select(j => Enumerable.Range(0, n).Sum(i => data.Weight(i) * data.Covariate(i, j)) / totalWeight).ToArray();
        var risk = new double[n];
        for (var i = 0; i < n; i++)
        {
            var eta = 0.0;
            for (var k = 0; k < columns.Length; k++)
            {
                eta += beta[k] * (data.Covariate(i, columns[k]) - means[k]);
            }

            risk[i] = data.Weight(i) * Math.Exp(eta);
        }

        // Risk sets by sweeping: at time t, a row is at risk when start < t <= stop. Summing the risk of rows whose stop is
        // at or after t and taking away those whose start is at or after t gives it without visiting every row per time.
        var byStop = Enumerable.Range(0, n).OrderByDescending(data.Stop).ToArray();
        var byStart = Enumerable.Range(0, n).OrderByDescending(data.Start).ToArray();
        var dyingAt = Enumerable.Range(0, n).Where(data.Event).GroupBy(data.Stop).ToDictionary(g => g.Key, g => g.ToList());
        var eventTimes = dyingAt.Keys.OrderDescending().ToArray();
        var times = new List<double>();
        var steps = new List<double>();
        double stopSum = 0, startSum = 0;
        int s = 0, b = 0;
        foreach (var t in eventTimes)
        {
            while (s < n && data.Stop(byStop[s]) >= t)
            {
                stopSum += risk[byStop[s++]];
            }

            while (b < n && data.Start(byStart[b]) >= t)
            {
                startSum += risk[byStart[b++]];
            }

            var atRisk = stopSum - startSum;
            var dying = dyingAt[t];
            var d = dying.Count;
            var deadWeight = dying.Sum(data.Weight);
            double step;
            if (fit.Ties == CoxTies.Efron && d > 1)
            {
                var dyingRisk = dying.Sum(i => risk[i]);
                step = 0;
                for (var k = 0; k < d; k++)
                {
                    step += deadWeight / d / (atRisk - (k / (double)d * dyingRisk));
                }
            }
            else
            {
                step = deadWeight / atRisk;
            }

            times.Add(t);
            steps.Add(step);
        }

        times.Reverse();
        steps.Reverse();
        var cumulative = new double[steps.Count];
        var sum = 0.0;
        for (var k = 0; k < steps.Count; k++)
        {
            sum += steps[k];
            cumulative[k] = sum;
        }

        return new CoxPrediction([.. times], cumulative, beta, columns, means);
    }

    /// <summary>The baseline cumulative hazard (covariates at their means) just after time <paramref name="t"/>: 0 before the first event.</summary>
    public double CumulativeHazardAt(double t)
    {
        var times = (double[])Times;
        var at = Array.BinarySearch(times, t);
        var last = at >= 0 ? at : ~at - 1;
        return last < 0 ? 0 : CumulativeHazard[last];
    }

    /// <summary>The relative risk of covariates (all the data's covariates, in its order) against the means.</summary>
    public double RelativeRisk(IReadOnlyList<double> covariates)
    {
        ArgumentNullException.ThrowIfNull(covariates);
        var eta = 0.0;
        for (var k = 0; k < columns.Length; k++)
        {
            eta += beta[k] * (covariates[columns[k]] - means[k]);
        }

        return Math.Exp(eta);
    }

    /// <summary>Predicted survival to time <paramref name="t"/> for constant covariates: exp(−H0(t) · relative risk).</summary>
    public double Survival(double t, IReadOnlyList<double> covariates) => Math.Exp(-CumulativeHazardAt(t) * RelativeRisk(covariates));

    /// <summary>
    /// The probability of the event in (<paramref name="from"/>, <paramref name="to"/>] for a subject still at risk at
    /// <paramref name="from"/> whose covariates stay as given: 1 − S(to) / S(from).
    /// </summary>
    public double EventProbability(double from, double to, IReadOnlyList<double> covariates)
        => 1 - Math.Exp(-(CumulativeHazardAt(to) - CumulativeHazardAt(from)) * RelativeRisk(covariates));
}
