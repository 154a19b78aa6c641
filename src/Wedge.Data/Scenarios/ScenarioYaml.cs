using System.Globalization;
using Wedge.Core.Model;
using Wedge.Core.Negotiation;
using Wedge.Data.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
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
        var (document, syntax) = YamlNodes.Load(new StringReader(text));
        if (syntax is not null)
        {
            throw new ScenarioFormatException(fileName, syntax.Line, syntax.Column, $"not valid YAML: {syntax.Reason}");
        }

        if (document is not YamlMappingNode root)
        {
            throw new ScenarioFormatException(fileName, 1, 1, "expected a mapping with keys scenario, dimensions and actors");
        }

        return new Reader(fileName).Scenario(root);
    }

    /// <summary>Reads through the shared <see cref="YamlMap"/>, stopping at the first problem (the scenario format reports one).</summary>
    private sealed class Reader(string file)
    {
        private ScenarioFormatException Error(YamlNode node, string reason) => new(file, node.Line(), node.Column(), reason);

        private YamlMap Map(YamlMappingNode node) => new(node, (at, reason) => throw Error(at, reason));

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

        private YamlNode Required(YamlMappingNode map, string key) => Map(map).Require(key, $"missing '{key}'")!;

        private YamlNode? Optional(YamlMappingNode map, string key) => Map(map).Get(key);

        private void Keys(YamlMappingNode map, params string[] allowed) => Map(map).AllowOnly(allowed);
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

    /// <summary>
    /// Writes a scenario in this format through YamlDotNet's emitter (ranges as [low, high] when the point is their
    /// midpoint, else {value, low, high}); the header, if any, becomes comment lines above it.
    /// </summary>
    public static string Write(Scenario scenario, string? header = null)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var root = new YamlMappingNode { { "scenario", Text(scenario.Name) } };
        if (scenario.Description is not null)
        {
            root.Add("description", Text(scenario.Description));
        }

        var dimensions = new YamlSequenceNode();
        foreach (var d in scenario.Dimensions)
        {
            var node = new YamlMappingNode { { "id", Text(d.Id) }, { "name", Text(d.Name) } };
            if (d.Low is not null)
            {
                node.Add("low", Text(d.Low));
            }

            if (d.High is not null)
            {
                node.Add("high", Text(d.High));
            }

            dimensions.Add(node);
        }

        root.Add("dimensions", dimensions);
        if (scenario.Movements.Count > 0)
        {
            var movements = new YamlSequenceNode();
            foreach (var m in scenario.Movements)
            {
                var node = new YamlMappingNode { { "id", Text(m.Id) }, { "name", Text(m.Name) } };
                if (m.KnowledgeBaseActor is not null)
                {
                    node.Add("knowledge-base", Text(m.KnowledgeBaseActor));
                }

                movements.Add(node);
            }

            root.Add("movements", movements);
        }

        var actors = new YamlSequenceNode();
        foreach (var a in scenario.Actors)
        {
            var node = new YamlMappingNode { { "id", Text(a.Id) }, { "name", Text(a.DisplayName) } };
            if (a.Description is not null)
            {
                node.Add("description", Text(a.Description));
            }

            if (a.KnowledgeBaseActor is not null)
            {
                node.Add("knowledge-base", Text(a.KnowledgeBaseActor));
            }

            node.Add("capability", Value(a.Capability));
            node.Add("position", PerDimension(scenario, a.Positions));
            node.Add("salience", PerDimension(scenario, a.Saliences));
            if (a.Movement is not null)
            {
                node.Add("faction-of", Text(a.Movement));
            }

            if (a.Tolerance is { } t)
            {
                node.Add("tolerance", Number(t));
            }

            if (!a.AtTable)
            {
                node.Add("at-table", new YamlScalarNode("false") { Style = ScalarStyle.Plain });
            }

            if (a.Flexibility is { } f)
            {
                node.Add("flexibility", Number(f));
            }

            actors.Add(node);
        }

        root.Add("actors", actors);

        var output = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        if (header is not null)
        {
            foreach (var line in header.Split('\n'))
            {
                output.Write("# ");
                output.Write(line.TrimEnd());
                output.Write('\n');
            }
        }

        new YamlStream(new YamlDocument(root)).Save(output, assignAnchors: false);
        return output.ToString();

        static YamlMappingNode PerDimension(Scenario scenario, IReadOnlyList<Estimate> values)
        {
            var node = new YamlMappingNode { Style = MappingStyle.Flow };
            for (var d = 0; d < scenario.Dimensions.Count; d++)
            {
                node.Add(Text(scenario.Dimensions[d].Id), Value(values[d]));
            }

            return node;
        }

        static YamlNode Value(Estimate e) => e.IsExact ? Number(e.Value)
            : e.Value == (e.Low + e.High) / 2 ? new YamlSequenceNode(Number(e.Low), Number(e.High)) { Style = SequenceStyle.Flow }
            : new YamlMappingNode { Style = MappingStyle.Flow, Children = { { "value", Number(e.Value) }, { "low", Number(e.Low) }, { "high", Number(e.High) } } };

        static YamlScalarNode Number(double v) => new(v.ToString("R", CultureInfo.InvariantCulture)) { Style = ScalarStyle.Plain };
    }

    /// <summary>Every text double-quoted: ids such as "yes", "1" or "~" read back as the text they are.</summary>
    private static YamlScalarNode Text(string text) => new(text) { Style = ScalarStyle.DoubleQuoted };
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
