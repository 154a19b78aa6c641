namespace Wedge.Core.Text;

/// <summary>How far apart two strings are, for "did you mean" and "nearest" suggestions.</summary>
public static class EditDistance
{
    /// <summary>
    /// Levenshtein distance: the fewest single-character insertions, deletions and substitutions that
    /// turn <paramref name="a"/> into <paramref name="b"/>, comparing characters ordinally (fold case or
    /// accents first where they should not count).
    /// </summary>
    public static int Levenshtein(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);

        // Two rows of the dynamic-programming table are enough.
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
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), substitution);
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
