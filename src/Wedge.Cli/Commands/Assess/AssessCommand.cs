using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Analysis.Assessment;
using Wedge.Analysis.Evidence;
using Wedge.Application;
using Wedge.Application.Assessment;
using Wedge.Application.Problems;
using Wedge.Application.Store;
using Wedge.Cli.Infrastructure;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;

namespace Wedge.Cli.Commands.Assess;

/// <summary>Options shared by `assess` and `brief`: the pair, the parameter file and the simulation.</summary>
public class PairAssessmentSettings : ReadSettings
{
    [CommandArgument(0, "<A>")]
    [Description("First actor (id, name or alias), e.g. Taliban.")]
    public string A { get; set; } = "";

    [CommandArgument(1, "<B>")]
    [Description("Second actor, e.g. al-Qaeda.")]
    public string B { get; set; } = "";

    [CommandOption("--params <FILE>")]
    [Description("YAML or JSON file overriding assessment parameters (see docs/methods/assessment.md).")]
    public string? Params { get; set; }

    [CommandOption("--runs <N>")]
    [Description("Monte Carlo runs (default from the parameters: 2000; 0 skips the simulation).")]
    public int? Runs { get; set; }

    [CommandOption("--seed <S>")]
    [Description("Seed of the simulation (default from the parameters); the same seed gives the same intervals.")]
    public int? Seed { get; set; }

    public override ValidationResult Validate()
    {
        var basic = base.Validate();
        if (!basic.Successful)
        {
            return basic;
        }

        if (Runs is < 0)
        {
            return ValidationResult.Error("--runs must be 0 or more");
        }

        return Seed is < 0 ? ValidationResult.Error("--seed must be 0 or more") : ValidationResult.Success();
    }

    /// <summary>The pair, parameters and simulation these options ask for.</summary>
    public AssessRequest Request => new(A, B, Params, Runs, Seed);
}

public sealed class AssessSettings : PairAssessmentSettings
{
    [CommandOption("--explain")]
    [Description("Expand every figure to the ledger entries, ties and claims (source, grade) behind it.")]
    public bool Explain { get; set; }
}

/// <summary>`wedge assess A B`: each side's ledger over time, dependence, bonds, the verdict, its uncertainty and what moves it.</summary>
public sealed class AssessCommand(IAnsiConsole console, AssessmentService assessments) : Command<AssessSettings>
{
    public override int Execute(CommandContext context, AssessSettings settings, CancellationToken cancellationToken)
    {
        var r = assessments.Assess(settings.Slice, settings.Request, cancellationToken);
        if (settings.Json)
        {
            Output.Json(console, r);
            return 0;
        }

        Render(console, r, Output.Describe(settings.Slice), settings.Explain);
        return 0;
    }

    /// <summary>One decimal, negatives with the minus sign the verdict uses (CSV output turns it back into '-').</summary>
    private static string N(double v)
    {
        var text = Math.Abs(v).ToString("0.0", CultureInfo.InvariantCulture);
        return v < 0 && text != "0.0" ? "−" + text : text;
    }

    private static string Pct(double v) => v.ToString("0%", CultureInfo.InvariantCulture);

    public static void Render(IAnsiConsole console, AllianceAssessment r, string slice, bool explain)
    {
        console.Write(new Rule($"[bold]{Output.Esc(r.A.Name)} – {Output.Esc(r.B.Name)}[/]: alliance assessment [grey]({Output.Esc(slice)}; series {r.FirstYear}–{r.LastYear})[/]").LeftJustified());
        console.Write(new Panel(new Rows(r.Findings.Select(f => (Spectre.Console.Rendering.IRenderable)new Markup(
                f.IsFlag ? $"[yellow bold]{Output.Esc(f.Line)}[/]" : Output.Esc(f.Line)))))
            .Header("verdict").Border(BoxBorder.Rounded));

        var ledger = Output.Table("side", "benefit or cost", "category", "value", "entries");
        foreach (var s in new[] { r.A, r.B })
        {
            foreach (var c in s.Benefits.Concat(s.Costs))
            {
                ledger.AddTextRow(s.Name, c.IsCost ? "cost" : "benefit", AssessmentWords.CategoryWords(c.Category), (c.IsCost ? "−" : "+") + N(c.Total), string.Join(", ", c.Entries.Select(e => e.Entry.Id)));
            }

            ledger.AddTextRow(s.Name, "net", "", AllianceAssessor.Signed(s.Net) + (r.Uncertainty is { } u ? $"  [{N(Side(u, s, r).Net.Low)}, {N(Side(u, s, r).Net.High)}]" : ""), s.Balance.Kebab());
        }

        console.Write(ledger);

        var series = Output.Table("year", $"{r.A.Name} benefits", "costs", "net", $"{r.B.Name} benefits", "costs", "net");
        for (var k = 0; k < r.A.Series.Count; k++)
        {
            var (a, b) = (r.A.Series[k], r.B.Series[k]);
            series.AddTextRow(a.Year.ToString(CultureInfo.InvariantCulture), N(a.Benefits), N(a.Costs), N(a.Net), N(b.Benefits), N(b.Costs), N(b.Net));
        }

        console.Write(series);

        var dep = Output.Table("side", "resource", "partner's share", "reading", "providers (share)");
        foreach (var s in new[] { r.A, r.B })
        {
            foreach (var d in s.DependenceByResource)
            {
                dep.AddTextRow(s.Name, d.CategoryWords, Pct(d.PartnerShare), d.Confidence == DependenceConfidence.Low ? $"{d.Reading.Words()} (low confidence)" : d.Reading.Words(),
                    string.Join(", ", d.Providers.Select(p => $"{p.Label} {Pct(p.Share)}")));
            }
        }

        console.Write(dep);
        console.MarkupLine($"Dependence on the partner: {Output.Esc(r.A.Name)} {Pct(r.A.Dependence)}, {Output.Esc(r.B.Name)} {Pct(r.B.Dependence)} (asymmetry {N(r.Asymmetry * 100)} points).");

        var bonds = Output.Table("bond", "strength", "weight", "what the record shows");
        foreach (var b in r.Bonds)
        {
            bonds.AddTextRow(b.Label, Pct(b.Strength), N(b.Weight), b.Description);
        }

        console.Write(bonds);
        console.MarkupLine($"Bond index: {Pct(r.BondIndex)}" + (r.Uncertainty is { } bu ? $" [grey]({Pct(bu.Level)} interval {Pct(bu.BondIndex.Low)}–{Pct(bu.BondIndex.High)})[/]" : ""));

        if (r.Uncertainty is { } un)
        {
            var t = Output.Table("side", "net (point)", $"{Pct(un.Level)} interval", "P(net < 0)", "P(flagged)");
            foreach (var s in new[] { r.A, r.B })
            {
                var su = Side(un, s, r);
                t.AddTextRow(s.Name, N(su.Net.Point), $"{N(su.Net.Low)} to {N(su.Net.High)}", Pct(su.ProbabilityNetNegative), Pct(su.ProbabilityFlag));
            }

            console.Write(t);
            console.MarkupLine($"[grey]Monte Carlo: {un.Runs} runs, seed {un.Seed}; each claim right with its grade's probability, magnitudes drawn over their ranges; the alliance holds in {Pct(un.ShareHolds)} of them.[/]");
        }

        if (r.Sensitivity.Count > 0)
        {
            console.MarkupLine("[bold]What moves the verdict most[/]" + (r.Sensitivity.Any(x => x.ChangesVerdict) ? "" : " [grey](no single claim, taken away, changes the verdict)[/]"));
            foreach (var s in r.Sensitivity)
            {
                console.MarkupLine($"  • {Output.Esc(s.Effect)} [grey]“{Output.Esc(s.Claim.Text)}”[/]");
            }
        }

        if (explain)
        {
            Explain(console, r);
        }
    }

    private static SideUncertainty Side(Uncertainty u, SideAssessment s, AllianceAssessment r) => ReferenceEquals(s, r.A) ? u.A : u.B;

    private static void Explain(IAnsiConsole console, AllianceAssessment r)
    {
        var tree = new Tree("[bold]Where each figure comes from[/]");
        foreach (var s in new[] { r.A, r.B })
        {
            var side = tree.AddNode($"{Output.Esc(s.Name)}: net {Output.Esc(AllianceAssessor.Signed(s.Net))}");
            foreach (var c in s.Benefits.Concat(s.Costs))
            {
                var cat = side.AddNode($"{(c.IsCost ? "cost" : "benefit")} {Output.Esc(c.Category)} = {N(c.Total)} (Σ value per year × evidence × share of each year covered)");
                foreach (var e in c.Entries)
                {
                    AddFact(cat.AddNode($"{Output.Esc(e.Entry.Id)}: {Output.Esc(e.Entry.Summary)} → {N(e.ValuePerYear)}/year (evidence {Pct(e.Entry.Evidence)}), total {N(e.Total)}"), e.Entry);
                }
            }

            foreach (var d in s.DependenceByResource)
            {
                var dn = side.AddNode($"dependence: {Output.Esc(d.Category)} — partner's share {Pct(d.PartnerShare)} of {N(d.Total)}");
                foreach (var p in d.Providers)
                {
                    var pn = dn.AddNode($"{Output.Esc(p.Name)}: {N(p.Value)} ({Pct(p.Share)})");
                    foreach (var f in p.Entries)
                    {
                        AddFact(pn.AddNode($"{Output.Esc(f.Id)}: {Output.Esc(f.Summary)} (evidence {Pct(f.Evidence)})"), f);
                    }
                }
            }
        }

        var bonds = tree.AddNode("bonds");
        foreach (var b in r.Bonds)
        {
            var bn = bonds.AddNode($"{Output.Esc(b.Label)}: strength {Pct(b.Strength)} × weight {N(b.Weight)}");
            foreach (var f in b.Basis)
            {
                AddFact(bn.AddNode($"{Output.Esc(f.Kind)} {Output.Esc(f.Id)}: {Output.Esc(f.Summary)} (evidence {Pct(f.Evidence)})"), f);
            }
        }

        var persist = tree.AddNode($"alliance holds: {(r.Holds ? "yes" : "no")} (P(holds) {Pct(r.PHolds)}; weighed, docs/methods/evidence.md)");
        foreach (var i in r.Relation.Items)
        {
            persist.AddNode(Output.Esc(EvidenceText.Describe(i)));
        }

        console.Write(tree);
    }

    private static void AddFact(TreeNode node, FactRef fact)
    {
        if (fact.Claims.Count == 0)
        {
            node.AddNode("[grey]unsourced: counted at the unsourced weight[/]");
        }

        foreach (var c in fact.Claims)
        {
            node.AddNode($"{Output.Esc(c.Grade)} (p={c.Probability.ToString("0.00", CultureInfo.InvariantCulture)}){(c.Stance == ClaimStance.Disputes ? " [red]DISPUTES[/]" : "")} {Output.Esc(c.Citation)}{(c.Locator is null ? "" : ", " + Output.Esc(c.Locator))}: {Output.Esc(c.Text)} [grey]({Output.Esc(c.Id)})[/]");
        }
    }
}
