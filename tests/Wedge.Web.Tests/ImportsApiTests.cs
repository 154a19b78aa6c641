using System.Net.Http.Headers;
using System.Text;

namespace Wedge.Web.Tests;

/// <summary>Uploads: all of a file or none of it; malformed and oversized uploads refused with nothing written.</summary>
public sealed class ImportsApiTests : IDisposable
{
    private const string ExtraCase = """
        case: extra
        title: One more claim
        claims:
          - id: c-test-expelled
            source: bacon-2018
            text: "<script>alert('x')</script> a test claim"
            grade: E5
        actors:
          - id: test-group
            name: Test Group
            kind: armed-group
            claims: [c-test-expelled]
        """;

    private readonly WebHost host = new(maxUploadBytes: 4096);

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task ImportCase_SameAsCli()
    {
        var version = await host.Version();
        using var response = await host.Client.SendAsync(WebHost.WithIfMatch(Upload("/api/imports/case", ExtraCase, "extra.yaml"), version));
        var web = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, web);
        Assert.Contains("\"added\": 2", web, StringComparison.Ordinal);
        Assert.Contains("\"file\": \"extra.yaml\"", web, StringComparison.Ordinal);

        // The same file through the command line, on a second database with the same start: the same counts.
        using var other = new WebHost();
        var file = other.File("extra.yaml");
        await File.WriteAllTextAsync(file, ExtraCase);
        var cli = other.CliJson("import", "case", file);
        Assert.Equal(cli.Replace(file, "extra.yaml", StringComparison.Ordinal), web.Trim());
    }

    [Fact]
    public async Task ImportCase_DryRun_WritesNothing_AndNeedsNoIfMatch()
    {
        var version = await host.Version();
        using var response = await host.Client.SendAsync(Upload("/api/imports/case?dryRun=true", ExtraCase, "extra.yaml"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        Assert.Equal("true", Assert.Single(response.Headers.GetValues("Wedge-Dry-Run")));
        Assert.Contains("\"added\": 2", body, StringComparison.Ordinal);
        Assert.Contains($"\"version\": {version}", body, StringComparison.Ordinal);
        Assert.Equal(version, await host.Version());
        await host.GetProblem("/api/actors/Test%20Group", 404);
    }

    [Fact]
    public async Task MalformedCase_Is422_WithTheUploadedNameAndLine_NothingWritten()
    {
        var version = await host.Version();
        using var response = await host.Client.SendAsync(WebHost.WithIfMatch(Upload("/api/imports/case", "case: x\nactors:\n  - id: [unclosed\n", "../../etc/mine.yaml"), version));
        var problem = await WebHost.Problem(response, 422);
        Assert.Equal("case-invalid", problem.GetProperty("code").GetString());
        Assert.Equal("mine.yaml", problem.GetProperty("file").GetString()); // the client's name, without its directories
        Assert.True(problem.GetProperty("line").GetInt32() > 0);
        Assert.DoesNotContain(Path.GetTempPath(), problem.GetProperty("detail").GetString(), StringComparison.Ordinal); // no server path leaks
        Assert.Equal(version, await host.Version());
    }

    [Fact]
    public async Task OversizedUpload_Is413_NothingWritten()
    {
        var version = await host.Version();
        var big = ExtraCase + "\n# " + new string('x', 8192) + "\n";
        using var response = await host.Client.SendAsync(WebHost.WithIfMatch(Upload("/api/imports/case", big, "big.yaml"), version));
        var problem = await WebHost.Problem(response, 413);
        Assert.Equal("upload-too-large", problem.GetProperty("code").GetString());
        Assert.Equal(version, await host.Version());
    }

    [Fact]
    public async Task MissingFile_Is400_NothingWritten()
    {
        var version = await host.Version();
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports/case") { Content = new MultipartFormDataContent { { new StringContent("x"), "why" } } };
        using var response = await host.Client.SendAsync(WebHost.WithIfMatch(request, version));
        Assert.Equal("bad-request", (await WebHost.Problem(response, 400)).GetProperty("code").GetString());
        Assert.Equal(version, await host.Version());
    }

    [Fact]
    public async Task StaleIfMatch_OnUpload_Is412_NothingWritten()
    {
        var version = await host.Version();
        using var response = await host.Client.SendAsync(WebHost.WithIfMatch(Upload("/api/imports/case", ExtraCase, "extra.yaml"), version - 1));
        Assert.Equal("journal-moved", (await WebHost.Problem(response, 412)).GetProperty("code").GetString());
        Assert.Equal(version, await host.Version());
    }

    private static HttpRequestMessage Upload(string path, string text, string name)
    {
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/yaml");
        return new HttpRequestMessage(HttpMethod.Post, path) { Content = new MultipartFormDataContent { { file, "file", name } } };
    }
}
