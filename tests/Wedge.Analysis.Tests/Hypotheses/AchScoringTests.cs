using Wedge.Analysis.Hypotheses;
using Wedge.Core.Collections;
using Wedge.Core.Hypotheses;
using Wedge.Core.Model;

namespace Wedge.Analysis.Tests.Hypotheses;

/// <summary>The two scoring methods on hand-worked matrices, the raters' consensus, and order independence.</summary>
public sealed class AchScoringTests
{
    private static AchItem Item(string id, AchWeight? credibility, AchWeight? relevance, params (string H, Consistency C)[] ratings)
        => new(id, AchItemKind.Assumption, null, "an assumption", credibility, relevance, credibility is null && relevance is null ? null : "test",
            ratings.Select(r => new AchRating(r.H, r.C, null, "analyst")).ToEquatableList());

    private static AchMatrix Matrix(IEnumerable<AchHypothesis> hypotheses, IEnumerable<AchItem> items)
        => new("m", "question?", hypotheses.ToEquatableList(), items.ToEquatableList(), []);

    private static readonly AchHypothesis H1 = new("h1", "one");
    private static readonly AchHypothesis H2 = new("h2", "two");

    [Fact]
    public void Parc_WeighsInconsistenciesByCredibilityAndRelevance_HandWorked()
    {
        // e1 (high credibility, medium relevance): h1 I → −√2.  e2 (low, high): h2 II → −2 · (1/√2) · √2 = −2.
        // e3 (medium, medium): h1 NA (excluded), h2 I → −1.  So h1 = −1.41421…, h2 = −3: h1 leads.
        var m = Matrix([H1, H2], [
            Item("e1", AchWeight.High, AchWeight.Medium, ("h1", Consistency.Inconsistent), ("h2", Consistency.Consistent)),
            Item("e2", AchWeight.Low, AchWeight.High, ("h1", Consistency.Consistent), ("h2", Consistency.VeryInconsistent)),
            Item("e3", AchWeight.Medium, AchWeight.Medium, ("h1", Consistency.NotApplicable), ("h2", Consistency.Inconsistent)),
        ]);
        var s = AchScoring.Score(m, new Dictionary<string, Grade>());
        Assert.Equal(-Math.Sqrt(2), s.Hypotheses.Single(h => h.Id == "h1").Parc, 12);
        Assert.Equal(-3, s.Hypotheses.Single(h => h.Id == "h2").Parc, 12);
        Assert.Equal(["h1", "h2"], s.Hypotheses.OrderBy(h => h.ParcRank).Select(h => h.Id));
    }

    [Fact]
    public void OpenSynthesis_Inconsistency_AsItsOwnTestsOrderIt_WithTheNumbers()
    {
        // Open Synthesis's test_inconsistency_assumptions (openach/tests/test_metrics.py): three hypotheses whose
        // inconsistency must rise h1 < h2 < h3. By the formula Σ (3 − m)² over items with m < 3 (NA as 3): h1 = 1 + 1 = 2,
        // h2 = 1 + 1 + 1 = 3, h3 = (3 − 1)² = 4.
        AchHypothesis[] hs = [new("h1", "1"), new("h2", "2"), new("h3", "3")];
        var c = new[]
        {
            (Consistency.VeryConsistent, Consistency.Inconsistent, Consistency.Neutral),
            (Consistency.NotApplicable, Consistency.Inconsistent, Consistency.NotApplicable),
            (Consistency.Inconsistent, Consistency.Neutral, Consistency.VeryConsistent),
            (Consistency.Inconsistent, Consistency.Inconsistent, Consistency.VeryInconsistent),
        };
        var items = c.Select((r, k) => Item($"e{k}", null, null, ("h1", r.Item1), ("h2", r.Item2), ("h3", r.Item3)));
        var s = AchScoring.Score(Matrix(hs, items), new Dictionary<string, Grade>());
        Assert.Equal([2.0, 3.0, 4.0], s.Hypotheses.OrderBy(h => h.Id).Select(h => h.Inconsistency));
        Assert.Equal(["h1", "h2", "h3"], s.Hypotheses.OrderBy(h => h.OpenSynthesisRank).Select(h => h.Id));
    }

    [Fact]
    public void Diagnosticity_IsTheSpreadAcrossHypotheses()
    {
        // e1: C (4) and I (2) → population sd 1; e2: N and N → 0 (not diagnostic); e3: NA and N → both 3 → 0.
        var s = AchScoring.Score(Matrix([H1, H2], [
            Item("e1", null, null, ("h1", Consistency.Consistent), ("h2", Consistency.Inconsistent)),
            Item("e2", null, null, ("h1", Consistency.Neutral), ("h2", Consistency.Neutral)),
            Item("e3", null, null, ("h1", Consistency.NotApplicable), ("h2", Consistency.Neutral)),
        ]), new Dictionary<string, Grade>());
        Assert.Equal(1.0, s.Items.Single(i => i.Id == "e1").Diagnosticity, 12);
        Assert.Equal(["e1"], s.Items.Where(i => i.Diagnostic).Select(i => i.Id));
        Assert.Equal("e1", s.Items[0].Id);
    }

    [Fact]
    public void Consensus_OfSeveralRaters_RoundsTowardNeutral_AndSaysTheDisagreement()
    {
        AchItem Votes(params Consistency[] votes) => new("e", AchItemKind.Assumption, null, "x", null, null, null,
            votes.Select((v, k) => new AchRating("h1", v, null, $"r{k}")).ToEquatableList());
        Assert.Equal(Consistency.Consistent, AchScoring.Cell(Votes(Consistency.Consistent, Consistency.VeryConsistent), "h1").Consensus); // 4.5 → 4
        Assert.Equal(Consistency.Inconsistent, AchScoring.Cell(Votes(Consistency.Inconsistent, Consistency.VeryInconsistent), "h1").Consensus); // 1.5 → 2
        Assert.Equal(Consistency.NotApplicable, AchScoring.Cell(Votes(Consistency.NotApplicable, Consistency.NotApplicable, Consistency.Consistent), "h1").Consensus);
        Assert.Equal(Consistency.Consistent, AchScoring.Cell(Votes(Consistency.NotApplicable, Consistency.Consistent), "h1").Consensus); // a tie keeps the rating
        // C and I: sample sd of (4, 2) = √2; the NA spread is 0 (no NA).
        Assert.Equal(Math.Sqrt(2), AchScoring.Cell(Votes(Consistency.Consistent, Consistency.Inconsistent), "h1").Disagreement, 12);
    }

    [Fact]
    public void Credibility_FromAClaimsGrade_AndUnpublishedClaimsLeftOut()
    {
        var claim = new AchItem("e1", AchItemKind.Claim, "c-1", null, null, null, null, [new AchRating("h1", Consistency.Inconsistent, null, "a")]);
        var later = claim with { Id = "e2", Claim = "c-later" };
        var s = AchScoring.Score(Matrix([H1, H2], [claim, later]), new Dictionary<string, Grade> { ["c-1"] = Grade.Parse("B2") });
        Assert.Equal(AchWeight.High, s.Items.Single().Credibility);
        Assert.Equal(["e2"], s.Excluded);
        Assert.Equal(-Math.Sqrt(2), s.Hypotheses.Single(h => h.Id == "h1").Parc, 12);
        Assert.Equal(AchWeight.Low, AchScoring.CredibilityOf(Grade.Parse("C4")));
        Assert.Equal(AchWeight.Medium, AchScoring.CredibilityOf(Grade.Parse("C3")));
    }

    [Fact]
    public void Sensitivity_NamesTheItemThatMovesTheCall()
    {
        // h1 leads only because e1 (low credibility) counts against h2 more than e2 counts against h1.
        var s = AchScoring.Score(Matrix([H1, H2], [
            Item("e1", AchWeight.Medium, AchWeight.Medium, ("h1", Consistency.Consistent), ("h2", Consistency.VeryInconsistent)),
            Item("e2", AchWeight.Medium, AchWeight.Medium, ("h1", Consistency.Inconsistent), ("h2", Consistency.Consistent)),
        ]), new Dictionary<string, Grade>());
        Assert.Equal("h1", s.Hypotheses[0].Id);
        var taken = Assert.Single(s.Sensitivity, f => f.Item == "e1" && f.Change.StartsWith("taken away", StringComparison.Ordinal));
        Assert.Equal("h2", taken.NewLeader);
        Assert.DoesNotContain(s.Sensitivity, f => f.Item == "e1" && f.Change == "credibility high");
    }

    [Fact]
    public void Ranking_DoesNotDependOnTheOrderOfHypothesesOrItems()
    {
        var random = new Random(7);
        AchHypothesis[] hs = [.. Enumerable.Range(0, 5).Select(k => new AchHypothesis($"h{k}", $"{k}"))];
        var values = Enum.GetValues<Consistency>();
        var items = Enumerable.Range(0, 12).Select(k => Item($"e{k}", (AchWeight)random.Next(3), (AchWeight)random.Next(3),
            [.. hs.Select(h => (h.Id, values[random.Next(values.Length)]))])).ToList();
        var first = AchScoring.Score(Matrix(hs, items), new Dictionary<string, Grade>());
        for (var trial = 0; trial < 20; trial++)
        {
            var shuffled = AchScoring.Score(Matrix(hs.OrderBy(_ => random.Next()), items.OrderBy(_ => random.Next())), new Dictionary<string, Grade>());
            Assert.Equal(first.Hypotheses.Select(h => (h.Id, h.ParcRank, h.OpenSynthesisRank)), shuffled.Hypotheses.OrderBy(h => h.ParcRank).Select(h => (h.Id, h.ParcRank, h.OpenSynthesisRank)));
        }
    }
}
