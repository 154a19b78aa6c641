using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;
using static Wedge.Core.Tests.Knowledge.Facts;

namespace Wedge.Core.Tests.Knowledge;

public class KnowledgeBaseTests
{
    [Fact]
    public void With_UnknownActorInTie_RefusesWholeBatch()
    {
        var outcome = KnowledgeBase.Empty.With([JournalChange.Add(Actor("a")), JournalChange.Add(Tie("t", TieKind.Alliance, "a", "ghost", Period.Always))]);
        Assert.False(outcome.IsSuccess);
        var p = Assert.Single(outcome.Problems);
        Assert.Equal("unknown actor 'ghost'", p.Reason);
    }

    [Fact]
    public void With_DuplicateId_Refused()
    {
        var outcome = Kb(Actor("a")).With([JournalChange.Add(Actor("a"))]);
        Assert.Contains("duplicate id", Assert.Single(outcome.Problems).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void With_RetractingSomethingStillReferenced_Refused()
    {
        var kb = Kb(Actor("a"), Actor("b"), Tie("t", TieKind.Alliance, "a", "b", Period.Always));
        var outcome = kb.With([JournalChange.Retract(new FactKey(FactType.Actor, "b"))]);
        Assert.False(outcome.IsSuccess);
        Assert.Contains("unknown actor 'b'", outcome.Problems[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void With_CorrectAndRetract_NeedAFactOnRecord()
    {
        var outcome = KnowledgeBase.Empty.With([JournalChange.Correct(Actor("a")), JournalChange.Retract(new FactKey(FactType.Tie, "t"))]);
        Assert.Equal(2, outcome.Problems.Count);
    }

    [Fact]
    public void Project_ReplaysAddCorrectRetract()
    {
        var t0 = DateTimeOffset.UnixEpoch;
        var entries = new[]
        {
            new JournalEntry(1, t0, "x", "r", JournalAction.Add, new FactKey(FactType.Actor, "a"), Actor("a")),
            new JournalEntry(2, t0, "x", "r", JournalAction.Add, new FactKey(FactType.Actor, "b"), Actor("b")),
            new JournalEntry(3, t0, "x", "r", JournalAction.Correct, new FactKey(FactType.Actor, "a"), Actor("a") with { Name = "A" }),
            new JournalEntry(4, t0, "x", "r", JournalAction.Retract, new FactKey(FactType.Actor, "b"), null),
        };
        var kb = KnowledgeBase.Project(entries);
        Assert.Equal(4, kb.Version);
        Assert.Equal("A", kb.FindActor(new ActorId("a"))!.Name);
        Assert.Null(kb.FindActor(new ActorId("b")));
    }
}
