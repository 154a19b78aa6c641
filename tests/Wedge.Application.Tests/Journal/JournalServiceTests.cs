using Wedge.Application.Journal;
using Wedge.Application.Problems;
using Wedge.Application.Records;
using Wedge.Core.Model;

namespace Wedge.Application.Tests.Journal;

public sealed class JournalServiceTests : IDisposable
{
    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    private JournalService Journal => workspace.Get<JournalService>();

    [Fact]
    public void Retract_AppendsOneEntry_HistoryShowsIt()
    {
        var before = Journal.History().Count;
        var done = Journal.Retract("tie:t-aq-us-rivalry", new ChangeContext("tester", "testing"));
        var history = Journal.History();
        Assert.Equal(before + 1, history.Count);
        Assert.Equal(done.Version, history[^1].Version);
        Assert.Equal(("retract", "tie:t-aq-us-rivalry", "tester"), (history[^1].Action, history[^1].Fact, history[^1].Author));
    }

    [Fact]
    public void Retract_UnknownFact_NotFound_NothingWritten()
    {
        var before = Journal.History().Count;
        var ex = Assert.Throws<ProblemException>(() => Journal.Retract("claim:no-such-claim", new ChangeContext(null, "testing")));
        Assert.Equal(ProblemKind.NotFound, ex.Problem.Kind);
        Assert.Equal(before, Journal.History().Count);
    }

    [Fact]
    public void Correct_StaleExpectedVersion_Conflict_NothingWritten()
    {
        var version = Journal.History()[^1].Version;
        Journal.Retract("tie:t-aq-us-rivalry", new ChangeContext(null, "someone else wrote first"));
        var ex = Assert.Throws<ProblemException>(() => Journal.Correct("claim:c-intro-invasion", ["grade=C3"], new ChangeContext(null, "stale", version)));
        Assert.Equal(ProblemKind.Conflict, ex.Problem.Kind);
        Assert.Equal(version + 1, Journal.History()[^1].Version);
    }

    [Fact]
    public void Correct_Grade_ReadBackCorrected()
    {
        Journal.Correct("claim:c-intro-invasion", ["grade=C3"], new ChangeContext(null, "regraded"));
        var kb = workspace.Get<RecordQueries>().Whole();
        var claim = Assert.IsType<Claim>(kb.Find(new FactKey(FactType.Claim, "c-intro-invasion")));
        Assert.Equal("C3", claim.Grade.ToString());
    }
}
