using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Xml;
using nietras.SeparatedValues;

namespace Wedge.Data.Graphs;

/// <summary>One undirected tie as read: node indices into <see cref="EdgeList.Labels"/>, sign ±1, weight &gt; 0, and the line it came from.</summary>
public readonly record struct ReadEdge(int Source, int Target, int Sign, double Weight, int Line);

/// <summary>A signed, undirected edge list read from a file, ready to become a graph. Immutable.</summary>
/// <remarks>
/// Stored as columns (two 32-bit node ids per edge, a sign column only if some sign is −1, a weight column only
/// if some weight is not 1, and the source lines as runs), so that a million edges take 8 MB, not 32 MB of
/// <see cref="ReadEdge"/>s; <see cref="Edges"/> makes those on demand.
/// </remarks>
public sealed class EdgeList
{
    private readonly int[] sources;
    private readonly int[] targets;
    private readonly sbyte[]? signs;
    private readonly double[]? weights;
    private readonly LineRuns lines;

    internal EdgeList(string file, IReadOnlyList<string> labels, int[] sources, int[] targets, sbyte[]? signs, double[]? weights,
        LineRuns lines, IReadOnlyList<string> warnings)
    {
        File = file;
        Labels = labels;
        this.sources = sources;
        this.targets = targets;
        this.signs = signs;
        this.weights = weights;
        this.lines = lines;
        Warnings = warnings;
    }

    public string File { get; }

    /// <summary>Node labels in order of first appearance (GraphML: of declaration).</summary>
    public IReadOnlyList<string> Labels { get; }

    /// <summary>Documented handling that changed the input (self-loops dropped, duplicates merged), with lines.</summary>
    public IReadOnlyList<string> Warnings { get; }

    public int Count => sources.Length;

    /// <summary>The smaller node index of each edge.</summary>
    public ReadOnlyMemory<int> Sources => sources;

    /// <summary>The larger node index of each edge.</summary>
    public ReadOnlyMemory<int> Targets => targets;

    /// <summary>The sign of each edge; empty when every sign is +1.</summary>
    public ReadOnlyMemory<sbyte> Signs => signs;

    /// <summary>The weight of each edge; empty when every weight is 1.</summary>
    public ReadOnlyMemory<double> Weights => weights;

    /// <summary>The edges as records, in file order (made when read).</summary>
    public IReadOnlyList<ReadEdge> Edges => new EdgeView(this);

    public ReadEdge Edge(int i)
        => new(sources[i], targets[i], signs is null ? 1 : signs[i], weights is null ? 1.0 : weights[i], lines.Line(i));

    private sealed class EdgeView(EdgeList list) : IReadOnlyList<ReadEdge>
    {
        public int Count => list.Count;

        public ReadEdge this[int index] => (uint)index < (uint)list.Count ? list.Edge(index) : throw new ArgumentOutOfRangeException(nameof(index));

        public IEnumerator<ReadEdge> GetEnumerator()
        {
            for (var i = 0; i < list.Count; i++)
            {
                yield return list.Edge(i);
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

/// <summary>
/// The source line of each edge, kept as runs: a new run starts where line − edge index changes (a comment, a
/// merged duplicate). A file without comments is one run; the worst case is one run (8 bytes) per edge.
/// </summary>
internal sealed class LineRuns
{
    private int[] start = new int[4];
    private int[] offset = new int[4];
    private int count;

    public void Add(int edge, int line)
    {
        if (count > 0 && line - edge == offset[count - 1])
        {
            return;
        }

        if (count == start.Length)
        {
            Array.Resize(ref start, count * 2);
            Array.Resize(ref offset, count * 2);
        }

        start[count] = edge;
        offset[count++] = line - edge;
    }

    public int Line(int edge)
    {
        var k = Array.BinarySearch(start, 0, count, edge);
        return edge + offset[k >= 0 ? k : ~k - 1];
    }
}

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
        using var lines = new LineSplitter(reader);
        while (lines.Next(out var line))
        {
            lineNo++;
            var text = line.Trim();
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

    /// <summary>
    /// Lines of a text without a string per line: a pooled buffer is refilled from the reader and each line is a
    /// span into it, valid until the next call. Line ends as <see cref="TextReader.ReadLine"/>'s: \n, \r or \r\n.
    /// </summary>
    private sealed class LineSplitter(TextReader reader) : IDisposable
    {
        private char[] buffer = ArrayPool<char>.Shared.Rent(1 << 16);
        private int start;
        private int end;
        private bool eof;
        private bool afterReturn;

        public bool Next(out ReadOnlySpan<char> line)
        {
            while (true)
            {
                if (afterReturn && (start < end || eof))
                {
                    if (start < end && buffer[start] == '\n')
                    {
                        start++;
                    }

                    afterReturn = false;
                }

                if (!afterReturn)
                {
                    var rest = buffer.AsSpan(start, end - start);
                    var i = rest.IndexOfAny('\r', '\n');
                    if (i >= 0)
                    {
                        line = rest[..i];
                        afterReturn = rest[i] == '\r';
                        start += i + 1;
                        return true;
                    }

                    if (eof)
                    {
                        line = rest;
                        start = end;
                        return rest.Length > 0;
                    }
                }

                Refill();
            }
        }

        private void Refill()
        {
            if (start > 0)
            {
                Array.Copy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }

            if (end == buffer.Length)
            {
                // A line longer than the buffer: double it.
                var larger = ArrayPool<char>.Shared.Rent(buffer.Length * 2);
                Array.Copy(buffer, larger, end);
                ArrayPool<char>.Shared.Return(buffer);
                buffer = larger;
            }

            var read = reader.Read(buffer, end, buffer.Length - end);
            if (read == 0)
            {
                eof = true;
            }

            end += read;
        }

        public void Dispose()
        {
            ArrayPool<char>.Shared.Return(buffer);
            buffer = [];
        }
    }

    /// <summary>
    /// Collects labels and edges, applying the merge rules; the first refusal ends the read. Edges are kept as
    /// growing columns (32-bit ids; a sign or weight column only once some edge needs one) and repeated pairs are
    /// found by an open-addressing table of edge indices (4 bytes a slot, at most half full) instead of a dictionary
    /// of pair keys (about 28 bytes an entry).
    /// </summary>
    private sealed class Builder(string file, SignConflict conflicts)
    {
        private readonly Dictionary<string, int> index = new(StringComparer.Ordinal);
        private readonly List<string> labels = [];
        private readonly List<string> warnings = [];
        private readonly LineRuns lines = new();
        private int[] sources = new int[256];
        private int[] targets = new int[256];
        private sbyte[]? signs; // 0 marks a pair dropped as conflicting
        private double[]? weights;
        private int count;
        private int[] table = new int[512]; // edge index + 1 per slot, 0 = empty
        private int selfLoops;
        private int merged;
        private int dropped;

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

        private int Sign(int edge) => signs is null ? 1 : signs[edge];

        private double Weight(int edge) => weights is null ? 1.0 : weights[edge];

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
            var slot = Find(lo, hi);
            if (table[slot] != 0)
            {
                var at = table[slot] - 1;
                var firstSign = Sign(at);
                if (firstSign == 0)
                {
                    return null; // the pair was dropped as conflicting
                }

                if (firstSign != sign)
                {
                    switch (conflicts)
                    {
                        case SignConflict.Error:
                            return new GraphReadError(file, line,
                                $"'{source}'–'{target}' has sign {sign:+0;-0} here but {firstSign:+0;-0} on line {lines.Line(at)} (choose a rule: --on-conflict negative|positive|drop)");
                        case SignConflict.Drop:
                            SignColumn()[at] = 0;
                            dropped++;
                            break;
                        default:
                            SignColumn()[at] = (sbyte)(conflicts == SignConflict.Negative ? -1 : 1);
                            break;
                    }

                    warnings.Add($"{file}:{line}: '{source}'–'{target}' given with both signs (first on line {lines.Line(at)}); rule '{conflicts.ToString().ToLowerInvariant()}' applied");
                    return null;
                }

                if (Weight(at) != weight)
                {
                    return new GraphReadError(file, line,
                        $"'{source}'–'{target}' has weight {weight.ToString(CultureInfo.InvariantCulture)} here but {Weight(at).ToString(CultureInfo.InvariantCulture)} on line {lines.Line(at)}");
                }

                merged++;
                return null;
            }

            if (count == sources.Length)
            {
                Grow();
            }

            sources[count] = lo;
            targets[count] = hi;
            if (sign != 1 || signs is not null)
            {
                SignColumn()[count] = (sbyte)sign;
            }

            if (weight != 1.0 || weights is not null)
            {
                WeightColumn()[count] = weight;
            }

            lines.Add(count, line);
            table[slot] = ++count;
            if (2 * count > table.Length)
            {
                Rehash();
            }

            return null;
        }

        /// <summary>The slot holding the pair, or the empty slot where it would go (linear probing).</summary>
        private int Find(int lo, int hi)
        {
            var mask = table.Length - 1;
            // An odd multiplier is a bijection on 64 bits; its high bits spread node pairs over the table.
            var slot = (int)((((ulong)(uint)lo << 32) | (uint)hi) * 0x9E3779B97F4A7C15UL >> (64 - BitOperations.Log2((uint)table.Length)));
            while (table[slot] != 0 && (sources[table[slot] - 1] != lo || targets[table[slot] - 1] != hi))
            {
                slot = (slot + 1) & mask;
            }

            return slot;
        }

        private void Rehash()
        {
            table = new int[table.Length * 2];
            for (var e = 0; e < count; e++)
            {
                table[Find(sources[e], targets[e])] = e + 1;
            }
        }

        private void Grow()
        {
            var size = sources.Length * 2;
            Array.Resize(ref sources, size);
            Array.Resize(ref targets, size);
            if (signs is not null)
            {
                Array.Resize(ref signs, size);
            }

            if (weights is not null)
            {
                Array.Resize(ref weights, size);
            }
        }

        private sbyte[] SignColumn()
        {
            if (signs is null)
            {
                signs = new sbyte[sources.Length];
                Array.Fill(signs, (sbyte)1);
            }

            return signs;
        }

        private double[] WeightColumn()
        {
            if (weights is null)
            {
                weights = new double[sources.Length];
                Array.Fill(weights, 1.0);
            }

            return weights;
        }

        public GraphReadResult Finish()
        {
            table = [];
            if (count - dropped == 0)
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

            var kept = lines;
            if (dropped > 0)
            {
                // Close the gaps of the dropped pairs (in place) and renumber their lines.
                kept = new LineRuns();
                var to = 0;
                for (var e = 0; e < count; e++)
                {
                    if (signs![e] == 0)
                    {
                        continue;
                    }

                    sources[to] = sources[e];
                    targets[to] = targets[e];
                    signs[to] = signs[e];
                    if (weights is not null)
                    {
                        weights[to] = weights[e];
                    }

                    kept.Add(to++, lines.Line(e));
                }

                count = to;
            }

            // Exact-size columns, one at a time; none for signs that are all +1 or weights that are all 1.
            Array.Resize(ref sources, count);
            Array.Resize(ref targets, count);
            var signed = signs is not null && Array.IndexOf(signs, (sbyte)-1, 0, count) >= 0;
            var weighted = weights is not null && Array.FindIndex(weights, 0, count, w => w != 1.0) >= 0;
            if (signed)
            {
                Array.Resize(ref signs, count);
            }

            if (weighted)
            {
                Array.Resize(ref weights, count);
            }

            return new GraphReadResult(new EdgeList(file, [.. labels], sources, targets, signed ? signs : null, weighted ? weights : null, kept, warnings), []);
        }
    }
}
