using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;
using static Wedge.Core.Tests.Knowledge.Facts;

namespace Wedge.Core.Tests.Knowledge;

/// <summary>The snapshot's tie index answers exactly what a scan of <see cref="Snapshot.Ties"/> answers, in the same order.</summary>
public class SnapshotIndexTests
{
    private static Snapshot Web()
    {
        // Ten groups, ties between many pairs in both directions, a loop, and ties starting in different years
        // (the snapshot orders ties by start, so index order must follow that, not insertion order).
        var facts = new List<Fact>();
        for (var i = 0; i < 10; i++)
        {
            facts.Add(Actor($"g{i}", parent: i >= 8 ? "g0" : null));
        }

        var n = 0;
        for (var i = 0; i < 10; i++)
        {
            for (var j = 0; j < 10; j += 1 + i % 3)
            {
                var kind = (i + j) % 2 == 0 ? TieKind.Alliance : TieKind.Rivalry;
                facts.Add(Tie($"t{n++:000}", kind, $"g{i}", $"g{j}", Period.Since(D($"{2010 - (n % 7)}"))));
            }
        }

        return Snapshot.Of(Kb([.. facts]), ReadOptions.Now);
    }

    [Fact]
    public void TiesOf_EqualsAScan()
    {
        var s = Web();
        for (var i = 0; i < 11; i++)
        {
            var id = new ActorId($"g{i}");
            Assert.Equal(s.Ties.Where(t => t.From == id || t.To == id).Select(t => t.Id), s.TiesOf(id).Select(t => t.Id));
        }
    }

    [Fact]
    public void TiesBetween_EqualsAScan_ForPairsAndBlocs()
    {
        var s = Web();
        for (var i = 0; i < 10; i++)
        {
            for (var j = 0; j < 10; j++)
            {
                var (a, b) = (new ActorId($"g{i}"), new ActorId($"g{j}"));
                Assert.Equal(s.Ties.Where(t => t.Joins(a, b)).Select(t => t.Id), s.TiesBetween(a, b).Select(t => t.Id));
            }
        }

        var blocA = s.Bloc(new ActorId("g0"));
        var blocB = new HashSet<ActorId> { new("g3"), new("g4"), new("g5") };
        Assert.Equal(new[] { "g0", "g8", "g9" }, blocA.Select(x => x.Value).Order(StringComparer.Ordinal));
        bool Between(Tie t) => (blocA.Contains(t.From) && blocB.Contains(t.To)) || (blocA.Contains(t.To) && blocB.Contains(t.From));
        var expected = s.Ties.Where(Between).Select(t => t.Id).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, s.TiesBetween(blocA, blocB).Select(t => t.Id));
        Assert.Equal(expected, s.TiesBetween(blocB, blocA).Select(t => t.Id));
    }

    [Fact]
    public void TiesTouching_CountsEachTieOnce_InSnapshotOrder()
    {
        var s = Web();
        var some = new[] { new ActorId("g1"), new ActorId("g2"), new ActorId("unknown") };
        Assert.Equal(s.Ties.Where(t => some.Contains(t.From) || some.Contains(t.To)).Select(t => t.Id), s.TiesTouching(some).Select(t => t.Id));
    }
}
