using System.Security.Cryptography;

namespace Wedge.Browser.Tests;

/// <summary>The pinned front-end libraries: the committed files are the ones whose hashes were recorded, and are served.</summary>
[Collection(SharedHost.Name)]
public sealed class AssetsTests(BrowserHost host)
{
    private static readonly string Cytoscape = Repository.File("src", "Wedge.Web", "wwwroot", "lib", "cytoscape");

    [Fact]
    public void Cytoscape_CommittedFiles_MatchTheirRecordedHashes()
    {
        var lines = File.ReadAllLines(Path.Combine(Cytoscape, "SHA256SUMS")).Where(l => l.Length > 0).ToList();
        Assert.Equal(2, lines.Count);
        foreach (var line in lines)
        {
            var (hash, name) = (line[..64], line[66..]);
            var actual = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(Cytoscape, name))));
            Assert.True(hash == actual, $"{name}: sha256 {actual}, recorded {hash} (run tools/assets/cytoscape.sh --check)");
        }
    }

    [Fact]
    public async Task Cytoscape_IsServedAsJavaScript_WithThePagesPolicy()
    {
        using var response = await host.Http.GetAsync("/assets/lib/cytoscape/cytoscape.esm.min.mjs");
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        var served = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(File.ReadAllBytes(Path.Combine(Cytoscape, "cytoscape.esm.min.mjs")), served);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }
}
