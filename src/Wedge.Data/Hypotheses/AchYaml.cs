using Wedge.Core.Collections;
using Wedge.Core.Hypotheses;
using Wedge.Core.Time;
using Wedge.Data.Yaml;
using YamlDotNet.RepresentationModel;

namespace Wedge.Data.Hypotheses;

/// <summary>A matrix file that cannot be read: where (file, line, column) and why.</summary>
public sealed class AchFormatException(string file, int line, int column, string reason) : Exception($"{file}:{line}:{column}: {reason}")
{
    public string File { get; } = file;

    public int Line { get; } = line;

    public int Column { get; } = column;

    public string Reason { get; } = reason;
}

/// <summary>
/// Reads a matrix of competing hypotheses from YAML (docs/methods/hypotheses.md), stopping at the first problem with its
/// line and column. Ratings are CC, C, N, I, II or NA; a cell is a rating, a mapping {rating, reason}, or a list of
/// {rater, rating, reason} for several analysts.
/// </summary>
public static class AchYaml
{
    public static AchMatrix ReadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new AchFormatException(path, 1, 1, $"cannot read the file: {e.Message}");
        }

        return Read(text, path);
    }

    public static AchMatrix Read(string text, string fileName)
    {
        var (document, syntax) = YamlNodes.Load(new StringReader(text));
        if (syntax is not null)
        {
            throw new AchFormatException(fileName, syntax.Line, syntax.Column, $"not valid YAML: {syntax.Reason}");
        }

        if (document is not YamlMappingNode root)
        {
            throw new AchFormatException(fileName, 1, 1, "expected a mapping with keys matrix, question, hypotheses and items");
        }

        return new Reader(fileName).Matrix(root);
    }

    /// <summary>The built-in matrices, by name.</summary>
    public static IReadOnlyList<string> BuiltInNames { get; } = ["aq-taliban-hypotheses"];

    /// <summary>The built-in matrix called <paramref name="name"/>; null when there is none.</summary>
    public static AchMatrix? BuiltIn(string name)
    {
        var key = name.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) ? name[..^5] : name;
        if (!BuiltInNames.Contains(key, StringComparer.OrdinalIgnoreCase))
        {
            return null;
        }

        using var stream = typeof(AchYaml).Assembly.GetManifestResourceStream($"Wedge.Cases.{key.ToLowerInvariant()}.yaml")
            ?? throw new InvalidOperationException($"Built-in matrix {key} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return Read(reader.ReadToEnd(), $"cases/{key}.yaml");
    }

    private static readonly Dictionary<string, Consistency> Ratings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["CC"] = Consistency.VeryConsistent,
        ["C"] = Consistency.Consistent,
        ["N"] = Consistency.Neutral,
        ["I"] = Consistency.Inconsistent,
        ["II"] = Consistency.VeryInconsistent,
        ["NA"] = Consistency.NotApplicable,
    };

    private static readonly Dictionary<string, AchWeight> Weights = new(StringComparer.OrdinalIgnoreCase)
    {
        ["low"] = AchWeight.Low,
        ["medium"] = AchWeight.Medium,
        ["high"] = AchWeight.High,
    };

    private sealed class Reader(string file)
    {
        private AchFormatException Error(YamlNode node, string reason) => new(file, node.Line(), node.Column(), reason);

        private YamlMap Map(YamlNode node, string what)
            => node is YamlMappingNode m ? new YamlMap(m, (at, reason) => throw Error(at, reason)) : throw Error(node, $"expected {what} (a mapping)");

        private string Text(YamlMap map, string key) => map.Scalar(key, $"'{key}' must be a text") is { Length: > 0 } s ? s : throw Error(map.Node, $"missing '{key}'");

        public AchMatrix Matrix(YamlMappingNode root)
        {
            var map = Map(root, "a matrix").AllowOnly(["matrix", "question", "hypotheses", "items", "indicators"]);
            var id = Text(map, "matrix");
            var question = Text(map, "question");
            var hypotheses = map.List("hypotheses", "'hypotheses' must be a list").Select(n =>
            {
                var h = Map(n, "a hypothesis").AllowOnly(["id", "title"]);
                return new AchHypothesis(Text(h, "id"), Text(h, "title"));
            }).ToList();
            if (hypotheses.Count < 2)
            {
                throw Error(map.Node, "a matrix needs at least two hypotheses to compete");
            }

            Unique(hypotheses.Select(h => h.Id), map.Get("hypotheses")!, "hypothesis");
            var known = hypotheses.Select(h => h.Id).ToHashSet(StringComparer.Ordinal);
            var items = map.List("items", "'items' must be a list").Select(n => Item(n, known)).ToList();
            Unique(items.Select(i => i.Id), map.Get("items")!, "item");
            var indicators = map.Get("indicators") is null ? [] : map.List("indicators", "'indicators' must be a list").Select(n => Indicator(n, known)).ToList();
            Unique(indicators.Select(i => i.Id), root, "indicator");
            return new AchMatrix(id, question, [.. hypotheses], [.. items], [.. indicators]);
        }

        private void Unique(IEnumerable<string> ids, YamlNode at, string what)
        {
            var twice = ids.GroupBy(x => x, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
            if (twice is not null)
            {
                throw Error(at, $"{what} id '{twice.Key}' is used twice");
            }
        }

        private AchItem Item(YamlNode node, HashSet<string> hypotheses)
        {
            var map = Map(node, "an item").AllowOnly(["id", "claim", "assumption", "absence", "credibility", "relevance", "weight-reason", "ratings"]);
            var id = Text(map, "id");
            var claim = map.Scalar("claim", "'claim' must be a claim id");
            var assumption = map.Scalar("assumption", "'assumption' must be a text");
            var absence = map.Scalar("absence", "'absence' must be a text");
            if (new[] { claim, assumption, absence }.Count(x => x is not null) != 1)
            {
                throw Error(map.Node, $"item '{id}': give exactly one of claim (an id on record), assumption or absence");
            }

            if (claim is not null && (claim.Length == 0 || claim.Trim().Length != claim.Length || claim.Any(char.IsControl)))
            {
                // The id rules of the record (IdRules): such a claim could never be on record.
                throw Error(map.Get("claim")!, $"item '{id}': '{claim}' is not a claim id (empty, padded or with control characters)");
            }

            var kind = claim is not null ? AchItemKind.Claim : assumption is not null ? AchItemKind.Assumption : AchItemKind.Absence;
            var credibility = Weight(map, "credibility");
            var relevance = Weight(map, "relevance");
            var reason = map.Scalar("weight-reason", "'weight-reason' must be a text");
            if ((credibility is not null || relevance is not null) && string.IsNullOrWhiteSpace(reason))
            {
                throw Error(map.Node, $"item '{id}': a credibility or relevance set by hand needs a weight-reason");
            }

            var ratingsNode = map.Require("ratings", $"item '{id}': missing 'ratings'")!;
            var ratings = new List<AchRating>();
            foreach (var (hypothesis, keyNode, value) in Map(ratingsNode, "ratings by hypothesis").Entries)
            {
                if (!hypotheses.Contains(hypothesis))
                {
                    throw Error(keyNode, $"item '{id}': '{hypothesis}' is not a hypothesis of this matrix (one of: {string.Join(", ", hypotheses)})");
                }

                var votes = value is YamlSequenceNode list ? list.Children.ToList() : [value];
                ratings.AddRange(votes.Select(v => Rating(v, hypothesis)));
            }

            return new AchItem(id, kind, claim, assumption ?? absence, credibility, relevance, reason, [.. ratings]);
        }

        private AchRating Rating(YamlNode node, string hypothesis)
        {
            if (node is YamlScalarNode { Value: { } text })
            {
                return new AchRating(hypothesis, Consistency(node, text), null, "analyst");
            }

            var map = Map(node, "a rating").AllowOnly(["rating", "reason", "rater"]);
            return new AchRating(hypothesis, Consistency(map.Node, Text(map, "rating")), map.Scalar("reason", "'reason' must be a text"),
                map.Scalar("rater", "'rater' must be a name") ?? "analyst");
        }

        private Consistency Consistency(YamlNode at, string text)
            => Ratings.TryGetValue(text.Trim(), out var c) ? c : throw Error(at, $"'{text}' is not a rating (one of: CC, C, N, I, II, NA)");

        private AchWeight? Weight(YamlMap map, string key)
            => map.Scalar(key, $"'{key}' must be low, medium or high") is not { } text ? null
                : Weights.TryGetValue(text, out var w) ? w : throw Error(map.Get(key)!, $"{key}: '{text}' is not low, medium or high");

        private AchIndicator Indicator(YamlNode node, HashSet<string> hypotheses)
        {
            var map = Map(node, "an indicator").AllowOnly(["id", "hypothesis", "confirms", "refutes", "description", "tie", "event", "claim-matches", "actors", "from", "until"]);
            var id = Text(map, "id");
            var hypothesis = Text(map, "hypothesis");
            if (!hypotheses.Contains(hypothesis))
            {
                throw Error(map.Node, $"indicator '{id}': '{hypothesis}' is not a hypothesis of this matrix");
            }

            var confirms = map.Get("confirms") is not null;
            if (confirms == (map.Get("refutes") is not null))
            {
                throw Error(map.Node, $"indicator '{id}': say whether it confirms or refutes its hypothesis (confirms: true, or refutes: true)");
            }

            var actors = map.Get("actors") is null ? [] : map.List("actors", "'actors' must be a list").Select(a => a is YamlScalarNode { Value: { } s } ? s : throw Error(a, "an actor id")).ToList();
            var tie = map.Scalar("tie", "'tie' must be a tie kind");
            var @event = map.Scalar("event", "'event' must be an event kind");
            var pattern = map.Scalar("claim-matches", "'claim-matches' must be a regular expression");
            if (new[] { tie, @event, pattern }.Count(x => x is not null) != 1)
            {
                throw Error(map.Node, $"indicator '{id}': give exactly one of tie (a kind between its actors), event (a kind involving its actors) or claim-matches (a pattern)");
            }

            if ((tie is not null && actors.Count < 2) || (@event is not null && actors.Count < 1))
            {
                throw Error(map.Node, $"indicator '{id}': name the actors (two for a tie, one or more for an event)");
            }

            if (pattern is not null)
            {
                try
                {
                    _ = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(100));
                }
                catch (ArgumentException e)
                {
                    throw Error(map.Get("claim-matches")!, $"claim-matches: not a regular expression: {e.Message}");
                }
            }

            return new AchIndicator(id, hypothesis, confirms, Text(map, "description"), tie, [.. actors], Date(map, "from"), Date(map, "until"), @event, pattern);
        }

        private FuzzyDate? Date(YamlMap map, string key)
            => map.Scalar(key, $"'{key}' must be a date") is not { } text ? null
                : FuzzyDate.TryParse(text) is { IsSuccess: true } d ? d.Value : throw Error(map.Get(key)!, $"{key}: '{text}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
    }
}
