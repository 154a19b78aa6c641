using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Wedge.Application;
using Wedge.Application.Accounts;
using Wedge.Web.Hosting;

namespace Wedge.Web.Tests;

/// <summary>
/// Who may call what once the database holds accounts. The table below is the rule for every endpoint (the least role
/// that may call it); an endpoint the server maps but the table lacks fails the test, and so does one whose rule in the
/// code differs. Each endpoint is then called anonymously and as each role, by API token, and must be refused exactly
/// where the table says (401 without a caller, 403 for a role below the rule) and let through elsewhere.
/// </summary>
public sealed class AccessTests : IDisposable
{
    private enum Least
    {
        Public,
        Reader,
        Analyst,
        Reviewer,
        Admin,
    }

    private static readonly Dictionary<string, Least> Rules = new()
    {
        ["GET /openapi/{documentName}.json"] = Least.Public,
        ["GET /reference"] = Least.Public,
        ["GET /reference/start.js"] = Least.Public,
        ["GET /health"] = Least.Public,
        ["GET /scalar/scalar.js"] = Least.Public,
        ["GET /scalar/scalar.aspnetcore.js"] = Least.Public,
        ["GET /scalar/favicon.svg"] = Least.Public,
        ["GET /scalar/{documentName?}"] = Least.Public,
        ["GET /api/actors/"] = Least.Reader,
        ["GET /api/actors/{name}"] = Least.Reader,
        ["GET /api/ties/"] = Least.Reader,
        ["GET /api/timeline/{name}"] = Least.Reader,
        ["GET /api/dyads/{a}/{b}"] = Least.Reader,
        ["GET /api/assessments/{a}/{b}"] = Least.Reader,
        ["GET /api/network/"] = Least.Reader,
        ["GET /api/network/metrics"] = Least.Reader,
        ["GET /api/network/over-time"] = Least.Reader,
        ["GET /api/network/over-time/chart"] = Least.Reader,
        ["GET /api/network/balance"] = Least.Reader,
        ["GET /api/network/wedges"] = Least.Reader,
        ["POST /api/network/file/{measure}"] = Least.Reader,
        ["GET /api/network/communities"] = Least.Reader,
        ["GET /api/network/web/"] = Least.Reader,
        ["GET /api/network/web/years"] = Least.Reader,
        ["GET /api/journal/"] = Least.Reader,
        ["POST /api/journal/retract"] = Least.Reviewer,
        ["POST /api/journal/correct"] = Least.Analyst,
        ["POST /api/journal/add"] = Least.Analyst,
        ["POST /api/journal/dispute"] = Least.Analyst,
        ["POST /api/imports/case"] = Least.Analyst,
        ["POST /api/imports/mmp"] = Least.Analyst,
        ["POST /api/imports/stix"] = Least.Analyst,
        ["GET /api/spells"] = Least.Reader,
        ["GET /api/briefs/{a}/{b}"] = Least.Reader,
        ["GET /api/exports/graphml"] = Least.Reader,
        ["GET /api/exports/gexf"] = Least.Reader,
        ["GET /api/exports/case"] = Least.Reader,
        ["GET /api/exports/stix"] = Least.Reader,
        ["GET /api/durability/record"] = Least.Reader,
        ["GET /api/durability/curves"] = Least.Reader,
        ["GET /api/durability/panel"] = Least.Reader,
        ["GET /api/durability/backtest"] = Least.Reader,
        ["POST /api/durability/{method}"] = Least.Reader,
        ["GET /api/negotiations/"] = Least.Reader,
        ["GET /api/negotiations/{name}"] = Least.Reader,
        ["GET /api/negotiations/{name}/chart"] = Least.Reader,
        ["GET /api/negotiations/{name}/monte-carlo"] = Least.Reader,
        ["GET /api/negotiations/{name}/concession"] = Least.Reader,
        ["POST /api/negotiations/forecast"] = Least.Reader,
        ["POST /api/negotiations/monte-carlo"] = Least.Reader,
        ["POST /api/negotiations/import-ktab"] = Least.Reader,
        ["GET /api/hypotheses/"] = Least.Reader,
        ["GET /api/hypotheses/{name}"] = Least.Reader,
        ["GET /api/hypotheses/{name}/score"] = Least.Reader,
        ["GET /api/hypotheses/{name}/sensitivity"] = Least.Reader,
        ["GET /api/hypotheses/{name}/watch"] = Least.Reader,
        ["POST /api/hypotheses/score"] = Least.Reader,
        ["GET /"] = Least.Reader,
        ["GET /explore"] = Least.Reader,
        ["GET /actors"] = Least.Reader,
        ["GET /actors/{name}"] = Least.Reader,
        ["GET /dyads/{a}/{b}"] = Least.Reader,
        ["GET /record/import"] = Least.Reader,
        ["POST /record/import"] = Least.Analyst,
        ["GET /negotiate/"] = Least.Reader,
        ["POST /negotiate/"] = Least.Reader,
        ["POST /negotiate/upload"] = Least.Reader,
        ["GET /record/history"] = Least.Reader,
        ["GET /record/claim"] = Least.Reader,
        ["POST /record/claim"] = Least.Analyst,
        ["GET /record/import/mmp"] = Least.Reader,
        ["POST /record/import/mmp"] = Least.Analyst,
        ["GET /hypotheses"] = Least.Reader,
        ["GET /hypotheses/{name}"] = Least.Reader,
        ["GET /durability"] = Least.Reader,
        ["POST /api/session/"] = Least.Public,
        ["GET /api/session/"] = Least.Reader,
        ["DELETE /api/session/"] = Least.Reader,
        ["GET /api/users/"] = Least.Admin,
        ["POST /api/users/"] = Least.Admin,
        ["POST /api/users/{name}/disable"] = Least.Admin,
        ["POST /api/users/{name}/enable"] = Least.Admin,
        ["POST /api/users/{name}/role"] = Least.Admin,
        ["GET /api/audit"] = Least.Admin,
        ["GET /login"] = Least.Public,
        ["POST /login"] = Least.Public,
        ["POST /logout"] = Least.Reader,
    };

    private static readonly string[] RoleNames = ["reader", "analyst", "reviewer", "admin"];

    /// <summary>The problem codes of an access refusal (as opposed to a refusal of the request's content).</summary>
    private static readonly string[] AccessCodes = ["sign-in-required", "role-not-allowed", "token-refused", "cross-site-request"];

    private readonly WebHost host = new();
    private readonly Dictionary<string, string> tokens = [];

    public AccessTests()
    {
        var accounts = host.Services.GetRequiredService<AccountService>();
        foreach (var role in RoleNames)
        {
            accounts.AddUser($"{role}-user", role, $"{role} password, long enough");
            tokens[role] = accounts.CreateToken($"{role}-user", "tests").Token;
        }
    }

    public void Dispose() => host.Dispose();

    private IEnumerable<RouteEndpoint> Endpoints()
        => host.Services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>();

    private static string Key(RouteEndpoint e)
        => $"{string.Join(",", e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? [])} {e.RoutePattern.RawText}";

    [Fact]
    public void EveryEndpoint_HasARule_ThatMatchesTheTable()
    {
        var mapped = Endpoints().ToList();
        Assert.NotEmpty(mapped);
        foreach (var endpoint in mapped)
        {
            var key = Key(endpoint);
            Assert.True(Rules.ContainsKey(key), $"{key} is not in the access table: say which role may call it");
            var rule = endpoint.Metadata.GetMetadata<AccessRule>();
            Assert.True(rule is not null, $"{key} has no access rule");
            var expected = Rules[key] switch
            {
                Least.Public => (Core.Accounts.Capability?)null,
                Least.Reader => Core.Accounts.Capability.Read,
                Least.Analyst => Core.Accounts.Capability.Write,
                Least.Reviewer => Core.Accounts.Capability.Review,
                _ => Core.Accounts.Capability.Administer,
            };
            Assert.True(expected == rule.Capability, $"{key}: the code says {rule.Capability?.ToString() ?? "public"}, the table {Rules[key]}");
        }

        Assert.Empty(Rules.Keys.Except(mapped.Select(Key)));
    }

    [Fact]
    public void EveryPathOfTheOpenApiDocument_IsInTheTable()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "docs", "openapi.json")));
        foreach (var path in doc.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject())
            {
                var key = $"{method.Name.ToUpperInvariant()} {path.Name}";
                Assert.True(Rules.Keys.Any(k => Normalise(k) == Normalise(key)), $"{key} (in docs/openapi.json) is not in the access table");
            }
        }

        static string Normalise(string key) => key.TrimEnd('/');
    }

    [Fact]
    public async Task EveryEndpoint_RefusesExactlyTheCallersBelowItsRule()
    {
        var failures = new List<string>();
        using var client = host.ClientWithoutRedirects();
        var forms = Endpoints().Where(e => e.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes.Contains("multipart/form-data") == true).Select(Key).ToHashSet();
        foreach (var (key, least) in Rules)
        {
            var (method, pattern) = (key.Split(' ')[0], key.Split(' ')[1]);
            // Route values that name nothing: the call is refused or let through before any work is done with them.
            var path = System.Text.RegularExpressions.Regex.Replace(pattern, @"\{[^}]+\}", "zz-none");
            foreach (var caller in new string?[] { null }.Concat(RoleNames))
            {
                using var request = new HttpRequestMessage(new HttpMethod(method), path);
                if (caller is not null)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[caller]);
                }

                if (method != "GET" && method != "DELETE")
                {
                    request.Content = forms.Contains(key) ? new MultipartFormDataContent() : new StringContent("{}", Encoding.UTF8, "application/json");
                }

                using var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                var body = await response.Content.ReadAsStringAsync();
                var allowed = least == Least.Public || (caller is not null && Array.IndexOf(RoleNames, caller) + 1 >= (int)least);
                var refusedAs = AccessCodes.Any(code => body.Contains($"\"code\":\"{code}\"", StringComparison.Ordinal))
                                || (method == "GET" && status == 302 && response.Headers.Location?.ToString().StartsWith("/login", StringComparison.Ordinal) == true);
                if (allowed && refusedAs)
                {
                    failures.Add($"{key} as {caller ?? "anonymous"}: refused ({status}) though the table allows it");
                }
                else if (!allowed)
                {
                    var expected = caller is null ? (pattern.StartsWith("/api", StringComparison.Ordinal) || method != "GET" ? "401" : "302 to /login") : "403";
                    var actual = status == 302 ? "302 to /login" : status.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    if (actual != expected)
                    {
                        failures.Add($"{key} as {caller ?? "anonymous"}: {actual}, expected {expected}");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }
}
