using System.Collections;
using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wedge.Core.Collections;

/// <summary>
/// An immutable dictionary with value equality: two maps are equal when they hold the same keys with
/// equal values (order does not count). For records that claim value semantics. Serialised as a JSON
/// object.
/// </summary>
[JsonConverter(typeof(EquatableMapJsonConverterFactory))]
public sealed class EquatableMap<TKey, TValue> : IReadOnlyDictionary<TKey, TValue>, IEquatable<EquatableMap<TKey, TValue>>
    where TKey : notnull
{
    private readonly Dictionary<TKey, TValue> items;

    public EquatableMap(IEnumerable<KeyValuePair<TKey, TValue>> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        this.items = new Dictionary<TKey, TValue>(items);
    }

    public TValue this[TKey key] => items[key];

    public IEnumerable<TKey> Keys => items.Keys;

    public IEnumerable<TValue> Values => items.Values;

    public int Count => items.Count;

    public bool ContainsKey(TKey key) => items.ContainsKey(key);

    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value) => items.TryGetValue(key, out value);

    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => items.GetEnumerator();

    public bool Equals(EquatableMap<TKey, TValue>? other)
        => other is not null && (ReferenceEquals(this, other) || (Count == other.Count
            && items.All(kv => other.items.TryGetValue(kv.Key, out var v) && EqualityComparer<TValue>.Default.Equals(kv.Value, v))));

    public override bool Equals(object? obj) => Equals(obj as EquatableMap<TKey, TValue>);

    // Order-independent: XOR of the entries' hashes.
    public override int GetHashCode() => items.Aggregate(Count, (h, kv) => h ^ HashCode.Combine(kv.Key, kv.Value));

    public static bool operator ==(EquatableMap<TKey, TValue>? left, EquatableMap<TKey, TValue>? right) => Equals(left, right);

    public static bool operator !=(EquatableMap<TKey, TValue>? left, EquatableMap<TKey, TValue>? right) => !Equals(left, right);
}

public static class EquatableMap
{
    public static EquatableMap<TKey, TValue> ToEquatableMap<TKey, TValue>(this IEnumerable<KeyValuePair<TKey, TValue>> items) where TKey : notnull => new(items);
}

/// <summary>Reads and writes <see cref="EquatableMap{TKey, TValue}"/> as a plain JSON object.</summary>
public sealed class EquatableMapJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert)
        => typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(EquatableMap<,>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
        => (JsonConverter)Activator.CreateInstance(typeof(Converter<,>).MakeGenericType(typeToConvert.GetGenericArguments()))!;

    private sealed class Converter<TKey, TValue> : JsonConverter<EquatableMap<TKey, TValue>>
        where TKey : notnull
    {
        public override EquatableMap<TKey, TValue> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            => new(JsonSerializer.Deserialize<Dictionary<TKey, TValue>>(ref reader, options) ?? []);

        public override void Write(Utf8JsonWriter writer, EquatableMap<TKey, TValue> value, JsonSerializerOptions options)
            => JsonSerializer.Serialize<IReadOnlyDictionary<TKey, TValue>>(writer, value, options);
    }
}
