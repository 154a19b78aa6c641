using Wedge.Analysis.Evidence;
using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;

namespace Wedge.Analysis.Tests.Evidence;

/// <summary>
/// The weighing rule of docs/methods/evidence.md, with every expected probability worked by hand from
/// the default grade table: reliability A 0.95, B 0.85; credibility 1 0.95, 2 0.85, 3 0.7. So
/// B2 = 0.85 × 0.85 = 0.7225, A2 = B1 = 0.8075, B3 = 0.595. With e₊ and e₋ the friendly and hostile
/// evidence, Z = 1 − e₊e₋, P(friendly) = e₊(1 − e₋)/Z, P(hostile) = e₋(1 − e₊)/Z, P(none) = (1 − e₊)(1 − e₋)/Z.
/// </summary>
public class RelationWeigherTests
{
    private static readonly ActorId A = new("a");
    private static readonly ActorId B = new("b");

    private sealed class Record
    {
        private readonly List<Fact> facts =
        [
            new Actor { Id = A, Name = "A", Kind = ActorKind.ArmedGroup },
            new Actor { Id = B, Name = "B", Kind = ActorKind.ArmedGroup },
        ];

        private int next;

        /// <summary>Adds a tie between A and B backed by claims given as (source, grade, stance/reports/context).</summary>
        public Record Tie(TieKind kind, string from, string? until, bool startOnly, params ClaimSpec[] claims)
        {
            var ids = new List<ClaimId>();
            foreach (var c in claims)
            {
                if (!facts.OfType<Source>().Any(s => s.Id.Value == c.Source))
                {
                    facts.Add(new Source { Id = new SourceId(c.Source), Title = c.Source });
                }

                var id = new ClaimId($"c{++next}");
                ids.Add(id);
                facts.Add(new Claim
                {
                    Id = id,
                    Source = new SourceId(c.Source),
                    Text = "t",
                    Grade = Grade.Parse(c.Grade),
                    Stance = c.Disputes ? ClaimStance.Disputes : ClaimStance.Supports,
                    Reports = c.Reports,
                    Context = c.Context,
                });
            }

            var start = FuzzyDate.Parse(from);
            facts.Add(new Tie
            {
                Id = $"t{++next}",
                Kind = kind,
                From = A,
                To = B,
                StartOnly = startOnly,
                Claims = ids,
                Period = until is null ? Period.Since(start) : Period.Between(start, FuzzyDate.Parse(until)),
            });
            return this;
        }

        public RelationWeight At(string date)
        {
            var kb = KnowledgeBase.Empty.With(facts.Select(JournalChange.Add).ToList()).Result!;
            return RelationWeigher.Weigh(Snapshot.Of(kb, new ReadOptions(At: FuzzyDate.Parse(date))), A, B);
        }
    }

    private sealed record ClaimSpec(string Source, string Grade, bool Disputes = false, ClaimReports Reports = ClaimReports.Unstated, bool Context = false);

    private static ClaimSpec C(string source, string grade) => new(source, grade);

    [Fact]
    public void ManyClaimsFromOneSource_AgainstOneFromAnother_CountAsOneWitness()
    {
        // Ten B2 claims from s1 say allied; one A2 claim from s2 says rivals. Within s1 the strongest claim
        // speaks for it: e₊ = 0.7225 (not 1 − 0.2775¹⁰ ≈ 1). e₋ = 0.8075.
        // Z = 1 − 0.7225 × 0.8075 = 0.41658125.
        // P(hostile) = 0.8075 × 0.2775 / Z = 0.22408125 / 0.41658125 = 0.5379.
        // P(friendly) = 0.7225 × 0.1925 / Z = 0.13908125 / 0.41658125 = 0.3339.
        // Contested: 0.3339 / (0.3339 + 0.5379) = 0.383 ≥ 0.2.
        var w = new Record()
            .Tie(TieKind.Alliance, "2000", null, false, Enumerable.Repeat(C("s1", "B2"), 10).ToArray())
            .Tie(TieKind.Rivalry, "2010", null, false, C("s2", "A2"))
            .At("2015");

        Assert.Equal(RelationSign.Hostile, w.Sign);
        Assert.Equal(0.5379, w.Probability, 4);
        Assert.Equal(0.3339, w.PFriendly, 4);
        Assert.Equal(0.7225, w.EvidenceFriendly, 4);
        Assert.True(w.Contested);
        Assert.Equal(10, Assert.Single(w.Sources, s => s.Source == "s1").Items);
    }

    [Fact]
    public void IndependentSourcesOnBothSides_CombineAcrossSources()
    {
        // Allied: s1 A2 (0.8075), s2 B1 (0.8075), s3 two B2 (0.7225 as one witness).
        // e₊ = 1 − 0.1925 × 0.1925 × 0.2775 = 1 − 0.010283109375 = 0.989716890625.
        // Split: s4 B2, e₋ = 0.7225.
        // Z = 1 − 0.989716890625 × 0.7225 = 0.284934546...
        // P(friendly) = 0.989716890625 × 0.2775 / Z = 0.274646437 / 0.284934546 = 0.9639.
        // P(hostile) = 0.7225 × 0.010283109375 / Z = 0.0261.
        var w = new Record()
            .Tie(TieKind.Alliance, "2001", null, false, C("s1", "A2"), C("s1", "A2"), C("s2", "B1"), C("s3", "B2"), C("s3", "B2"))
            .Tie(TieKind.Split, "2010", null, false, C("s4", "B2"))
            .At("2018");

        Assert.Equal(RelationSign.Friendly, w.Sign);
        Assert.Equal(0.9639, w.PFriendly, 4);
        Assert.Equal(0.0261, w.PHostile, 4);
        Assert.False(w.Contested);
    }

    [Fact]
    public void StartOnlyObservation_CarriesForward_UntilLaterContraryEvidence()
    {
        // A start-only split observed in 2008 (s1 B2), a start-only alliance observed in 2012 (s2 B2).
        // At 2010 only the split speaks, carried from 2008: e₋ = 0.7225, e₊ = 0, so P(hostile) = 0.7225.
        // At 2018 the split is weakened by the later alliance: carry = 1 − 0.7225 = 0.2775,
        // e₋ = 0.7225 × 0.2775 = 0.20049375; the alliance carries whole: e₊ = 0.7225.
        // Z = 1 − 0.7225 × 0.20049375 = 0.855143...; P(friendly) = 0.7225 × 0.79950625 / Z = 0.6755.
        var record = new Record()
            .Tie(TieKind.Split, "2008", null, true, C("s1", "B2"))
            .Tie(TieKind.Alliance, "2012", null, true, C("s2", "B2"));

        var early = record.At("2010");
        Assert.Equal(RelationSign.Hostile, early.Sign);
        Assert.Equal(0.7225, early.PHostile, 4);
        Assert.Equal(Reach.Carried, Assert.Single(early.Items).Reach);

        var late = record.At("2018");
        Assert.Equal(RelationSign.Friendly, late.Sign);
        Assert.Equal(0.6755, late.PFriendly, 4);
        var split = Assert.Single(late.Items, i => i.Sign == RelationSign.Hostile);
        Assert.Equal(0.2775, split.Carry, 4);
        Assert.Equal(0.2005, split.Weight, 4);
        Assert.Equal(["c3"], split.EndedBy); // the alliance's claim (ids count claims and ties together)
    }

    [Fact]
    public void PeriodThatEndedBeforeTheDate_DoesNotSpeak()
    {
        // An alliance 1996–2001 says nothing about 2010: no evidence, sign none, P(none) = 1.
        var w = new Record().Tie(TieKind.Alliance, "1996", "2001", false, C("s1", "B1")).At("2010");
        Assert.Equal(RelationSign.None, w.Sign);
        Assert.Equal(1, w.PNone, 4);
        Assert.Equal(Reach.Silent, Assert.Single(w.Items).Reach);
    }

    [Fact]
    public void DisputingClaim_LowersItsSign_WithoutMakingItTheOther()
    {
        // s1 B2 supports the alliance (0.7225), s2 A2 disputes it (0.8075). Support and dispute cannot both be right:
        // e₊ = 0.7225 × 0.1925 / (1 − 0.7225 × 0.8075) = 0.13908125 / 0.41658125 = 0.3339.
        // No hostile evidence: P(friendly) = 0.3339 < 0.5, so the sign is none, P(none) = 0.6661; never hostile.
        var w = new Record()
            .Tie(TieKind.Alliance, "2000", null, false, C("s1", "B2"), new ClaimSpec("s2", "A2", Disputes: true))
            .At("2010");

        Assert.Equal(RelationSign.None, w.Sign);
        Assert.Equal(0.3339, w.PFriendly, 4);
        Assert.Equal(0, w.PHostile, 4);
        Assert.Equal(0.6661, w.Probability, 4);
    }

    [Fact]
    public void DeclaredSplit_AgainstObservedCooperation_CountsHalf()
    {
        // Cooperation (conduct, s1 B2, 0.7225) against a split declared at the date (s2 B2, halved: 0.36125).
        // Z = 1 − 0.7225 × 0.36125 = 0.738996875.
        // P(friendly) = 0.7225 × 0.63875 / Z = 0.461496875 / 0.738996875 = 0.6245.
        // P(hostile) = 0.36125 × 0.2775 / Z = 0.1357; share 0.1357 / 0.7602 = 0.178 < 0.2: not contested.
        // Were the split conduct, both would be 0.7225: P = 0.20049 / 0.47799 = 0.4194 each, sign none, contested.
        var declared = new Record()
            .Tie(TieKind.Alliance, "2001", null, false, new ClaimSpec("s1", "B2", Reports: ClaimReports.Conduct))
            .Tie(TieKind.Split, "2008-08", null, true, new ClaimSpec("s2", "B2", Reports: ClaimReports.Declaration))
            .At("2008-08");
        Assert.Equal(RelationSign.Friendly, declared.Sign);
        Assert.Equal(0.6245, declared.PFriendly, 4);
        Assert.Equal(0.1357, declared.PHostile, 4);
        Assert.False(declared.Contested);
        Assert.Contains("declared split 2008", declared.StrandsLine, StringComparison.Ordinal);
        Assert.Contains("observed alliance 2001–2008", declared.StrandsLine, StringComparison.Ordinal);

        var done = new Record()
            .Tie(TieKind.Alliance, "2001", null, false, new ClaimSpec("s1", "B2", Reports: ClaimReports.Conduct))
            .Tie(TieKind.Split, "2008-08", null, true, new ClaimSpec("s2", "B2", Reports: ClaimReports.Conduct))
            .At("2008-08");
        Assert.Equal(RelationSign.None, done.Sign);
        Assert.Equal(0.4194, done.PFriendly, 4);
        Assert.Equal(0.4194, done.PHostile, 4);
        Assert.True(done.Contested);
    }

    [Fact]
    public void ContextClaim_IsShownButNotCounted()
    {
        // The split claim is context: weight 0, so only the alliance counts: P(friendly) = 0.7225.
        var w = new Record()
            .Tie(TieKind.Alliance, "2001", null, false, C("s1", "B2"))
            .Tie(TieKind.Split, "2008", null, true, new ClaimSpec("s2", "A1", Context: true))
            .At("2010");

        Assert.Equal(RelationSign.Friendly, w.Sign);
        Assert.Equal(0.7225, w.PFriendly, 4);
        var context = Assert.Single(w.Items, i => i.Context);
        Assert.Equal(0, context.Weight);
        Assert.Equal(0.9025, context.Probability, 4);
    }

    [Fact]
    public void NoTies_ReadsNone()
        => Assert.Equal(RelationSign.None, new Record().At("2010").Sign);
}
