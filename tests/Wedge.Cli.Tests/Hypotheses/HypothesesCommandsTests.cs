using System.Text.Json;

namespace Wedge.Cli.Tests.Hypotheses;

/// <summary>`wedge hypotheses` on the built-in matrix: scores that change with what was public, sensitivity, and indicators fired by new evidence.</summary>
public sealed class HypothesesCommandsTests : IDisposable
{
    private readonly CliRunner cli = new();

    public void Dispose() => cli.Dispose();

    private static Dictionary<string, (double Parc, int Rank)> Scores(JsonElement report)
        => report.GetProperty("scores").GetProperty("hypotheses").EnumerateArray()
            .ToDictionary(h => h.GetProperty("id").GetString()!, h => (h.GetProperty("parc").GetDouble(), h.GetProperty("parcRank").GetInt32()));

    [Fact]
    public void Score_KnownAt2014AndAt2018_DifferAndSayWhy()
    {
        var then = cli.Json("hypotheses", "score", "aq-taliban-hypotheses", "--known-at", "2014-12-31");
        var later = cli.Json("hypotheses", "score", "aq-taliban-hypotheses", "--known-at", "2018-09-11");
        // In 2014 the Kandahar camp (revealed 2015), Sirajuddin Haqqani's rise (2015) and the article's own claims were not public.
        var excluded = then.GetProperty("scores").GetProperty("excluded").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains("e-kandahar-camp", excluded);
        Assert.Empty(later.GetProperty("scores").GetProperty("excluded").EnumerateArray());
        Assert.NotEqual(Scores(then)["h-give-up"].Parc, Scores(later)["h-give-up"].Parc);
        Assert.Contains(then.GetProperty("reading").EnumerateArray(), l => l.GetString()!.Contains("left out: their claims were not yet public", StringComparison.Ordinal));
        // Giving al-Qaeda up is the most inconsistent hypothesis either way, as the article argues.
        Assert.Equal(4, Scores(later)["h-give-up"].Rank);
        Assert.Equal(1, Scores(later)["h-words-only"].Rank);
    }

    [Fact]
    public void Sensitivity_NamesItemsThatMoveTheCall()
    {
        var findings = cli.Json("hypotheses", "sensitivity", "aq-taliban-hypotheses", "--known-at", "2018-09-11").EnumerateArray().ToList();
        Assert.Contains(findings, f => f.GetProperty("item").GetString() == "e-haqqani-weight" && f.GetProperty("newLeader").GetString() == "h-bargaining-chip");
        var (code, table) = cli.Run("hypotheses", "sensitivity", "aq-taliban-hypotheses");
        Assert.Equal(0, code);
        Assert.Contains("e-haqqani-weight", table, StringComparison.Ordinal);
    }

    [Fact]
    public void Watch_FiresWhenMatchingEvidenceIsImported_NotForEvidenceOutsideTheWindow()
    {
        Assert.All(cli.Json("hypotheses", "watch", "aq-taliban-hypotheses").GetProperty("indicators").EnumerateArray(),
            i => Assert.Empty(i.GetProperty("firedBy").EnumerateArray()));
        var file = cli.File("news.yaml");
        File.WriteAllText(file, """
            case: news
            title: After the case ends
            sources:
              - {id: s-news, title: A wire report, date: 2019-03-01}
            claims:
              - {id: c-news-split, source: s-news, text: The Taliban announces it has expelled al-Qaeda., grade: B2}
              - {id: c-news-old, source: s-news, text: An old Haqqani quarrel with the Taliban., grade: C3}
            ties:
              - {id: t-news-split, kind: split, from: taliban, to: al-qaeda, period: {from: 2019-02}, claims: [c-news-split]}
              - {id: t-news-old-split, kind: split, from: haqqani-network, to: taliban, period: {from: 2010}, claims: [c-news-old]}
            """);
        var (code, output) = cli.Run("import", "case", file);
        Assert.True(code == 0, output);
        // Reported at once, by the import itself; and once only: the same facts imported again fire nothing.
        Assert.Contains("indicator fired: aq-taliban-hypotheses ind-renunciation — confirming h-give-up: split t-news-split", output.Replace("\n", " ", StringComparison.Ordinal), StringComparison.Ordinal);
        var again = cli.Json("import", "case", file);
        Assert.Empty(again.GetProperty("fired").EnumerateArray());
        var indicators = cli.Json("hypotheses", "watch", "aq-taliban-hypotheses").GetProperty("indicators").EnumerateArray()
            .ToDictionary(i => i.GetProperty("id").GetString()!, i => i.GetProperty("firedBy").EnumerateArray().Select(f => f.GetString()!).ToList());
        Assert.Contains("t-news-split", Assert.Single(indicators["ind-renunciation"]), StringComparison.Ordinal);
        Assert.Empty(indicators["ind-haqqani-break"]); // the Haqqani split of 2010 is outside the window that opens in 2018
    }

    [Fact]
    public void AddingATieByHand_FiresItsIndicator()
    {
        cli.Json("add", "source", "s-wire", "--title", "A wire report", "--date", "2019-05");
        cli.Json("add", "claim", "c-wire-1", "--source", "s-wire", "--text", "Haqqani and al-Qaeda fighters clash.", "--grade", "C3");
        var added = cli.Json("add", "tie", "t-wire-rivalry", "--kind", "split", "--from", "haqqani-network", "--to", "al-qaeda", "--period", "2019-05..", "--claim", "c-wire-1");
        var fired = Assert.Single(added.GetProperty("fired").EnumerateArray());
        Assert.Equal("ind-haqqani-aq-ends", fired.GetProperty("indicator").GetString());
        Assert.False(fired.GetProperty("confirms").GetBoolean());
    }

    [Fact]
    public void BadMatrix_IsRefusedWithItsLine_AndUnknownClaimsNamed()
    {
        var bad = cli.File("bad.yaml");
        File.WriteAllText(bad, "matrix: m\nquestion: q?\nhypotheses:\n  - {id: h1, title: one}\n  - {id: h2, title: two}\nitems:\n  - id: e1\n    claim: c-intro-refusal\n    ratings: {h1: maybe}\n");
        var (code, output) = cli.Run("hypotheses", "score", bad);
        Assert.Equal(1, code);
        Assert.Contains("bad.yaml:9:", output, StringComparison.Ordinal);
        Assert.Contains("'maybe' is not a rating", output, StringComparison.Ordinal);

        var typo = cli.File("typo.yaml");
        File.WriteAllText(typo, "matrix: m\nquestion: q?\nhypotheses:\n  - {id: h1, title: one}\n  - {id: h2, title: two}\nitems:\n  - id: e1\n    claim: c-no-such-claim\n    ratings: {h1: I}\n");
        (code, output) = cli.Run("hypotheses", "score", typo);
        Assert.Equal(1, code);
        Assert.Contains("e1 (c-no-such-claim)", output, StringComparison.Ordinal);
        (code, output) = cli.Run("hypotheses", "score", "no-such-matrix");
        Assert.Equal(1, code);
        Assert.Contains("no built-in matrix of that name (built-in: aq-taliban-hypotheses)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void EventsAndClaimPatterns_FireTheirIndicators()
    {
        // An event of the built-in matrix's kind, between its actors, in its window: reported by the write itself.
        cli.Json("add", "source", "s-wire2", "--title", "A wire report", "--date", "2019-03");
        cli.Json("add", "claim", "c-wire2", "--source", "s-wire2", "--text", "Taliban and al-Qaeda fighters attack a base together.", "--grade", "B2");
        var added = cli.Json("add", "event", "e-wire2", "--date", "2019-03", "--kind", "joint-operation", "--title", "Joint raid",
            "--actor", "taliban", "--actor", "al-qaeda", "--claim", "c-wire2");
        Assert.Equal("ind-joint-operation", Assert.Single(added.GetProperty("fired").EnumerateArray()).GetProperty("indicator").GetString());

        // A user's own matrix with a claim pattern: watch finds the claims that match, public in its window.
        var mine = cli.File("mine.yaml");
        File.WriteAllText(mine, "matrix: mine\nquestion: q?\nhypotheses:\n  - {id: h1, title: one}\n  - {id: h2, title: two}\nitems:\n  - id: e1\n    assumption: x\n    ratings: {h1: I, h2: C}\n"
            + "indicators:\n  - {id: i-attack, hypothesis: h2, confirms: true, description: an attack together, claim-matches: 'attack .* together', from: 2019}\n"
            + "  - {id: i-old, hypothesis: h1, confirms: true, description: the same before 2000, claim-matches: 'attack .* together', until: 1999}\n");
        var watch = cli.Json("hypotheses", "watch", mine).GetProperty("indicators").EnumerateArray()
            .ToDictionary(i => i.GetProperty("id").GetString()!, i => i.GetProperty("firedBy").EnumerateArray().Select(f => f.GetString()!).ToList());
        Assert.StartsWith("claim c-wire2 (B2)", Assert.Single(watch["i-attack"]), StringComparison.Ordinal);
        Assert.Empty(watch["i-old"]);
    }

    [Fact]
    public void Brief_CarriesTheMatrix()
    {
        var dir = cli.File("brief");
        var (code, output) = cli.Run("brief", "Taliban", "al-Qaeda", "--at", "2018-09-11", "--runs", "0", "--no-pdf", "--out", dir);
        Assert.True(code == 0, output);
        var html = File.ReadAllText(Path.Combine(dir, "brief.html"));
        var start = html.IndexOf("<section class=\"hypotheses\">", StringComparison.Ordinal);
        Assert.True(start >= 0, "the brief has the competing-hypotheses section");
        var section = html[start..(html.IndexOf("</section>", start, StringComparison.Ordinal) + 10)];
        Assert.Contains("Competing hypotheses: In a negotiated settlement, what will the Taliban do about al-Qaeda?", section, StringComparison.Ordinal);
        Assert.Contains("<td class=\"rating r-ii\">II</td>", section, StringComparison.Ordinal);
        Assert.Contains("Indicators to watch", section, StringComparison.Ordinal);
        // A brief on a pair no matrix asks about has no such section.
        var other = cli.File("other");
        Assert.Equal(0, cli.Run("brief", "al-Qaeda", "Islamic State", "--runs", "0", "--no-pdf", "--out", other).Code);
        Assert.DoesNotContain("class=\"hypotheses\"", File.ReadAllText(Path.Combine(other, "brief.html")), StringComparison.Ordinal);
    }

    [Fact]
    public void ListAndShow()
    {
        // `list` reads no database.
        var console = new Spectre.Console.Testing.TestConsole();
        Assert.Equal(0, WedgeApp.Create(console).Run(["hypotheses", "list", "--json"]));
        Assert.Equal("aq-taliban-hypotheses", JsonDocument.Parse(console.Output).RootElement[0].GetProperty("name").GetString());
        var (code, table) = cli.Run("hypotheses", "show", "aq-taliban-hypotheses");
        Assert.Equal(0, code);
        Assert.Contains("e-kandahar-camp", table, StringComparison.Ordinal);
        Assert.Contains("II", table, StringComparison.Ordinal);
    }
}
