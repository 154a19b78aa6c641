using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wedge.Core.Model;

/// <summary>The kinds of fact the journal records; each has its own id space.</summary>
public enum FactType
{
    Source,
    Claim,
    Actor,
    Role,
    Tie,
    Ledger,
    Event,
    Attribute,
}

/// <summary>Names one fact in the journal: its type and its id within that type.</summary>
public readonly record struct FactKey(FactType Type, string Id)
{
    public override string ToString() => $"{Type.ToString().ToLowerInvariant()}:{Id}";
}

/// <summary>Checks that ids are usable handles: non-empty, no surrounding spaces, no control characters.</summary>
public static class IdRules
{
    public static string Check(string value, string what)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length == 0 || value.Trim().Length != value.Length || value.Any(char.IsControl))
        {
            throw new ArgumentException($"'{value}' is not a valid {what} id (empty, padded or with control characters).", what);
        }

        return value;
    }
}

[JsonConverter(typeof(ActorIdJsonConverter))]
public readonly record struct ActorId
{
    public ActorId(string value) => Value = IdRules.Check(value, "actor");

    public string Value { get; }

    public override string ToString() => Value;
}

[JsonConverter(typeof(ClaimIdJsonConverter))]
public readonly record struct ClaimId
{
    public ClaimId(string value) => Value = IdRules.Check(value, "claim");

    public string Value { get; }

    public override string ToString() => Value;
}

[JsonConverter(typeof(SourceIdJsonConverter))]
public readonly record struct SourceId
{
    public SourceId(string value) => Value = IdRules.Check(value, "source");

    public string Value { get; }

    public override string ToString() => Value;
}

public sealed class ActorIdJsonConverter : JsonConverter<ActorId>
{
    public override ActorId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetString()!);

    public override void Write(Utf8JsonWriter writer, ActorId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}

public sealed class ClaimIdJsonConverter : JsonConverter<ClaimId>
{
    public override ClaimId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetString()!);

    public override void Write(Utf8JsonWriter writer, ClaimId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}

public sealed class SourceIdJsonConverter : JsonConverter<SourceId>
{
    public override SourceId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => new(reader.GetString()!);

    public override void Write(Utf8JsonWriter writer, SourceId value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
