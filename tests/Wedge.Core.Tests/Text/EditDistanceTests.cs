using Wedge.Core.Text;

namespace Wedge.Core.Tests.Text;

public sealed class EditDistanceTests
{
    [Theory]
    [InlineData("", "", 0)]
    [InlineData("", "abc", 3)]
    [InlineData("kitten", "sitting", 3)] // the textbook pair: two substitutions and one insertion
    [InlineData("actros", "actors", 2)] // a transposition counts as two edits
    [InlineData("history", "history", 0)]
    [InlineData("Actors", "actors", 1)] // case-sensitive
    public void Between_KnownPairs(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Between(a, b));
        Assert.Equal(expected, EditDistance.Between(b, a)); // symmetric
    }

    [Theory]
    [InlineData("actros", "actors")]
    [InlineData("histroy", "history")]
    [InlineData("net", "network")] // the only command it begins: an abbreviation, though "init" is nearer by edits
    [InlineData("xyzzy", null)]
    [InlineData("a", null)] // begins both actor and actors: no single guess
    public void Nearest_Commands(string typed, string? expected)
        => Assert.Equal(expected, EditDistance.Nearest(typed, ["init", "actors", "actor", "history", "network", "negotiate"]));
}
