using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Wedge.Data.Yaml;

/// <summary>Why a text is not YAML: where the parser stopped (1-based) and what it said.</summary>
public sealed record YamlSyntaxError(int Line, int Column, string Reason);

/// <summary>
/// The one YAML node reader behind Wedge's YAML formats (case files, scenarios, parameter files):
/// loading a text, what counts as absent, where a node is, and a mapping read key by key. The
/// formats keep their own vocabulary and rules; how a node is found, typed and located is here.
/// </summary>
public static class YamlNodes
{
    /// <summary>
    /// The root node of the text's first document; null for a text with no document (empty, or only
    /// comments); a <see cref="YamlSyntaxError"/> when the text is not YAML.
    /// </summary>
    public static (YamlNode? Root, YamlSyntaxError? Error) Load(TextReader text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var stream = new YamlStream();
        var scanner = new Scanner(text);
        var parser = new DepthLimitedParser(new Parser(scanner));
        try
        {
            stream.Load(parser);
        }
        catch (YamlException ex)
        {
            // The inner exception, when there is one, says what was wrong rather than where the parser gave up.
            return (null, new YamlSyntaxError((int)ex.Start.Line, (int)ex.Start.Column, ex.InnerException?.Message ?? ex.Message));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's scanner throws this, not a YamlException, on some malformed input (an unclosed flow
            // sequence followed by a key, for one), and its node builder an ArgumentException on an event it does not
            // expect ("the current event is of an unsupported type"): still the file's fault, reported where parsing last stood.
            // Where the scanner stopped is where the text went wrong (the parser's last event can lie lines before it);
            // the exception's own message ("Operation is not valid due to the current state of the object") tells a user nothing.
            var at = scanner.CurrentPosition;
            return (null, new YamlSyntaxError(Math.Max(1, (int)at.Line), Math.Max(1, (int)at.Column), "unexpected text: the YAML cannot be read from here on"));
        }

        return (stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode, null);
    }

    /// <summary>
    /// True for a value written as nothing: an untagged plain scalar that is empty, <c>~</c> or <c>null</c>
    /// (writers quote these when they mean the text).
    /// </summary>
    public static bool IsNull(YamlNode node)
        => node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" } scalar && scalar.Tag.IsEmpty;

    /// <summary>The node's 1-based line.</summary>
    public static int Line(this YamlNode node) => (int)node.Start.Line;

    /// <summary>The node's 1-based column.</summary>
    public static int Column(this YamlNode node) => (int)node.Start.Column;

    /// <summary>A node's text as an error message names it: a scalar's value, else its kind.</summary>
    public static string Describe(YamlNode node) => node is YamlScalarNode { Value: { } value } ? value : node.NodeType.ToString();
}

/// <summary>
/// The parser's events, refused past <see cref="MaxDepth"/> levels of nesting. YamlDotNet builds its node tree
/// recursively, so a file of ten thousand nested brackets would overflow the stack and end the process (a stack
/// overflow cannot be caught); no Wedge format nests more than a few levels.
/// </summary>
internal sealed class DepthLimitedParser(IParser inner) : IParser
{
    public const int MaxDepth = 64;

    private int depth;

    public YamlDotNet.Core.Events.ParsingEvent? Current => inner.Current;

    public bool MoveNext()
    {
        if (!inner.MoveNext())
        {
            return false;
        }

        switch (inner.Current)
        {
            case YamlDotNet.Core.Events.MappingStart or YamlDotNet.Core.Events.SequenceStart:
                if (++depth > MaxDepth)
                {
                    throw new YamlException(inner.Current.Start, inner.Current.End, $"nested more than {MaxDepth} levels deep: no Wedge file nests so far");
                }

                break;
            case YamlDotNet.Core.Events.MappingEnd or YamlDotNet.Core.Events.SequenceEnd:
                depth--;
                break;
        }

        return true;
    }
}

/// <summary>
/// One mapping read key by key. Problems are handed to <c>report</c> with the node they are at: a
/// format that stops at the first problem throws from it, one that lists them all collects them.
/// </summary>
public sealed class YamlMap
{
    private readonly Action<YamlNode, string> report;

    public YamlMap(YamlMappingNode node, Action<YamlNode, string> report)
    {
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(report);
        Node = node;
        this.report = report;
    }

    public YamlMappingNode Node { get; }

    /// <summary>The entries in file order: each key's text (empty for a key that is not a scalar), its node and its value.</summary>
    public IEnumerable<(string Key, YamlNode KeyNode, YamlNode Value)> Entries
        => Node.Children.Select(kv => ((kv.Key as YamlScalarNode)?.Value ?? "", kv.Key, kv.Value));

    /// <summary>Reports, at each key, every key not among <paramref name="allowed"/>.</summary>
    public YamlMap AllowOnly(IReadOnlyCollection<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        foreach (var key in Node.Children.Keys)
        {
            if (key is not YamlScalarNode { Value: { } k } || !allowed.Contains(k))
            {
                report(key, $"unknown key '{(key as YamlScalarNode)?.Value ?? key.ToString()}' (expected one of: {string.Join(", ", allowed)})");
            }
        }

        return this;
    }

    /// <summary>The value under <paramref name="key"/>; null when the key is absent or its value is written as nothing (<see cref="YamlNodes.IsNull"/>).</summary>
    public YamlNode? Get(string key)
        => Node.Children.TryGetValue(new YamlScalarNode(key), out var value) && !YamlNodes.IsNull(value) ? value : null;

    /// <summary>The value under <paramref name="key"/>, reporting <paramref name="missing"/> at the mapping when there is none.</summary>
    public YamlNode? Require(string key, string missing)
    {
        var value = Get(key);
        if (value is null)
        {
            report(Node, missing);
        }

        return value;
    }

    /// <summary>The text of the scalar under <paramref name="key"/>; null when absent, and null with <paramref name="notScalar"/> reported when it is a list or mapping.</summary>
    public string? Scalar(string key, string notScalar)
    {
        var value = Get(key);
        return value is null ? null : Scalar(value, notScalar);
    }

    /// <summary>A node's text when it is a scalar; else reports <paramref name="notScalar"/> at it and returns null.</summary>
    public string? Scalar(YamlNode node, string notScalar)
    {
        if (node is YamlScalarNode { Value: { } text })
        {
            return text;
        }

        report(node, notScalar);
        return null;
    }

    /// <summary>The mapping under <paramref name="key"/>; null when absent, and null with <paramref name="notMapping"/> reported when it is something else.</summary>
    public YamlMap? Map(string key, string notMapping)
    {
        var value = Get(key);
        return value is null ? null : Map(value, notMapping);
    }

    /// <summary>A node as a mapping read with this map's reporting; else reports <paramref name="notMapping"/> and returns null.</summary>
    public YamlMap? Map(YamlNode node, string notMapping)
    {
        if (node is YamlMappingNode mapping)
        {
            return new YamlMap(mapping, report);
        }

        report(node, notMapping);
        return null;
    }

    /// <summary>The items of the list under <paramref name="key"/>; none when absent, and none with <paramref name="notList"/> reported when it is not a list.</summary>
    public IReadOnlyList<YamlNode> List(string key, string notList)
    {
        var value = Get(key);
        if (value is null)
        {
            return [];
        }

        if (value is YamlSequenceNode sequence)
        {
            return [.. sequence.Children];
        }

        report(value, notList);
        return [];
    }

    /// <summary>Reports a problem at this mapping.</summary>
    public void Report(string message) => report(Node, message);

    /// <summary>Reports a problem at a node of this mapping.</summary>
    public void Report(YamlNode node, string message) => report(node, message);
}
