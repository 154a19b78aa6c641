using System.Text.Json.Nodes;

namespace Wedge.Web.Tests;

/// <summary>The OpenAPI document the server generates is the one committed as docs/openapi.json.</summary>
public sealed class OpenApiDocumentTests : IDisposable
{
    private readonly WebHost host = new();

    public void Dispose() => host.Dispose();

    [Fact]
    public async Task ServedDocument_MatchesTheCommittedOne()
    {
        var served = await host.GetText("/openapi/v1.json");
        var path = Repository.File("docs", "openapi.json");
        if (Environment.GetEnvironmentVariable("WEDGE_UPDATE_OPENAPI") == "1")
        {
            // Regenerate: WEDGE_UPDATE_OPENAPI=1 dotnet test tests/Wedge.Web.Tests --filter OpenApiDocument
            await File.WriteAllTextAsync(path, served + "\n");
        }

        var committed = File.Exists(path) ? await File.ReadAllTextAsync(path) : "{}";
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(committed), JsonNode.Parse(served)),
            "docs/openapi.json differs from the served /openapi/v1.json: the API changed. If that was meant, regenerate it with "
            + "WEDGE_UPDATE_OPENAPI=1 dotnet test tests/Wedge.Web.Tests --filter OpenApiDocument, and review the diff.");
    }

    [Fact]
    public async Task Document_IsOpenApi31_AndDescribesResultsAndProblems()
    {
        var doc = JsonNode.Parse(await host.GetText("/openapi/v1.json"))!;
        Assert.StartsWith("3.1", doc["openapi"]!.GetValue<string>(), StringComparison.Ordinal);
        var dyad = doc["paths"]!["/api/dyads/{a}/{b}"]!["get"]!;
        Assert.NotNull(dyad["responses"]!["200"]!["content"]!["application/json"]);
        Assert.NotNull(dyad["responses"]!["404"]!["content"]!["application/problem+json"]);
        var names = dyad["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("at", names);
        Assert.Contains("knownAt", names);
        Assert.Contains("recordedBy", names);
    }
}
