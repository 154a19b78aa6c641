using Wedge.Core.Text;

namespace Wedge.Core.Tests.Text;

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("", "abc", 3)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("taliban", "talibn", 1)]
    [InlineData("flaw", "lawn", 2)]
    // A transposition counts as two edits (plain Levenshtein, not Damerau).
    [InlineData("ab", "ba", 2)]
    public void Levenshtein_KnownPairs(string a, string b, int distance)
    {
        Assert.Equal(distance, EditDistance.Levenshtein(a, b));
        Assert.Equal(distance, EditDistance.Levenshtein(b, a));
    }
}
