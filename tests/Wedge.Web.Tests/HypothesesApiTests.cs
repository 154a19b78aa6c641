namespace Wedge.Web.Tests;

/// <summary>Competing hypotheses over HTTP: the command line's answers; names only for built-in matrices; uploads refused at their line.</summary>
public sealed class HypothesesApiTests : IDisposable
{
    private readonly WebHost host = new();

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData("/api/hypotheses/aq-taliban-hypotheses/score?knownAt=2014-12-31", "hypotheses", "score", "aq-taliban-hypotheses", "--known-at", "2014-12-31")]
    [InlineData("/api/hypotheses/aq-taliban-hypotheses", "hypotheses", "show", "aq-taliban-hypotheses")]
    [InlineData("/api/hypotheses/aq-taliban-hypotheses/sensitivity", "hypotheses", "sensitivity", "aq-taliban-hypotheses")]
    [InlineData("/api/hypotheses/aq-taliban-hypotheses/watch", "hypotheses", "watch", "aq-taliban-hypotheses")]
    public async Task SameAsCli(string path, params string[] args)
        => Assert.Equal(host.CliJson(args), await host.GetText(path));

    [Fact]
    public async Task UnknownMatrix_Is404_AndAPathIsNeverRead()
        => Assert.Equal("matrix-not-found", (await host.GetProblem("/api/hypotheses/..%2F..%2Fetc%2Fpasswd/score", 404)).GetProperty("code").GetString());

    [Fact]
    public async Task BadUpload_Is422AtItsLine()
    {
        using var content = new MultipartFormDataContent
        {
            { new StringContent("matrix: m\nquestion: q?\nhypotheses:\n  - {id: h1, title: one}\n  - {id: h2, title: two}\nitems:\n  - id: e1\n    assumption: x\n    ratings: {h1: maybe}\n"), "file", "mine.yaml" },
        };
        using var response = await host.Client.PostAsync("/api/hypotheses/score", content);
        var problem = await WebHost.Problem(response, 422);
        Assert.Equal("matrix-invalid", problem.GetProperty("code").GetString());
        Assert.Equal(9, problem.GetProperty("line").GetInt32());
        Assert.DoesNotContain("wedge-uploads", problem.GetRawText(), StringComparison.Ordinal);
    }
}
