using Wedge.Core.Knowledge;

namespace Wedge.Application;

/// <summary>Words for a slice of the record, as results and tables name it.</summary>
public static class Slices
{
    /// <summary>"at 2018, using only what was public by 2015, as recorded by 2026-11-28 12:00:00Z"; "now" for the present.</summary>
    public static string Describe(ReadSlice slice)
    {
        var o = slice.Options;
        var parts = new List<string> { o.EffectiveAt is { } at ? $"at {at}" : "now" };
        if (o.KnownAt is { } k)
        {
            parts.Add($"using only what was public by {k}");
        }

        if (slice.RecordedBy is { } r)
        {
            parts.Add($"as recorded by {r:u}");
        }

        return string.Join(", ", parts);
    }
}
