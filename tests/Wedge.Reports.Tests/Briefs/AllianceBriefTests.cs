using System.Text.RegularExpressions;
using Wedge.Analysis.Assessment;
using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;
using Wedge.Reports.Briefs;
using Wedge.Reports.Charts;

namespace Wedge.Reports.Tests.Briefs;

public partial class AllianceBriefTests
{
    private const string Hostile = "<script>alert('x')</script>";

    /// <summary>A pair whose names and claims carry markup, with a rival, a patron and events.</summary>
    private static Snapshot Snapshot()
    {
        var src = new Source { Id = new SourceId("s"), Title = "Report & <i>notes</i>", Date = FuzzyDate.Parse("2018") };
        Claim C(string id, string grade = "B2") => new() { Id = new ClaimId(id), Source = src.Id, Text = $"{id} says {Hostile}", Grade = Grade.Parse(grade) };
        var claims = Enumerable.Range(1, 8).Select(i => C($"c{i}", i % 2 == 0 ? "C3" : "B2")).ToList();
        ActorId A(string id) => new(id);
        Period Since(string y) => Period.Since(FuzzyDate.Parse(y));
        var facts = new List<Fact> { src };
        facts.AddRange(claims);
        facts.AddRange(
        [
            new Actor { Id = A("x"), Name = $"X {Hostile}", Kind = ActorKind.ArmedGroup, Ideology = ["islamist"] },
            new Actor { Id = A("y"), Name = "Y", Kind = ActorKind.ArmedGroup, Ideology = ["islamist", "nationalist"] },
            new Actor { Id = A("r"), Name = "Rival", Kind = ActorKind.ArmedGroup },
            new Actor { Id = A("p"), Name = "Patron", Kind = ActorKind.State },
            new Tie { Id = "t", Kind = TieKind.Alliance, From = A("x"), To = A("y"), Period = Since("2000"), Claims = [claims[0].Id] },
            new Tie { Id = "t-rx", Kind = TieKind.Rivalry, From = A("x"), To = A("r"), Period = Since("2010"), Claims = [claims[1].Id] },
            new Tie { Id = "t-ry", Kind = TieKind.Rivalry, From = A("y"), To = A("r"), Period = Since("2011"), Claims = [claims[2].Id] },
            new LedgerEntry { Id = "l1", Provider = A("x"), Recipient = A("y"), Category = LedgerCategory.Funds, Period = Since("2000"), Magnitude = new Magnitude(2), Claims = [claims[3].Id] },
            new LedgerEntry { Id = "l2", Provider = A("p"), Recipient = A("y"), Category = LedgerCategory.Funds, Period = Since("2000"), Magnitude = new Magnitude(4), Claims = [claims[4].Id] },
            new LedgerEntry { Id = "l3", Provider = A("y"), Recipient = A("x"), Category = LedgerCategory.Retaliation, Period = Since("2001"), Magnitude = new Magnitude(4), Claims = [claims[5].Id] },
            new LedgerEntry { Id = "l4", Provider = A("y"), Recipient = A("x"), Category = LedgerCategory.Sanctuary, Period = Since("2000"), Magnitude = new Magnitude(1, 2), Claims = [claims[6].Id] },
            new Event { Id = "e1", Date = FuzzyDate.Parse("2005-06"), Kind = EventKind.Attack, Title = $"An attack {Hostile}", Actors = [A("x")], Claims = [claims[7].Id] },
        ]);
        var kb = KnowledgeBase.Empty.With(facts.Select(JournalChange.Add).ToList());
        Assert.True(kb.IsSuccess, string.Join("; ", kb.Problems));
        return Core.Knowledge.Snapshot.Of(kb.Result!, new ReadOptions(FuzzyDate.Parse("2018-09-11")));
    }

    private static readonly BriefOptions Options = new()
    {
        Slice = "at 2018-09-11",
        At = FuzzyDate.Parse("2018-09-11"),
        GeneratedAt = new DateTimeOffset(2026, 12, 3, 9, 30, 0, TimeSpan.Zero),
        WedgeVersion = "0.1.0+test",
        CoverageEnd = FuzzyDate.Parse("2018-09-11"),
    };

    private static (string Html, AllianceAssessment Assessment) Render()
    {
        var s = Snapshot();
        var p = AssessmentParameters.Default.With("monte-carlo.runs", 100).Result!;
        var r = AllianceAssessor.Assess(s, new ActorId("x"), new ActorId("y"), p);
        return (AllianceBrief.Render(s, r, Options).Html, r);
    }

    [GeneratedRegex("<script", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [Fact]
    public void SourceText_IsEncoded_NeverMarkup()
    {
        var (html, _) = Render();
        Assert.DoesNotMatch(ScriptTag(), html);
        Assert.Contains("says &lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;", html);
        Assert.Contains("X &lt;script&gt;", html);
        Assert.Contains("Report &amp; &lt;i&gt;notes&lt;/i&gt;", html);
    }

    [Fact]
    public void Brief_HasEverySection_AndIsSelfContained()
    {
        var (html, r) = Render();
        foreach (var heading in new[] { "Provenance", "Verdict", "What each side gives, gets and pays", "Dependence", "Bonds the ledger misses", "Timeline", "Neighbourhood", "How sure: uncertainty and sensitivity", "Method", "Sources", "Notes" })
        {
            Assert.Contains($">{heading}</h2>", html);
        }

        Assert.Contains(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All).Encode(r.A.Verdict), html);
        Assert.DoesNotContain("src=\"http", html);
        Assert.DoesNotContain("<link", html);
        // The style sheet is set raw: a style element's text is never decoded, so an entity there breaks it.
        Assert.DoesNotContain("&quot;", Regex.Match(html, "<style>.*?</style>", RegexOptions.Singleline).Value);
        // Markup written as Razor: no directive may leak through as text (an "@if" after a word reads as an address).
        Assert.DoesNotMatch("@(if|foreach|for|while)\\b", html);
        Assert.True(Regex.Matches(html, "src=\"data:image/svg(\\+|&#x2B;)xml;base64,").Count >= 5, "charts are embedded");
    }

    [Fact]
    public void EveryFootnote_LinksToASourceEntryWithItsGrade()
    {
        var (html, _) = Render();
        var links = Regex.Matches(html, "href=\"#n(\\d+)\"").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(links);
        foreach (var n in links)
        {
            Assert.Matches($"<li id=\"n{n}\"><span class=\"grade\"[^>]*>[A-F][1-6]</span>", html);
        }

        Assert.Contains("usually reliable, probably true", html);
    }

    [Fact]
    public void LedgerChart_IsSvgWithItsTitle()
    {
        var (_, r) = Render();
        var chart = AssessmentCharts.Ledger(r.A, -10, 10);
        Assert.Null(chart.Unavailable);
        Assert.Contains("<svg", chart.Svg!, StringComparison.Ordinal);
        Assert.Contains(r.A.Name.Split(' ')[0], chart.Svg, StringComparison.Ordinal);
        Assert.StartsWith("data:image/svg+xml;base64,", chart.DataUri);
    }
    [Fact]
    public void ClaimTexts_AreNeverSetAsQuotations()
    {
        // Claim texts are our paraphrases (issue 11, part 6): no quotation marks around them, no italics.
        var (html, _) = Render();
        var checkedTexts = 0;
        foreach (var raw in Enumerable.Range(1, 8).Select(i => $"c{i} says {Hostile}"))
        {
            var text = Regex.Escape(System.Text.Encodings.Web.HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All).Encode(raw));
            if (!Regex.IsMatch(html, text))
            {
                continue;
            }

            checkedTexts++;
            Assert.DoesNotMatch($"(“|‘|&quot;|&#x27;|\"|<i>|<em>)\\s*{text}", html);
            Assert.DoesNotMatch($"{text}\\s*(”|’|&quot;|&#x27;|\"|</i>|</em>)", html);
        }

        Assert.True(checkedTexts >= 4, $"only {checkedTexts} claim texts in the brief");
        Assert.DoesNotContain("font-style:italic", html);
    }

    [Fact]
    public void Provenance_SaysWhenByWhichWedgeFromWhichRecordAndHowCurrent()
    {
        var (html, _) = Render();
        var block = Regex.Match(html, "<section class=\"provenance\" id=\"provenance\">.*?</section>", RegexOptions.Singleline).Value;
        // Read as a browser reads it: the renderer writes '+' as &#x2B;.
        block = System.Net.WebUtility.HtmlDecode(block);
        Assert.Contains("<dt>Generated</dt><dd>2026-12-03 09:30 UTC</dd>", block);
        Assert.Contains("<dt>Wedge version</dt><dd>0.1.0+test</dd>", block);
        Assert.Matches("<dt>Record version</dt><dd>journal version \\d+", block);
        Assert.Contains("<dt>Valid time</dt><dd>the world at 2018-09-11</dd>", block);
        Assert.Contains("<dt>Public time</dt><dd>everything on record", block);
        Assert.Contains("current to September 2018", block);
        Assert.DoesNotContain("Read now", block);
    }

    [Fact]
    public void Provenance_ReadNowPastTheRecordsEnd_SaysSo()
    {
        var s = Snapshot();
        var r = AllianceAssessor.Assess(s, new ActorId("x"), new ActorId("y"), AssessmentParameters.Default, simulate: false);
        var html = AllianceBrief.Render(s, r, Options with { At = null, Slice = "now" }).Html;
        Assert.Contains("Read now (2026-12-03): nothing after September 2018 is recorded", html);
    }

    [Fact]
    public void ReadersDocument_HasNoRepositoryPaths_OneMinusSign_AndNamedUnits()
    {
        var (html, _) = Render();
        var text = Regex.Replace(html, "<style>.*?</style>|src=\"data:[^\"]*\"", "", RegexOptions.Singleline);
        Assert.DoesNotContain("docs/", text);
        Assert.DoesNotContain(".md", text);
        Assert.DoesNotMatch("(?<![\\w-])-\\d", text);
        Assert.Contains("ledger points", text);
    }

    [Fact]
    public void Sources_BibliographyOnce_NotesCiteShort()
    {
        var (html, _) = Render();
        // The source has no publisher and no address: listed once, marked unpublished; notes cite it short.
        Assert.Single(Regex.Matches(html, "<li id=\"src-s\">"));
        Assert.Contains("<cite>Report &amp; &lt;i&gt;notes&lt;/i&gt;</cite>", html);
        Assert.Matches("<a class=\"cite\" href=\"#src-s\">Report &amp; &lt;i&gt;notes&lt;/i&gt; 2018</a>", html);
        Assert.Contains("<span class=\"tag\">unpublished</span>", html);
    }

    [Fact]
    public void Paper_LetterOrA4_SetsThePageSize()
    {
        var s = Snapshot();
        var r = AllianceAssessor.Assess(s, new ActorId("x"), new ActorId("y"), AssessmentParameters.Default, simulate: false);
        Assert.Contains("@page { size: A4; }", AllianceBrief.Render(s, r, Options).Html);
        var letter = AllianceBrief.Render(s, r, Options with { Paper = PaperSize.Letter, Title = "A <b>title</b>", Author = "Ana" }).Html;
        Assert.Contains("@page { size: letter; }", letter);
        Assert.Contains("<h1>A &lt;b&gt;title&lt;/b&gt;</h1>", letter);
        Assert.Contains("Prepared by Ana", letter);
    }

    [Fact]
    public void Neighbourhood_FiftyAllies_DrawsTheFirstTwelve_NamesTheRest()
    {
        // Why: a chart with fifty names in one column is unreadable; the rest are named in the text.
        var neighbours = Enumerable.Range(1, 50)
            .Select(i => new Neighbour($"n{i:00}", $"Ally {i:00}", "b", [new NeighbourLink("y", "ally", $"t{i}")], Ties: i % 5))
            .ToList();
        var (shown, leftMore, rightMore, bothMore) = AssessmentCharts.NeighboursShown(neighbours);
        Assert.Equal(AssessmentCharts.NeighboursPerColumn, shown.Count);
        Assert.Equal((0, 50 - AssessmentCharts.NeighboursPerColumn, 0), (leftMore, rightMore, bothMore));
        var chart = AssessmentCharts.Neighbourhood(Snapshot(), new ActorId("x"), new ActorId("y"), neighbours);
        Assert.Contains("and 38 more (listed below)", chart.Svg!, StringComparison.Ordinal);
    }
}
