using System.Text.Json.Serialization;
using Wedge.Analysis.Negotiation;
using Wedge.Application.Problems;
using Wedge.Core.Collections;
using Wedge.Core.Negotiation;
using Wedge.Data.Files;
using Wedge.Data.Scenarios;
using Wedge.Reports.Negotiation;
using Wedge.Reports.Network;

namespace Wedge.Application.Negotiation;

/// <summary>An actor of a forecast: who, where it started and ended, and how likely its position is to prevail.</summary>
public sealed record ForecastActor(string Id, string Name, string? KnowledgeBaseActor, string? Movement, bool AtTable, double? Flexibility,
    EquatableList<double> Start, EquatableList<double> End, double Probability);

public sealed record ForecastFragmentation(string Movement, EquatableList<double> Settlement, double Risk, string Reasoning, EquatableList<FactionRisk> Factions);

/// <summary>The forecast with table limits lifted (every actor bargains, as in KTAB).</summary>
public sealed record EveryoneAtTable(EquatableList<double> WeightedOutcome, OutcomePosition MostLikely);

/// <summary>
/// `negotiate SCENARIO`: one run of the model. <see cref="Run"/>, <see cref="Risks"/> and <see cref="Unlimited"/> are
/// the model's own results, for display; the rest is the JSON contract.
/// </summary>
/// <remarks>The model's runs hold their scenario, whose input lists compare by reference: two forecasts are equal only when they share it.</remarks>
public sealed record NegotiationForecast(string Scenario, EquatableList<Dimension> Dimensions, EquatableList<ForecastActor> Actors, int TurnsPlayed,
    string StopReason, EquatableList<double> WeightedOutcome, OutcomePosition MostLikely, EquatableList<OutcomePosition> Coalitions,
    EquatableList<TurnState> Turns, EquatableList<ForecastFragmentation> Fragmentation,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] EveryoneAtTable? EveryoneAtTable)
{
    [JsonIgnore]
    public NegotiationRun Run { get; init; } = null!;

    [JsonIgnore]
    public EquatableList<MovementRisk> Risks { get; init; } = [];

    [JsonIgnore]
    public NegotiationRun? Unlimited { get; init; }
}

public sealed record DimensionDistribution(string Id, string Name, Distribution WeightedOutcome, Distribution MostLikely);

/// <summary>`negotiate --runs N`: distributions of the forecast over input ranges, and every draw.</summary>
public sealed record MonteCarloForecast(string Scenario, int Runs, int Seed, EquatableList<DimensionDistribution> Dimensions,
    EquatableMap<string, Distribution> Fragmentation, EquatableList<MonteCarloDraw> Draws)
{
    /// <summary>Movement names by id, for display.</summary>
    [JsonIgnore]
    public EquatableMap<string, string> MovementNames { get; init; } = new([]);
}

public sealed record VariedPosition(string Actor, string Dimension);

public sealed record SoughtOutcome(string Dimension, string Op, double Threshold);

public sealed record KeptLimit(string Movement, string Op, double Limit);

/// <summary>`negotiate --seek --vary`: the smallest sufficient concession, or none, with every trial as working.</summary>
public sealed record ConcessionAnswer(string Scenario, VariedPosition Vary, SoughtOutcome Seek, EquatableList<KeptLimit> Keep, OutcomeMeasure Measure, bool Found,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] ConcessionTrial? Answer,
    ConcessionTrial Baseline, string Explanation, EquatableList<ConcessionTrial> Trials)
{
    [JsonIgnore]
    public Scenario Model { get; init; } = null!;

    [JsonIgnore]
    public ConcessionQuery Query { get; init; } = null!;
}

/// <summary>What a concession search varies and seeks, as the user wrote it ("aq-ties &lt;= 20", "united-states:us-troops").</summary>
public sealed record ConcessionRequest(string Seek, string Vary, EquatableList<string> Keep, double Step = 1, OutcomeMeasure Measure = OutcomeMeasure.Weighted);

/// <summary>`negotiate import-ktab`: the YAML scenario written from a KTAB CSV.</summary>
public sealed record KtabImported(string Path, int Actors, int Dimensions);

/// <summary>The negotiation verbs: forecast, Monte Carlo, concession search, KTAB import.</summary>
public sealed class NegotiationService
{
    /// <summary>A scenario by path (YAML, or KTAB CSV for .csv) or built-in name.</summary>
    public static Scenario Load(string nameOrPath)
    {
        try
        {
            if (File.Exists(nameOrPath))
            {
                return nameOrPath.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? KtabCsv.ReadFile(nameOrPath) : ScenarioYaml.ReadFile(nameOrPath);
            }

            return BuiltInScenarios.Find(nameOrPath)
                ?? throw Problem.NotFound("scenario-not-found", $"no scenario file '{nameOrPath}', and no built-in scenario of that name (built-in: {string.Join(", ", BuiltInScenarios.Names)})").Exception();
        }
        catch (ScenarioFormatException e)
        {
            throw Problem.Refused("scenario-invalid", e.Message).Exception();
        }
        catch (ArgumentException e)
        {
            // Cross-field rules the readers leave to the model's constructor.
            throw Problem.Refused("scenario-invalid", $"{nameOrPath}: {e.Message}").Exception();
        }
    }

    /// <summary>One run; with table limits in play, also the run with them lifted. A chart of positions over turns is drawn when asked.</summary>
    public NegotiationForecast Forecast(string scenarioName, SmpOptions options, string? chart = null)
        => Forecast(Load(scenarioName), options, chart);

    /// <summary>One run of a scenario already read (e.g. one edited on the negotiation page).</summary>
    public NegotiationForecast Forecast(Scenario scenario, SmpOptions options, string? chart = null)
    {
        var run = SmpModel.Run(scenario, options);
        var fragmentation = FragmentationModel.Assess(run);
        var limited = scenario.Actors.Any(a => !a.AtTable || a.Flexibility is not null);
        var unlimited = limited && options.HonourTableLimits ? SmpModel.Run(scenario, options with { HonourTableLimits = false }) : null;
        if (chart is not null)
        {
            try
            {
                var image = PositionChart.Render(run, chart.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) ? ChartFormat.Svg : ChartFormat.Png);
                AtomicFile.Write(chart, (Stream file) => file.Write(image));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw Problem.Refused("cannot-write", $"cannot write chart {chart}: {e.Message}").Exception();
            }
        }

        return new NegotiationForecast(
            scenario.Name, scenario.Dimensions.ToEquatableList(),
            scenario.Actors.Select((a, i) => new ForecastActor(a.Id, a.DisplayName, a.KnowledgeBaseActor, a.Movement, a.AtTable, a.Flexibility,
                run.Turns[0].Positions[i], run.Final.Positions[i], run.ActorProbabilities[i])).ToEquatableList(),
            run.TurnsPlayed, run.StopReason, run.WeightedOutcome, run.MostLikely, run.Coalitions, run.Turns,
            fragmentation.Select(m => new ForecastFragmentation(m.Movement.Id, m.Settlement, m.Risk, m.Reasoning, m.Factions)).ToEquatableList(),
            unlimited is null ? null : new EveryoneAtTable(unlimited.WeightedOutcome, unlimited.MostLikely))
        {
            Run = run,
            Risks = fragmentation.ToEquatableList(),
            Unlimited = unlimited,
        };
    }

    /// <summary>Monte Carlo over the scenario's input ranges; the same seed gives the same draws whatever the thread count.</summary>
    public MonteCarloForecast MonteCarlo(string scenarioName, int runs, int seed, SmpOptions options, int? threads, CancellationToken cancellationToken = default)
    {
        var scenario = Load(scenarioName);
        cancellationToken.ThrowIfCancellationRequested();
        var result = Analysis.Negotiation.MonteCarlo.Run(scenario, runs, seed, options, threads, cancellationToken);
        return new MonteCarloForecast(scenario.Name, result.Runs, result.Seed,
            scenario.Dimensions.Select((d, i) => new DimensionDistribution(d.Id, d.Name, result.WeightedOutcome[i], result.MostLikely[i])).ToEquatableList(),
            result.Fragmentation, result.Draws)
        {
            MovementNames = scenario.Movements.Select(m => KeyValuePair.Create(m.Id, m.Name)).ToEquatableMap(),
        };
    }

    /// <summary>The smallest change of one actor's position that brings the forecast to what is sought, keeping the limits.</summary>
    public ConcessionAnswer Seek(string scenarioName, ConcessionRequest request, SmpOptions options, int? threads, CancellationToken cancellationToken = default)
        => Seek(Load(scenarioName), request, options, threads, cancellationToken);

    /// <summary>The concession search over a scenario already read (e.g. one edited on the negotiation page).</summary>
    public ConcessionAnswer Seek(Scenario scenario, ConcessionRequest request, SmpOptions options, int? threads, CancellationToken cancellationToken = default)
    {
        var seek = ConcessionSearch.ParseSeek(scenario, request.Seek, out var error) ?? throw Problem.Refused("bad-seek", error!).Exception();
        var vary = ConcessionSearch.ParseVary(scenario, request.Vary, out error) ?? throw Problem.Refused("bad-vary", error!).Exception();
        var keep = request.Keep.Select(k => ConcessionSearch.ParseKeep(scenario, k, out error) ?? throw Problem.Refused("bad-keep", error!).Exception()).ToArray();
        var query = new ConcessionQuery(vary.Actor, vary.Dimension, seek, keep.ToEquatableList(), request.Step, Measure: request.Measure);
        cancellationToken.ThrowIfCancellationRequested();
        var result = ConcessionSearch.Run(scenario, query, options, threads, cancellationToken);
        return new ConcessionAnswer(scenario.Name,
            new VariedPosition(scenario.Actors[vary.Actor].Id, scenario.Dimensions[vary.Dimension].Id),
            new SoughtOutcome(scenario.Dimensions[seek.Dimension].Id, ConcessionSearch.Symbol(seek.Op), seek.Threshold),
            keep.Select(k => new KeptLimit(k.Movement, ConcessionSearch.Symbol(k.Op), k.Limit)).ToEquatableList(),
            query.Measure, result.Answer is not null, result.Answer, result.Baseline, result.Explanation, result.Trials)
        {
            Model = scenario,
            Query = query,
        };
    }

    /// <summary>Converts a KTAB CSV scenario to Wedge's YAML (written atomically; an existing file only with <paramref name="force"/>).</summary>
    public KtabImported ImportKtab(string file, string? output, bool force)
    {
        if (!File.Exists(file))
        {
            throw Problem.NotFound("file-not-found", $"no such file: {file}").Exception();
        }

        Scenario scenario;
        try
        {
            scenario = KtabCsv.ReadFile(file);
        }
        catch (ScenarioFormatException e)
        {
            throw Problem.Refused("scenario-invalid", e.Message).Exception();
        }
        catch (ArgumentException e)
        {
            throw Problem.Refused("scenario-invalid", $"{file}: {e.Message}").Exception();
        }

        var path = output ?? Path.ChangeExtension(file, ".yaml");
        if (File.Exists(path) && !force)
        {
            throw Problem.Refused("file-exists", $"{path} exists; use --force to overwrite it or --out to choose another path").Exception();
        }

        var yaml = ScenarioYaml.Write(scenario, $"Converted from KTAB CSV {Path.GetFileName(file)} by `wedge negotiate import-ktab`.");
        Files.WriteAtomically(path, w => w.Write(yaml));
        return new KtabImported(Path.GetFullPath(path), scenario.Actors.Count, scenario.Dimensions.Count);
    }
}
