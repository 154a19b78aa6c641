using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Wedge.Application.Accounts;
using YamlDotNet.RepresentationModel;

namespace Wedge.Web.Tests;

/// <summary>
/// Markings that analyses respect. The built-in case is imported twice: once with some claims marked TLP:AMBER, and once
/// with those claims removed outright (and from every fact that cites them). A GREEN reader of the first must get, from
/// every analysis, exactly what anyone gets from the second; and no AMBER claim's id or text may appear in anything the
/// GREEN reader is sent. An AMBER reader of the first sees the claims.
/// </summary>
public sealed class MarkingsTests : IDisposable
{
    private readonly WebHost marked = new(builtInCase: false);
    private readonly WebHost without = new(builtInCase: false);
    private readonly List<(string Id, string Text)> amber = [];
    private readonly string greenToken;
    private readonly string amberToken;

    public MarkingsTests()
    {
        var (marking, removal) = Variants(Path.Combine(Repository.Root, "cases", "aq-taliban.yaml"));
        File.WriteAllText(marked.File("marked.yaml"), marking);
        File.WriteAllText(without.File("without.yaml"), removal);
        foreach (var (host, file) in new[] { (marked, "marked.yaml"), (without, "without.yaml") })
        {
            var (code, stdout, stderr) = host.Cli("import", "case", host.File(file));
            Assert.True(code == 0, stdout + stderr);
        }

        var accounts = marked.Services.GetRequiredService<AccountService>();
        accounts.AddUser("gina", "reader", "gina's long passphrase", clearance: "TLP:GREEN");
        accounts.AddUser("ambrose", "reader", "ambrose's long passphrase", clearance: "TLP:AMBER");
        greenToken = accounts.CreateToken("gina", "tests").Token;
        amberToken = accounts.CreateToken("ambrose", "tests").Token;
    }

    public void Dispose()
    {
        marked.Dispose();
        without.Dispose();
    }

    /// <summary>
    /// The case with every fourth claim that is not the only claim of any fact marked AMBER, and the same case without
    /// those claims; the chosen claims are kept in <see cref="amber"/>.
    /// </summary>
    private (string Marked, string Without) Variants(string casePath)
    {
        YamlMappingNode Load()
        {
            var stream = new YamlStream();
            using var reader = new StringReader(File.ReadAllText(casePath));
            stream.Load(reader);
            return (YamlMappingNode)stream.Documents[0].RootNode;
        }

        static IEnumerable<YamlSequenceNode> ClaimLists(YamlNode node) => node switch
        {
            YamlMappingNode m => m.Children.SelectMany(p => p.Key.ToString() == "claims" && p.Value is YamlSequenceNode s && s.All(i => i is YamlScalarNode)
                ? [s]
                : ClaimLists(p.Value)),
            YamlSequenceNode s => s.SelectMany(ClaimLists),
            _ => [],
        };

        var markedCase = Load();
        var lists = ClaimLists(markedCase).ToList();
        // Every fourth claim, unless that would leave some fact citing only marked claims: the two records then differ by
        // the claims alone (a fact resting only on hidden claims is hidden too; Core's visibility tests cover that rule).
        var claims = (YamlSequenceNode)markedCase.Children[new YamlScalarNode("claims")];
        // The built-in hypotheses matrix names claims by id; those stay unmarked so it scores on both records.
        var inMatrix = File.ReadLines(Path.Combine(Repository.Root, "cases", "aq-taliban-hypotheses.yaml"))
            .Select(l => l.Trim()).Where(l => l.StartsWith("claim: ", StringComparison.Ordinal)).Select(l => l["claim: ".Length..].Trim()).ToHashSet();
        var chosenIds = new HashSet<string>();
        var chosen = new List<YamlMappingNode>();
        foreach (var (c, i) in claims.Children.Cast<YamlMappingNode>().Select((c, i) => (c, i)).Where(p => p.i % 4 == 0))
        {
            var id = c.Children[new YamlScalarNode("id")].ToString();
            if (!inMatrix.Contains(id) && lists.All(l => !l.Children.Any(x => x.ToString() == id) || l.Children.Any(x => x.ToString() != id && !chosenIds.Contains(x.ToString()))))
            {
                chosenIds.Add(id);
                chosen.Add(c);
            }
        }

        foreach (var c in chosen)
        {
            amber.Add((c.Children[new YamlScalarNode("id")].ToString(), c.Children[new YamlScalarNode("text")].ToString()));
            c.Add("marking", "TLP:AMBER");
        }

        var ids = amber.Select(a => a.Id).ToHashSet();
        var withoutCase = Load();
        var withoutClaims = (YamlSequenceNode)withoutCase.Children[new YamlScalarNode("claims")];
        foreach (var c in withoutClaims.Children.Cast<YamlMappingNode>().Where(c => ids.Contains(c.Children[new YamlScalarNode("id")].ToString())).ToList())
        {
            withoutClaims.Children.Remove(c);
        }

        foreach (var list in ClaimLists(withoutCase))
        {
            foreach (var item in list.Children.Where(i => ids.Contains(i.ToString())).ToList())
            {
                list.Children.Remove(item);
            }
        }

        Assert.True(amber.Count >= 20, $"only {amber.Count} claims chosen");
        return (Write(markedCase), Write(withoutCase));

        static string Write(YamlNode root)
        {
            using var w = new StringWriter();
            new YamlStream(new YamlDocument(root)).Save(w, assignAnchors: false);
            return w.ToString();
        }
    }

    private static async Task<string> Get(WebHost host, string path, string? token = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        using var response = await host.Client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: {(int)response.StatusCode} {body}");
        return body;
    }

    public static TheoryData<string> Analyses =>
    [
        "/api/actors",
        "/api/actors/Taliban",
        "/api/ties",
        "/api/timeline/Taliban",
        "/api/dyads/Taliban/al-Qaeda?at=2018-09-11",
        "/api/dyads/Taliban/al-Qaeda?knownAt=2014-12-31",
        "/api/assessments/Taliban/al-Qaeda?at=2018-09-11",
        "/api/network?at=2012",
        "/api/network/metrics?at=2012",
        "/api/network/balance?at=2015",
        "/api/network/wedges?around=Taliban&at=2015",
        "/api/network/communities?at=2012",
        "/api/spells",
        "/api/durability/record",
        "/api/durability/curves",
        "/api/hypotheses/aq-taliban-hypotheses/score",
        "/api/exports/case",
        "/api/exports/graphml",
    ];

    [Theory]
    [MemberData(nameof(Analyses))]
    public async Task GreenReader_GetsWhatTheRecordWithoutTheAmberClaimsGives(string path)
    {
        var green = await Get(marked, path, greenToken);
        Assert.Equal(await Get(without, path), green);
        foreach (var (id, text) in amber)
        {
            Assert.DoesNotContain(id, green, StringComparison.Ordinal);
            Assert.DoesNotContain(text, green, StringComparison.Ordinal);
        }
    }

    /// <remarks>
    /// The brief states when it was generated and the journal's version (which counts every entry, marked or not, as
    /// the ETag does: docs/team-server.md says what a restricted reader can infer); those are set aside, and
    /// every other byte — the estimates, the simulated intervals, the sensitivity lines, the charts, the notes and the
    /// counts of claims and sources — must be the same.
    /// </remarks>
    [Fact]
    public async Task GreenReader_GetsTheBriefTheRecordWithoutTheAmberClaimsGives()
    {
        const string path = "/api/briefs/Taliban/al-Qaeda?at=2018-09-11&runs=200&seed=7";
        var green = await Get(marked, path, greenToken);
        Assert.Equal(WithoutWhenAndVersion(await Get(without, path)), WithoutWhenAndVersion(green));
        foreach (var (id, text) in amber)
        {
            Assert.DoesNotContain(id, green, StringComparison.Ordinal);
            Assert.DoesNotContain(System.Net.WebUtility.HtmlEncode(text), green, StringComparison.Ordinal);
            Assert.DoesNotContain(text, green, StringComparison.Ordinal);
        }

        // And an AMBER reader's brief differs: the marked claims are in it.
        Assert.NotEqual(WithoutWhenAndVersion(green), WithoutWhenAndVersion(await Get(marked, path, amberToken)));

        static string WithoutWhenAndVersion(string html)
        {
            // When it was generated: in the header ("generated 2026-12-04 11:35 UTC") and the provenance block.
            var generated = Regex.Replace(html, "(generated |<dt>Generated</dt><dd>)[0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} UTC", "$1…");
            Assert.NotEqual(html, generated); // the line set aside is there
            var versionless = Regex.Replace(generated, "journal version [0-9]+", "journal version …");
            // The charts are SVG embedded as base64; ScottPlot names their clip paths from a counter of the process
            // (cl_1, cl_2, …), so two briefs drawn one after the other differ in those names alone: renumbered here in
            // order of appearance, the drawings themselves compared as they are.
            // (Razor writes the data URI's '+' as an entity; decoded first.)
            return Regex.Replace(System.Net.WebUtility.HtmlDecode(versionless), "data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)", m =>
            {
                var svg = Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[1].Value));
                var names = new Dictionary<string, string>(StringComparer.Ordinal);
                return "data:image/svg+xml," + Regex.Replace(svg, "cl_[A-Za-z0-9]+", c =>
                {
                    if (!names.TryGetValue(c.Value, out var name))
                    {
                        names[c.Value] = name = $"clip-{names.Count}";
                    }

                    return name;
                });
            });
        }
    }

    [Fact]
    public async Task GreenReader_SeesNoTraceOfAnAmberClaim_InHistoryOrStix()
    {
        foreach (var path in new[] { "/api/journal", "/api/exports/stix" })
        {
            var green = await Get(marked, path, greenToken);
            foreach (var (id, text) in amber)
            {
                Assert.DoesNotContain($"claim:{id}\"", green, StringComparison.Ordinal);
                Assert.DoesNotContain(text, green, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task AmberReader_SeesTheAmberClaims_WithTheirMarking()
    {
        var (id, _) = amber[0];
        var exported = await Get(marked, "/api/exports/case", amberToken);
        Assert.Contains($"id: {id}", exported, StringComparison.Ordinal);
        Assert.Contains("marking: TLP:AMBER", exported, StringComparison.Ordinal);
        Assert.NotEqual(await Get(without, "/api/assessments/Taliban/al-Qaeda?at=2018-09-11"),
            await Get(marked, "/api/assessments/Taliban/al-Qaeda?at=2018-09-11", amberToken));
    }
}
