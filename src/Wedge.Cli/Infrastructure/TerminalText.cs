using System.Text;

namespace Wedge.Cli.Infrastructure;

/// <summary>
/// The one sanitiser for text shown on a terminal: text from the record (names, claims, sources), from files and from
/// the command line is data, and must not drive the terminal. Control characters would (an ESC sequence recolours,
/// moves the cursor or retitles the window; BEL rings; a carriage return overwrites what came before), and bidi
/// overrides would reorder what a reader sees. Each is shown as a visible escape (<c>\x1B</c>, <c>\u202E</c>) instead.
/// </summary>
/// <remarks>
/// Line feeds stay: multi-line claim text is shown as lines. Markup is a separate matter: Spectre markup in data is
/// escaped by <see cref="Output.Esc"/> or kept literal by <see cref="Output.Cell"/>, both of which call this first.
/// </remarks>
public static class TerminalText
{
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        if (!text.Any(NeedsEscape))
        {
            return text;
        }

        var safe = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (!NeedsEscape(c))
            {
                safe.Append(c);
            }
            else if (c <= '\u00FF')
            {
                safe.Append(@"\x").Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                safe.Append(@"\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return safe.ToString();
    }

    /// <summary>
    /// C0 controls but the line feed (ESC, BEL, CR, TAB, NUL …), DEL, C1 controls (U+0080–009F: 8-bit CSI and OSC among
    /// them), bidi embeddings and overrides (U+202A–202E), isolates (U+2066–2069), marks (U+200E, U+200F, U+061C), and
    /// the line and paragraph separators (U+2028, U+2029).
    /// </summary>
    public static bool NeedsEscape(char c)
        => (c < ' ' && c != '\n')
           || c is >= '\u007F' and <= '\u009F'
           || c is >= '\u202A' and <= '\u202E'
           || c is >= '\u2066' and <= '\u2069'
           || c is '\u200E' or '\u200F' or '\u061C' or '\u2028' or '\u2029';
}
