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

    private static (string Html, AllianceAssessment Assessment) Render()
    {
        var s = Snapshot();
        var p = AssessmentParameters.Default.With("monte-carlo.runs", 100).Result!;
        var r = AllianceAssessor.Assess(s, new ActorId("x"), new ActorId("y"), p);
        return (AllianceBrief.Render(s, r, "at 2018-09-11").Html, r);
    }

    [GeneratedRegex("<script", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [Fact]
    public void SourceText_IsEncoded_NeverMarkup()
    {
        var (html, _) = Render();
        Assert.DoesNotMatch(ScriptTag(), html);
        Assert.Contains("says &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", html);
        Assert.Contains("X &lt;script&gt;", html);
        Assert.Contains("Report &amp; &lt;i&gt;notes&lt;/i&gt;", html);
    }

    [Fact]
    public void Brief_HasEverySection_AndIsSelfContained()
    {
        var (html, r) = Render();
        foreach (var heading in new[] { "Verdict", "What each side gives, gets and pays", "Dependence", "Bonds the ledger misses", "Timeline", "Neighbourhood", "How sure: uncertainty and sensitivity", "Method", "Sources" })
        {
            Assert.Contains($">{heading}</h2>", html);
        }

        Assert.Contains(System.Net.WebUtility.HtmlEncode(r.A.Verdict), html);
        Assert.DoesNotContain("src=\"http", html);
        Assert.DoesNotContain("<link", html);
        Assert.True(Regex.Matches(html, "src=\"data:image/svg\\+xml;base64,").Count >= 5, "charts are embedded");
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
}
