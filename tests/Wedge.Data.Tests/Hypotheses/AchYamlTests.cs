using Wedge.Core.Hypotheses;
using Wedge.Data.Hypotheses;

namespace Wedge.Data.Tests.Hypotheses;

/// <summary>The matrix format: the built-in matrix reads and every rating says where it comes from; bad files are refused at their line.</summary>
public sealed class AchYamlTests
{
    [Fact]
    public void BuiltIn_Reads_FourHypotheses_EveryRatingWithItsReason()
    {
        var m = AchYaml.BuiltIn("aq-taliban-hypotheses")!;
        Assert.True(m.Hypotheses.Count >= 4);
        Assert.Contains(m.Items, i => i.Kind == AchItemKind.Claim);
        foreach (var item in m.Items)
        {
            // Every cell rated, each with a reason from the article or marked as the analyst's own assumption.
            Assert.Equal(m.Hypotheses.Select(h => h.Id).Order(), item.Ratings.Select(r => r.Hypothesis).Order());
            Assert.All(item.Ratings, r => Assert.True(r.Reason is { } reason && (reason.StartsWith("Article: ", StringComparison.Ordinal) || reason.StartsWith("Assumption: ", StringComparison.Ordinal)),
                $"{item.Id} × {r.Hypothesis}: the reason must start with 'Article: ' or 'Assumption: ' (was '{r.Reason}')"));
            Assert.True(item.Credibility is null || item.WeightReason is not null, item.Id);
        }

        Assert.NotEmpty(m.Indicators);
        Assert.All(m.Indicators, i => Assert.True(i.From is { } from && from.Earliest > new DateOnly(2018, 9, 11), $"{i.Id} watches only what comes after the case ends"));
    }

    [Theory]
    [InlineData("items:\n  - id: e1\n    assumption: x\n    ratings: {h1: Q, h2: C}\n", 9, "'Q' is not a rating")]
    [InlineData("items:\n  - id: e1\n    assumption: x\n    ratings: {h9: I}\n", 9, "'h9' is not a hypothesis of this matrix")]
    [InlineData("items:\n  - id: e1\n    assumption: x\n    credibility: high\n    ratings: {h1: I}\n", 7, "needs a weight-reason")]
    [InlineData("items:\n  - id: e1\n    assumption: x\n    claim: c-1\n    ratings: {h1: I}\n", 7, "give exactly one of claim")]
    [InlineData("items:\n  - id: e1\n    assumption: x\n    ratings: {h1: I}\n  - id: e1\n    assumption: y\n    ratings: {h1: I}\n", 7, "item id 'e1' is used twice")]
    [InlineData("items: []\nindicators:\n  - {id: i1, hypothesis: h1, confirms: true, description: d, tie: split, actors: [a, b], from: 2019-13}\n", 8, "from: '2019-13' is not a date")]
    [InlineData("items: []\nindicators:\n  - {id: i1, hypothesis: h1, confirms: true, description: d, tie: split, event: talks, actors: [a, b]}\n", 8, "give exactly one of tie")]
    [InlineData("items: []\nindicators:\n  - {id: i1, hypothesis: h1, confirms: true, description: d, tie: split, actors: [a]}\n", 8, "name the actors")]
    [InlineData("items: []\nindicators:\n  - {id: i1, hypothesis: h1, refutes: true, description: d, claim-matches: 'renounc(e'}\n", 8, "not a regular expression")]
    public void BadMatrix_IsRefusedAtItsLine(string items, int line, string message)
    {
        // Lines 1–5 are the header; items (or indicators) start on line 6.
        var text = "matrix: m\nquestion: q?\nhypotheses:\n  - {id: h1, title: one}\n  - {id: h2, title: two}\n" + items;
        var e = Assert.Throws<AchFormatException>(() => AchYaml.Read(text, "m.yaml"));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.Equal(line, e.Line);
        Assert.StartsWith("m.yaml:", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OneHypothesis_IsNoCompetition()
    {
        var e = Assert.Throws<AchFormatException>(() => AchYaml.Read("matrix: m\nquestion: q\nhypotheses:\n  - {id: h1, title: one}\nitems: []\n", "m.yaml"));
        Assert.Contains("at least two hypotheses", e.Message, StringComparison.Ordinal);
    }
}
