using System.Net.Http.Json;

namespace Wedge.Web.Tests;

/// <summary>History, retract and correct: If-Match guards every write; a refused write leaves the journal as it was.</summary>
public sealed class JournalApiTests : IDisposable
{
    private readonly WebHost host = new();

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task History_SameAsCli()
        => Assert.Equal(host.CliJson("history", "--last", "5"), await host.GetText("/api/journal?last=5"));

    [Fact]
    public async Task Retract_WithCurrentVersion_AppendsAndAnswersTheNewVersion()
    {
        var version = await host.Version();
        using var response = await host.Client.SendAsync(WebHost.WithIfMatch(Post("/api/journal/retract", new { fact = "tie:t-aq-taliban-alliance", why = "test" }), version));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        Assert.Equal($"\"{version + 1}\"", response.Headers.ETag?.Tag);
        Assert.Equal(version + 1, await host.Version());
        Assert.Contains("retract", host.CliJson("history", "--last", "1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaleIfMatch_Is412_AndNothingIsWritten()
    {
        var stale = await host.Version();
        // Someone else writes meanwhile (the command line, on the same database).
        Assert.Equal(0, host.Cli("correct", "tie:t-aq-taliban-alliance", "--set", "note=elsewhere", "--why", "other analyst").Code);
        var before = await host.GetText("/api/journal");
        using var response = await host.Client.SendAsync(WebHost.WithIfMatch(Post("/api/journal/retract", new { fact = "tie:t-aq-taliban-alliance", why = "test" }), stale));
        var problem = await WebHost.Problem(response, 412);
        Assert.Equal("journal-moved", problem.GetProperty("code").GetString());
        Assert.Equal($"\"{stale + 1}\"", response.Headers.ETag?.Tag);
        Assert.Equal(before, await host.GetText("/api/journal"));
    }

    [Fact]
    public async Task MissingIfMatch_Is428_AndNothingIsWritten()
    {
        var version = await host.Version();
        using var response = await host.Client.SendAsync(Post("/api/journal/retract", new { fact = "tie:t-aq-taliban-alliance", why = "test" }));
        var problem = await WebHost.Problem(response, 428);
        Assert.Equal("precondition-required", problem.GetProperty("code").GetString());
        Assert.Equal(version, await host.Version());
    }

    [Fact]
    public async Task UnknownFact_Is404_AndNothingIsWritten()
    {
        var version = await host.Version();
        using var response = await host.Client.SendAsync(WebHost.WithIfMatch(Post("/api/journal/retract", new { fact = "tie:t-nothing", why = "test" }), version));
        var problem = await WebHost.Problem(response, 404);
        Assert.Equal("fact-not-found", problem.GetProperty("code").GetString());
        Assert.Equal(version, await host.Version());
    }

    [Fact]
    public async Task Correct_SlashedDate_Is400_AndInvalidValue_Is422_NothingWritten()
    {
        var version = await host.Version();
        using (var response = await host.Client.SendAsync(WebHost.WithIfMatch(Post("/api/journal/correct",
                   new { fact = "tie:t-aq-taliban-alliance", set = new[] { "period.end=11/09/2015" }, why = "test" }), version)))
        {
            Assert.Equal("bad-date", (await WebHost.Problem(response, 400)).GetProperty("code").GetString());
        }

        using (var response = await host.Client.SendAsync(WebHost.WithIfMatch(Post("/api/journal/correct",
                   new { fact = "tie:t-aq-taliban-alliance", set = new[] { "kind=friendship" }, why = "test" }), version)))
        {
            Assert.Equal("correction-invalid", (await WebHost.Problem(response, 422)).GetProperty("code").GetString());
        }

        Assert.Equal(version, await host.Version());
    }

    [Fact]
    public async Task Correct_WithoutWhy_Is400()
    {
        using var response = await host.Client.SendAsync(WebHost.WithIfMatch(Post("/api/journal/correct",
            new { fact = "tie:t-aq-taliban-alliance", set = new[] { "note=x" }, why = " " }), await host.Version()));
        Assert.Equal("missing-field", (await WebHost.Problem(response, 400)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task MalformedBody_Is400()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/journal/retract") { Content = new StringContent("{not json", System.Text.Encoding.UTF8, "application/json") };
        using var response = await host.Client.SendAsync(WebHost.WithIfMatch(request, await host.Version()));
        Assert.Equal("bad-request", (await WebHost.Problem(response, 400)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task CrossSiteWrite_Is403_BeforeAnythingIsRead()
    {
        var request = WebHost.WithIfMatch(Post("/api/journal/retract", new { fact = "tie:t-aq-taliban-alliance", why = "test" }), await host.Version());
        request.Headers.Add("Sec-Fetch-Site", "cross-site");
        using var response = await host.Client.SendAsync(request);
        Assert.Equal("cross-site-request", (await WebHost.Problem(response, 403)).GetProperty("code").GetString());
    }

    private static HttpRequestMessage Post(string path, object body) => new(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
}
