using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wedge.Core.Model;

/// <summary>
/// An ordinal size on a five-step scale (1 negligible, 2 minor, 3 moderate, 4 major, 5 critical),
/// as a range when the sources leave it uncertain: <c>moderate..major</c>. A point magnitude has
/// <see cref="Low"/> equal to <see cref="High"/>. Immutable.
/// </summary>
[JsonConverter(typeof(MagnitudeJsonConverter))]
public readonly record struct Magnitude
{
    private static readonly string[] Names = ["negligible", "minor", "moderate", "major", "critical"];

    public Magnitude(int low, int high)
    {
        if (low < 1 || high > 5 || low > high)
        {
            throw new ArgumentOutOfRangeException(nameof(low), $"Magnitude {low}..{high} is not a range within 1..5.");
        }

        Low = low;
        High = high;
    }

    public Magnitude(int level)
        : this(level, level)
    {
    }

    public int Low { get; }

    public int High { get; }

    public double Midpoint => (Low + High) / 2.0;

    public bool IsRange => Low != High;

    public static string NameOf(int level) => Names[level - 1];

    public override string ToString() => IsRange ? $"{NameOf(Low)}..{NameOf(High)}" : NameOf(Low);

    public static bool TryParse(string? text, out Magnitude magnitude, out string? error)
    {
        magnitude = default;
        var s = (text ?? "").Trim().ToLowerInvariant();
        var parts = s.Split("..");
        if (parts.Length is < 1 or > 2 || !TryLevel(parts[0], out var low) || !TryLevel(parts[^1], out var high))
        {
            error = $"'{text}' is not a magnitude (one of {string.Join(", ", Names)} or 1–5, or a range like minor..major)";
            return false;
        }

        if (low > high)
        {
            error = $"'{text}' is a range whose low end is above its high end";
            return false;
        }

        magnitude = new Magnitude(low, high);
        error = null;
        return true;
    }

    private static bool TryLevel(string s, out int level)
    {
        s = s.Trim();
        level = Array.IndexOf(Names, s) + 1;
        if (level == 0 && s.Length == 1 && s[0] is >= '1' and <= '5')
        {
            level = s[0] - '0';
        }

        return level > 0;
    }
}

public sealed class MagnitudeJsonConverter : JsonConverter<Magnitude>
{
    public override Magnitude Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => Magnitude.TryParse(reader.GetString(), out var m, out var error) ? m : throw new JsonException(error);

    public override void Write(Utf8JsonWriter writer, Magnitude value, JsonSerializerOptions options) => writer.WriteStringValue(value.ToString());
}
