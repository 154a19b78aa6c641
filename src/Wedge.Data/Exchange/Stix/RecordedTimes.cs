using Wedge.Core.Journal;
using Wedge.Core.Model;

namespace Wedge.Data.Exchange.Stix;

/// <summary>
/// When each fact on record was first recorded (its current life began: the add after any retraction) and last
/// changed, from the journal. STIX's <c>created</c> and <c>modified</c> come from these.
/// </summary>
public sealed class RecordedTimes
{
    private readonly Dictionary<FactKey, (DateTimeOffset Created, DateTimeOffset Modified)> times;

    private RecordedTimes(Dictionary<FactKey, (DateTimeOffset, DateTimeOffset)> times) => this.times = times;

    public static RecordedTimes From(IEnumerable<JournalEntry> entries)
    {
        var map = new Dictionary<FactKey, (DateTimeOffset, DateTimeOffset)>();
        foreach (var e in entries)
        {
            switch (e.Action)
            {
                case JournalAction.Add:
                    map[e.Key] = (e.RecordedAt, e.RecordedAt);
                    break;
                case JournalAction.Correct when map.TryGetValue(e.Key, out var t):
                    map[e.Key] = (t.Item1, e.RecordedAt);
                    break;
                case JournalAction.Retract:
                    map.Remove(e.Key);
                    break;
            }
        }

        return new RecordedTimes(map);
    }

    /// <summary>Created and modified for a fact; <paramref name="fallback"/> for both when the journal has no entry (a fact built in memory).</summary>
    public (DateTimeOffset Created, DateTimeOffset Modified) Of(FactKey key, DateTimeOffset fallback)
        => times.TryGetValue(key, out var t) ? t : (fallback, fallback);
}
