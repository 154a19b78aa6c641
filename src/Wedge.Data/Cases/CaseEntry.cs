using YamlDotNet.RepresentationModel;

namespace Wedge.Data.Cases;

/// <summary>
/// One field of a single case entry: a text value, a list of texts, or a mapping of texts (a period's from and until).
/// Keys are the case format's (docs/case-format.md): <c>kind</c>, <c>grade-reason</c>, <c>period</c>.
/// </summary>
public sealed record CaseField(string Key, object Value)
{
    public static CaseField Text(string key, string value) => new(key, value);

    public static CaseField List(string key, IReadOnlyList<string> values) => new(key, values);

    public static CaseField Mapping(string key, IReadOnlyList<KeyValuePair<string, string>> entries) => new(key, entries);
}

/// <summary>
/// A single fact given field by field (by `wedge add`, or a form) and read exactly as a case file's entry is: the
/// same reader, so the same rules and the same messages. The entry is laid out as a one-entry case in memory (through
/// YamlDotNet's representation model, so no value needs quoting by hand) and read back; errors name the origin instead
/// of a line of a file the user never saw.
/// </summary>
public static class CaseEntry
{
    /// <param name="origin">What to call the input in messages, e.g. "wedge add tie".</param>
    /// <param name="section">The case section the entry belongs to: sources, claims, actors, roles, ties, ledger, events, attributes.</param>
    public static (CaseDocument? Case, IReadOnlyList<CaseError> Errors) Read(string origin, string section, IEnumerable<CaseField> fields)
    {
        var entry = new YamlMappingNode();
        foreach (var field in fields)
        {
            entry.Add(new YamlScalarNode(field.Key), Node(field.Value));
        }

        var root = new YamlMappingNode
        {
            { "case", Scalar("entry") },
            { "title", Scalar(origin) },
            { section, new YamlSequenceNode(entry) },
        };
        using var text = new StringWriter();
        new YamlStream(new YamlDocument(root)).Save(text, assignAnchors: false);
        var (doc, errors) = CaseReader.Read(origin, new StringReader(text.ToString()));

        // Lines and columns would point into the text laid out above, which nobody sees: messages name the origin alone.
        return (doc is null ? null : doc with { Positions = new Dictionary<Core.Model.FactKey, (int, int)>() }, errors.Select(e => e with { Line = 0, Column = 0 }).ToList());
    }

    private static YamlNode Node(object value) => value switch
    {
        string s => Scalar(s),
        IReadOnlyList<string> list => new YamlSequenceNode(list.Select(Scalar)),
        IReadOnlyList<KeyValuePair<string, string>> map => new YamlMappingNode(map.Select(kv => new KeyValuePair<YamlNode, YamlNode>(new YamlScalarNode(kv.Key), Scalar(kv.Value)))),
        _ => throw new ArgumentException($"a case field is text, a list of texts or a mapping of texts, not {value.GetType().Name}", nameof(value)),
    };

    /// <summary>Double-quoted: any text (a colon, a leading dash, control characters) survives the round trip unchanged.</summary>
    private static YamlScalarNode Scalar(string value) => new(value) { Style = YamlDotNet.Core.ScalarStyle.DoubleQuoted };
}
