using System.Net.Http.Json;
using System.Text.Json;

namespace Wedge.Web.Tests;

/// <summary>Add, dispute and the MMP and STIX uploads over HTTP: checked as the command line checks them, nothing written on refusal.</summary>
public sealed class WritesApiTests : IDisposable
{
    private readonly WebHost host = new();

    public void Dispose() => host.Dispose();

    private static HttpRequestMessage Post(string path, object body) => new(HttpMethod.Post, path) { Content = JsonContent.Create(body) };

    private async Task<(int Status, JsonElement Body)> Send(HttpRequestMessage request, bool ifMatch = true)
    {
        using var response = await host.Client.SendAsync(ifMatch ? WebHost.WithIfMatch(request, await host.Version()) : request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }

    [Fact]
    public async Task AddSourceAndClaim_ThenDispute_AsTheCliWould()
    {
        var version = await host.Version();
        var source = await Send(Post("/api/journal/add", new { type = "source", fields = new { id = "s-field-notes", title = "Field notes, Kabul", date = "2015-03" }, why = "test" }));
        Assert.Equal(200, source.Status);
        var claim = await Send(Post("/api/journal/add", new
        {
            type = "claim",
            fields = new { id = "c-field-1", source = "s-field-notes", text = "Seen together at a meeting.", grade = "C3" },
            about = "tie:t-aq-taliban-alliance",
        }));
        Assert.True(claim.Status == 200, claim.Body.GetRawText());
        var dispute = await Send(Post("/api/journal/dispute", new
        {
            fact = "tie:t-aq-taliban-alliance",
            claim = new { id = "c-field-2", source = "s-field-notes", text = "Denied by a commander.", grade = "D4" },
        }));
        Assert.True(dispute.Status == 200, dispute.Body.GetRawText());
        // Three writes: the source; the claim with the tie it backs; the disputing claim with the tie it disputes.
        Assert.Equal(version + 5, await host.Version());
        var history = host.CliJson("history", "--last", "5");
        Assert.Contains("claim:c-field-2", history, StringComparison.Ordinal);
        Assert.Contains("source:s-field-notes", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddWithABadGrade_Is422WithTheCliMessage_NothingWritten()
    {
        var version = await host.Version();
        var (_, cliOut, cliErr) = host.Cli("add", "claim", "c-bad", "--source", "s-article", "--text", "x", "--grade", "Z9", "--json");
        var cliMessage = JsonDocument.Parse(cliOut.Trim().Length > 0 ? cliOut : cliErr).RootElement.GetProperty("message").GetString();
        var bad = await Send(Post("/api/journal/add", new { type = "claim", fields = new { id = "c-bad", source = "s-article", text = "x", grade = "Z9" } }));
        Assert.Equal(422, bad.Status);
        Assert.Equal("fact-invalid", bad.Body.GetProperty("code").GetString());
        Assert.Equal(cliMessage, bad.Body.GetProperty("detail").GetString());
        Assert.Equal(version, await host.Version());
    }

    [Theory]
    [InlineData("{\"type\":\"rumour\",\"fields\":{\"id\":\"x\"}}", 400, "bad-value")]
    [InlineData("{\"type\":\"claim\",\"fields\":[1,2]}", 400, "bad-value")]
    [InlineData("{\"type\":\"claim\",\"fields\":{\"id\":{\"deep\":{\"er\":1}}}}", 400, "bad-value")]
    public async Task AddMalformed_Is400_NothingWritten(string json, int status, string code)
    {
        var version = await host.Version();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/journal/add") { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        var (actual, body) = await Send(request);
        Assert.Equal(status, actual);
        Assert.Equal(code, body.GetProperty("code").GetString());
        Assert.Equal(version, await host.Version());
    }

    [Fact]
    public async Task AddWithoutIfMatch_Is428()
        => Assert.Equal(428, (await Send(Post("/api/journal/add", new { type = "source", fields = new { id = "s-x", title = "x" } }), ifMatch: false)).Status);

    [Fact]
    public async Task StixRoundTrip_DryRunWritesNothing_MalformedIs422()
    {
        var bundle = await host.GetText("/api/exports/stix");
        var version = await host.Version();
        using var dry = new MultipartFormDataContent { { new StringContent(bundle), "file", "ours.json" } };
        using var response = await host.Client.PostAsync("/api/imports/stix?dryRun=true", dry);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        Assert.Equal("true", response.Headers.GetValues("Wedge-Dry-Run").Single());
        Assert.Equal(version, await host.Version());

        using var broken = new MultipartFormDataContent { { new StringContent("{\"type\": \"bundle\", \"objects\": [ {"), "file", "broken.json" } };
        using var request = WebHost.WithIfMatch(new HttpRequestMessage(HttpMethod.Post, "/api/imports/stix") { Content = broken }, version);
        using var refused = await host.Client.SendAsync(request);
        var problem = await WebHost.Problem(refused, 422);
        Assert.Contains("broken.json", problem.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(version, await host.Version());
    }

    [SharedDataFact("mmp")]
    public async Task MmpUpload_DryRunWritesNothing_ThenImportsAsTheCli()
    {
        MultipartFormDataContent Files() => new()
        {
            { new ByteArrayContent(File.ReadAllBytes(SharedData.File("mmp", "Militant-Group-Key.csv"))), "key", "Militant-Group-Key.csv" },
            { new ByteArrayContent(File.ReadAllBytes(SharedData.File("mmp", "Militant-Group-Relationships.csv"))), "relationships", "Militant-Group-Relationships.csv" },
        };
        var version = await host.Version();
        using (var dry = await host.Client.PostAsync("/api/imports/mmp?dryRun=true&at=2018-09-11", Files()))
        {
            Assert.True(dry.IsSuccessStatusCode, await dry.Content.ReadAsStringAsync());
            Assert.Equal(version, await host.Version());
        }

        using var request = WebHost.WithIfMatch(new HttpRequestMessage(HttpMethod.Post, "/api/imports/mmp") { Content = Files() }, version);
        using var response = await host.Client.SendAsync(request);
        var web = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(response.IsSuccessStatusCode, web.GetRawText());
        Assert.True(await host.Version() > version);

        using var other = new WebHost();
        var cli = JsonDocument.Parse(other.CliJson("import", "mmp", "--key", SharedData.File("mmp", "Militant-Group-Key.csv"),
            "--relationships", SharedData.File("mmp", "Militant-Group-Relationships.csv"))).RootElement;
        foreach (var n in new[] { "keyRowsRead", "relationshipRowsRead", "observationsImported", "changes" })
        {
            Assert.Equal(cli.GetProperty(n).GetInt64(), web.GetProperty(n).GetInt64());
        }
    }
}
