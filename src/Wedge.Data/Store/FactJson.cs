using System.Text.Json;
using System.Text.Json.Serialization;
using Wedge.Core.Model;

namespace Wedge.Data.Store;

/// <summary>The one JSON shape of facts: in the journal's payloads and in the CLI's --json output.</summary>
public static class FactJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: false);

    public static JsonSerializerOptions Indented { get; } = Create(indented: true);

    private static JsonSerializerOptions Create(bool indented)
    {
        var o = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = indented,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        o.MakeReadOnly(populateMissingResolver: true);
        return o;
    }

    public static string Serialize(Fact fact) => JsonSerializer.Serialize(fact, Options);

    public static Fact Deserialize(string json) => JsonSerializer.Deserialize<Fact>(json, Options)
        ?? throw new JsonException("A journal payload was empty.");
}
