using System.Globalization;
using System.Text.RegularExpressions;
using Wedge.Core.Collections;
using Wedge.Core.Negotiation;

namespace Wedge.Analysis.Negotiation;

/// <summary>A comparison in a search condition.</summary>
public enum Comparison
{
    Below,
    AtMost,
    Above,
    AtLeast,
}

/// <summary>"The forecast on dimension <see cref="Dimension"/> must be <see cref="Op"/> <see cref="Threshold"/>" (0–100).</summary>
public sealed record SeekCondition(int Dimension, Comparison Op, double Threshold)
{
    public bool Holds(double value) => Compare(value, Op, Threshold);

    internal static bool Compare(double value, Comparison op, double threshold) => op switch
    {
        Comparison.Below => value < threshold,
        Comparison.AtMost => value <= threshold,
        Comparison.Above => value > threshold,
        Comparison.AtLeast => value >= threshold,
        _ => false,
    };
}

/// <summary>"Movement <see cref="Movement"/>'s fragmentation risk must stay <see cref="Op"/> <see cref="Limit"/>" (0–1).</summary>
public sealed record KeepCondition(string Movement, Comparison Op, double Limit)
{
    public bool Holds(double risk) => SeekCondition.Compare(risk, Op, Limit);
}

/// <summary>Which forecast the seek condition is checked against.</summary>
public enum OutcomeMeasure
{
    /// <summary>The probability-weighted outcome.</summary>
    Weighted,

    /// <summary>The most likely final position.</summary>
    MostLikely,
}

/// <summary>
/// The question: which smallest change in actor <see cref="Actor"/>'s position on dimension <see cref="Dimension"/>
/// brings the forecast past <see cref="Seek"/> while every <see cref="Keep"/> condition holds? Positions tried run from the
/// actor's starting position outwards in steps of <see cref="Step"/> within [<see cref="Min"/>, <see cref="Max"/>].
/// </summary>
public sealed record ConcessionQuery(int Actor, int Dimension, SeekCondition Seek, EquatableList<KeepCondition> Keep,
    double Step = 1, double Min = 0, double Max = 100, OutcomeMeasure Measure = OutcomeMeasure.Weighted);

/// <summary>One position tried for the varied actor, with what the forecast became.</summary>
public sealed record ConcessionTrial(double Position, double Change, double Outcome, EquatableMap<string, double> Fragmentation,
    bool MeetsSeek, bool KeepsLimits);

/// <summary>The answer: the smallest sufficient change, or null ("none within range"), with every trial as working.</summary>
public sealed record ConcessionResult(ConcessionQuery Query, ConcessionTrial Baseline, ConcessionTrial? Answer,
    EquatableList<ConcessionTrial> Trials, string Explanation);

/// <summary>Concession search over one actor's position on one dimension (Wedge's extension).</summary>
public static class ConcessionSearch
{
    public static ConcessionResult Run(Scenario scenario, ConcessionQuery query, SmpOptions? options = null, int? maxParallelism = null,
        CancellationToken cancellationToken = default)
    {
        options ??= SmpOptions.KtabDefaults;
        if (query.Step <= 0 || query.Min > query.Max)
        {
            throw new ArgumentException("The search needs a positive step and min <= max.");
        }

        foreach (var keep in query.Keep)
        {
            if (scenario.FindMovement(keep.Movement) is null)
            {
                throw new ArgumentException($"No movement '{keep.Movement}' in the scenario.");
            }
        }

        var actor = scenario.Actors[query.Actor];
        var start = actor.Positions[query.Dimension].Value;
        var candidates = new List<double> { start };
        for (var k = 1; ; k++)
        {
            var down = start - (k * query.Step);
            var up = start + (k * query.Step);
            var any = false;
            if (down >= query.Min - 1e-9)
            {
                candidates.Add(Math.Max(down, 0));
                any = true;
            }

            if (up <= query.Max + 1e-9)
            {
                candidates.Add(Math.Min(up, 100));
                any = true;
            }

            if (!any)
            {
                break;
            }
        }

        var trials = new ConcessionTrial[candidates.Count];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = maxParallelism ?? Environment.ProcessorCount, CancellationToken = cancellationToken };
        Parallel.For(0, candidates.Count, parallel, c => trials[c] = Try(scenario, query, options, candidates[c], start));

        var baseline = trials[0];
        var ordered = trials.OrderBy(t => t.Position).ToArray();
        var answer = trials.Where(t => t.MeetsSeek && t.KeepsLimits).OrderBy(t => Math.Abs(t.Change)).ThenBy(t => t.Position).FirstOrDefault();
        var dimension = scenario.Dimensions[query.Dimension].Name;
        var seekText = $"{scenario.Dimensions[query.Seek.Dimension].Name} {Symbol(query.Seek.Op)} {query.Seek.Threshold.ToString(CultureInfo.InvariantCulture)}";
        string explanation;
        if (answer is null)
        {
            var meetsOnly = trials.Count(t => t.MeetsSeek);
            explanation = string.Create(CultureInfo.InvariantCulture,
                $"None within range: no position of {actor.DisplayName} on {dimension} in [{query.Min:0.##}, {query.Max:0.##}] (step {query.Step:0.##}) brings {seekText}") +
                (query.Keep.Count > 0 ? $" while keeping {string.Join(", ", query.Keep.Select(k => $"fragmentation({k.Movement}) {Symbol(k.Op)} {k.Limit.ToString(CultureInfo.InvariantCulture)}"))}" : "") +
                (meetsOnly > 0 ? $"; {meetsOnly} position(s) reach the target but break a keep limit" : "; no position tried reaches the target at all.");
            if (meetsOnly > 0 && query.Keep.Count > 0)
            {
                // The nearest miss: among positions that reach the target, the one that strains the limits least.
                var nearest = trials.Where(t => t.MeetsSeek).MinBy(t => query.Keep.Max(k => t.Fragmentation[scenario.FindMovement(k.Movement)!.Id]))!;
                explanation += string.Create(CultureInfo.InvariantCulture,
                    $" (nearest miss: {nearest.Position:0.##} gives {nearest.Outcome:0.##} with {string.Join(", ", query.Keep.Select(k => $"fragmentation({k.Movement}) = {nearest.Fragmentation[scenario.FindMovement(k.Movement)!.Id]:0.00}"))}).");
            }
        }
        else if (answer.Change == 0)
        {
            explanation = $"No concession needed: the forecast already satisfies {seekText} (outcome {answer.Outcome.ToString("0.##", CultureInfo.InvariantCulture)}).";
        }
        else
        {
            explanation = string.Create(CultureInfo.InvariantCulture,
                $"Smallest change: {actor.DisplayName} moves on {dimension} from {start:0.##} to {answer.Position:0.##} ({answer.Change:+0.##;-0.##}); " +
                $"the forecast becomes {answer.Outcome:0.##} (baseline {baseline.Outcome:0.##}), satisfying {seekText}.");
        }

        return new ConcessionResult(query, baseline, answer, ordered.ToEquatableList(), explanation);
    }

    private static ConcessionTrial Try(Scenario scenario, ConcessionQuery query, SmpOptions options, double position, double start)
    {
        var actor = scenario.Actors[query.Actor];
        var positions = actor.Positions.ToArray();
        var old = positions[query.Dimension];
        // Shift the whole range with the point, clamped to the scale.
        var shift = position - old.Value;
        positions[query.Dimension] = new Estimate(position, Math.Clamp(old.Low + shift, 0, position), Math.Clamp(old.High + shift, position, 100));
        var varied = scenario.WithActor(query.Actor, actor with { Positions = positions });
        var run = SmpModel.Run(varied, options);
        var outcome = query.Measure == OutcomeMeasure.Weighted ? run.WeightedOutcome[query.Seek.Dimension] : run.MostLikely.Position[query.Seek.Dimension];
        var fragmentation = FragmentationModel.Assess(run).ToDictionary(m => m.Movement.Id, m => m.Risk, StringComparer.OrdinalIgnoreCase);
        var keeps = query.Keep.All(k => k.Holds(fragmentation[scenario.FindMovement(k.Movement)!.Id]));
        return new ConcessionTrial(position, position - start, outcome, fragmentation.ToEquatableMap(), query.Seek.Holds(outcome), keeps);
    }

    public static string Symbol(Comparison op) => op switch
    {
        Comparison.Below => "<",
        Comparison.AtMost => "<=",
        Comparison.Above => ">",
        _ => ">=",
    };

    private static readonly Regex ConditionPattern = new(@"^\s*(?<lhs>.+?)\s*(?<op><=|>=|<|>)\s*(?<value>[-+]?[0-9]*\.?[0-9]+)\s*$", RegexOptions.CultureInvariant);
    private static readonly Regex FragmentationPattern = new(@"^\s*fragmentation\s*\(\s*(?<movement>[^)]+?)\s*\)\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    /// <summary>Parses "DIM &lt;= 20" (DIM: a dimension id or name). Returns null and a reason when it cannot.</summary>
    public static SeekCondition? ParseSeek(Scenario scenario, string text, out string? error)
    {
        error = null;
        var m = ConditionPattern.Match(text);
        if (!m.Success)
        {
            error = $"--seek '{text}' is not of the form \"DIMENSION <= NUMBER\" (operators <, <=, >, >=)";
            return null;
        }

        var dim = scenario.DimensionIndex(m.Groups["lhs"].Value.Trim().Trim('"'));
        if (dim < 0)
        {
            error = $"--seek: unknown dimension '{m.Groups["lhs"].Value.Trim()}'; the scenario's dimensions are {string.Join(", ", scenario.Dimensions.Select(d => d.Id))}";
            return null;
        }

        return new SeekCondition(dim, ParseOp(m.Groups["op"].Value), double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>Parses "fragmentation(MOVEMENT) &lt; 0.3".</summary>
    public static KeepCondition? ParseKeep(Scenario scenario, string text, out string? error)
    {
        error = null;
        var m = ConditionPattern.Match(text);
        var f = m.Success ? FragmentationPattern.Match(m.Groups["lhs"].Value) : Match.Empty;
        if (!m.Success || !f.Success)
        {
            error = $"--keep '{text}' is not of the form \"fragmentation(MOVEMENT) < NUMBER\"";
            return null;
        }

        var movement = scenario.FindMovement(f.Groups["movement"].Value);
        if (movement is null)
        {
            error = $"--keep: unknown movement '{f.Groups["movement"].Value}'" + (scenario.Movements.Count == 0 ? "; the scenario has no movements"
                : $"; the scenario's movements are {string.Join(", ", scenario.Movements.Select(x => x.Id))}");
            return null;
        }

        return new KeepCondition(movement.Id, ParseOp(m.Groups["op"].Value), double.Parse(m.Groups["value"].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>Parses "ACTOR:DIM" into actor and dimension indices.</summary>
    public static (int Actor, int Dimension)? ParseVary(Scenario scenario, string text, out string? error)
    {
        error = null;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1)
        {
            error = $"--vary '{text}' is not of the form \"ACTOR:DIMENSION\"";
            return null;
        }

        var actor = scenario.ActorIndex(text[..colon].Trim());
        if (actor < 0)
        {
            error = $"--vary: unknown actor '{text[..colon].Trim()}'";
            return null;
        }

        var dim = scenario.DimensionIndex(text[(colon + 1)..].Trim());
        if (dim < 0)
        {
            error = $"--vary: unknown dimension '{text[(colon + 1)..].Trim()}'; the scenario's dimensions are {string.Join(", ", scenario.Dimensions.Select(d => d.Id))}";
            return null;
        }

        return (actor, dim);
    }

    private static Comparison ParseOp(string op) => op switch
    {
        "<" => Comparison.Below,
        "<=" => Comparison.AtMost,
        ">" => Comparison.Above,
        _ => Comparison.AtLeast,
    };
}
