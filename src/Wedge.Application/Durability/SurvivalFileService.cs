using System.Text.Json.Serialization;
using Wedge.Analysis.Durability;
using Wedge.Application.Problems;
using Wedge.Core.Collections;
using Wedge.Data.Survival;

namespace Wedge.Application.Durability;

// The result records below are the JSON contract of `wedge durability ... --json` (camelCase, NaN as null).

// NA (a singular column, an infinite bound) is written as null rather than left out.
public sealed record CoxCoefficientView(
    string Name,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Coef,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Se,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? RobustSe,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? HazardRatio,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Lower95,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Upper95,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Z,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? P);

public sealed record TestView(double Statistic, int Df, double P);

public sealed record CoxTestsView(TestView LikelihoodRatio, TestView Wald, TestView Score, TestView? RobustScore);

public sealed record CoxResult(
    string Input, string Ties, EquatableList<CoxCoefficientView> Coefficients, EquatableList<double> Loglik, int N, int Events,
    double Concordance, CoxTestsView Tests, int Iterations, bool Converged, EquatableList<string> Warnings);

public sealed record CurveView(string Group, EquatableList<double> Time, EquatableList<int> NRisk, EquatableList<int> NEvent, EquatableList<int> NCensor, EquatableList<double> Survival, EquatableList<double?> StdErr, EquatableList<double?> Lower, EquatableList<double?> Upper, EquatableList<double> CumHaz, EquatableList<double> StdCumHaz);

public sealed record KaplanMeierResult(string Input, double ConfidenceLevel, EquatableList<CurveView> Curves, EquatableList<string> Warnings);

public sealed record LogRankGroupView(string Group, double Observed, double Expected);

public sealed record LogRankResultView(string Input, EquatableList<LogRankGroupView> Groups, TestView Test, bool Stratified, EquatableList<string> Warnings);

public sealed record ZphRowView(string Name, double Chisq, int Df, double P);

public sealed record ZphResult(string Input, string Transform, EquatableList<ZphRowView> Table, EquatableList<string> Warnings);

/// <param name="Cause">The ending modelled; the others compete with it.</param>
/// <param name="Rows">Rows of the Fine–Gray layout the weighted Cox model is fitted on.</param>
public sealed record FineGrayResult(string Input, string Cause, EquatableList<string> Competing, int Subjects, int Rows, CoxResult Model);

public sealed record IncidenceView(string Group, string Cause, EquatableList<double> Time, EquatableList<double> Incidence, EquatableList<double> StdErr);

public sealed record CumulativeIncidenceResult(string Input, EquatableList<IncidenceView> Curves, EquatableList<string> Warnings);

/// <summary>
/// The durability use cases on a researcher's own CSV (`wedge durability cox|finegray|km|logrank|zph|cif`): read, fit,
/// shape the result. No console: every host calls these.
/// </summary>
public static class SurvivalFileService
{
    private static ProblemException Refusal(string message) => Problem.Refused("refused", message).Exception();

    public static CoxResult Cox(string input, SurvivalColumns columns, CoxTies ties)
    {
        if (columns.Covariates is not { Count: > 0 })
        {
            throw Refusal("--covariates: name at least one numeric column");
        }

        var table = Read(input, columns, requireEvents: true);
        return View(table, ties, Fit(table, table.Data, ties));
    }

    /// <summary>The Fine–Gray subdistribution hazards of one ending among competing ones (R's finegray + weighted coxph).</summary>
    public static FineGrayResult FineGray(string input, SurvivalColumns columns, string ofInterest, CoxTies ties)
    {
        if (columns.Covariates is not { Count: > 0 })
        {
            throw Refusal("--covariates: name at least one numeric column");
        }

        if (ties == CoxTies.Exact)
        {
            throw Refusal("--ties exact: the Fine–Gray fit is weighted, and the exact likelihood takes no weights; use efron or breslow");
        }

        if (columns.Start is not null)
        {
            throw Refusal("--start: the Fine–Gray model is fitted here on right-censored data only (one row per subject, no start time)");
        }

        var table = Read(input, columns with { EventIsCause = true, Cluster = null }, requireEvents: true);
        var cause = table.CauseLabels.ToList().IndexOf(ofInterest) + 1;
        if (cause == 0)
        {
            throw Refusal($"{table.File}: --of '{ofInterest}' is not an ending in column '{columns.Event}' (endings there: {string.Join(", ", table.CauseLabels)})");
        }

        if (!table.Causes!.Contains(cause))
        {
            throw Refusal($"{table.File}: no row ends by '{ofInterest}': there is nothing to model");
        }

        var expanded = Analysis.Durability.FineGray.Expand(table.Data, table.Causes!, cause);
        var model = View(table, ties, Fit(table, expanded.Data, ties));
        return new FineGrayResult(table.File, ofInterest, [.. table.CauseLabels.Where(l => l != ofInterest)], table.Data.Count, expanded.Data.Count, model);
    }

    public static KaplanMeierResult KaplanMeier(string input, SurvivalColumns columns, double level)
    {
        var table = Read(input, columns, requireEvents: false);
        var curves = Analysis.Durability.KaplanMeier.Fit(table.Data, level);
        return new KaplanMeierResult(table.File, level, [.. curves.Select(c => new CurveView(
            table.StrataLabels[c.Stratum], [.. c.Time], [.. c.AtRisk], [.. c.Events], [.. c.Censored], [.. c.Survival],
            [.. c.StdErr.Select(N)], [.. c.Lower.Select(N)], [.. c.Upper.Select(N)], [.. c.CumHaz], [.. c.StdCumHaz]))], [.. table.Warnings]);
    }

    public static LogRankResultView LogRank(string input, SurvivalColumns columns, string group)
    {
        var byGroup = Read(input, columns with { Strata = group, Covariates = null }, requireEvents: true);
        var byStrata = Read(input, columns with { Covariates = null, Cluster = null }, requireEvents: true);
        if (byGroup.Data.Count != byStrata.Data.Count)
        {
            // Missing values differ between the group and strata columns: read both together so the same rows are used.
            throw Refusal($"{byGroup.File}: the group column '{group}' and the strata column have missing values on different rows; remove those rows first");
        }

        if (byGroup.StrataLabels.Count < 2)
        {
            throw Refusal($"{byGroup.File}: column '{group}' has a single value; a log-rank test needs two or more groups");
        }

        var result = Analysis.Durability.LogRank.Test(byStrata.Data, [.. Enumerable.Range(0, byGroup.Data.Count).Select(byGroup.Data.Stratum)]);
        return new LogRankResultView(byGroup.File,
            [.. byGroup.StrataLabels.Select((label, g) => new LogRankGroupView(label, result.Observed[g], result.Expected[g]))],
            View(result.Test), columns.Strata is not null, [.. byGroup.Warnings]);
    }

    public static ZphResult Zph(string input, SurvivalColumns columns, CoxTies ties, TimeTransform transform)
    {
        if (columns.Covariates is not { Count: > 0 })
        {
            throw Refusal("--covariates: name at least one numeric column");
        }

        var table = Read(input, columns, requireEvents: true);
        var fit = Fit(table, table.Data, ties);
        var rows = ProportionalHazardsTest.Test(table.Data, fit, transform);
        return new ZphResult(table.File, transform == TimeTransform.Identity ? "identity" : "km",
            [.. rows.Select(r => new ZphRowView(r.Name, r.ChiSquare, r.DegreesOfFreedom, r.P))],
            [.. table.Warnings, .. fit.Warnings.Select(w => w.Message)]);
    }

    public static CumulativeIncidenceResult Incidence(string input, SurvivalColumns columns)
    {
        if (columns.Start is not null)
        {
            throw Refusal("--start: cumulative incidence is computed for right-censored data only");
        }

        var table = Read(input, columns with { EventIsCause = true, Covariates = null }, requireEvents: true);
        var curves = CumulativeIncidence.Fit(table.Data, table.Causes!);
        var views = new List<IncidenceView>();
        foreach (var c in curves)
        {
            for (var cause = 1; cause <= table.CauseLabels.Count; cause++)
            {
                views.Add(new IncidenceView(table.StrataLabels[c.Stratum], table.CauseLabels[cause - 1], [.. c.Time], [.. c.Probability[cause]], [.. c.StdErr[cause]]));
            }
        }

        return new CumulativeIncidenceResult(table.File, [.. views], [.. table.Warnings]);
    }

    /// <summary>
    /// The Cox fit, refused in words when its information matrix is not positive definite. Found by fuzzing (fuzz/,
    /// survival-csv): three rows at time 0 in two strata made MathNet's Cholesky factorisation throw out of the command.
    /// </summary>
    private static CoxFit Fit(SurvivalTable table, Core.Durability.SurvivalData data, CoxTies ties)
    {
        try
        {
            return CoxModel.Fit(data, new CoxOptions(ties));
        }
        catch (ArgumentException ex) when (ex.TargetSite?.DeclaringType?.Namespace?.StartsWith("MathNet", StringComparison.Ordinal) == true)
        {
            throw Refusal($"{table.File}: the Cox model cannot be fitted to these rows: its information matrix is not positive definite "
                + "(too few events, or a covariate that does not vary within the strata)");
        }
    }

    private static SurvivalTable Read(string input, SurvivalColumns columns, bool requireEvents)
    {
        var read = SurvivalCsv.Read(input, columns, requireEvents);
        return read.IsSuccess ? read.Table! : throw Refusal(string.Join(Environment.NewLine, read.Errors));
    }

    private static CoxResult View(SurvivalTable table, CoxTies ties, CoxFit fit) => new(
        table.File, ties.ToString().ToLowerInvariant(),
        [.. fit.Coefficients.Select(c => new CoxCoefficientView(c.Name, N(c.Coef), N(c.Se), c.RobustSe is { } r ? N(r) : null, N(c.HazardRatio), N(c.Lower95), N(c.Upper95), N(c.Z), N(c.P)))],
        [fit.NullLogLik, fit.LogLik], fit.N, fit.Events, fit.Concordance.Value,
        new CoxTestsView(View(fit.LikelihoodRatio), View(fit.Wald), View(fit.Score), fit.RobustScore is { } rs ? View(rs) : null),
        fit.Iterations, fit.Converged, [.. table.Warnings.Concat(fit.Warnings.Select(w => $"{table.File}: {w.Message}"))]);

    private static TestView View(ChiSquareTest t) => new(t.Statistic, t.DegreesOfFreedom, t.P);

    /// <summary>NaN and infinities become null: JSON has no such numbers (R prints NA or Inf).</summary>
    private static double? N(double v) => double.IsFinite(v) ? v : null;
}
