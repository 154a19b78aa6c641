using System.Net;
using System.Text;

namespace Wedge.Data.Mmp;

/// <summary>
/// Repairs the damage MMP's text took on its way from the website to CSV. Each step is a named,
/// tested quirk of the distributed files; anything else is left exactly as it was.
/// </summary>
/// <remarks>
/// Order matters: HTML entities are decoded first because MMP wrote <c>\&amp;#039;</c> (an escaped
/// quote whose quote was then entity-encoded), so the backslash can only be removed afterwards.
/// Mojibake comes next, then whitespace, so a repaired <c>Â&#160;</c> becomes a plain space and is trimmed.
/// </remarks>
public static class MmpText
{
    private static readonly Encoding Windows1252;
    private static readonly UTF8Encoding StrictUtf8 = new(false, throwOnInvalidBytes: true);

    // Characters Windows-1252 puts in 0x80–0x9F, by their Unicode value, mapped back to the byte.
    private static readonly Dictionary<char, byte> Cp1252Bytes = [];

    static MmpText()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Windows1252 = Encoding.GetEncoding(1252, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
        for (var b = 0x80; b <= 0x9F; b++)
        {
            try
            {
                var c = Windows1252.GetString([(byte)b])[0];
                Cp1252Bytes[c] = (byte)b;
            }
            catch (DecoderFallbackException)
            {
                // 0x81, 0x8D, 0x8F, 0x90 and 0x9D are unassigned in Windows-1252.
            }
        }
    }

    /// <summary>A name: every repair, then spaces trimmed and runs of white space collapsed to one space.</summary>
    public static string CleanName(string raw) => IsPlain(raw, forName: true) ? raw : CollapseSpaces(Repair(raw));

    /// <summary>A description: every repair, then trimmed (inner spacing kept as the source wrote it, except non-breaking spaces).</summary>
    public static string CleanText(string raw) => IsPlain(raw, forName: false) ? raw : Repair(raw).Trim();

    /// <summary>Most fields need no repair: printable ASCII with nothing to unescape and no spaces to trim (or, for names, to collapse).</summary>
    private static bool IsPlain(string s, bool forName)
    {
        if (s.Length == 0 || s[0] == ' ' || s[^1] == ' ')
        {
            return s.Length == 0;
        }

        var previousSpace = false;
        foreach (var c in s)
        {
            if (c is < ' ' or > '~' or '&' or '\\' || (forName && c == ' ' && previousSpace))
            {
                return false;
            }

            previousSpace = c == ' ';
        }

        return true;
    }

    /// <summary>HTML entities, backslash escapes and mojibake undone; non-breaking spaces made plain.</summary>
    public static string Repair(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var s = raw;
        if (s.Contains('&'))
        {
            s = WebUtility.HtmlDecode(s);
        }

        if (s.Contains('\\'))
        {
            s = UnescapeBackslashes(s);
        }

        s = RepairMojibake(s);
        return s.Replace('\u00A0', ' ');
    }

    /// <summary>MMP escaped quotes with a backslash (<c>\'</c>, <c>\"</c>); a backslash before anything else is kept.</summary>
    public static string UnescapeBackslashes(string s)
    {
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length && s[i + 1] is '\'' or '"' or '\\')
            {
                sb.Append(s[i + 1]);
                i++;
            }
            else
            {
                sb.Append(s[i]);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// Undoes text that was UTF-8 but read as Windows-1252 or Latin-1: <c>â€™</c> (or <c>â\x80\x99</c>)
    /// becomes <c>’</c> and <c>Â&#160;</c> a non-breaking space. Also maps stray C1 control characters
    /// (U+0080–U+009F, a Windows-1252 byte read as Latin-1, e.g. U+0092) to the character Windows-1252 meant.
    /// </summary>
    /// <remarks>
    /// A sequence is rewritten only when its bytes form one valid UTF-8 character with the right number of
    /// continuation bytes, so genuine accented text (<c>é</c>, <c>Ó</c>) is left alone.
    /// </remarks>
    public static string RepairMojibake(string s)
    {
        if (!NeedsRepair(s))
        {
            return s;
        }

        var sb = new StringBuilder(s.Length);
        Span<byte> bytes = stackalloc byte[4];
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            var lead = ByteOf(c);
            var count = lead switch
            {
                >= 0xC2 and <= 0xDF => 1,
                >= 0xE0 and <= 0xEF => 2,
                >= 0xF0 and <= 0xF4 => 3,
                _ => 0,
            };
            if (count > 0 && i + count < s.Length)
            {
                bytes[0] = (byte)lead;
                var ok = true;
                for (var k = 1; k <= count && ok; k++)
                {
                    var b = ByteOf(s[i + k]);
                    ok = b is >= 0x80 and <= 0xBF;
                    bytes[k] = (byte)Math.Max(b, 0);
                }

                if (ok && TryDecodeOne(bytes[..(count + 1)], out var decoded))
                {
                    sb.Append(decoded);
                    i += count;
                    continue;
                }
            }

            if (c is >= '\u0080' and <= '\u009F' && FromCp1252((byte)c) is { } meant)
            {
                sb.Append(meant);
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static bool NeedsRepair(string s)
    {
        foreach (var c in s)
        {
            if (c is >= '\u0080' and <= '\u009F' or >= '\u00C2' and <= '\u00F4')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The byte a character stood for if it came from a single-byte decode (Latin-1 or Windows-1252), else -1.</summary>
    private static int ByteOf(char c) => c <= '\u00FF' ? c : Cp1252Bytes.TryGetValue(c, out var b) ? b : -1;

    private static string? FromCp1252(byte b)
    {
        try
        {
            return Windows1252.GetString([b]);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static bool TryDecodeOne(ReadOnlySpan<byte> utf8, out string text)
    {
        text = "";
        try
        {
            text = StrictUtf8.GetString(utf8);
            return text.Length is 1 or 2;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static string CollapseSpaces(string s)
    {
        var sb = new StringBuilder(s.Length);
        var space = false;
        foreach (var c in s.Trim())
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }

            if (space)
            {
                sb.Append(' ');
                space = false;
            }

            sb.Append(c);
        }

        return sb.ToString();
    }
}
