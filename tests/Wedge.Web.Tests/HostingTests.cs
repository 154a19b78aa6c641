using Microsoft.Extensions.DependencyInjection;
using Wedge.Application.Store;

namespace Wedge.Web.Tests;

/// <summary>What every response carries: security headers, the journal version as ETag, problems as RFC 9457; and shared projections.</summary>
public sealed class HostingTests : IDisposable
{
    private readonly WebHost host = new();

    public void Dispose() => host.Dispose();

    [Theory]
    [InlineData("/api/actors")]
    [InlineData("/api/actors/Nobody")]
    [InlineData("/health")]
    [InlineData("/no/such/path")]
    public async Task EveryResponse_CarriesSecurityHeaders(string path)
    {
        using var response = await host.Client.GetAsync(path);
        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline' 'self'; script", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("script-src 'unsafe-inline'", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
    }

    [Fact]
    public async Task Reads_AnswerTheJournalVersionAsETag_And304WhenUnchanged()
    {
        var version = await host.Version();
        using var first = await host.Client.GetAsync("/api/ties");
        Assert.Equal($"\"{version}\"", first.Headers.ETag?.Tag);
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/ties");
        request.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var again = await host.Client.SendAsync(request);
        Assert.Equal(304, (int)again.StatusCode);
    }

    [Fact]
    public async Task UnknownPath_IsAProblem()
    {
        using var response = await host.Client.GetAsync("/no/such/path");
        Assert.Equal(404, (int)response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Health_SaysTheJournalVersion()
    {
        var text = await host.GetText("/health");
        Assert.Contains("\"status\": \"ok\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_ShareOneProjectionPerJournalVersion()
    {
        var store = host.Services.GetRequiredService<SharedKnowledgeStore>();
        await host.GetText("/api/actors");
        var after = store.Projections;
        await host.GetText("/api/network?at=2012");
        await host.GetText("/api/dyads/AQ/Taliban?at=2001");
        await host.GetText("/api/actors");
        Assert.Equal(after, store.Projections);

        // A write moves the version: the next read projects again, once, by replaying only the new entry onto the
        // version held, so the two share every fact the write left alone.
        var held = store.Knowledge();
        Assert.Equal(0, host.Cli("correct", "tie:t-aq-taliban-alliance", "--set", "note=changed", "--why", "test").Code);
        await host.GetText("/api/actors");
        await host.GetText("/api/ties");
        Assert.Equal(after + 1, store.Projections);
        var actor = held.All<Core.Model.Actor>().First();
        Assert.Same(actor, store.Knowledge().FindActor(actor.Id));
        Assert.Contains("changed", await host.GetText("/api/ties?kind=alliance"), StringComparison.Ordinal);

        // What was kept for the old version is let go: under steady writes the caches would otherwise hold one whole
        // projection of the record per past version.
        Assert.Equal([store.Version()], store.KeptVersions);
    }

    [Fact]
    public async Task ReferencePage_LoadsNoInlineScript()
    {
        var page = await host.GetText("/reference");
        Assert.DoesNotMatch(@"<script(?![^>]*\bsrc=)[^>]*>", page);
        using var response = await host.Client.GetAsync("/scalar/");
        Assert.Equal("/reference", response.Headers.Location?.OriginalString ?? (await host.Client.GetAsync("/scalar/")).RequestMessage?.RequestUri?.AbsolutePath);
    }
}
