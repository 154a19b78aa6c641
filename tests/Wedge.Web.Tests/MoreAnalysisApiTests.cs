using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;

namespace Wedge.Web.Tests;

/// <summary>Network measures, spells, exports and durability over HTTP: the command line's answers, and bad input refused.</summary>
public sealed class MoreAnalysisApiTests : IDisposable
{
    private readonly WebHost host = new();

    public void Dispose() => host.Dispose();

    private static string Lung => Path.Combine(Repository.Root, "tests", "Wedge.Analysis.Tests", "Durability", "fixtures", "data", "lung.csv");

    private static string Mgus2 => Path.Combine(Repository.Root, "tests", "Wedge.Analysis.Tests", "Durability", "fixtures", "data", "mgus2.csv");

    [Theory]
    [InlineData("/api/network/metrics?at=2012&sort=degree&top=5", "network", "metrics", "--at", "2012", "--sort", "degree", "--top", "5")]
    [InlineData("/api/network/balance?at=2018", "network", "balance", "--at", "2018")]
    [InlineData("/api/network/wedges?around=Taliban&k=2", "network", "wedges", "--around", "Taliban", "-k", "2")]
    [InlineData("/api/network/communities?restarts=5", "network", "communities", "--restarts", "5")]
    [InlineData("/api/network/communities?restarts=3&algorithm=leiden", "network", "communities", "--restarts", "3", "--algorithm", "leiden")]
    [InlineData("/api/spells?kind=alliance&policy=same-source", "spells", "--kind", "alliance", "--policy", "same-source")]
    [InlineData("/api/durability/record", "durability", "record")]
    [InlineData("/api/durability/curves?by=shared_rival", "durability", "curves", "--by", "shared_rival")]
    public async Task SameAsCli(string path, params string[] args)
        => Assert.Equal(host.CliJson(args), await host.GetText(path));

    [Fact]
    public async Task NetworkOverTime_PointsSameAsCli()
    {
        var cli = JsonDocument.Parse(host.CliJson("network", "metrics", "--from", "2000", "--to", "2010", "--every", "5y")).RootElement;
        var web = JsonDocument.Parse(await host.GetText("/api/network/over-time?from=2000&to=2010&every=5y")).RootElement;
        Assert.True(JsonElement.DeepEquals(cli, web.GetProperty("points")), web.GetRawText());
    }

    [Fact]
    public void NetworkOfOneSnapshot_IsWeighedOnce()
    {
        // The server shares snapshots per journal version and slice; the network built from one is shared with them.
        var network = host.Services.GetRequiredService<Application.Network.NetworkService>();
        var request = new Application.Network.NetworkRequest(new Core.Knowledge.ReadSlice(Core.Time.FuzzyDate.Parse("2012"), null, null), null);
        Assert.Same(network.Load(request).Record, network.Load(request).Record);
        var other = request with { Slice = new Core.Knowledge.ReadSlice(Core.Time.FuzzyDate.Parse("2013"), null, null) };
        Assert.NotSame(network.Load(request).Record, network.Load(other).Record);
    }

    [Theory]
    [InlineData("/api/network/metrics?sort=fame", "bad-value")]
    [InlineData("/api/network/metrics?ties=some", "bad-value")]
    [InlineData("/api/network/over-time?from=2000&to=2010&every=fortnightly", "bad-value")]
    [InlineData("/api/network/over-time?from=2000&to=2010&at=2005", "bad-value")]
    [InlineData("/api/network/over-time?from=11/09/2001&to=2010", "bad-date")]
    [InlineData("/api/network/balance?exactLimit=100000", "bad-value")]
    [InlineData("/api/network/wedges?around=Taliban&k=500", "bad-value")]
    [InlineData("/api/network/communities?restarts=0", "bad-value")]
    [InlineData("/api/network/communities?algorithm=infomap", "bad-value")]
    [InlineData("/api/spells?policy=latest-wins", "bad-value")]
    [InlineData("/api/spells?kind=leadership", "bad-value")]
    [InlineData("/api/durability/curves?by=ideology", "unknown-covariate")]
    [InlineData("/api/durability/record?pair=Taliban", "bad-value")]
    [InlineData("/api/durability/backtest?years=20x0", "bad-value")]
    public async Task BadInput_Is400(string path, string code)
        => Assert.Equal(code, (await host.GetProblem(path, 400)).GetProperty("code").GetString());

    [Fact]
    public async Task Wedges_UnknownActor_Is404()
        => Assert.Equal("actor-not-found", (await host.GetProblem("/api/network/wedges?around=Nobody%20Here", 404)).GetProperty("code").GetString());

    [Fact]
    public async Task Exports_AreDownloadsThatParse()
    {
        using var graphml = await host.Client.GetAsync("/api/exports/graphml?at=2012");
        Assert.Equal("application/graphml+xml", graphml.Content.Headers.ContentType?.MediaType);
        Assert.Equal("wedge.graphml", graphml.Content.Headers.ContentDisposition?.FileNameStar ?? graphml.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains(XDocument.Parse(await graphml.Content.ReadAsStringAsync()).Descendants(), e => e.Name.LocalName == "edge");

        using var gexf = await host.Client.GetAsync("/api/exports/gexf");
        Assert.Contains(XDocument.Parse(await gexf.Content.ReadAsStringAsync()).Descendants(), e => e.Name.LocalName == "edge");

        using var stix = await host.Client.GetAsync("/api/exports/stix");
        var bundle = JsonDocument.Parse(await stix.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal("bundle", bundle.GetProperty("type").GetString());
        var file = host.File("stix.json");
        host.Cli("export", "stix", "--out", file);
        Assert.Equal(File.ReadAllText(file).Trim(), (await stix.Content.ReadAsStringAsync()).Trim());
    }

    [Fact]
    public async Task CaseExport_IsTheClisExport_AndPanelIsTheClisPanel()
    {
        var file = host.File("case.yaml");
        host.Cli("export", "case", "--out", file);
        using var web = await host.Client.GetAsync("/api/exports/case");
        Assert.Equal("wedge-case.yaml", web.Content.Headers.ContentDisposition?.FileNameStar ?? web.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal(File.ReadAllText(file), await web.Content.ReadAsStringAsync());

        var panel = host.File("panel.csv");
        host.Cli("durability", "record", "--export", panel);
        Assert.Equal(File.ReadAllText(panel), await host.Client.GetStringAsync("/api/durability/panel"));
        var codebook = await host.Client.GetStringAsync("/api/durability/panel?codebook=true");
        Assert.Contains("leader_death_known", codebook, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("summary", "network")]
    [InlineData("balance", "network", "balance")]
    [InlineData("communities", "network", "communities")]
    public async Task NetworkOfAnUploadedEdgeList_SameAsCli(string measure, params string[] args)
    {
        var edges = Path.Combine(Repository.Root, "tests", "Wedge.Analysis.Tests", "Network", "Fixtures", "karate.edges");
        var cli = WebHost.CliJsonWithoutDatabase([.. args, "--input", edges]);
        var web = await Post($"/api/network/file/{measure}", edges);
        Assert.Equal(200, web.Status);
        Assert.Equal(cli, web.Body.Replace("\"edges.txt\"", "\"karate.edges\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Charts_ArePngOrSvgDownloads()
    {
        using var png = await host.Client.GetAsync("/api/network/over-time/chart?from=2000&to=2018&every=2y");
        var bytes = await png.Content.ReadAsByteArrayAsync();
        Assert.True(png.IsSuccessStatusCode, System.Text.Encoding.UTF8.GetString(bytes));
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);

        using var svg = await host.Client.GetAsync("/api/network/over-time/chart?from=2000&to=2018&measures=positive,actor-friendly&actor=Taliban&format=svg");
        Assert.Equal("svg", XDocument.Parse(await svg.Content.ReadAsStringAsync()).Root!.Name.LocalName);

        using var forecast = await host.Client.GetAsync("/api/negotiations/aq-taliban-negotiation/chart");
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], (await forecast.Content.ReadAsByteArrayAsync())[..4]);

        Assert.Equal("bad-value", (await host.GetProblem("/api/network/over-time/chart?from=2000&to=2018&measures=fame", 400)).GetProperty("code").GetString());
        Assert.Equal("bad-value", (await host.GetProblem("/api/negotiations/aq-taliban-negotiation/chart?format=gif", 400)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task DurabilityOnAnUploadedCsv_SameAsCli()
    {
        // A researcher's CSV: the command takes no database.
        var cli = WebHost.CliJsonWithoutDatabase("durability", "cox", "--input", Lung, "--time", "time", "--event", "status", "--covariates", "age,sex", "--cluster", "inst");
        var web = await Post("/api/durability/cox", Lung, ("time", "time"), ("event", "status"), ("covariates", "age,sex"), ("cluster", "inst"));
        Assert.Equal(200, web.Status);
        // The file's name in the answer is the upload's, not a server path.
        Assert.Equal(cli.Replace("\"lung.csv\"", "\"data.csv\"", StringComparison.Ordinal), web.Body);

        var fg = await Post("/api/durability/finegray", Mgus2, ("time", "etime"), ("event", "ecode"), ("of", "1"), ("covariates", "age,male"));
        Assert.Equal(200, fg.Status);
        Assert.Equal(41775, JsonDocument.Parse(fg.Body).RootElement.GetProperty("rows").GetInt32());
    }

    [Fact]
    public async Task DurabilityOnAnUploadedCsv_BadInput_IsAProblemNamingTheUpload()
    {
        var missing = await Post("/api/durability/cox", Lung, ("time", "time"), ("event", "nope"), ("covariates", "age"));
        Assert.Equal(422, missing.Status);
        Assert.Contains("nope", missing.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("wedge-uploads", missing.Body, StringComparison.Ordinal);
        var method = await Post("/api/durability/weibull", Lung, ("time", "time"), ("event", "status"));
        Assert.Equal(404, method.Status);
        var noEvent = await Post("/api/durability/km", Lung, ("time", "time"));
        Assert.Equal(400, noEvent.Status);
        var withStart = await Post("/api/durability/finegray", Mgus2, ("time", "etime"), ("event", "ecode"), ("of", "1"), ("covariates", "age"), ("start", "age"));
        Assert.Equal(422, withStart.Status);
        Assert.Contains("right-censored data only", withStart.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Brief_Html_IsTheBriefAsADownload()
    {
        using var response = await host.Client.GetAsync("/api/briefs/Taliban/al-Qaeda?at=2018-09-11&runs=0&title=Test%20brief");
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, html);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("brief-taliban-al-qaeda.html", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        Assert.Contains("Test brief", html, StringComparison.Ordinal);
        Assert.Contains("<h2>How long will it hold?</h2>", html, StringComparison.Ordinal);
        var cli = host.File("brief");
        host.Cli("brief", "Taliban", "al-Qaeda", "--at", "2018-09-11", "--runs", "0", "--no-pdf", "--title", "Test brief", "--out", cli);
        File.WriteAllText(host.File("web-brief.html"), html);
        Assert.Equal(Undated(File.ReadAllText(Path.Combine(cli, "brief.html"))), Undated(html));
    }

    /// <summary>The document without what two runs may differ in: the moment it was generated and the charts' inner ids.</summary>
    private static string Undated(string html)
        => System.Text.RegularExpressions.Regex.Replace(System.Text.RegularExpressions.Regex.Replace(html,
            @"\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}(:\d{2})?( ?UTC|Z)?", "<time>"), "data:image/[^\"]+", "data:image");

    [Fact]
    public async Task Brief_Pdf_IsPrintedWhenTheServerHasChromium_ElseRefusedInWords()
    {
        using var response = await host.Client.GetAsync("/api/briefs/Taliban/al-Qaeda?runs=0&format=pdf");
        if (Application.Assessment.BriefWriter.FindChromium(Environment.GetEnvironmentVariable) is null)
        {
            Assert.Equal("pdf-unavailable", (await WebHost.Problem(response, 422)).GetProperty("code").GetString());
            return;
        }

        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.IsSuccessStatusCode, System.Text.Encoding.UTF8.GetString(bytes));
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(bytes, 0, 4));
    }

    [Theory]
    [InlineData("/api/briefs/Taliban/al-Qaeda?format=docx", 400, "bad-value")]
    [InlineData("/api/briefs/Taliban/al-Qaeda?paper=a3", 400, "bad-value")]
    [InlineData("/api/briefs/Taliban/Nobody%20Here", 404, "actor-not-found")]
    public async Task Brief_BadInput(string path, int status, string code)
        => Assert.Equal(code, (await host.GetProblem(path, status)).GetProperty("code").GetString());

    private async Task<(int Status, string Body)> Post(string path, string csv, params (string Name, string Value)[] fields)
    {
        var content = new MultipartFormDataContent { { new ByteArrayContent(File.ReadAllBytes(csv)), "file", Path.GetFileName(csv) } };
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        using var response = await host.Client.PostAsync(path, content);
        return ((int)response.StatusCode, (await response.Content.ReadAsStringAsync()).Trim());
    }
}
