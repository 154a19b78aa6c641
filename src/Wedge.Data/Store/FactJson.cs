using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Wedge.Core.Model;
using Wedge.Core.Time;

namespace Wedge.Data.Store;

/// <summary>
/// The JSON shapes of facts, with every name fixed by <see cref="WireNames"/> (not by C# member names):
/// <see cref="Payload"/> is what the journal stores, <see cref="Options"/> what the CLI's --json shows (the payload plus
/// computed members such as a fact's key and references).
/// </summary>
public static class FactJson
{
    /// <summary>The journal's payloads: data members only.</summary>
    public static JsonSerializerOptions Payload { get; } = Create(indented: false, derived: false);

    /// <summary>Facts as shown: the payload plus computed members (key, actorRefs, citation, isOpenEnded).</summary>
    public static JsonSerializerOptions Options { get; } = Create(indented: false, derived: true);

    public static JsonSerializerOptions Indented { get; } = Create(indented: true, derived: true);

    private static JsonSerializerOptions Create(bool indented, bool derived)
    {
        // The naming policy and the kebab-case enum converter serve the CLI's own records shown through these options;
        // facts take their names from WireNames whatever the policy.
        var o = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = indented,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { info => FixNames(info, derived) } },
        };
        o.Converters.Add(new WireEnumConverterFactory());
        o.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        o.MakeReadOnly();
        return o;
    }

    /// <summary>Gives every member of a fact (and of the periods and keys inside it) its fixed name; drops computed members from payloads.</summary>
    private static void FixNames(JsonTypeInfo info, bool derived)
    {
        if (info.Kind != JsonTypeInfoKind.Object || !(typeof(Fact).IsAssignableFrom(info.Type) || info.Type == typeof(Period) || info.Type == typeof(FactKey)))
        {
            return;
        }

        for (var i = info.Properties.Count - 1; i >= 0; i--)
        {
            var p = info.Properties[i];
            var member = (p.AttributeProvider as System.Reflection.MemberInfo)?.Name ?? p.Name;
            if (WireNames.Derived.TryGetValue(member, out var shown))
            {
                if (derived)
                {
                    p.Name = shown;
                }
                else
                {
                    info.Properties.RemoveAt(i);
                }

                continue;
            }

            p.Name = NameOf(info.Type, member)
                     ?? throw new InvalidOperationException($"{info.Type.Name}.{member} has no payload name in {nameof(WireNames)}: add one (and never change one already written).");
        }
    }

    private static string? NameOf(Type type, string member)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            if (WireNames.Members.TryGetValue(t, out var names) && names.TryGetValue(member, out var name))
            {
                return name;
            }
        }

        return null;
    }

    public static string Serialize(Fact fact) => JsonSerializer.Serialize(fact, Options);

    public static Fact Deserialize(string json) => JsonSerializer.Deserialize<Fact>(json, Payload)
        ?? throw new JsonException("A journal payload was empty.");

    /// <summary>
    /// A payload read back from the journal. One that does not parse (a damaged or hand-edited file) is the database's
    /// fault, not a defect: it is refused as a <see cref="StoreException"/> naming the entry.
    /// </summary>
    public static Fact ReadStored(string database, long version, string json)
    {
        try
        {
            return Deserialize(json);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException or FormatException or InvalidOperationException)
        {
            throw new StoreException($"{database}: a damaged Wedge database: journal entry {version} holds a fact that cannot be read ({ex.Message})", ex);
        }
    }

    /// <summary>A fact as the journal stores it.</summary>
    public static string SerializePayload(Fact fact) => JsonSerializer.Serialize(fact, Payload);

    /// <summary>Writes enum members by their names in <see cref="WireNames"/>; reads them ignoring case.</summary>
    private sealed class WireEnumConverterFactory : JsonConverterFactory
    {
        public override bool CanConvert(Type typeToConvert) => WireNames.Enums.ContainsKey(typeToConvert);

        public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
            => (JsonConverter)Activator.CreateInstance(typeof(WireEnumConverter<>).MakeGenericType(typeToConvert))!;
    }

    private sealed class WireEnumConverter<T> : JsonConverter<T>
        where T : struct, Enum
    {
        private readonly Dictionary<T, string> names = WireNames.Enums[typeof(T)].ToDictionary(p => (T)p.Key, p => p.Value);
        private readonly Dictionary<string, T> values = WireNames.Enums[typeof(T)].ToDictionary(p => p.Value, p => (T)p.Key, StringComparer.OrdinalIgnoreCase);

        public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString()! : throw new JsonException($"expected a {typeof(T).Name} name");
            return values.TryGetValue(text, out var v) ? v : throw new JsonException($"'{text}' is not one of: {string.Join(", ", names.Values)}");
        }

        public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(names[value]);
    }
}
