using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

// usage: Wedge.Bench.TeamServer URL ADMIN_NAME ADMIN_PASSWORD ANALYSTS SECONDS
// Signs in as the admin, adds ANALYSTS analysts through the API and signs each in (a session cookie each), then runs
// them all at once for SECONDS: each loops over a weighted mix of reads (60%), analyses (25%) and writes (15%: read
// the journal's version, then add a source with If-Match; a stale version gets 412, which is counted, not an error).
// Prints requests/s, p50/p99 per class, errors (any other non-2xx or a failure), and refused stale writes.
var url = args[0].TrimEnd('/');
var (adminName, adminPassword) = (args[1], args[2]);
var analysts = int.Parse(args[3], CultureInfo.InvariantCulture);
var seconds = int.Parse(args[4], CultureInfo.InvariantCulture);

HttpClient NewClient() => new(new SocketsHttpHandler { UseCookies = true, CookieContainer = new CookieContainer(), PooledConnectionLifetime = TimeSpan.FromMinutes(30) })
{
    BaseAddress = new Uri(url),
    Timeout = TimeSpan.FromSeconds(60),
};

async Task SignIn(HttpClient client, string name, string password)
{
    using var r = await client.PostAsJsonAsync("/api/session", new { name, password });
    if (!r.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"sign-in of {name}: {(int)r.StatusCode} {await r.Content.ReadAsStringAsync()}");
    }
}

using var admin = NewClient();
await SignIn(admin, adminName, adminPassword);
var clients = new List<HttpClient>();
var run = DateTime.UtcNow.Ticks.ToString(CultureInfo.InvariantCulture);
for (var i = 0; i < analysts; i++)
{
    var name = $"analyst-{run}-{i}";
    using (var add = await admin.PostAsJsonAsync("/api/users", new { name, role = "analyst", password = "a long benchmark passphrase" }))
    {
        add.EnsureSuccessStatusCode();
    }

    var client = NewClient();
    await SignIn(client, name, "a long benchmark passphrase");
    clients.Add(client);
}

string[] reads = ["/api/actors", "/api/dyads/Taliban/al-Qaeda?at=2018-09-11", "/api/ties?kind=alliance", "/api/timeline/Taliban", "/api/actors/Haqqani%20Network"];
string[] analyses = ["/api/assessments/Taliban/al-Qaeda?at=2018-09-11", "/api/network/metrics?at=2012", "/api/durability/curves", "/api/network/balance?at=2015"];
var latencies = new Dictionary<string, List<double>> { ["read"] = [], ["analysis"] = [], ["write"] = [] };
long errors = 0, stale = 0, written = 0;
var errorSamples = new List<string>();
var stop = DateTime.UtcNow.AddSeconds(seconds);

async Task Analyst(HttpClient client, int seed)
{
    var random = new Random(seed);
    var n = 0;
    while (DateTime.UtcNow < stop)
    {
        var roll = random.NextDouble();
        var kind = roll < 0.60 ? "read" : roll < 0.85 ? "analysis" : "write";
        var watch = Stopwatch.StartNew();
        HttpStatusCode status;
        string? body = null;
        try
        {
            if (kind == "write")
            {
                using var head = await client.GetAsync("/api/journal?last=1");
                var tag = head.Headers.ETag?.Tag ?? "*";
                using var post = new HttpRequestMessage(HttpMethod.Post, "/api/journal/add")
                {
                    Content = JsonContent.Create(new { type = "source", fields = new { id = $"s-bench-{run}-{seed}-{n++}", title = "A benchmark note" }, why = "load test" }),
                };
                post.Headers.TryAddWithoutValidation("If-Match", tag);
                using var response = await client.SendAsync(post);
                status = response.StatusCode;
                if (!response.IsSuccessStatusCode && status != HttpStatusCode.PreconditionFailed)
                {
                    body = await response.Content.ReadAsStringAsync();
                }
            }
            else
            {
                var list = kind == "read" ? reads : analyses;
                using var response = await client.GetAsync(list[random.Next(list.Length)]);
                await response.Content.ReadAsByteArrayAsync();
                status = response.StatusCode;
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            status = 0;
            body = ex.Message;
        }

        var ms = watch.Elapsed.TotalMilliseconds;
        lock (latencies)
        {
            latencies[kind].Add(ms);
            if (status == HttpStatusCode.PreconditionFailed)
            {
                stale++;
            }
            else if ((int)status is < 200 or > 299)
            {
                errors++;
                if (errorSamples.Count < 5)
                {
                    errorSamples.Add($"{kind}: {(int)status} {body}");
                }
            }
            else if (kind == "write")
            {
                written++;
            }
        }
    }
}

var clock = Stopwatch.StartNew();
await Task.WhenAll(clients.Select((c, i) => Task.Run(() => Analyst(c, i + 1))));
var elapsed = clock.Elapsed.TotalSeconds;

static double Percentile(List<double> xs, double p)
{
    if (xs.Count == 0)
    {
        return double.NaN;
    }

    var sorted = xs.Order().ToList();
    return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}

var total = latencies.Values.Sum(l => l.Count);
Console.WriteLine($"{analysts} analysts for {elapsed:F0} s: {total} requests, {total / elapsed:F1} requests/s");
foreach (var (kind, xs) in latencies)
{
    Console.WriteLine($"  {kind,-8} {xs.Count,7} requests  p50 {Percentile(xs, 0.50),8:F1} ms  p99 {Percentile(xs, 0.99),8:F1} ms");
}

Console.WriteLine($"  writes landed {written}, refused as stale (412) {stale}; errors {errors}");
foreach (var sample in errorSamples)
{
    Console.WriteLine($"  error: {sample}");
}

return errors == 0 ? 0 : 1;
