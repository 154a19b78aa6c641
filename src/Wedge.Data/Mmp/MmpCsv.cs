using System.Text;
using nietras.SeparatedValues;

namespace Wedge.Data.Mmp;

/// <summary>One thing wrong with one row (or the whole) of an input file: where, and what.</summary>
/// <param name="File">The file as the user named it.</param>
/// <param name="Line">1-based line where the row starts; 0 when the problem is with the file as a whole.</param>
public sealed record MmpProblem(string File, int Line, string Reason)
{
    /// <summary>The reason, with an overlong quote from the file shortened (<see cref="Core.Text.MessageText"/>).</summary>
    public string Reason { get; init; } = Core.Text.MessageText.Cap(Reason);

    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Reason}" : $"{File}: {Reason}";
}

/// <summary>A file that cannot be read at all (missing, empty, binary, a required column absent): nothing in it is imported.</summary>
public sealed class MmpFileException(MmpProblem problem) : Exception(problem.ToString())
{
    public MmpProblem Problem { get; } = problem;
}

/// <summary>A CSV row with its fields unquoted, or the reason it could not be split into fields.</summary>
internal readonly record struct CsvRow(int Line, string[]? Fields, string? Error);

/// <summary>
/// Streams a CSV file through Sep, one row at a time, checking what Sep leaves to the caller:
/// the header's columns, each row's field count, and quoting (Sep is lenient about stray quotes,
/// so fields are unquoted here, strictly, and an odd number of quotes in a row is an unbalanced quote).
/// </summary>
internal sealed class MmpCsv : IDisposable
{
    private const int SniffBytes = 64 * 1024;

    private readonly string file;
    private readonly SepReader reader;
    private readonly int columnCount;

    private MmpCsv(string file, SepReader reader, Dictionary<string, int> columns, int columnCount, Encoding encoding)
    {
        this.file = file;
        this.reader = reader;
        Columns = columns;
        this.columnCount = columnCount;
        Encoding = encoding;
    }

    /// <summary>Column name (lower case) to index.</summary>
    public IReadOnlyDictionary<string, int> Columns { get; }

    /// <summary>How the file was decoded: UTF-8, or Windows-1252 when the bytes are not valid UTF-8.</summary>
    public Encoding Encoding { get; }

    /// <summary>Opens the file and checks its header. Throws <see cref="MmpFileException"/> when the file cannot be used.</summary>
    public static MmpCsv Open(string path, string displayName, IReadOnlyList<string> required)
    {
        if (!File.Exists(path))
        {
            throw new MmpFileException(new(displayName, 0, "no such file"));
        }

        byte[] head;
        using (var f = File.OpenRead(path))
        {
            head = new byte[(int)Math.Min(SniffBytes, f.Length)];
            f.ReadExactly(head);
        }

        var body = head.AsSpan().StartsWith("\uFEFF"u8) ? head.AsSpan(3) : head.AsSpan();
        if (body.Trim("\r\n\t "u8).IsEmpty)
        {
            throw new MmpFileException(new(displayName, 0, "the file is empty (expected a header row naming the columns)"));
        }

        if (LooksBinary(body))
        {
            throw new MmpFileException(new(displayName, 0, "this is a binary file, not CSV text"));
        }

        var encoding = IsUtf8(body, head.Length < SniffBytes) ? new UTF8Encoding(false) : Windows1252();
        var text = new StreamReader(path, encoding, detectEncodingFromByteOrderMarks: true);
        SepReader sep;
        try
        {
            sep = Sep.New(',').Reader(o => o with { HasHeader = true, Unescape = false, DisableColCountCheck = true })
                .From(text);
        }
        catch (Exception ex) when (ex is InvalidDataException or ArgumentException)
        {
            text.Dispose();
            throw new MmpFileException(new(displayName, 1, $"cannot read the header: {ex.Message}"));
        }

        var names = sep.Header.ColNames;
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < names.Count; i++)
        {
            var name = Unquote(names[i].AsSpan(), out _) ?? names[i];
            name = name.Trim('\uFEFF', ' ', '\t').ToLowerInvariant();
            if (name.Length > 0)
            {
                columns.TryAdd(name, i);
            }
        }

        var missing = required.Where(r => !columns.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            sep.Dispose();
            text.Dispose();
            var plural = missing.Count > 1 ? "columns" : "column";
            throw new MmpFileException(new(displayName, 1,
                $"missing {plural} {string.Join(", ", missing.Select(m => $"'{m}'"))} in the header (found: {string.Join(", ", columns.Keys.Select(k => $"'{k}'"))})"));
        }

        return new MmpCsv(displayName, sep, columns, names.Count, encoding);
    }

    /// <summary>The data rows in order, each unquoted or with the reason it is unreadable.</summary>
    public IEnumerable<CsvRow> Rows() => Rows(null);

    /// <summary>
    /// The data rows in order, with only the <paramref name="wanted"/> columns unquoted and checked (the others are left
    /// empty): a wide file (GTD's 135 columns) is read without building a string for every field. Quoting and the field
    /// count are still checked over the whole row.
    /// </summary>
    public IEnumerable<CsvRow> Rows(IReadOnlyCollection<int>? wanted)
    {
        bool[]? only = null;
        if (wanted is not null)
        {
            only = new bool[columnCount];
            foreach (var i in wanted)
            {
                only[i] = true;
            }
        }

        foreach (var row in reader)
        {
            if (Process(row, only) is { } result)
            {
                yield return result;
            }
        }
    }

    private CsvRow? Process(SepReader.Row row, bool[]? only)
    {
        var line = row.LineNumberFrom;
        var raw = row.Span;
        if (raw.Count('"') % 2 != 0)
        {
            var last = row.LineNumberToExcl - 1;
            return new CsvRow(line, null, last > line
                ? $"unbalanced quote: a quoted field opened on line {line} is never closed, so lines {line}–{last} were read as one row and refused"
                : $"unbalanced quote: a quoted field opened on line {line} is never closed");
        }

        if (row.ColCount != columnCount)
        {
            if (row.ColCount == 1 && raw.Trim().IsEmpty)
            {
                return null; // a blank line
            }

            return new CsvRow(line, null, $"expected {columnCount} fields (as in the header), found {row.ColCount}");
        }

        var fields = new string[row.ColCount];
        for (var i = 0; i < fields.Length; i++)
        {
            if (only is not null && !only[i])
            {
                fields[i] = "";
                continue;
            }

            fields[i] = Unquote(row[i].Span, out var error) ?? "";
            if (error is not null)
            {
                return new CsvRow(line, null, $"field {i + 1}: {error}");
            }

            if (fields[i].Contains('\uFFFD', StringComparison.Ordinal))
            {
                return new CsvRow(line, null, $"field {i + 1}: bytes that are not valid text in {Encoding.WebName}");
            }
        }

        return new CsvRow(line, fields, null);
    }

    public string FileName => file;

    public void Dispose() => reader.Dispose();

    /// <summary>RFC 4180 unquoting: <c>"a ""b"""</c> is <c>a "b"</c>. A backslash-escaped quote (MMP's <c>\"</c>) is kept for <see cref="MmpText"/> to undo.</summary>
    private static string? Unquote(ReadOnlySpan<char> raw, out string? error)
    {
        error = null;
        if (raw.IsEmpty || raw[0] != '"')
        {
            return raw.ToString();
        }

        if (raw.Length < 2 || raw[^1] != '"')
        {
            error = "a quoted field has text after its closing quote";
            return null;
        }

        var inner = raw[1..^1];
        if (inner.IndexOf('"') < 0)
        {
            return inner.ToString();
        }

        // Every quote inside must be doubled ("") or backslash-escaped (\"); anything else is malformed.
        for (var i = 0; i < inner.Length; i++)
        {
            if (inner[i] != '"')
            {
                continue;
            }

            if (i + 1 < inner.Length && inner[i + 1] == '"')
            {
                i++;
            }
            else if (i == 0 || inner[i - 1] != '\\')
            {
                error = "a quote inside a quoted field is neither doubled (\"\") nor escaped (\\\")";
                return null;
            }
        }

        // One copy, the doubled quotes undone on the way (descriptions are the longest fields and often quote someone).
        var unquoted = inner.Length <= 512 ? stackalloc char[inner.Length] : new char[inner.Length];
        var at = 0;
        for (var i = 0; i < inner.Length; i++)
        {
            unquoted[at++] = inner[i];
            if (inner[i] == '"' && i + 1 < inner.Length && inner[i + 1] == '"')
            {
                i++;
            }
        }

        return new string(unquoted[..at]);
    }

    private static bool LooksBinary(ReadOnlySpan<byte> bytes)
    {
        var control = 0;
        foreach (var b in bytes)
        {
            if (b == 0)
            {
                return true;
            }

            if (b < 0x20 && b is not (byte)'\r' and not (byte)'\n' and not (byte)'\t')
            {
                control++;
            }
        }

        return control > bytes.Length / 100;
    }

    private static bool IsUtf8(ReadOnlySpan<byte> bytes, bool whole)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return true;
        }

        // The sniffed chunk may end inside a multi-byte character; only the last 3 bytes get that leniency.
        return !whole && bytes.Length > 3 && System.Text.Unicode.Utf8.IsValid(bytes[..FindCut(bytes)]);
    }

    private static int FindCut(ReadOnlySpan<byte> bytes)
    {
        var cut = bytes.Length;
        for (var k = 1; k <= 3 && cut - k >= 0; k++)
        {
            if ((bytes[cut - k] & 0xC0) == 0xC0)
            {
                return cut - k;
            }
        }

        return cut;
    }

    private static Encoding Windows1252()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }
}
