using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application.Durability;
using Wedge.Cli.Infrastructure;

namespace Wedge.Cli.Commands.Durability;

/// <summary>`wedge durability cox`: a Cox proportional-hazards model on a CSV, with R's numbers.</summary>
public sealed class DurabilityCoxCommand(IAnsiConsole console) : Command<DurabilitySettings>
{
    public override int Execute(CommandContext context, DurabilitySettings settings, CancellationToken cancellationToken)
    {
        var r = SurvivalFileService.Cox(settings.Input!, settings.Columns(), settings.TiesMethod);
        if (settings.Json)
        {
            Output.Json(console, r);
            return 0;
        }

        console.MarkupLine($"[bold]Cox proportional hazards[/] ({Output.Esc(r.Input)}; ties: {r.Ties}): n = {r.N}, events = {r.Events}");
        Render(console, r);
        return 0;
    }

    /// <summary>The coefficient table, concordance, tests and warnings of a Cox fit.</summary>
    internal static void Render(IAnsiConsole console, CoxResult r)
    {
        var robust = r.Coefficients.Any(c => c.RobustSe is not null);
        var table = robust
            ? Output.Table("covariate", "coef", "exp(coef)", "se(coef)", "robust se", "z", "p", "lower .95", "upper .95")
            : Output.Table("covariate", "coef", "exp(coef)", "se(coef)", "z", "p", "lower .95", "upper .95");
        foreach (var c in r.Coefficients)
        {
            var cells = new List<string?> { c.Name, F(c.Coef), F(c.HazardRatio), F(c.Se) };
            if (robust)
            {
                cells.Add(F(c.RobustSe));
            }

            cells.AddRange([F(c.Z), P(c.P), F(c.Lower95), F(c.Upper95)]);
            table.AddTextRow([.. cells]);
        }

        console.Write(table);
        console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Concordance = {r.Concordance:0.000}; log-likelihood {r.Loglik[0]:0.###} (null) → {r.Loglik[1]:0.###}"));
        WriteTest("Likelihood ratio test", r.Tests.LikelihoodRatio);
        WriteTest(robust ? "Wald test (robust variance)" : "Wald test", r.Tests.Wald);
        WriteTest("Score (logrank) test", r.Tests.Score);
        if (r.Tests.RobustScore is { } rs)
        {
            WriteTest("Robust score test", rs);
        }

        foreach (var w in r.Warnings)
        {
            console.MarkupLine($"[yellow]warning:[/] {Output.Esc(w)}");
        }

        void WriteTest(string name, TestView t)
            => console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name} = {t.Statistic:0.##} on {t.Df} df, p = {t.P:G4}"));
    }

    internal static string F(double? v) => v is { } x ? x.ToString("G6", CultureInfo.InvariantCulture) : "NA";

    internal static string P(double? v) => v is { } x ? x.ToString("G3", CultureInfo.InvariantCulture) : "NA";
}
