using System.Globalization;
using System.Text;

namespace Wedge.Core.Text;

/// <summary>
/// The key two spellings of one name share: <c>Ḥaqqānī Network</c>, <c>Haqqani network</c> and
/// <c>the HAQQANI-Network</c> all fold to <c>haqqani network</c>. Used wherever names are matched
/// (actor references on the command line, importers matching groups onto actors on record).
/// </summary>
/// <remarks>
/// <para>Folding: each letter is decomposed (its Unicode canonical decomposition, as FormD gives it)
/// and its combining marks dropped, so accented letters lose their accents; letters that carry no
/// decomposition (ł, ø, đ, ı, ß, æ…) come from an explicit table; the transliteration marks for
/// ʿayn and hamza (ʿ ʾ) and apostrophes are dropped, so <c>Jamaʿat</c>, <c>Jama'at</c> and
/// <c>Jamaat</c> agree; letters are lower-cased; every other character (hyphens, dots, commas)
/// separates words; a leading "the" is dropped and spaces collapse.</para>
/// <para>Wedge runs with InvariantGlobalization, where <see cref="string.Normalize(NormalizationForm)"/>
/// returns its input unchanged (normalization needs ICU, which invariant mode does not load; a test
/// pins this). So the decompositions come from <see cref="LetterBases"/>, a table generated from the
/// Unicode data by tools/unicode/letter-bases.py; character categories and lower-casing work without
/// ICU.</para>
/// </remarks>
public static class NameKey
{
    /// <summary>Letters without a canonical decomposition, and the marks that vanish, spelled as Latin transliterations write them.</summary>
    private static readonly Dictionary<char, string> Table = new()
    {
        ['ʿ'] = "", // U+02BF ʿayn
        ['ʾ'] = "", // U+02BE hamza
        ['ʻ'] = "", // U+02BB ʻokina, often typed for ʿayn
        ['ʼ'] = "", // U+02BC modifier apostrophe
        ['\''] = "",
        ['’'] = "",
        ['‘'] = "",
        ['`'] = "",
        ['´'] = "",
        ['ı'] = "i", // dotless i (Turkish)
        ['ł'] = "l",
        ['Ł'] = "l",
        ['ø'] = "o",
        ['Ø'] = "o",
        ['đ'] = "d",
        ['Đ'] = "d",
        ['ð'] = "d",
        ['Ð'] = "d",
        ['ħ'] = "h",
        ['Ħ'] = "h",
        ['ŧ'] = "t",
        ['Ŧ'] = "t",
        ['þ'] = "th",
        ['Þ'] = "th",
        ['ß'] = "ss",
        ['æ'] = "ae",
        ['Æ'] = "ae",
        ['œ'] = "oe",
        ['Œ'] = "oe",
    };

    /// <summary>Each decomposable character's base letter (Ḥ → H, ā → a, ǎ → a).</summary>
    private static readonly Dictionary<char, char> Bases = LetterBases.Composed.Zip(LetterBases.Bases).ToDictionary(p => p.First, p => p.Second);

    /// <summary>The folded key of a name; empty when the name holds no letter or digit.</summary>
    public static string Of(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var sb = new StringBuilder(name.Length);
        foreach (var original in name)
        {
            var ch = Bases.TryGetValue(original, out var letter) ? letter : original;
            if (Table.TryGetValue(ch, out var replacement))
            {
                sb.Append(replacement);
                continue;
            }

            var category = CharUnicodeInfo.GetUnicodeCategory(ch);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            sb.Append(char.IsLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : ' ');
        }

        var words = sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (words.Count > 1 && words[0] == "the")
        {
            words.RemoveAt(0);
        }

        return string.Join(' ', words);
    }
}
