namespace Wedge.Core.Text;

/// <summary>
/// How far apart two words are, for "did you mean …" in messages: the Levenshtein distance (single-character
/// insertions, deletions and substitutions), ordinal and case-sensitive; callers fold case first where they want it.
/// </summary>
public static class EditDistance
{
    public static int Between(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);

        // Two rows suffice: each row depends only on the one above it.
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), substitution);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    /// <summary>
    /// The candidate a typo most likely meant: the only candidate that begins with the typed text (an abbreviation),
    /// else the nearest one (ties broken by order of <paramref name="candidates"/>) when it is within a third of the
    /// typed length (and at most 2 edits for short words); null when none is near.
    /// </summary>
    public static string? Nearest(string typed, IEnumerable<string> candidates)
    {
        ArgumentNullException.ThrowIfNull(typed);
        var list = candidates.ToList();
        var prefixed = list.Where(c => typed.Length > 0 && c.StartsWith(typed, StringComparison.Ordinal)).ToList();
        if (prefixed.Count == 1)
        {
            return prefixed[0];
        }

        var best = list.Select(c => (Candidate: c, Distance: Between(typed, c))).OrderBy(x => x.Distance).FirstOrDefault();
        return best.Candidate is not null && best.Distance <= Math.Max(2, typed.Length / 3) ? best.Candidate : null;
    }
}
