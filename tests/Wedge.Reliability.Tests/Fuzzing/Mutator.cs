using System.Text;

namespace Wedge.Reliability.Tests.Fuzzing;

/// <summary>What a reader expects, so the mutator can also aim at the format's own weak points.</summary>
public enum InputShape
{
    Csv,
    Whitespace,
    Yaml,
    Xml,
    Json,
}

/// <summary>
/// Deterministic mutations of a seed file: the same seed and index always give the same bytes, so a failure is
/// reproduced from the two numbers the test prints. Each input stacks one to three mutations, drawn from the
/// generic ones (bit flips, truncation, lines duplicated, removed or swapped, BOMs, NULs, invalid UTF-8, huge
/// fields, odd values) and those aimed at the shape (wrong column counts; deep YAML nesting and alias bombs;
/// XML entities, DTDs and deep elements).
/// </summary>
public static class Mutator
{
    /// <summary>Values that break parsers: empty, signs, overflow, non-numbers, control and bidi characters, markup.</summary>
    private static readonly string[] OddValues =
    [
        "", " ", "-1", "0", "-0", "1e309", "-1e309", "NaN", "Infinity", "99999999999999999999", "2147483648", "0x10", "1,5",
        "\"", "\"\"", "'", "\t", "\r", "\n", "\0", "\u001b[2J", "\u202e", "\ufeff", "\ud800", "null", "~", "true", "[", "{", "*a", "&a",
        "!!binary AA==", "<x>", "&amp;", "]]>", "0000-00-00", "9999-99-99", "2/30/19", "13/13/13", "A1", "Z9", "all", "riv",
        "=cmd|' /C calc'!A0",
    ];

    public static byte[] Mutate(byte[] seed, InputShape shape, Random random)
    {
        var data = seed;
        var count = 1 + random.Next(3);
        for (var i = 0; i < count; i++)
        {
            data = MutateOnce(data, shape, random);
        }

        return data;
    }

    private static byte[] MutateOnce(byte[] data, InputShape shape, Random random)
    {
        // One in three mutations is aimed at the shape; the rest are the same for every format.
        if (random.Next(3) == 0)
        {
            switch (shape)
            {
                case InputShape.Csv:
                    return WrongColumnCount(data, random);
                case InputShape.Yaml:
                    return random.Next(3) switch
                    {
                        0 => Insert(data, random, Encoding.UTF8.GetBytes(DeepYaml(random))),
                        1 => AliasBomb(random),
                        _ => Insert(data, random, Encoding.UTF8.GetBytes(YamlToken(random))),
                    };
                case InputShape.Xml:
                    return XmlAttack(data, random);
                case InputShape.Json:
                    return Insert(data, random, Encoding.UTF8.GetBytes(random.Next(2) == 0 ? new string('[', 1 + random.Next(5000)) : "{\"a\":" + new string('{', random.Next(2000))));
                default:
                    break;
            }
        }

        return random.Next(12) switch
        {
            0 => FlipBits(data, random),
            1 => Truncate(data, random),
            2 => LineEdit(data, random),
            3 => LineEdit(data, random),
            4 => Insert(data, random, Bom(random)),
            5 => Insert(data, random, [0]),
            6 => Insert(data, random, InvalidUtf8(random)),
            7 => Insert(data, random, Encoding.UTF8.GetBytes(HugeField(random))),
            8 => ReplaceToken(data, random),
            9 => ReplaceToken(data, random),
            10 => DeleteRange(data, random),
            _ => Insert(data, random, Encoding.UTF8.GetBytes(OddValues[random.Next(OddValues.Length)])),
        };
    }

    private static byte[] FlipBits(byte[] data, Random random)
    {
        if (data.Length == 0)
        {
            return [(byte)random.Next(256)];
        }

        var copy = (byte[])data.Clone();
        var flips = 1 + random.Next(8);
        for (var i = 0; i < flips; i++)
        {
            copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        }

        return copy;
    }

    private static byte[] Truncate(byte[] data, Random random) => data.Length == 0 ? data : data[..random.Next(data.Length)];

    private static byte[] DeleteRange(byte[] data, Random random)
    {
        if (data.Length < 2)
        {
            return data;
        }

        var start = random.Next(data.Length);
        var length = Math.Min(data.Length - start, 1 + random.Next(64));
        return [.. data[..start], .. data[(start + length)..]];
    }

    private static byte[] Insert(byte[] data, Random random, byte[] what)
    {
        var at = data.Length == 0 ? 0 : random.Next(data.Length + 1);
        return [.. data[..at], .. what, .. data[at..]];
    }

    /// <summary>A line duplicated (once or many times), removed, or swapped with another.</summary>
    private static byte[] LineEdit(byte[] data, Random random)
    {
        var lines = Lines(data);
        if (lines.Count == 0)
        {
            return data;
        }

        var i = random.Next(lines.Count);
        switch (random.Next(4))
        {
            case 0:
                lines.Insert(i, lines[i]);
                break;
            case 1:
                // Many copies: a file far longer than its seed, with every duplicate a candidate conflict.
                lines.InsertRange(i, Enumerable.Repeat(lines[i], 1 + random.Next(200)));
                break;
            case 2:
                lines.RemoveAt(i);
                break;
            default:
                var j = random.Next(lines.Count);
                (lines[i], lines[j]) = (lines[j], lines[i]);
                break;
        }

        return [.. lines.SelectMany(l => l)];
    }

    /// <summary>A comma (or a quoted field) added to or removed from one line: a row with the wrong number of columns.</summary>
    private static byte[] WrongColumnCount(byte[] data, Random random)
    {
        var lines = Lines(data);
        if (lines.Count == 0)
        {
            return data;
        }

        var i = random.Next(lines.Count);
        var line = lines[i];
        var commas = Enumerable.Range(0, line.Length).Where(k => line[k] == (byte)',').ToList();
        if (random.Next(2) == 0 || commas.Count == 0)
        {
            var extra = random.Next(3) switch { 0 => ",", 1 => ",,,,,,", _ => ",\"x,\ny\"" };
            var at = random.Next(line.Length + 1);
            lines[i] = [.. line[..at], .. Encoding.UTF8.GetBytes(extra), .. line[at..]];
        }
        else
        {
            var at = commas[random.Next(commas.Count)];
            lines[i] = [.. line[..at], .. line[(at + 1)..]];
        }

        return [.. lines.SelectMany(l => l)];
    }

    /// <summary>Each line with its end-of-line bytes, so joining them gives the input back.</summary>
    private static List<byte[]> Lines(byte[] data)
    {
        var lines = new List<byte[]>();
        var start = 0;
        for (var k = 0; k < data.Length; k++)
        {
            if (data[k] == (byte)'\n')
            {
                lines.Add(data[start..(k + 1)]);
                start = k + 1;
            }
        }

        if (start < data.Length)
        {
            lines.Add(data[start..]);
        }

        return lines;
    }

    /// <summary>A short run of the input replaced by an odd value.</summary>
    private static byte[] ReplaceToken(byte[] data, Random random)
    {
        if (data.Length == 0)
        {
            return Encoding.UTF8.GetBytes(OddValues[random.Next(OddValues.Length)]);
        }

        var start = random.Next(data.Length);
        var end = start;
        while (end < data.Length && end - start < 40 && data[end] is not ((byte)',' or (byte)'\n' or (byte)' ' or (byte)':' or (byte)'"' or (byte)'<' or (byte)'>'))
        {
            end++;
        }

        return [.. data[..start], .. Encoding.UTF8.GetBytes(OddValues[random.Next(OddValues.Length)]), .. data[end..]];
    }

    private static byte[] Bom(Random random) => random.Next(3) switch
    {
        0 => [0xEF, 0xBB, 0xBF],
        1 => [0xFF, 0xFE],
        _ => [0xFE, 0xFF],
    };

    private static byte[] InvalidUtf8(Random random) => random.Next(5) switch
    {
        0 => [0xC3, 0x28],
        1 => [0xFF],
        2 => [0xED, 0xA0, 0x80],
        3 => [0xF4, 0x90, 0x80, 0x80],
        _ => [0xE2, 0x82],
    };

    /// <summary>One very long field: brackets, quotes, separators or letters, up to a megabyte.</summary>
    private static string HugeField(Random random)
    {
        var length = random.Next(4) == 0 ? 1_000_000 : 1_000 + random.Next(100_000);
        var c = "[a\",;{-=\t"[random.Next(9)];
        return new string(c, length);
    }

    private static string DeepYaml(Random random)
    {
        var depth = 100 + random.Next(20_000);
        return random.Next(3) switch
        {
            0 => new string('[', depth),
            1 => string.Concat(Enumerable.Range(0, Math.Min(depth, 2_000)).Select(d => new string(' ', d) + "- \n")),
            _ => string.Concat(Enumerable.Repeat("{a: ", depth)),
        };
    }

    /// <summary>The "billion laughs" of YAML: each alias level doubles or decuples what a naive expander builds.</summary>
    private static byte[] AliasBomb(Random random)
    {
        var sb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        var levels = 3 + random.Next(7);
        for (var i = 1; i <= levels; i++)
        {
            var prev = (char)('a' + i - 1);
            var name = (char)('a' + i);
            sb.Append(name).Append(": &").Append(name).Append(" [").Append(string.Join(",", Enumerable.Repeat("*" + prev, 9))).Append("]\n");
        }

        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static string YamlToken(Random random) => random.Next(10) switch
    {
        0 => "\n[grade: B2\n",
        1 => " &anchor ",
        2 => " *anchor ",
        3 => " *undefined ",
        4 => "\n<<: *anchor\n",
        5 => " !!python/object:os.system ",
        6 => "\n---\n",
        7 => "\n...\n",
        8 => " ? [a, b]\n: c\n",
        _ => "\t",
    };

    private static byte[] XmlAttack(byte[] data, Random random)
    {
        var text = Encoding.UTF8.GetString(data);
        switch (random.Next(4))
        {
            case 0:
                // Billion laughs: entities that expand to entities.
                const string Laughs = "<!DOCTYPE graphml [<!ENTITY a \"lol\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\"><!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\"><!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">]>";
                return Encoding.UTF8.GetBytes(WithDoctype(text, Laughs).Replace("id=\"", "id=\"&g;", StringComparison.Ordinal));
            case 1:
                // An external entity: the reader must not fetch files or URLs.
                const string External = "<!DOCTYPE graphml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>";
                return Encoding.UTF8.GetBytes(WithDoctype(text, External).Replace("id=\"", "id=\"&x;", StringComparison.Ordinal));
            case 2:
                var depth = 100 + random.Next(50_000);
                return Insert(data, random, Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("<data>", depth))));
            default:
                var entity = new[] { "&amp;", "&#0;", "&#x1b;", "&#xD800;", "&undefined;", "&#99999999;", "<![CDATA[", "<!--", "<?pi?>" }[random.Next(9)];
                return Insert(data, random, Encoding.UTF8.GetBytes(entity));
        }
    }

    private static string WithDoctype(string text, string doctype)
    {
        var declEnd = text.IndexOf("?>", StringComparison.Ordinal);
        return declEnd >= 0 ? text[..(declEnd + 2)] + doctype + text[(declEnd + 2)..] : doctype + text;
    }
}
