using System.Globalization;
using System.Text;

namespace Wedge.Cli.Infrastructure;

/// <summary>How tables are written: drawn for people, or as CSV or TSV for spreadsheets and scripts.</summary>
public enum TableFormat
{
    Table,
    Csv,
    Tsv,
}

/// <summary>
/// Rows as CSV (RFC 4180: fields with a comma, quote or line break quoted, quotes doubled) or TSV (tabs and line
/// breaks in a field become spaces, as TSV has no quoting). In both, a field that a spreadsheet would run as a formula
/// (starting with = + - @, a tab or a carriage return) is neutralised with a leading apostrophe, unless it is a plain
/// number: a name like "=HYPERLINK(…)" in the record must not become a live formula in someone's spreadsheet.
/// </summary>
public static class DelimitedText
{
    public static string Row(IEnumerable<string> fields, TableFormat format)
        => string.Join(format == TableFormat.Tsv ? "\t" : ",", fields.Select(f => Field(f, format)));

    public static string Field(string value, TableFormat format)
    {
        var neutral = NeutraliseFormula(AsciiMinus(value));
        if (format == TableFormat.Tsv)
        {
            return neutral.Replace("\r\n", " ", StringComparison.Ordinal).Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');
        }

        return neutral.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + neutral.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : neutral;
    }

    /// <summary>The OWASP rule for CSV injection: a leading apostrophe makes a spreadsheet read the field as text.</summary>
    public static string NeutraliseFormula(string value)
        => value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
           && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? "'" + value
            : value;

    /// <summary>
    /// Tables show negative numbers with the typographic minus (U+2212), which no spreadsheet or script reads as a
    /// number; in delimited output a plain number written that way gets the ASCII hyphen-minus instead.
    /// </summary>
    public static string AsciiMinus(string value)
        => value.Length > 1 && value[0] == '\u2212' && value[1] != '-' && value[1] != '+'
           && double.TryParse(value.AsSpan(1), NumberStyles.Float, CultureInfo.InvariantCulture, out _)
            ? "-" + value[1..]
            : value;

    /// <summary>Parses a --format value: table, csv or tsv (any case); null for anything else.</summary>
    public static TableFormat? Parse(string text) => text.Trim().ToLowerInvariant() switch
    {
        "table" => TableFormat.Table,
        "csv" => TableFormat.Csv,
        "tsv" => TableFormat.Tsv,
        _ => null,
    };
}
