using Wedge.Application.Problems;

namespace Wedge.Application.Tests.Problems;

public sealed class ProblemTests
{
    [Theory]
    [InlineData(ProblemKind.NotFound, 1)]
    [InlineData(ProblemKind.Refused, 1)]
    [InlineData(ProblemKind.Usage, 2)]
    [InlineData(ProblemKind.Conflict, 3)]
    [InlineData(ProblemKind.Internal, 70)]
    public void ExitCode_PerKind_AsDocumented(ProblemKind kind, int exitCode) => Assert.Equal(exitCode, ExitCodes.Of(kind));

    [Fact]
    public void At_AddsFileLineAndColumn_KeepsTheRest()
    {
        var p = Problem.Refused("bad-row", "no such group").At("key.csv", 12, 3);
        Assert.Equal(new Problem(ProblemKind.Refused, "bad-row", "no such group", "key.csv", 12, 3), p);
    }

    [Fact]
    public void Json_KindKebab_NullLocationLeftOut()
    {
        var json = WedgeJson.Serialize(Problem.NotFound("actor-not-found", "no actor named 'x'"));
        Assert.Contains("\"kind\": \"not-found\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("file", json, StringComparison.Ordinal);
    }
}
