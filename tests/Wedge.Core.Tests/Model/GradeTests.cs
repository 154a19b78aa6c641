using Wedge.Core.Model;

namespace Wedge.Core.Tests.Model;

public class GradeTests
{
    [Theory]
    [InlineData("B2", 'B', 2)]
    [InlineData("a1", 'A', 1)]
    [InlineData("F6", 'F', 6)]
    public void TryParse_ValidGrades(string text, char reliability, int credibility)
    {
        Assert.True(Grade.TryParse(text, out var g, out _));
        Assert.Equal(reliability, g.Reliability);
        Assert.Equal(credibility, g.Credibility);
    }

    [Theory]
    [InlineData("G9", "reliability 'G' is outside A–F")]
    [InlineData("B7", "credibility 7 is outside 1–6")]
    [InlineData("B0", "credibility 0 is outside 1–6")]
    [InlineData("B", "is not an Admiralty grade")]
    [InlineData("22", "is not an Admiralty grade")]
    public void TryParse_BadGrades_SayWhy(string text, string reason)
    {
        Assert.False(Grade.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("minor", 2, 2)]
    [InlineData("moderate..major", 3, 4)]
    [InlineData("1..5", 1, 5)]
    public void Magnitude_Parses(string text, int low, int high)
    {
        Assert.True(Magnitude.TryParse(text, out var m, out _));
        Assert.Equal((low, high), (m.Low, m.High));
        Assert.True(Magnitude.TryParse(m.ToString(), out var again, out _));
        Assert.Equal(m, again);
    }

    [Theory]
    [InlineData("huge")]
    [InlineData("major..minor")]
    [InlineData("6")]
    public void Magnitude_BadText_Refused(string text) => Assert.False(Magnitude.TryParse(text, out _, out _));
}
