using Wedge.Analysis.Negotiation;
using Wedge.Core.Negotiation;

namespace Wedge.Analysis.Tests.Negotiation;

public class ConcessionSearchTests
{
    // A (capability 2, at 0) pulls B (at 100) to 20: the forecast on d is 20. Moving B's position moves the forecast.
    private static Scenario Pair() => Build.OneDimension(Build.Actor("a", 2, [0], [100]), Build.Actor("b", 1, [100], [100]));

    private static ConcessionQuery Query(Scenario s, string seek, string vary = "b:d")
    {
        var v = ConcessionSearch.ParseVary(s, vary, out _)!.Value;
        return new ConcessionQuery(v.Actor, v.Dimension, ConcessionSearch.ParseSeek(s, seek, out _)!, []);
    }

    [Fact]
    public void Found_IsTheSmallestChangeThatMeetsTheTarget()
    {
        var s = Pair();
        var result = ConcessionSearch.Run(s, Query(s, "d <= 10"));

        Assert.NotNull(result.Answer);
        Assert.True(result.Answer.Outcome <= 10);
        Assert.True(result.Answer.Change < 0);
        // Minimal: nothing closer to the start meets the target.
        Assert.All(result.Trials.Where(t => Math.Abs(t.Change) < Math.Abs(result.Answer.Change)), t => Assert.False(t.MeetsSeek));
        Assert.StartsWith("Smallest change", result.Explanation);
        Assert.Equal(101, result.Trials.Count);
    }

    [Fact]
    public void AlreadyMet_NoConcessionNeeded()
    {
        var s = Pair();
        var result = ConcessionSearch.Run(s, Query(s, "d <= 30"));
        Assert.Equal(0, result.Answer!.Change);
        Assert.StartsWith("No concession needed", result.Explanation);
    }

    [Fact]
    public void Unreachable_AnswersNoneWithinRange()
    {
        // The forecast can never exceed a fifth of the way from A to B: 90 is out of reach.
        var s = Pair();
        var result = ConcessionSearch.Run(s, Query(s, "d >= 90"));

        Assert.Null(result.Answer);
        Assert.StartsWith("None within range", result.Explanation);
        Assert.Contains("no position tried reaches the target", result.Explanation);
    }

    [Fact]
    public void KeepLimit_RulesOutAnswersThatSplitTheMovement()
    {
        // B is a faction of a movement with C (stuck at 100, not at the table). Moving B far from C splits the movement.
        var s = new Scenario("m", null, [new Dimension("d", "D")],
            [
                Build.Actor("a", 2, [0], [100]),
                Build.Actor("b", 1, [100], [100], movement: "mv", tolerance: 10),
                Build.Actor("c", 1, [100], [100], movement: "mv", tolerance: 10, atTable: false),
            ],
            [new Movement("mv", "Movement")]);
        var free = ConcessionSearch.Run(s, Query(s, "d <= 40", "b:d"));
        var kept = ConcessionSearch.Run(s, Query(s, "d <= 40", "b:d") with { Keep = [new KeepCondition("mv", Comparison.Below, 0.01)] });

        Assert.NotNull(free.Answer);
        Assert.True(kept.Answer is null || Math.Abs(kept.Answer.Change) > Math.Abs(free.Answer.Change));
        Assert.All(kept.Trials.Where(t => t.KeepsLimits), t => Assert.True(t.Fragmentation["mv"] < 0.01));
    }

    [Theory]
    [InlineData("d <= 20", 0, Comparison.AtMost, 20)]
    [InlineData("D<5", 0, Comparison.Below, 5)]
    [InlineData("  d >= 2.5 ", 0, Comparison.AtLeast, 2.5)]
    public void ParseSeek_Valid(string text, int dim, Comparison op, double threshold)
        => Assert.Equal(new SeekCondition(dim, op, threshold), ConcessionSearch.ParseSeek(Pair(), text, out _));

    [Fact]
    public void ParseSeek_UnknownDimension_NamesTheDimensionsThereAre()
    {
        Assert.Null(ConcessionSearch.ParseSeek(Pair(), "troops <= 20", out var error));
        Assert.Equal("--seek: unknown dimension 'troops'; the scenario's dimensions are d", error);
    }

    [Theory]
    [InlineData("d = 20")]
    [InlineData("<= 20")]
    [InlineData("d <= twenty")]
    public void ParseSeek_Malformed(string text)
    {
        Assert.Null(ConcessionSearch.ParseSeek(Pair(), text, out var error));
        Assert.NotNull(error);
    }

    [Fact]
    public void ParseVaryAndKeep_UnknownNamesAreReported()
    {
        Assert.Null(ConcessionSearch.ParseVary(Pair(), "zed:d", out var e1));
        Assert.Equal("--vary: unknown actor 'zed'", e1);
        Assert.Null(ConcessionSearch.ParseVary(Pair(), "a:zz", out var e2));
        Assert.StartsWith("--vary: unknown dimension 'zz'", e2);
        Assert.Null(ConcessionSearch.ParseKeep(Pair(), "fragmentation(taliban) < 0.3", out var e3));
        Assert.Equal("--keep: unknown movement 'taliban'; the scenario has no movements", e3);
        Assert.Null(ConcessionSearch.ParseKeep(Pair(), "cohesion(x) < 0.3", out var e4));
        Assert.NotNull(e4);
    }
}
