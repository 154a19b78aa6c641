using Wedge.Core.Time;

namespace Wedge.Core.Knowledge;

/// <summary>
/// Which slice of the record a read asks for, on all three clocks: the world as it stood at
/// <see cref="At"/> (valid time), using only what was public by <see cref="KnownAt"/> (public time),
/// from the journal as it stood at <see cref="RecordedBy"/> (recorded time). Null means "now" /
/// "everything" / "the whole journal". Equality is by value.
/// </summary>
public sealed record ReadSlice(FuzzyDate? At = null, FuzzyDate? KnownAt = null, DateTimeOffset? RecordedBy = null)
{
    public static ReadSlice Now { get; } = new();

    /// <summary>The valid-time and public-time part, applied when a knowledge base is projected to a snapshot.</summary>
    public ReadOptions Options => new(At, KnownAt);

    /// <summary>The same slice read at another valid date (snapshots over time share the other two clocks).</summary>
    public ReadSlice WithAt(FuzzyDate? at) => this with { At = at };
}
