using System.Diagnostics;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Analysis.Negotiation;
using Wedge.Application.Negotiation;
using Wedge.Application.Problems;
using Wedge.Cli.Infrastructure;
using Wedge.Core.Collections;
using Wedge.Core.Negotiation;

namespace Wedge.Cli.Commands.Negotiate;

/// <summary>
/// `wedge negotiate SCENARIO`: forecast a negotiation (one run, Monte Carlo with --runs, or a concession search with
/// --seek/--vary/--keep).
/// </summary>
public sealed class NegotiateCommand(IAnsiConsole console, NegotiationService negotiations) : Command<NegotiateSettings>
{
    public override int Execute(CommandContext context, NegotiateSettings settings, CancellationToken cancellationToken)
    {
        if (settings.IsImport)
        {
            var imported = negotiations.ImportKtab(settings.File!, settings.Out, settings.Force);
            console.MarkupLine($"Wrote {Output.Esc(imported.Path)} ({imported.Actors} actors, {imported.Dimensions} dimensions).");
            return 0;
        }

        var scenario = settings.Scenario.StartsWith("./import-ktab", StringComparison.OrdinalIgnoreCase) ? settings.Scenario[2..] : settings.Scenario;
        var options = settings.Options();
        if (settings.Seek is not null)
        {
            return Seek(scenario, settings, options, cancellationToken);
        }

        if (settings.Runs is { } runs)
        {
            return MonteCarloRun(scenario, settings, options, runs, cancellationToken);
        }

        var forecast = negotiations.Forecast(scenario, options, settings.Chart);
        if (settings.Json)
        {
            Output.Json(console, forecast);
            return 0;
        }

        ShowRun(forecast.Run, forecast.Risks, forecast.Unlimited);
        if (settings.Chart is not null)
        {
            console.MarkupLine($"Chart of positions over turns written to {Output.Esc(Path.GetFullPath(settings.Chart))}.");
        }

        return 0;
    }

    private int MonteCarloRun(string scenario, NegotiateSettings settings, SmpOptions options, int runs, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var result = negotiations.MonteCarlo(scenario, runs, settings.Seed, options, settings.Threads, cancellationToken);
        clock.Stop();
        if (settings.Json)
        {
            Output.Json(console, result);
            return 0;
        }

        console.MarkupLine($"[bold]{Output.Esc(result.Scenario)}[/]: {runs} Monte Carlo draws, seed {settings.Seed}, {clock.Elapsed.TotalSeconds:0.0} s.");
        var table = new Table().Title("Forecast distribution (0–100)").AddColumns("dimension", "measure", "mean", "sd", "p05", "median", "p95");
        foreach (var d in result.Dimensions)
        {
            AddDistribution(table, d.Name, "weighted", d.WeightedOutcome);
            AddDistribution(table, "", "most likely", d.MostLikely);
        }

        console.Write(table);
        if (result.Fragmentation.Count > 0)
        {
            var frag = new Table().Title("Fragmentation risk distribution (0–1)").AddColumns("movement", "measure", "mean", "sd", "p05", "median", "p95");
            foreach (var (id, dist) in result.Fragmentation)
            {
                AddDistribution(frag, result.MovementNames[id], "risk", dist, "0.00");
            }

            console.Write(frag);
        }

        return 0;
    }

    private static void AddDistribution(Table table, string name, string measure, Distribution d, string format = "0.0")
        => table.AddRow(Output.Esc(name), measure, F(d.Mean, format), F(d.StdDev, format), F(d.P05, format), F(d.Median, format), F(d.P95, format));

    private int Seek(string scenarioName, NegotiateSettings settings, SmpOptions options, CancellationToken cancellationToken)
    {
        var answer = negotiations.Seek(scenarioName, new ConcessionRequest(settings.Seek!, settings.Vary!, settings.Keep.ToEquatableList(), settings.Step,
            settings.Measure == "likely" ? OutcomeMeasure.MostLikely : OutcomeMeasure.Weighted), options, settings.Threads, cancellationToken);
        if (settings.Json)
        {
            Output.Json(console, answer);
            return 0;
        }

        var (scenario, query, result) = (answer.Model, answer.Query, answer);
        var (seek, vary) = (query.Seek, (Actor: query.Actor, Dimension: query.Dimension));
        var seekName = scenario.Dimensions[seek.Dimension].Name;
        console.MarkupLine($"[bold]{Output.Esc(scenario.Name)}[/]: concession search");
        console.MarkupLine($"Varying {Output.Esc(scenario.Actors[vary.Actor].DisplayName)} on {Output.Esc(scenario.Dimensions[vary.Dimension].Name)}, " +
            $"step {settings.Step.ToString(CultureInfo.InvariantCulture)}, checking the {(query.Measure == OutcomeMeasure.Weighted ? "probability-weighted" : "most likely")} forecast on {Output.Esc(seekName)}.");
        var table = new Table().Title("Working").AddColumns("position", "change", Output.Esc(seekName), "target met");
        foreach (var movement in scenario.Movements)
        {
            table.AddColumn($"fragmentation({Output.Esc(movement.Id)})");
        }

        table.AddColumn("limits kept");
        var shown = result.Trials.Where(t => t == result.Answer || t == result.Baseline || Math.Abs(t.Position % 5) < 1e-9
            || Math.Abs(t.Position - 100) < 1e-9).ToArray();
        foreach (var t in shown)
        {
            var cells = new List<string>
            {
                F(t.Position, "0.##") + (t == result.Answer ? " [green]◀ answer[/]" : t == result.Baseline ? " (start)" : ""),
                t.Change.ToString("+0.##;-0.##;0", CultureInfo.InvariantCulture),
                F(t.Outcome, "0.00"),
                t.MeetsSeek ? "yes" : "no",
            };
            cells.AddRange(scenario.Movements.Select(m => F(t.Fragmentation[m.Id], "0.00")));
            cells.Add(t.KeepsLimits ? "yes" : "no");
            table.AddRow(cells.ToArray());
        }

        console.Write(table);
        console.MarkupLine($"({shown.Length} of {result.Trials.Count} positions tried are shown: multiples of 5, the start and the answer; --json lists all.)");
        console.MarkupLine((result.Answer is null ? "[yellow]" : "[green]") + Output.Esc(result.Explanation) + "[/]");
        return 0;
    }

    private void ShowRun(NegotiationRun run, IReadOnlyList<MovementRisk> fragmentation, NegotiationRun? unlimited)
    {
        var scenario = run.Scenario;
        var dims = scenario.Dimensions;
        console.MarkupLine($"[bold]{Output.Esc(scenario.Name)}[/]: {run.TurnsPlayed} turns, stopped: {run.StopReason}.");

        var forecast = new Table().Title("Forecast (0–100)").AddColumns("dimension", "probability-weighted", "most likely");
        if (unlimited is not null)
        {
            forecast.AddColumn("everyone at the table");
        }

        for (var d = 0; d < dims.Count; d++)
        {
            var row = new List<string> { Output.Esc(dims[d].Name), F(run.WeightedOutcome[d], "0.0"), F(run.MostLikely.Position[d], "0.0") };
            if (unlimited is not null)
            {
                row.Add(F(unlimited.WeightedOutcome[d], "0.0"));
            }

            forecast.AddRow(row.ToArray());
        }

        console.Write(forecast);
        if (unlimited is not null)
        {
            console.MarkupLine("[dim]Last column: the same scenario with not-at-table and flexibility limits lifted (every actor bargains, as in KTAB).[/]");
        }

        var actors = new Table().Title("Actors: start → end").AddColumn("actor");
        foreach (var d in dims)
        {
            actors.AddColumn(Output.Esc(d.Id));
        }

        actors.AddColumns("p(position prevails)", "note");
        for (var i = 0; i < scenario.Actors.Count; i++)
        {
            var a = scenario.Actors[i];
            var row = new List<string> { Output.Esc(a.DisplayName) };
            for (var d = 0; d < dims.Count; d++)
            {
                row.Add($"{F(run.Turns[0].Positions[i][d], "0.0")} → {F(run.Final.Positions[i][d], "0.0")}");
            }

            row.Add(F(run.ActorProbabilities[i], "0.000"));
            row.Add(Output.Esc(string.Join("; ", new[]
            {
                a.AtTable ? null : "not at the table",
                a.Flexibility is { } f ? $"moves at most {f.ToString(CultureInfo.InvariantCulture)}" : null,
                a.Movement is { } m ? $"faction of {m}" : null,
            }.Where(s => s is not null))));
            actors.AddRow(row.ToArray());
        }

        console.Write(actors);

        var coalitions = new Table().Title("Coalitions at the end (distinct final positions)").AddColumns("position", "p", "actors");
        foreach (var c in run.Coalitions.OrderByDescending(c => c.Probability))
        {
            coalitions.AddRow("(" + string.Join(", ", c.Position.Select(p => F(p, "0.0"))) + ")", F(c.Probability, "0.000"),
                Output.Esc(string.Join(", ", c.Actors.Select(i => scenario.Actors[i].DisplayName))));
        }

        console.Write(coalitions);

        var moves = new Table().Title("Who moved whom (moves of at least 0.5 points)").AddColumns("turn", "actor", "adopted the offer of", "to", "moved");
        var count = 0;
        foreach (var turn in run.Turns)
        {
            foreach (var m in turn.Moves.Where(m => m.Distance >= 0.5))
            {
                var other = m.Actor == m.Challenger ? m.Target : m.Challenger;
                var by = m.Actor == m.Challenger ? $"its own challenge to {scenario.Actors[other].DisplayName}" : scenario.Actors[other].DisplayName;
                moves.AddRow((turn.Turn + 1).ToString(CultureInfo.InvariantCulture), Output.Esc(scenario.Actors[m.Actor].DisplayName), Output.Esc(by),
                    "(" + string.Join(", ", run.Turns[turn.Turn + 1].Positions[m.Actor].Select(p => F(p, "0.0"))) + ")", F(m.Distance, "0.0"));
                count++;
            }
        }

        if (count > 0)
        {
            console.Write(moves);
        }
        else
        {
            console.MarkupLine("Nobody moved: no actor found a challenge worth making.");
        }

        foreach (var movement in fragmentation)
        {
            var table = new Table().Title($"Fragmentation of {Output.Esc(movement.Movement.Name)}: risk {F(movement.Risk, "0.00")}")
                .AddColumns("faction", "gap", "tolerance", "split risk", "weight");
            foreach (var f in movement.Factions.OrderByDescending(f => f.Risk))
            {
                table.AddRow(Output.Esc(scenario.Actors[f.Actor].DisplayName), F(f.Gap, "0.0"), F(f.Tolerance, "0.#"), F(f.Risk, "0.00"), F(f.Weight, "0.0"));
            }

            console.Write(table);
            foreach (var f in movement.Factions.OrderByDescending(f => f.Risk))
            {
                console.MarkupLine("- " + Output.Esc(f.Reasoning));
            }

            console.MarkupLine(Output.Esc(movement.Reasoning));
        }
    }

    private static string F(double value, string format) => value.ToString(format, CultureInfo.InvariantCulture);
}
