using Wedge.Analysis.Spells;
using Wedge.Core.Model;
using Wedge.Core.Time;

namespace Wedge.Analysis.Tests.Spells;

public class SpellBuilderTests
{
    private static readonly ActorId Aq = new("al-qaeda");
    private static readonly ActorId Tb = new("taliban");
    private static readonly ActorId Is = new("islamic-state");

    private static Observation O(string id, TieKind kind, string start, string? end = null, string source = "mmp", ActorId? from = null, ActorId? to = null)
        => new(id, kind, from ?? Aq, to ?? Tb, new Period(FuzzyDate.Parse(start), end is null ? null : FuzzyDate.Parse(end)), [source]);

    private static SpellSet Build(SpellRule? rule, params Observation[] obs)
        => SpellBuilder.Build(obs, new Dictionary<ActorId, FuzzyDate>(), rule ?? SpellRule.Default);

    [Fact]
    public void Alliance_ThenSplit_EndsAtTheSplit()
    {
        var s = Assert.Single(Build(null, O("a", TieKind.Alliance, "1996"), O("s", TieKind.Split, "2008-08")).Spells);
        Assert.Equal(TieKind.Alliance, s.Kind);
        Assert.Equal(FuzzyDate.Parse("1996"), s.Start);
        Assert.Equal(FuzzyDate.Parse("2008-08"), s.End);
        Assert.Equal(SpellEnd.EndingObservation, s.EndReason);
        Assert.Equal("s", s.EndedBy);
        Assert.False(s.Censored);
    }

    [Fact]
    public void Alliance_NothingEndsIt_CensoredAtTheLatestDateInTheData()
    {
        var set = Build(null, O("a", TieKind.Alliance, "2001"), O("r", TieKind.Rivalry, "2015-06", from: Is));
        var s = set.Spells.Single(x => x.Kind == TieKind.Alliance);
        Assert.True(s.Censored);
        Assert.Null(s.End);
        Assert.Equal(FuzzyDate.Parse("2015-06"), s.CensoredAt);
        Assert.Equal(FuzzyDate.Parse("2015-06"), set.DataEnd);
    }

    [Fact]
    public void CensorAt_GivenExplicitly_IsUsed()
    {
        var s = Assert.Single(Build(new SpellRule { CensorAt = FuzzyDate.Parse("2019-07") }, O("a", TieKind.Alliance, "2001")).Spells);
        Assert.Equal(FuzzyDate.Parse("2019-07"), s.CensoredAt);
    }

    [Fact]
    public void Alliance_SplitThenAllianceAgain_TwoSpells()
    {
        var spells = Build(null, O("a1", TieKind.Alliance, "2001"), O("s", TieKind.Split, "2005"), O("a2", TieKind.Alliance, "2009"), O("a3", TieKind.Alliance, "2011")).Spells;
        Assert.Equal(2, spells.Count);
        Assert.Equal(("a1", "s"), (spells[0].StartedBy, spells[0].EndedBy));
        Assert.Equal("a2", spells[1].StartedBy);
        Assert.Equal(["a2", "a3"], spells[1].Observations);
        Assert.True(spells[1].Censored);
    }

    [Fact]
    public void Rivalry_EndedByAlliance_AndTheAllianceStartsItsOwnSpell()
    {
        var spells = Build(null, O("r", TieKind.Rivalry, "2010"), O("a", TieKind.Alliance, "2013")).Spells;
        Assert.Equal(2, spells.Count);
        var riv = spells.Single(s => s.Kind == TieKind.Rivalry);
        Assert.Equal(("a", FuzzyDate.Parse("2013")), (riv.EndedBy, riv.End!.Value));
        Assert.True(spells.Single(s => s.Kind == TieKind.Alliance).Censored);
    }

    [Fact]
    public void SplitAndMerger_FormNoSpells()
        => Assert.Empty(Build(null, O("s", TieKind.Split, "2010"), O("m", TieKind.Merger, "2012")).Spells);

    [Fact]
    public void SameDate_AllianceAndSplit_SpellStartsAndEndsThatDate()
    {
        var s = Assert.Single(Build(null, O("s", TieKind.Split, "2014"), O("a", TieKind.Alliance, "2014")).Spells);
        Assert.Equal(s.Start, s.End);
        Assert.Equal("s", s.EndedBy);
    }

    [Fact]
    public void Conflict_AnySourceEnds_SplitEndsTheArticlesAlliance_WhichContestsIt()
    {
        // The article: an alliance from 1996 with no end. MMP: a split in August 2008 (Mullah Omar's public statement).
        var s = Assert.Single(Build(null, O("article-alliance", TieKind.Alliance, "1996", source: "article"), O("mmp-567", TieKind.Split, "2008-08")).Spells);
        Assert.Equal("mmp-567", s.EndedBy);
        Assert.Equal(["article-alliance"], s.ContestedBy);
        Assert.True(s.Contested);
    }

    [Fact]
    public void Conflict_SameSourceEnds_OtherSourcesSplitContestsButDoesNotEnd()
    {
        var rule = new SpellRule { Conflicts = ConflictPolicy.SameSourceEnds };
        var s = Assert.Single(Build(rule, O("article-alliance", TieKind.Alliance, "1996", source: "article"), O("mmp-567", TieKind.Split, "2008-08")).Spells);
        Assert.True(s.Censored);
        Assert.Equal(["mmp-567"], s.ContestedBy);
    }

    [Fact]
    public void Conflict_SameSourceEnds_SameSourceSplitStillEnds()
    {
        var rule = new SpellRule { Conflicts = ConflictPolicy.SameSourceEnds };
        var s = Assert.Single(Build(rule, O("a", TieKind.Alliance, "1996"), O("s", TieKind.Split, "2008-08")).Spells);
        Assert.Equal("s", s.EndedBy);
        Assert.Empty(s.ContestedBy);
    }

    [Fact]
    public void RecordedEnd_LastBackingObservationEnds_SpellEndsThere()
    {
        var spells = Build(null, O("a1", TieKind.Alliance, "2001", "2004"), O("a2", TieKind.Alliance, "2002", "2006"), O("x", TieKind.Rivalry, "2012", from: Is)).Spells;
        var s = spells.Single(x => x.Kind == TieKind.Alliance);
        Assert.Equal(SpellEnd.RecordedEnd, s.EndReason);
        Assert.Equal(FuzzyDate.Parse("2006"), s.End);
        Assert.Equal("a2", s.EndedBy);
    }

    [Fact]
    public void GroupEnd_EndsTheSpell()
    {
        var ends = new Dictionary<ActorId, FuzzyDate> { [Tb] = FuzzyDate.Parse("2010-03") };
        var s = Assert.Single(SpellBuilder.Build([O("a", TieKind.Alliance, "2001"), O("z", TieKind.Alliance, "2015", from: Is)], ends, SpellRule.Default).Spells, x => x.A == Aq);
        Assert.Equal(SpellEnd.GroupEnded, s.EndReason);
        Assert.Equal("actor:taliban", s.EndedBy);
        Assert.Equal(FuzzyDate.Parse("2010-03"), s.End);
    }

    [Fact]
    public void Undated_LeftOutAndListed()
    {
        var set = SpellBuilder.Build([new Observation("u", TieKind.Alliance, Aq, Tb, Period.Always, [])], new Dictionary<ActorId, FuzzyDate>(), SpellRule.Default);
        Assert.Empty(set.Spells);
        Assert.Equal(["u"], set.Undated);
    }

    [Fact]
    public void PairOrder_DoesNotMatter()
    {
        var s = Assert.Single(Build(null, O("a", TieKind.Alliance, "2001", from: Tb, to: Aq), O("s", TieKind.Split, "2005")).Spells);
        Assert.Equal((Aq, Tb), (s.A, s.B));
        Assert.Equal("s", s.EndedBy);
    }
}
