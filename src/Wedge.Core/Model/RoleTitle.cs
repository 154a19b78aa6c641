using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wedge.Core.Model;

/// <summary>
/// A person's title in an organisation: an open set (sources name emirs, spokesmen, commanders), of which
/// <see cref="Leader"/> and <see cref="Deputy"/> carry meaning for analyses (a faction's champion, a
/// movement's leadership). Written as a plain string in files, JSON and the journal.
/// </summary>
/// <remarks>
/// Equality is ordinal on <see cref="Value"/>, as titles were compared before they had a type: "Leader"
/// and "leader" are different titles. <c>default</c> has a null value and is not a title; use the
/// constructor.
/// </remarks>
[JsonConverter(typeof(RoleTitleJsonConverter))]
public readonly record struct RoleTitle
{
    public RoleTitle(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        Value = value;
    }

    /// <summary>Leads the organisation.</summary>
    public static RoleTitle Leader { get; } = new("leader");

    /// <summary>Second in command.</summary>
    public static RoleTitle Deputy { get; } = new("deputy");

    /// <summary>Founded the organisation.</summary>
    public static RoleTitle Founder { get; } = new("founder");

    public string Value { get; }

    /// <summary>True for the titles that rank a person in the leadership: leader and deputy.</summary>
    public bool IsLeadership => this == Leader || this == Deputy;

    public override string ToString() => Value;
}

public sealed class RoleTitleJsonConverter : JsonConverter<RoleTitle>
{
    public override RoleTitle Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        => new(reader.GetString() ?? throw new JsonException("A role title must be a string."));

    public override void Write(Utf8JsonWriter writer, RoleTitle value, JsonSerializerOptions options) => writer.WriteStringValue(value.Value);
}
