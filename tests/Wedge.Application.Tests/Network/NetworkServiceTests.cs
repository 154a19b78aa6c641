using Wedge.Application.Network;
using Wedge.Application.Problems;
using Wedge.Application.Store;
using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Time;

namespace Wedge.Application.Tests.Network;

public sealed class NetworkServiceTests : IDisposable
{
    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    /// <summary>Counts reads of the journal, passing everything on to the real store.</summary>
    private sealed class CountingStore(IRecordStore inner) : IRecordStore
    {
        public int Reads { get; private set; }

        public KnowledgeBase Knowledge(DateTimeOffset? recordedBy = null)
        {
            Reads++;
            return inner.Knowledge(recordedBy);
        }

        public IReadOnlyList<JournalEntry> Log(string? fact = null, int? last = null) => inner.Log(fact, last);

        public long Append(IReadOnlyList<JournalChange> changes, string author, string reason, long? expectedVersion = null, KnowledgeBase? basedOn = null)
            => inner.Append(changes, author, reason, expectedVersion, basedOn);

        public long AppendStream(IEnumerable<JournalChange> changes, string author, string reason, long expectedVersion, KnowledgeBase basedOn, CancellationToken cancellationToken = default)
            => inner.AppendStream(changes, author, reason, expectedVersion, basedOn, cancellationToken);
    }

    [Fact]
    public void Wedges_FileNetwork_AccentedOrPlainLabelFindsTheNode()
    {
        // A label written with diacritics in a file is found by its plain spelling, and the other way round.
        var path = Path.Combine(Path.GetDirectoryName(workspace.Database)!, "web.csv");
        File.WriteAllText(path, "source,target,sign\nḤaqqānī Network,Taliban,1\nTaliban,al-Qaeda,1\nal-Qaeda,Haqqani Sympathisers,1\n");
        var service = workspace.Get<NetworkService>();
        var request = NetworkRequest.FromFile(new NetworkFile(path));
        Assert.Equal("Ḥaqqānī Network", service.Wedges(request, new WedgeRequest("haqqani network", K: 1)).Anchor);
        Assert.Equal("al-Qaeda", service.Wedges(request, new WedgeRequest("Al Qāʿeda", K: 1)).Anchor);
        var missing = Assert.Throws<ProblemException>(() => service.Wedges(request, new WedgeRequest("haqqani", K: 1)));
        Assert.Contains("did you mean: Ḥaqqānī Network, Haqqani Sympathisers", missing.Problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OverTime_ElevenYears_ReadsTheJournalOnce()
    {
        var store = new CountingStore(workspace.Get<JournalRecordStore>());
        var service = new NetworkService(store);
        var series = service.OverTime(new OverTimeRequest(new NetworkRequest(ReadSlice.Now), FuzzyDate.Parse("2000"), FuzzyDate.Parse("2010"), 12, "Taliban"));
        Assert.Equal(11, series.Points.Count);
        Assert.Equal(1, store.Reads);
        Assert.Equal("Taliban", series.ActorName);
    }

    [Fact]
    public void OverTime_EachPointEqualsTheSummaryReadAtThatDate()
    {
        // One read and a snapshot per date must give what a separate read at each date gives.
        var service = workspace.Get<NetworkService>();
        var series = service.OverTime(new OverTimeRequest(new NetworkRequest(ReadSlice.Now), FuzzyDate.Parse("1996"), FuzzyDate.Parse("2016"), 60));
        foreach (var point in series.Points)
        {
            var single = service.Overview(new NetworkRequest(new ReadSlice(At: FuzzyDate.Parse(point.Date))));
            Assert.Equal(single.Nodes, point.Summary.Nodes);
            Assert.Equal(single.Friendly, point.Summary.PositiveEdges);
            Assert.Equal(single.Hostile, point.Summary.NegativeEdges);
        }
    }

    [Fact]
    public void OverTime_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => workspace.Get<NetworkService>().OverTime(
            new OverTimeRequest(new NetworkRequest(ReadSlice.Now), FuzzyDate.Parse("2000"), FuzzyDate.Parse("2010"), 12), cancellationToken: cancelled.Token));
    }

    [Fact]
    public void Wedges_UnknownAnchor_NotFound()
    {
        var ex = Assert.Throws<ProblemException>(() => workspace.Get<NetworkService>().Wedges(new NetworkRequest(ReadSlice.Now), new WedgeRequest("Nobody Group")));
        Assert.Equal(ProblemKind.NotFound, ex.Problem.Kind);
    }
}
