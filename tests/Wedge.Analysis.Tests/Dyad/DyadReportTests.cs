using Wedge.Analysis.Dyad;
using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;

namespace Wedge.Analysis.Tests.Dyad;

public class DyadReportTests
{
    private static readonly ActorId Aq = new("aq");
    private static readonly ActorId Tal = new("tal");

    private static Snapshot Build(params Tie[] ties)
    {
        var facts = new List<Fact>
        {
            new Actor { Id = Aq, Name = "AQ", Kind = ActorKind.ArmedGroup },
            new Actor { Id = Tal, Name = "Tal", Kind = ActorKind.ArmedGroup },
            new Actor { Id = new ActorId("haq"), Name = "Haq", Kind = ActorKind.Faction, Parent = Tal },
        };
        facts.AddRange(ties);
        return Snapshot.Of(KnowledgeBase.Empty.With(facts.Select(JournalChange.Add).ToList()).Result!, ReadOptions.Now);
    }

    private static Tie T(string id, TieKind kind, string from, string to, string start)
        => new() { Id = id, Kind = kind, From = new ActorId(from), To = new ActorId(to), Period = Period.Since(FuzzyDate.Parse(start)) };

    [Fact]
    public void AllianceAndSplitOfTheSamePair_Overlapping_AreAContest()
    {
        var r = DyadReport.Build(Build(T("a", TieKind.Alliance, "aq", "tal", "1996"), T("s", TieKind.Split, "tal", "aq", "2008")), Aq, Tal);
        Assert.True(r.Contested);
        Assert.Equal(["a", "s"], Assert.Single(r.Contests).Facts);
    }

    [Fact]
    public void FactionAllianceWhileMovementSplits_IsNotAContest()
    {
        var r = DyadReport.Build(Build(T("h", TieKind.Alliance, "haq", "aq", "1996"), T("s", TieKind.Split, "tal", "aq", "2008")), Aq, Tal);
        Assert.False(r.Contested);
        Assert.Equal(2, r.Ties.Count); // both still shown, through the Taliban's bloc
    }

    [Fact]
    public void AllianceThatEndedBeforeTheSplit_IsNotAContest()
    {
        var ended = T("a", TieKind.Alliance, "aq", "tal", "1996") with { Period = Period.Between(FuzzyDate.Parse("1996"), FuzzyDate.Parse("2001")) };
        var r = DyadReport.Build(Build(ended, T("s", TieKind.Split, "tal", "aq", "2008")), Aq, Tal);
        Assert.False(r.Contested);
    }
}
