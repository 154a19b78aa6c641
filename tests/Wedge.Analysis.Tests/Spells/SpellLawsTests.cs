using CsCheck;
using Wedge.Analysis.Spells;
using Wedge.Core.Model;
using Wedge.Core.Time;

namespace Wedge.Analysis.Tests.Spells;

/// <summary>Laws every spell set obeys, whatever the observations (random pairs among four actors, all kinds, mixed precisions).</summary>
public class SpellLawsTests
{
    private static readonly ActorId[] Actors = [new("a"), new("b"), new("c"), new("d")];
    private static readonly TieKind[] Kinds = [TieKind.Alliance, TieKind.Affiliation, TieKind.Rivalry, TieKind.Split, TieKind.Merger];

    private static readonly Gen<Observation> GenObservation =
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[0, 4], Gen.Int[1990, 2000], Gen.Int[0, 12], Gen.Int[0, 1])
            .Where(t => t.Item1 != t.Item2)
            .Select(t => new Observation("o", Kinds[t.Item3], Actors[t.Item1], Actors[t.Item2],
                Period.Since(t.Item5 == 0 ? new FuzzyDate(t.Item4) : new FuzzyDate(t.Item4, t.Item5)),
                [t.Item6 == 0 ? "mmp" : "case"]));

    private static readonly Gen<Observation[]> GenSet = Gen.Int[0, 40].SelectMany(n =>
        GenObservation.Array[n].Select(a => a.Select((o, i) => o with { Id = $"o{i:00}" }).ToArray()));

    [Theory]
    [InlineData(ConflictPolicy.AnySourceEnds)]
    [InlineData(ConflictPolicy.SameSourceEnds)]
    public void EveryObservationOfASpellKind_FallsInExactlyOneSpell(ConflictPolicy policy)
        => GenSet.Sample(obs =>
        {
            var set = SpellBuilder.Build(obs, new Dictionary<ActorId, FuzzyDate>(), new SpellRule { Conflicts = policy });
            var counted = set.Spells.SelectMany(s => s.Observations).GroupBy(x => x).ToDictionary(g => g.Key, g => g.Count());
            foreach (var o in obs.Where(o => SpellRule.Default.EndedBy.ContainsKey(o.Kind)))
            {
                Assert.Equal(1, counted.GetValueOrDefault(o.Id));
            }
        });

    [Fact]
    public void SpellsOfOnePairAndKind_DoNotOverlap_AndOnlyTheLastIsCensored()
        => GenSet.Sample(obs =>
        {
            var set = SpellBuilder.Build(obs, new Dictionary<ActorId, FuzzyDate>(), SpellRule.Default);
            foreach (var run in set.Spells.GroupBy(s => (s.A, s.B, s.Kind)))
            {
                var spells = run.OrderBy(s => s.Start).ToList();
                for (var i = 0; i < spells.Count; i++)
                {
                    Assert.True(spells[i].End is not { } end || !end.IsCertainlyBefore(spells[i].Start));
                    if (i + 1 < spells.Count)
                    {
                        Assert.False(spells[i].Censored);
                        Assert.True(spells[i].End!.Value <= spells[i + 1].Start);
                    }
                }
            }
        });

    [Fact]
    public void EndedSpells_EndAtAnObservationOfAnEndingKind_BetweenTheSamePair()
        => GenSet.Sample(obs =>
        {
            var byId = obs.ToDictionary(o => o.Id);
            foreach (var s in SpellBuilder.Build(obs, new Dictionary<ActorId, FuzzyDate>(), SpellRule.Default).Spells.Where(s => s.EndReason == SpellEnd.EndingObservation))
            {
                var ender = byId[s.EndedBy!];
                Assert.Contains(ender.Kind, SpellRule.Default.EndedBy[s.Kind]);
                Assert.True(ender.Joins(s.A, s.B));
                Assert.Equal(ender.Period.Start, s.End);
            }
        });
}

internal static class ObservationExtensions
{
    public static bool Joins(this Observation o, ActorId x, ActorId y) => (o.From == x && o.To == y) || (o.From == y && o.To == x);
}
