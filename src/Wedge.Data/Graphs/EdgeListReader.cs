using System.Globalization;
using System.Xml;
using nietras.SeparatedValues;

namespace Wedge.Data.Graphs;

/// <summary>One undirected tie as read: node indices into <see cref="EdgeList.Labels"/>, sign ±1, weight &gt; 0, and the line it came from.</summary>
public readonly record struct ReadEdge(int Source, int Target, int Sign, double Weight, int Line);

/// <summary>A signed, undirected edge list read from a file, ready to become a graph. Immutable.</summary>
/// <param name="Labels">Node labels in order of first appearance (GraphML: of declaration).</param>
/// <param name="Warnings">Documented handling that changed the input (self-loops dropped, duplicates merged), with lines.</param>
public sealed record EdgeList(string File, IReadOnlyList<string> Labels, IReadOnlyList<ReadEdge> Edges, IReadOnlyList<string> Warnings);

/// <summary>A problem that stops a graph file from being read: where and what.</summary>
public sealed record GraphReadError(string File, int Line, string Reason)
{
    /// <summary>The reason, with an overlong quote from the file shortened (<see cref="Core.Text.MessageText"/>).</summary>
    public string Reason { get; init; } = Core.Text.MessageText.Cap(Reason);

    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Reason}" : $"{File}: {Reason}";
}

/// <summary>Either an edge list or the errors that prevented it (nothing partial).</summary>
public sealed record GraphReadResult(EdgeList? Graph, IReadOnlyList<GraphReadError> Errors)
{
    public bool IsSuccess => Graph is not null;
}

/// <summary>What to do when the same pair is given with both signs.</summary>
public enum SignConflict
{
    /// <summary>Refuse the file, naming both lines.</summary>
    Error,

    /// <summary>Keep the pair as hostile (one hostile act outweighs cooperation).</summary>
    Negative,

    /// <summary>Keep the pair as friendly.</summary>
    Positive,

    /// <summary>Leave the pair out.</summary>
    Drop,
}

public enum GraphFormat
{
    /// <summary>Chosen from the extension: .csv → Csv, .graphml/.xml → GraphMl, anything else → EdgeList.</summary>
    Auto,

    /// <summary>Comma-separated with a header naming <c>source</c>, <c>target</c> and optionally <c>sign</c> and <c>weight</c> (any order, any case).</summary>
    Csv,

    /// <summary>Whitespace-separated <c>source target [sign [weight]]</c>; lines starting with <c>%</c> or <c>#</c> are comments (KONECT style).</summary>
    EdgeList,

    /// <summary>GraphML: nodes and edges, with optional edge data keys named <c>sign</c> and <c>weight</c> (attr.name).</summary>
    GraphMl,
}

/// <summary>
/// Reads signed networks that users bring: CSV, whitespace edge lists and GraphML.
/// </summary>
/// <remarks>
/// <para>Every network is read as undirected: "a b" and "b a" are the same pair. Node ids are kept as
/// text labels, never parsed as numbers, so an id too large for any integer type (KONECT files use
/// 1..n, other files use hashes) is simply a label and cannot overflow.</para>
/// <para>Signs: a missing sign is +1; a given sign must be a finite non-zero number (its sign is
/// kept: 1, -1, +2, -0.5) or <c>+</c>/<c>-</c>. Weights must be finite and positive; missing is 1.</para>
/// <para>Handled and reported as warnings: self-loops (dropped: a tie to oneself has no part in
/// these measures), a pair repeated with the same sign and weight (merged). Refused with file and
/// line: a missing column, a non-numeric or zero sign, a bad weight, a pair repeated with a
/// different weight, a pair repeated with the other sign (unless <see cref="SignConflict"/> says
/// otherwise), and a file with no edges.</para>
/// </remarks>
public static class EdgeListReader
{
    public static GraphReadResult Read(string path, GraphFormat format = GraphFormat.Auto, SignConflict conflicts = SignConflict.Error)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            return Fail(name, 0, $"no such file: {path}");
        }

        if (format == GraphFormat.Auto)
        {
            format = Path.GetExtension(path).ToLowerInvariant() switch
            {
                ".csv" => GraphFormat.Csv,
                ".graphml" or ".xml" => GraphFormat.GraphMl,
                _ => GraphFormat.EdgeList,
            };
        }

        try
        {
            using var stream = File.OpenRead(path);
            return format switch
            {
                GraphFormat.Csv => ReadCsv(name, path, conflicts),
                GraphFormat.GraphMl => ReadGraphMl(name, stream, conflicts),
                _ => ReadWhitespace(name, new StreamReader(stream), conflicts),
            };
        }
        catch (IOException e)
        {
            return Fail(name, 0, e.Message);
        }
        catch (UnauthorizedAccessException e)
        {
            return Fail(name, 0, e.Message);
        }
    }

    /// <summary>Reads a whitespace edge list from text (for tests and pipes).</summary>
    public static GraphReadResult ReadEdgeListText(string name, string text, SignConflict conflicts = SignConflict.Error)
        => ReadWhitespace(name, new StringReader(text), conflicts);

    private static GraphReadResult Fail(string file, int line, string reason) => new(null, [new GraphReadError(file, line, reason)]);

    private static GraphReadResult ReadWhitespace(string name, TextReader reader, SignConflict conflicts)
    {
        var builder = new Builder(name, conflicts);
        var lineNo = 0;
        Span<Range> fields = stackalloc Range[5];
        while (reader.ReadLine() is { } line)
        {
            lineNo++;
            var text = line.AsSpan().Trim();
            if (text.Length == 0 || text[0] is '%' or '#')
            {
                continue;
            }

            // Fields split on runs of spaces or tabs, without allocating a string per field.
            var count = 0;
            var k = 0;
            while (k < text.Length && count < fields.Length)
            {
                while (k < text.Length && text[k] is ' ' or '\t')
                {
                    k++;
                }

                var begin = k;
                while (k < text.Length && text[k] is not (' ' or '\t'))
                {
                    k++;
                }

                if (k > begin)
                {
                    fields[count++] = begin..k;
                }
            }

            if (count < 2)
            {
                return Fail(name, lineNo, $"expected 'source target [sign [weight]]', found one field '{Clip(text.ToString())}'");
            }

            var sign = 1;
            var weight = 1.0;
            if (count >= 3)
            {
                var field = text[fields[2]];
                if (ParseSign(field) is not { } parsed)
                {
                    return Fail(name, lineNo, $"sign '{Clip(field.ToString())}' is not a non-zero number (use 1 or -1)");
                }

                sign = parsed;
            }

            if (count >= 4 && !TryParseWeight(text[fields[3]], out weight))
            {
                return Fail(name, lineNo, $"weight '{Clip(text[fields[3]].ToString())}' is not a positive finite number");
            }

            if (builder.Add(text[fields[0]], text[fields[1]], sign, weight, lineNo) is { } error)
            {
                return new GraphReadResult(null, [error]);
            }
        }

        return builder.Finish();
    }

    private static GraphReadResult ReadCsv(string name, string path, SignConflict conflicts)
    {
        SepReader reader;
        try
        {
            reader = Sep.Reader(o => o with { Unescape = true, DisableColCountCheck = true, Trim = SepTrim.Outer }).FromFile(path);
        }
        catch (ArgumentException)
        {
            // Sep refuses a header that repeats a name or leaves one empty ("source,source", ",,,,").
            return Fail(name, 1, "the header names a column twice or leaves one empty; expected a header 'source,target,sign' with each name once");
        }

        using var _ = reader;
        try
        {
            return ReadCsvRows(reader, name, conflicts);
        }
        catch (NotSupportedException)
        {
            // Sep stops at a row of 16 MB: a quote that is never closed swallows the rest of the file.
            return Fail(name, 0, "a row is longer than 16 MB: a quote that is never closed?");
        }
    }

    private static GraphReadResult ReadCsvRows(SepReader reader, string name, SignConflict conflicts)
    {
        if (reader.Header.IsEmpty)
        {
            return Fail(name, 1, "empty file: expected a header 'source,target,sign' and at least one edge");
        }

        int Column(string wanted)
        {
            var names = reader.Header.ColNames;
            for (var i = 0; i < names.Count; i++)
            {
                if (string.Equals(names[i].Trim(), wanted, StringComparison.OrdinalIgnoreCase))
                {
                    return i;
                }
            }

            return -1;
        }

        int source = Column("source"), target = Column("target"), signCol = Column("sign"), weightCol = Column("weight");
        var missing = new[] { ("source", source), ("target", target) }.Where(c => c.Item2 < 0).Select(c => c.Item1).ToList();
        if (missing.Count > 0)
        {
            return Fail(name, 1, $"missing column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing)}; header is '{Clip(string.Join(",", reader.Header.ColNames))}'");
        }

        var needed = new[] { source, target, signCol, weightCol }.Max() + 1;
        var builder = new Builder(name, conflicts);
        foreach (var row in reader)
        {
            var line = row.LineNumberFrom;
            if (row.ColCount < needed)
            {
                return Fail(name, line, $"expected at least {needed} fields, found {row.ColCount}");
            }

            var sign = 1;
            if (signCol >= 0)
            {
                var text = row[signCol].ToString();
                if (ParseSign(text) is not { } s)
                {
                    return Fail(name, line, $"sign '{Clip(text)}' is not a non-zero number (use 1 or -1)");
                }

                sign = s;
            }

            var weight = 1.0;
            if (weightCol >= 0)
            {
                var text = row[weightCol].ToString();
                if (!TryParseWeight(text, out weight))
                {
                    return Fail(name, line, $"weight '{Clip(text)}' is not a positive finite number");
                }
            }

            if (builder.Add(row[source].ToString(), row[target].ToString(), sign, weight, line) is { } error)
            {
                return new GraphReadResult(null, [error]);
            }
        }

        return builder.Finish();
    }

    private static GraphReadResult ReadGraphMl(string name, Stream stream, SignConflict conflicts)
    {
        var builder = new Builder(name, conflicts);
        var signKey = (string?)null;
        var weightKey = (string?)null;
        using var xml = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true });
        var info = (IXmlLineInfo)xml;
        try
        {
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                switch (xml.LocalName)
                {
                    case "key" when xml.GetAttribute("for") is "edge" or "all" or null:
                        var attr = xml.GetAttribute("attr.name");
                        if (string.Equals(attr, "sign", StringComparison.OrdinalIgnoreCase))
                        {
                            signKey = xml.GetAttribute("id");
                        }
                        else if (string.Equals(attr, "weight", StringComparison.OrdinalIgnoreCase))
                        {
                            weightKey = xml.GetAttribute("id");
                        }

                        break;
                    case "node":
                        if (xml.GetAttribute("id") is not { } id)
                        {
                            return Fail(name, info.LineNumber, "<node> without an id");
                        }

                        builder.Node(id);
                        break;
                    case "edge":
                        var line = info.LineNumber;
                        var s = xml.GetAttribute("source");
                        var t = xml.GetAttribute("target");
                        if (s is null || t is null)
                        {
                            return Fail(name, line, "<edge> without source or target");
                        }

                        var sign = 1;
                        var weight = 1.0;
                        if (!xml.IsEmptyElement)
                        {
                            using var sub = xml.ReadSubtree();
                            sub.Read();
                            while (!sub.EOF)
                            {
                                // ReadElementContentAsString moves to the next node itself, so only other nodes call Read.
                                if (sub.NodeType != XmlNodeType.Element || sub.LocalName != "data")
                                {
                                    sub.Read();
                                    continue;
                                }

                                var key = sub.GetAttribute("key");
                                var value = sub.ReadElementContentAsString().Trim();
                                if (key == signKey && signKey is not null)
                                {
                                    if (ParseSign(value) is not { } parsed)
                                    {
                                        return Fail(name, line, $"sign '{Clip(value)}' is not a non-zero number (use 1 or -1)");
                                    }

                                    sign = parsed;
                                }
                                else if (key == weightKey && weightKey is not null && !TryParseWeight(value, out weight))
                                {
                                    return Fail(name, line, $"weight '{Clip(value)}' is not a positive finite number");
                                }
                            }
                        }

                        if (builder.Add(s, t, sign, weight, line) is { } error)
                        {
                            return new GraphReadResult(null, [error]);
                        }

                        break;
                }
            }
        }
        catch (XmlException e)
        {
            return Fail(name, e.LineNumber, $"not well-formed GraphML: {e.Message}");
        }

        return builder.Finish();
    }

    private static int? ParseSign(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text is "+" or "1" or "+1")
        {
            return 1;
        }

        if (text is "-" or "-1")
        {
            return -1;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) && v != 0
            ? Math.Sign(v)
            : null;
    }

    private static bool TryParseWeight(ReadOnlySpan<char> text, out double weight)
        => double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out weight) && double.IsFinite(weight) && weight > 0;

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";

    /// <summary>Collects labels and edges, applying the merge rules; the first refusal ends the read.</summary>
    private sealed class Builder(string file, SignConflict conflicts)
    {
        private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
        private readonly List<string> labels = [];
        private readonly List<ReadEdge> edges = []; // Sign 0 marks a pair dropped as conflicting
        private readonly Dictionary<long, int> pairs = [];
        private readonly List<string> warnings = [];
        private int selfLoops;
        private int merged;

        public int Node(ReadOnlySpan<char> label)
        {
            var lookup = index.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!lookup.TryGetValue(label, out var i))
            {
                var text = label.ToString();
                i = labels.Count;
                index[text] = i;
                labels.Add(text);
            }

            return i;
        }

        public GraphReadError? Add(ReadOnlySpan<char> source, ReadOnlySpan<char> target, int sign, double weight, int line)
        {
            if (source.Length == 0 || target.Length == 0)
            {
                return new GraphReadError(file, line, "empty node id");
            }

            if (source.SequenceEqual(target))
            {
                if (selfLoops++ < 5)
                {
                    warnings.Add($"{file}:{line}: self-loop on '{source}' dropped");
                }

                return null;
            }

            var a = Node(source);
            var b = Node(target);
            var (lo, hi) = (Math.Min(a, b), Math.Max(a, b));
            // long.GetHashCode folds the halves (lo ^ hi), which collides massively for node pairs;
            // an odd multiplier is a bijection on 64 bits that spreads them.
            var key = (long)((((ulong)lo << 32) | (uint)hi) * 0x9E3779B97F4A7C15UL);
            if (pairs.TryGetValue(key, out var at))
            {
                var first = edges[at];
                if (first.Sign == 0)
                {
                    return null; // the pair was dropped as conflicting
                }

                if (first.Sign != sign)
                {
                    switch (conflicts)
                    {
                        case SignConflict.Error:
                            return new GraphReadError(file, line,
                                $"'{source}'–'{target}' has sign {sign:+0;-0} here but {first.Sign:+0;-0} on line {first.Line} (choose a rule: --on-conflict negative|positive|drop)");
                        case SignConflict.Drop:
                            edges[at] = first with { Sign = 0 };
                            break;
                        default:
                            edges[at] = first with { Sign = conflicts == SignConflict.Negative ? -1 : 1 };
                            break;
                    }

                    warnings.Add($"{file}:{line}: '{source}'–'{target}' given with both signs (first on line {first.Line}); rule '{conflicts.ToString().ToLowerInvariant()}' applied");
                    return null;
                }

                if (first.Weight != weight)
                {
                    return new GraphReadError(file, line,
                        $"'{source}'–'{target}' has weight {weight.ToString(CultureInfo.InvariantCulture)} here but {first.Weight.ToString(CultureInfo.InvariantCulture)} on line {first.Line}");
                }

                merged++;
                return null;
            }

            pairs[key] = edges.Count;
            edges.Add(new ReadEdge(lo, hi, sign, weight, line));
            return null;
        }

        public GraphReadResult Finish()
        {
            var kept = edges.Count(e => e.Sign != 0) == edges.Count ? edges : edges.Where(e => e.Sign != 0).ToList();
            if (kept.Count == 0)
            {
                return Fail(file, 0, labels.Count == 0 ? "no edges: the file holds no ties (only comments, a header or blank lines?)" : "no edges left after dropping conflicting pairs");
            }

            if (selfLoops > 5)
            {
                warnings.Add($"{file}: {selfLoops} self-loops dropped in all");
            }

            if (merged > 0)
            {
                warnings.Add($"{file}: {merged} repeated pair{(merged > 1 ? "s" : "")} merged (same sign and weight)");
            }

            return new GraphReadResult(new EdgeList(file, labels, kept, warnings), []);
        }
    }
}
