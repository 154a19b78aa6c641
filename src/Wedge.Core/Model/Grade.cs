using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wedge.Core.Model;

/// <summary>
/// A NATO Admiralty grade: how reliable the source is (A completely reliable … E unreliable,
/// F cannot be judged) and how credible the information is (1 confirmed … 5 improbable,
/// 6 cannot be judged). Written as two characters, e.g. <c>B2</c>. Immutable.
/// </summary>
[JsonConverter(typeof(GradeJsonConverter))]
public readonly record struct Grade
{
    public Grade(char reliability, int credibility)
    {
        reliability = char.ToUpperInvariant(reliability);
        if (reliability < 'A' || reliability > 'F')
        {
            throw new ArgumentOutOfRangeException(nameof(reliability), $"Source reliability '{reliability}' is outside A–F.");
        }

        if (credibility < 1 || credibility > 6)
        {
            throw new ArgumentOutOfRangeException(nameof(credibility), $"Information credibility {credibility} is outside 1–6.");
        }

        Reliability = reliability;
        Credibility = credibility;
    }

    public char Reliability { get; }

    public int Credibility { get; }

    /// <summary>True when either half says "cannot be judged" (F or 6).</summary>
    public bool IsUnjudged => Reliability == 'F' || Credibility == 6;

    public override string ToString() => $"{Reliability}{Credibility}";

    public static bool TryParse(string? text, out Grade grade, out string? error)
    {
        grade = default;
        var s = text?.Trim() ?? "";
        if (s.Length != 2 || !char.IsAsciiLetter(s[0]) || !char.IsAsciiDigit(s[1]))
        {
            error = $"'{text}' is not an Admiralty grade (a letter A–F then a digit 1–6, e.g. B2)";
            return false;
        }

        var r = char.ToUpperInvariant(s[0]);
        var c = s[1] - '0';
        if (r > 'F')
        {
            error = $"'{text}': source reliability '{r}' is outside A–F";
            return false;
        }

        if (c < 1 || c > 6)
        {
            error = $"'{text}': information credibility {c} is outside 1–6";
            return false;
        }

        grade = new Grade(r, c);
        error = null;
        return true;
    }

    public static Grade Parse(string text) => TryParse(text, out var g, out var error) ? g : throw new FormatException(error);
}

public sealed class GradeJsonConverter : JsonConverter<Grade>
{
    public override Grade Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => Grade.TryParse(reader.GetString(), out var g, out var error) ? g : throw new JsonException(error);

    public override void Write(Utf8JsonWriter writer, Grade value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
