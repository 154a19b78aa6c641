using System.Collections;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Wedge.Core.Collections;

/// <summary>
/// An immutable list with value equality: two lists are equal when they hold equal items in the same
/// order. Records that claim value semantics hold this instead of arrays or <see cref="List{T}"/>,
/// whose equality is by reference. Serialised as a JSON array.
/// </summary>
[JsonConverter(typeof(EquatableListJsonConverterFactory))]
[CollectionBuilder(typeof(EquatableList), nameof(EquatableList.Create))]
public sealed class EquatableList<T> : IReadOnlyList<T>, IEquatable<EquatableList<T>>
{
    private readonly T[] items;

    public EquatableList(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        this.items = [.. items];
    }

    public static EquatableList<T> Empty { get; } = new([]);

    public int Count => items.Length;

    public T this[int index] => items[index];

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => items.GetEnumerator();

    public bool Equals(EquatableList<T>? other)
        => other is not null && (ReferenceEquals(this, other) || items.AsSpan().SequenceEqual(other.items, EqualityComparer<T>.Default));

    public override bool Equals(object? obj) => Equals(obj as EquatableList<T>);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in items)
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    public static bool operator ==(EquatableList<T>? left, EquatableList<T>? right) => Equals(left, right);

    public static bool operator !=(EquatableList<T>? left, EquatableList<T>? right) => !Equals(left, right);

    public override string ToString() => $"[{string.Join(", ", items)}]";
}

public static class EquatableList
{
    /// <summary>Lets collection expressions (<c>[]</c>, <c>[a, b]</c>, <c>[.. items]</c>) build an <see cref="EquatableList{T}"/>.</summary>
    public static EquatableList<T> Create<T>(ReadOnlySpan<T> items) => items.IsEmpty ? EquatableList<T>.Empty : new(items.ToArray());

    public static EquatableList<T> ToEquatableList<T>(this IEnumerable<T> items) => new(items);
}

/// <summary>Reads and writes <see cref="EquatableList{T}"/> as a plain JSON array.</summary>
public sealed class EquatableListJsonConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert)
        => typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(EquatableList<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options)
        => (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class Converter<T> : JsonConverter<EquatableList<T>>
    {
        public override EquatableList<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
            => new(JsonSerializer.Deserialize<T[]>(ref reader, options) ?? []);

        public override void Write(Utf8JsonWriter writer, EquatableList<T> value, JsonSerializerOptions options)
            => JsonSerializer.Serialize<IEnumerable<T>>(writer, value, options);
    }
}
