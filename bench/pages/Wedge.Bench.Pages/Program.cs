using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Playwright;
using Spectre.Console.Testing;
using Wedge.Cli;
using Wedge.Web;

// Times the network explorer's slider step: from the step (performance mark 'wedge-step-start', set when the slider's
// value changes) to the browser's second animation frame after the redraw ('wedge-step-end'), as the page measures it
// ('wedge-step'). Every year is stepped through by keyboard, forward then back, several rounds.
//   dotnet run -c Release --project bench/pages/Wedge.Bench.Pages -- mmp [DIR]     the MMP record (default ../shared/data/mmp)
//   dotnet run -c Release --project bench/pages/Wedge.Bench.Pages -- synthetic [N]  N groups (default 5000), served as JSON
var mode = args.ElementAtOrDefault(0) ?? "mmp";
var dir = Directory.CreateTempSubdirectory("wedge-bench-pages");
var db = Path.Combine(dir.FullName, "wedge.db");
string? synthetic = null;
if (mode == "mmp")
{
    var mmp = args.ElementAtOrDefault(1) ?? Path.Combine(FindRoot(), "..", "shared", "data", "mmp");
    Cli("init", "--empty");
    Cli("import", "mmp", "--key", Path.Combine(mmp, "Militant-Group-Key.csv"), "--relationships", Path.Combine(mmp, "Militant-Group-Relationships.csv"));
}
else
{
    Cli("init", "--empty");
    synthetic = Synthetic(int.Parse(args.ElementAtOrDefault(1) ?? "5000", CultureInfo.InvariantCulture));
}

await using var app = WedgeWeb.Build(["--urls", "http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning"], o => o.Database = db);
await app.StartAsync();
var url = app.Urls.First();
using var playwright = await Playwright.CreateAsync();
await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Headless = true });
var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
page.SetDefaultTimeout(600_000);
if (synthetic is not null)
{
    // The synthetic web is served in place of the record's: what is timed is the browser's redraw, not the analyses.
    await page.RouteAsync("**/api/network/web/years*", r => r.FulfillAsync(new() { Status = 200, ContentType = "application/json", Body = synthetic }));
}

var load = Stopwatch.StartNew();
await page.GotoAsync(url + "/explore");
await page.WaitForSelectorAsync("section.explorer[data-ready='true']", new() { State = WaitForSelectorState.Attached });
load.Stop();
var years = int.Parse(await page.GetAttributeAsync("#year", "max") ?? "0", CultureInfo.InvariantCulture) + 1;
await page.FocusAsync("#year");
await page.Keyboard.PressAsync("Home");
await page.EvaluateAsync("() => { performance.clearMeasures('wedge-step'); performance.clearMeasures('wedge-step-style'); }");
const int Rounds = 3;
for (var round = 0; round < Rounds; round++)
{
    foreach (var key in new[] { "ArrowRight", "ArrowLeft" })
    {
        for (var i = 0; i < years - 1; i++)
        {
            var before = await page.EvaluateAsync<int>("() => performance.getEntriesByName('wedge-step').length");
            await page.Keyboard.PressAsync(key);
            await page.WaitForFunctionAsync($"() => performance.getEntriesByName('wedge-step').length > {before}");
        }
    }
}

var steps = (await page.EvaluateAsync<double[]>("() => performance.getEntriesByName('wedge-step').map(e => e.duration)")).Order().ToArray();
var status = await page.InnerTextAsync("#web-status");
Console.WriteLine($"{mode}: {years} years; page load to first drawn web {load.Elapsed.TotalSeconds:0.00} s; last year shown: {status}");
Console.WriteLine($"slider step to redrawn web, {steps.Length} steps: median {Percentile(steps, 0.5):0.0} ms, p90 {Percentile(steps, 0.9):0.0} ms, max {steps[^1]:0.0} ms");
// Of which restyling the elements that change (script and style, before the browser lays out and paints).
var styling = (await page.EvaluateAsync<double[]>("() => performance.getEntriesByName('wedge-step-style').map(e => e.duration)")).Order().ToArray();
Console.WriteLine($"  of which restyling: median {Percentile(styling, 0.5):0.0} ms, p90 {Percentile(styling, 0.9):0.0} ms");
await app.StopAsync();
dir.Delete(recursive: true);
return;

static double Percentile(double[] sorted, double p) => sorted.Length == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Length - 1, Math.Floor(p * sorted.Length))];

void Cli(params string[] a)
{
    var output = new TestConsole().Width(200);
    var code = WedgeApp.Create(output, errors: output).Run([.. a, "--db", db]);
    if (code != 0)
    {
        throw new InvalidOperationException($"wedge {string.Join(' ', a)}: {output.Output}");
    }
}

// A web of n groups over 10 years: each year about 2n ties (a tenth hostile, a twentieth contested), preferential
// attachment so that a few hubs emerge, a fifth of the groups absent in any year; fixed seed.
static string Synthetic(int n)
{
    var random = new Random(7);
    var frames = new List<object>();
    for (var year = 0; year < 10; year++)
    {
        var present = Enumerable.Range(0, n).Where(_ => random.NextDouble() > 0.2).ToList();
        var ties = new HashSet<(int, int)>();
        var ends = new List<int>();
        foreach (var v in present)
        {
            for (var k = 0; k < 2 && ends.Count > 0; k++)
            {
                var u = ends[random.Next(ends.Count)];
                if (u != v)
                {
                    ties.Add((Math.Min(u, v), Math.Max(u, v)));
                }
            }

            ends.Add(v);
            ends.Add(v);
        }

        var degree = new Dictionary<int, int>();
        foreach (var (a, b) in ties)
        {
            degree[a] = degree.GetValueOrDefault(a) + 1;
            degree[b] = degree.GetValueOrDefault(b) + 1;
        }

        frames.Add(new
        {
            network = $"at {2000 + year}",
            at = (2000 + year).ToString(CultureInfo.InvariantCulture),
            nodes = present.Select(v => new
            {
                id = $"g{v}",
                name = $"Group {v}",
                kind = "armed-group",
                degree = degree.GetValueOrDefault(v),
                friendly = 0,
                hostile = 0,
                betweenness = random.NextDouble() / 100,
                pageRank = 1.0 / present.Count,
                community = v % 12,
                hub = degree.GetValueOrDefault(v) > 40,
            }),
            ties = ties.Select(t => new
            {
                a = $"g{t.Item1}",
                b = $"g{t.Item2}",
                sign = random.NextDouble() < 0.1 ? "hostile" : "friendly",
                contested = random.NextDouble() < 0.05,
                probability = 0.5 + random.NextDouble() / 2,
                kinds = new[] { "alliance" },
                ties = Array.Empty<string>(),
            }),
        });
    }

    return JsonSerializer.Serialize(new { network = "synthetic", from = 2000, to = 2009, frames });
}

static string FindRoot()
{
    var d = new DirectoryInfo(AppContext.BaseDirectory);
    while (d is not null && !File.Exists(Path.Combine(d.FullName, "Wedge.slnx")))
    {
        d = d.Parent;
    }

    return d?.FullName ?? throw new InvalidOperationException("Wedge.slnx not found");
}
