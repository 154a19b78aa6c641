using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wedge.Analysis.Negotiation;
using Wedge.Application.Negotiation;

namespace Wedge.Web.Tests;

/// <summary>Bargaining forecasts over HTTP: the command line's answers, uploads that are never paths, and cancellation.</summary>
public sealed class NegotiationApiTests : IDisposable
{
    private readonly WebHost host = new();

    public void Dispose() => host.Dispose();

    private static string Scenario => Path.Combine(Repository.Root, "cases", "aq-taliban-negotiation.yaml");

    [Theory]
    [InlineData("/api/negotiations/aq-taliban-negotiation", "negotiate", "aq-taliban-negotiation")]
    [InlineData("/api/negotiations/aq-taliban-negotiation/monte-carlo?runs=40&seed=3", "negotiate", "aq-taliban-negotiation", "--runs", "40", "--seed", "3")]
    [InlineData("/api/negotiations/aq-taliban-negotiation/concession?seek=aq-ties%20%3C%3D%2020&vary=united-states:us-troops&keep=fragmentation(taliban)%20%3C%200.3",
        "negotiate", "aq-taliban-negotiation", "--seek", "aq-ties <= 20", "--vary", "united-states:us-troops", "--keep", "fragmentation(taliban) < 0.3")]
    public async Task SameAsCli(string path, params string[] args)
        => Assert.Equal(WebHost.CliJsonWithoutDatabase(args), await host.GetText(path));

    [Fact]
    public async Task UploadedScenario_GivesTheBuiltInsForecast()
    {
        using var content = new MultipartFormDataContent { { new ByteArrayContent(File.ReadAllBytes(Scenario)), "file", "mine.yaml" } };
        using var response = await host.Client.PostAsync("/api/negotiations/forecast", content);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        var builtIn = JsonDocument.Parse(await host.GetText("/api/negotiations/aq-taliban-negotiation")).RootElement;
        Assert.Equal(builtIn.GetProperty("weightedOutcome").GetRawText(), JsonDocument.Parse(body).RootElement.GetProperty("weightedOutcome").GetRawText());
    }

    [Fact]
    public async Task MalformedUpload_Is422_NamingTheUploadNotAServerPath()
    {
        using var content = new MultipartFormDataContent { { new StringContent("name: x\ndimensions: [oops"), "file", "broken.yaml" } };
        using var response = await host.Client.PostAsync("/api/negotiations/forecast", content);
        var problem = await WebHost.Problem(response, 422);
        Assert.Equal("scenario-invalid", problem.GetProperty("code").GetString());
        Assert.DoesNotContain("wedge-uploads", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/negotiations/..%2F..%2Fetc%2Fpasswd", 404, "scenario-not-found")]
    [InlineData("/api/negotiations/no-such-scenario", 404, "scenario-not-found")]
    [InlineData("/api/negotiations/aq-taliban-negotiation/monte-carlo?runs=0", 400, "bad-value")]
    [InlineData("/api/negotiations/aq-taliban-negotiation/monte-carlo?runs=1000000", 400, "bad-value")]
    [InlineData("/api/negotiations/aq-taliban-negotiation/concession?seek=nonsense&vary=united-states:us-troops", 422, "bad-seek")]
    public async Task BadInput(string path, int status, string code)
        => Assert.Equal(code, (await host.GetProblem(path, status)).GetProperty("code").GetString());

    [Fact]
    public async Task KtabImport_IsAYamlDownloadThatRunsTheSame()
    {
        var csv = Path.Combine(Repository.Root, "tests", "fixtures", "ktab", "dummyData_3Dim.csv");
        using var content = new MultipartFormDataContent { { new ByteArrayContent(File.ReadAllBytes(csv)), "file", "sample.csv" } };
        using var response = await host.Client.PostAsync("/api/negotiations/import-ktab", content);
        var yaml = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, yaml);
        Assert.Equal("sample.yaml", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains("dimensions:", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void LongMonteCarlo_StopsWhenCancelled()
    {
        // A million draws would run for many minutes; cancelled shortly after it starts, the draws stop and it throws.
        var service = host.Services.GetRequiredService<NegotiationService>();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        Assert.ThrowsAny<OperationCanceledException>(() => service.MonteCarlo("aq-taliban-negotiation", 1_000_000, 1, SmpOptions.KtabDefaults, 2, cancel.Token));
    }
}
