using Wedge.Analysis.Evidence;
using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;

namespace Wedge.Analysis.Tests.Evidence;

/// <summary>
/// What a change to the record does to the judgements already on it (docs/methods/evidence.md, "Imports"),
/// worked by hand with the grade table of <see cref="RelationWeigherTests"/>: B2 = 0.7225, A2 = 0.8075.
/// </summary>
public class ImportImpactTests
{
    private static readonly ActorId A = new("a");
    private static readonly ActorId B = new("b");
    private static readonly ReadOptions At2015 = new(FuzzyDate.Parse("2015"));

    /// <summary>A and B allied since 2010 on one B2 claim of source s1: friendly, P 0.7225.</summary>
    private static KnowledgeBase Before()
        => KnowledgeBase.Empty.With(
        [
            JournalChange.Add(new Actor { Id = A, Name = "A", Kind = ActorKind.ArmedGroup }),
            JournalChange.Add(new Actor { Id = B, Name = "B", Kind = ActorKind.ArmedGroup }),
            .. Tie("t-ally", TieKind.Alliance, "2010", startOnly: false, "c-ally", "s1", "B2", context: false),
        ]).Result!;

    private static List<JournalChange> Tie(string id, TieKind kind, string from, bool startOnly, string claim, string source, string grade, bool context,
        ActorId? to = null)
        =>
        [
            JournalChange.Add(new Source { Id = new SourceId(source), Title = source }),
            JournalChange.Add(new Claim { Id = new ClaimId(claim), Source = new SourceId(source), Text = "t", Grade = Grade.Parse(grade), Context = context }),
            JournalChange.Add(new Tie
            {
                Id = id, Kind = kind, From = A, To = to ?? B, StartOnly = startOnly, Claims = [new ClaimId(claim)], Period = Period.Since(FuzzyDate.Parse(from)),
            }),
        ];

    private static KnowledgeBase After(KnowledgeBase before, List<JournalChange> changes) => before.With(changes).Result!;

    [Fact]
    public void Measure_RivalryObservedAtTheDate_FlipsToContestedHostile_NamesTheClaim()
    {
        // Why: the report's point. e₊ = 0.7225, e₋ = 0.8075 (own date); Z = 1 − 0.58342 = 0.41658;
        // P(hostile) = 0.8075 × 0.2775 / Z = 0.5379, P(friendly) = 0.7225 × 0.1925 / Z = 0.3339: hostile, contested.
        var before = Before();
        var after = After(before, Tie("t-rival", TieKind.Rivalry, "2015", startOnly: true, "c-rival", "s2", "A2", context: false));
        var measure = ImportImpact.Measure(before, after, At2015);
        Assert.Equal(1, measure.PairsWeighed);
        var change = Assert.Single(measure.Changes);
        Assert.True(change.RelationChanged);
        Assert.Equal((RelationSign.Friendly, 0.7225), (change.Before.Sign, Math.Round(change.Before.Probability, 4)));
        Assert.Equal((RelationSign.Hostile, 0.5379, true), (change.After.Sign, Math.Round(change.After.Probability, 4), change.After.Contested));
        Assert.Equal("c-rival", Assert.Single(change.Claims).Claim);
        Assert.Equal("A–B: friendly (P 72%) → contested (hostile P 54%) (c-rival)", change.Describe());
    }

    [Fact]
    public void Measure_SameRivalryAsContext_ChangesNothing()
    {
        // Why: --as context — shown and cited, not counted until accepted — must not move a judgement.
        var before = Before();
        var after = After(before, Tie("t-rival", TieKind.Rivalry, "2015", startOnly: true, "c-rival", "s2", "A1", context: true));
        Assert.Empty(ImportImpact.Measure(before, after, At2015).Changes);
    }

    [Fact]
    public void Measure_SecondIndependentSourceOfTheSameSign_IsAShift_NotAChange()
    {
        // Why: firmer evidence is worth reporting but is not a flip. e₊ = 1 − 0.2775² = 0.92299: P moves 0.7225 → 0.9230 (20 points).
        var before = Before();
        var after = After(before, Tie("t-ally-2", TieKind.Alliance, "2015", startOnly: true, "c-ally-2", "s2", "B2", context: false));
        var change = Assert.Single(ImportImpact.Measure(before, after, At2015).Changes);
        Assert.False(change.RelationChanged);
        Assert.True(change.Shifted);
        Assert.Equal(0.9230, Math.Round(change.After.Probability, 4));
    }

    [Fact]
    public void Measure_MoreFromTheSameSource_NoChange()
    {
        // Why: within a source the strongest claim speaks for it, so a second B2 claim of s1 moves nothing.
        var before = Before();
        var after = After(before, Tie("t-ally-2", TieKind.Alliance, "2015", startOnly: true, "c-ally-2", "s1", "B2", context: false)
            .Where(c => c.Key.Type != FactType.Source).ToList());
        Assert.Empty(ImportImpact.Measure(before, after, At2015).Changes);
    }

    [Fact]
    public void Measure_PairNotOnRecordBefore_IsNotReported()
    {
        // Why: the report is about judgements already on record; a new pair is new knowledge, listed by the import's own report.
        var before = Before();
        var c = new ActorId("c");
        var after = After(before,
        [
            JournalChange.Add(new Actor { Id = c, Name = "C", Kind = ActorKind.ArmedGroup }),
            .. Tie("t-ac", TieKind.Rivalry, "2015", startOnly: true, "c-ac", "s2", "A1", context: false, to: c),
        ]);
        var measure = ImportImpact.Measure(before, after, At2015);
        Assert.Equal(1, measure.PairsWeighed);
        Assert.Empty(measure.Changes);
    }
}
