using System.Globalization;
using System.Text;
using System.Text.Json;
using Wedge.Core.Model;
using Wedge.Core.Negotiation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Wedge.Data.Scenarios;

/// <summary>
/// Wedge's YAML scenario format (docs/methods/negotiation.md#scenario-format). Reading reports the first problem with
/// file, line and column; writing produces text that reads back to an equal scenario.
/// </summary>
public static class ScenarioYaml
{
    public static Scenario ReadFile(string path)
    {
        return Read(ScenarioFormatException.ReadText(path), path);
    }

    /// <param name="fileName">Shown in error messages.</param>
    public static Scenario Read(string text, string fileName)
    {
        YamlStream stream;
        try
        {
            stream = Yaml.YamlText.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new ScenarioFormatException(fileName, (int)e.Start.Line, (int)e.Start.Column, $"not valid YAML: {e.Message}");
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            throw new ScenarioFormatException(fileName, 1, 1, "expected a mapping with keys scenario, dimensions and actors");
        }

        return new Reader(fileName).Scenario(root);
    }

    private sealed class Reader(string file)
    {
        private ScenarioFormatException Error(YamlNode node, string reason) => new(file, (int)node.Start.Line, (int)node.Start.Column, reason);

        public Scenario Scenario(YamlMappingNode root)
        {
            Keys(root, "scenario", "description", "dimensions", "movements", "actors");
            var name = Text(Required(root, "scenario"), "scenario");
            var description = Optional(root, "description") is { } dn ? Text(dn, "description") : null;

            var dimensions = new List<Dimension>();
            foreach (var node in Sequence(Required(root, "dimensions"), "dimensions"))
            {
                var map = Mapping(node, "a dimension");
                Keys(map, "id", "name", "low", "high");
                var id = Text(Required(map, "id"), "id");
                if (dimensions.Any(d => string.Equals(d.Id, id, StringComparison.OrdinalIgnoreCase)))
                {
                    throw Error(map["id"], $"dimension id '{id}' is used twice");
                }

                dimensions.Add(new Dimension(id, Optional(map, "name") is { } n ? Text(n, "name") : id,
                    Optional(map, "low") is { } lo ? Text(lo, "low") : null, Optional(map, "high") is { } hi ? Text(hi, "high") : null));
            }

            if (dimensions.Count == 0)
            {
                throw Error(root["dimensions"], "a scenario needs at least one dimension");
            }

            var movements = new List<Movement>();
            if (Optional(root, "movements") is { } movementsNode)
            {
                foreach (var node in Sequence(movementsNode, "movements"))
                {
                    var map = Mapping(node, "a movement");
                    Keys(map, "id", "name", "knowledge-base");
                    var id = Text(Required(map, "id"), "id");
                    if (movements.Any(m => string.Equals(m.Id, id, StringComparison.OrdinalIgnoreCase)))
                    {
                        throw Error(map["id"], $"movement id '{id}' is used twice");
                    }

                    movements.Add(new Movement(id, Optional(map, "name") is { } n ? Text(n, "name") : id,
                        Optional(map, "knowledge-base") is { } kb ? Text(kb, "knowledge-base") : null));
                }
            }

            var actors = new List<NegotiationActor>();
            var actorsNode = Required(root, "actors");
            foreach (var node in Sequence(actorsNode, "actors"))
            {
                actors.Add(Actor(Mapping(node, "an actor"), dimensions, movements, actors));
            }

            if (actors.Count < 2)
            {
                throw Error(actorsNode, $"a scenario needs at least two actors, found {actors.Count}");
            }

            foreach (var movement in movements)
            {
                if (!actors.Any(a => string.Equals(a.Movement, movement.Id, StringComparison.OrdinalIgnoreCase)))
                {
                    throw Error(root["movements"], $"movement '{movement.Id}' has no factions (no actor says faction-of: {movement.Id})");
                }
            }

            return new Scenario(name, description, dimensions, actors, movements);
        }

        private NegotiationActor Actor(YamlMappingNode map, List<Dimension> dimensions, List<Movement> movements, List<NegotiationActor> earlier)
        {
            Keys(map, "id", "name", "description", "knowledge-base", "capability", "position", "salience", "faction-of", "tolerance", "at-table", "flexibility");
            var id = Text(Required(map, "id"), "id");
            if (earlier.Any(a => string.Equals(a.Id, id, StringComparison.OrdinalIgnoreCase)))
            {
                throw Error(map["id"], $"actor id '{id}' is used twice");
            }

            var capabilityNode = Required(map, "capability");
            var capability = Estimate(capabilityNode, "capability", relative: true);
            if (capability.Low <= 0)
            {
                throw Error(capabilityNode, $"capability of '{id}' must be above 0, found {capability}");
            }

            var positions = PerDimension(Required(map, "position"), "position", dimensions, id, required: true);
            var salienceNode = Required(map, "salience");
            var saliences = PerDimension(salienceNode, "salience", dimensions, id, required: false);
            var sum = saliences.Sum(s => s.Value);
            if (sum > 100 + 1e-9)
            {
                throw Error(salienceNode, $"saliences of '{id}' sum to {sum.ToString(CultureInfo.InvariantCulture)}, over 100");
            }

            string? movement = null;
            if (Optional(map, "faction-of") is { } factionNode)
            {
                movement = Text(factionNode, "faction-of");
                if (!movements.Any(m => string.Equals(m.Id, movement, StringComparison.OrdinalIgnoreCase)))
                {
                    throw Error(factionNode, $"'{id}' is a faction of '{movement}', but no movement has that id" +
                        (movements.Count == 0 ? " (the scenario declares no movements)" : $" (movements: {string.Join(", ", movements.Select(m => m.Id))})"));
                }
            }

            double? tolerance = null;
            if (Optional(map, "tolerance") is { } toleranceNode)
            {
                if (movement is null)
                {
                    throw Error(toleranceNode, $"'{id}' has a tolerance but is not a faction of any movement (add faction-of)");
                }

                tolerance = Number(toleranceNode, "tolerance");
                if (tolerance <= 0 || tolerance > 100)
                {
                    throw Error(toleranceNode, $"tolerance must lie in (0, 100], found {tolerance.Value.ToString(CultureInfo.InvariantCulture)}");
                }
            }

            double? flexibility = null;
            if (Optional(map, "flexibility") is { } flexNode)
            {
                flexibility = Number(flexNode, "flexibility");
                if (flexibility is < 0 or > 100)
                {
                    throw Error(flexNode, $"flexibility must lie in 0–100, found {flexibility.Value.ToString(CultureInfo.InvariantCulture)}");
                }
            }

            var atTable = true;
            if (Optional(map, "at-table") is { } tableNode)
            {
                var t = Text(tableNode, "at-table");
                atTable = t switch
                {
                    "true" or "yes" => true,
                    "false" or "no" => false,
                    _ => throw Error(tableNode, $"at-table must be true or false, found '{t}'"),
                };
            }

            return new NegotiationActor
            {
                Id = id,
                Name = Optional(map, "name") is { } n ? Text(n, "name") : id,
                Description = Optional(map, "description") is { } d ? Text(d, "description") : null,
                KnowledgeBaseActor = Optional(map, "knowledge-base") is { } kb ? Text(kb, "knowledge-base") : null,
                Capability = capability,
                Positions = positions,
                Saliences = saliences,
                Movement = movement,
                Tolerance = tolerance,
                AtTable = atTable,
                Flexibility = flexibility,
            };
        }

        private Estimate[] PerDimension(YamlNode node, string what, List<Dimension> dimensions, string actor, bool required)
        {
            var map = Mapping(node, $"{what} (a mapping from dimension id to value)");
            var values = new Estimate?[dimensions.Count];
            foreach (var (keyNode, valueNode) in map.Children)
            {
                var key = Text(keyNode, "dimension id");
                var d = dimensions.FindIndex(x => string.Equals(x.Id, key, StringComparison.OrdinalIgnoreCase));
                if (d < 0)
                {
                    throw Error(keyNode, $"unknown dimension '{key}' in {what} of '{actor}' (dimensions: {string.Join(", ", dimensions.Select(x => x.Id))})");
                }

                var value = Estimate(valueNode, $"{what} on {key}", relative: false);
                if (value.Low < 0 || value.High > 100)
                {
                    throw Error(valueNode, $"{what} of '{actor}' on {key} must lie in 0–100, found {value}");
                }

                values[d] = value;
            }

            for (var d = 0; d < dimensions.Count; d++)
            {
                if (values[d] is null)
                {
                    if (required)
                    {
                        throw Error(node, $"'{actor}' has no {what} on dimension '{dimensions[d].Id}'");
                    }

                    values[d] = 0; // an unlisted salience means the actor does not care about that dimension
                }
            }

            return values.Select(v => v!.Value).ToArray();
        }

        /// <summary>
        /// A number, a range [low, high] (point estimate its midpoint), {value, low, high}, or {value, grade}: an Admiralty
        /// grade whose credibility sets the range (see <see cref="GradeSpread"/>); on a relative quantity (capability) the
        /// spread is a percentage of the value, on the 0–100 scales it is points, clamped to the scale.
        /// </summary>
        private Estimate Estimate(YamlNode node, string what, bool relative)
        {
            switch (node)
            {
                case YamlScalarNode:
                    return Number(node, what);
                case YamlSequenceNode seq when seq.Children.Count == 2:
                    {
                        var lo = Number(seq.Children[0], what);
                        var hi = Number(seq.Children[1], what);
                        if (lo > hi)
                        {
                            throw Error(node, $"{what}: range [{lo}, {hi}] has its low end above its high end");
                        }

                        return Core.Negotiation.Estimate.Between(lo, hi);
                    }

                case YamlMappingNode map:
                    {
                        Keys(map, "value", "low", "high", "grade");
                        var value = Number(Required(map, "value"), what);
                        if (Optional(map, "grade") is { } gradeNode)
                        {
                            if (Optional(map, "low") is not null || Optional(map, "high") is not null)
                            {
                                throw Error(gradeNode, $"{what}: give either a grade or low/high, not both");
                            }

                            if (!Grade.TryParse(Text(gradeNode, "grade"), out var grade, out var gradeError))
                            {
                                throw Error(gradeNode, $"{what}: {gradeError}");
                            }

                            var spread = GradeSpread(grade);
                            return relative
                                ? new Estimate(value, Math.Max(value * (1 - (spread / 100)), value * 0.01), value * (1 + (spread / 100)))
                                : new Estimate(value, Math.Max(0, value - spread), Math.Min(100, value + spread));
                        }

                        var lo = Optional(map, "low") is { } l ? Number(l, what) : value;
                        var hi = Optional(map, "high") is { } h ? Number(h, what) : value;
                        if (lo > value || value > hi)
                        {
                            throw Error(node, $"{what}: needs low <= value <= high, found {lo} <= {value} <= {hi}");
                        }

                        return new Estimate(value, lo, hi);
                    }

                default:
                    throw Error(node, $"{what} must be a number, a range [low, high], {{value, low, high}} or {{value, grade}}");
            }
        }

        private double Number(YamlNode node, string what)
        {
            if (node is YamlScalarNode { Value: { } v } && double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.IsFinite(x))
            {
                return x;
            }

            throw Error(node, $"{what} must be a number, found '{(node as YamlScalarNode)?.Value ?? node.NodeType.ToString()}'");
        }

        private string Text(YamlNode node, string what)
        {
            if (node is YamlScalarNode { Value: { } v } && v.Length > 0)
            {
                return v;
            }

            throw Error(node, $"{what} must be a non-empty text");
        }

        private YamlMappingNode Mapping(YamlNode node, string what) => node as YamlMappingNode ?? throw Error(node, $"expected {what}");

        private IEnumerable<YamlNode> Sequence(YamlNode node, string what) => node as YamlSequenceNode ?? throw Error(node, $"{what} must be a list");

        private YamlNode Required(YamlMappingNode map, string key) => Optional(map, key) ?? throw Error(map, $"missing '{key}'");

        private static YamlNode? Optional(YamlMappingNode map, string key)
            => map.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is not YamlScalarNode { Value: null or "" or "~" } ? value : null;

        private void Keys(YamlMappingNode map, params string[] allowed)
        {
            foreach (var key in map.Children.Keys)
            {
                if (key is not YamlScalarNode { Value: { } k } || !allowed.Contains(k))
                {
                    throw Error(key, $"unknown key '{(key as YamlScalarNode)?.Value}' (expected one of: {string.Join(", ", allowed)})");
                }
            }
        }
    }

    /// <summary>
    /// Half-width of the range a graded value stands for, by the grade's information credibility: 1 confirmed ±0,
    /// 2 probably true ±5, 3 possibly true ±10, 4 doubtful ±20, 5 improbable ±30, 6 cannot be judged ±50 (points on a
    /// 0–100 scale, or percent of a capability). Source reliability does not widen it: the grade of the value already
    /// folds in how far the analyst trusts it. An analyst's convention, stated so it can be argued with.
    /// </summary>
    public static double GradeSpread(Grade grade) => grade.Credibility switch
    {
        1 => 0,
        2 => 5,
        3 => 10,
        4 => 20,
        5 => 30,
        _ => 50,
    };

    /// <summary>Writes a scenario in this format (ranges as [low, high] when the point is their midpoint, else {value, low, high}).</summary>
    public static string Write(Scenario scenario, string? header = null)
    {
        var sb = new StringBuilder();
        if (header is not null)
        {
            foreach (var line in header.Split('\n'))
            {
                sb.Append("# ").AppendLine(line.TrimEnd());
            }
        }

        sb.Append("scenario: ").AppendLine(Quote(scenario.Name));
        if (scenario.Description is not null)
        {
            sb.Append("description: ").AppendLine(Quote(scenario.Description));
        }

        sb.AppendLine("dimensions:");
        foreach (var d in scenario.Dimensions)
        {
            sb.Append("  - id: ").AppendLine(Quote(d.Id));
            sb.Append("    name: ").AppendLine(Quote(d.Name));
            if (d.Low is not null)
            {
                sb.Append("    low: ").AppendLine(Quote(d.Low));
            }

            if (d.High is not null)
            {
                sb.Append("    high: ").AppendLine(Quote(d.High));
            }
        }

        if (scenario.Movements.Count > 0)
        {
            sb.AppendLine("movements:");
            foreach (var m in scenario.Movements)
            {
                sb.Append("  - id: ").AppendLine(Quote(m.Id));
                sb.Append("    name: ").AppendLine(Quote(m.Name));
                if (m.KnowledgeBaseActor is not null)
                {
                    sb.Append("    knowledge-base: ").AppendLine(Quote(m.KnowledgeBaseActor));
                }
            }
        }

        sb.AppendLine("actors:");
        foreach (var a in scenario.Actors)
        {
            sb.Append("  - id: ").AppendLine(Quote(a.Id));
            sb.Append("    name: ").AppendLine(Quote(a.DisplayName));
            if (a.Description is not null)
            {
                sb.Append("    description: ").AppendLine(Quote(a.Description));
            }

            if (a.KnowledgeBaseActor is not null)
            {
                sb.Append("    knowledge-base: ").AppendLine(Quote(a.KnowledgeBaseActor));
            }

            sb.Append("    capability: ").AppendLine(Format(a.Capability));
            sb.Append("    position: { ").Append(string.Join(", ", scenario.Dimensions.Select((d, i) => $"{Quote(d.Id)}: {Format(a.Positions[i])}"))).AppendLine(" }");
            sb.Append("    salience: { ").Append(string.Join(", ", scenario.Dimensions.Select((d, i) => $"{Quote(d.Id)}: {Format(a.Saliences[i])}"))).AppendLine(" }");
            if (a.Movement is not null)
            {
                sb.Append("    faction-of: ").AppendLine(Quote(a.Movement));
            }

            if (a.Tolerance is { } t)
            {
                sb.Append("    tolerance: ").AppendLine(Num(t));
            }

            if (!a.AtTable)
            {
                sb.AppendLine("    at-table: false");
            }

            if (a.Flexibility is { } f)
            {
                sb.Append("    flexibility: ").AppendLine(Num(f));
            }
        }

        return sb.ToString();

        static string Format(Estimate e) => e.IsExact ? Num(e.Value)
            : e.Value == (e.Low + e.High) / 2 ? $"[{Num(e.Low)}, {Num(e.High)}]"
            : $"{{ value: {Num(e.Value)}, low: {Num(e.Low)}, high: {Num(e.High)} }}";

        static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>A JSON string literal is also a valid YAML double-quoted scalar, so it quotes any text safely.</summary>
    private static string Quote(string text) => JsonSerializer.Serialize(text);
}

/// <summary>Scenarios shipped inside Wedge (cases/*-negotiation.yaml), by name.</summary>
public static class BuiltInScenarios
{
    public static IReadOnlyList<string> Names { get; } = ["aq-taliban-negotiation"];

    /// <summary>The scenario called <paramref name="name"/> (with or without .yaml); null if there is none.</summary>
    public static Scenario? Find(string name)
    {
        var key = name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) ? name[..^5] : name;
        if (!Names.Contains(key, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        using var stream = typeof(BuiltInScenarios).Assembly.GetManifestResourceStream($"Wedge.Cases.{key.ToLowerInvariant()}.yaml")
            ?? throw new InvalidOperationException($"Built-in scenario {key} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return ScenarioYaml.Read(reader.ReadToEnd(), $"cases/{key}.yaml");
    }
}
