using Wedge.Application.Notices;
using Wedge.Application.Problems;
using Wedge.Application.Records;
using Wedge.Application.Store;
using Wedge.Core.Knowledge;
using Wedge.Core.Time;

namespace Wedge.Application.Tests.Records;

/// <summary>Reads that succeed but may not answer what was asked say so (a read past the record), or are refused (before the journal began).</summary>
public sealed class ReadChecksTests : IDisposable
{
    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    private IReadOnlyList<Notice> Notices => workspace.Get<NoticeLog>().Notices;

    [Fact]
    public void LastDate_BuiltInCase_Is2018_NotTheAnalystNotesDate()
    {
        // The analyst notes source is dated 2026 (when it was written); the record follows the world only to 2018.
        var last = ReadChecks.LastDate(workspace.Get<IRecordStore>().Knowledge());
        Assert.Equal(FuzzyDate.Parse("2018"), last);
    }

    [Fact]
    public void Read_PastTheRecord_Warns_ResultStillGiven()
    {
        var actors = workspace.Get<RecordQueries>().Actors(new ReadSlice(At: FuzzyDate.Parse("2025-06")), new ActorFilter());
        Assert.NotEmpty(actors);
        var warning = Assert.Single(Notices, n => n.Level == NoticeLevel.Warning);
        Assert.Equal("read-date-past-record", warning.Code);
        Assert.StartsWith("reading at 2025-06, past the record's last dated entry (2018)", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2018-12")] // within the last dated entry's year: not certainly past it
    [InlineData("2001-09-11")]
    public void Read_WithinTheRecord_NoWarning(string at)
    {
        workspace.Get<RecordQueries>().Actors(new ReadSlice(At: FuzzyDate.Parse(at)), new ActorFilter());
        Assert.DoesNotContain(Notices, n => n.Level == NoticeLevel.Warning);
    }

    [Fact]
    public void Read_KnownAtAlonePastTheRecord_Warns()
    {
        workspace.Get<RecordQueries>().Actors(new ReadSlice(KnownAt: FuzzyDate.Parse("2030")), new ActorFilter());
        Assert.Contains(Notices, n => n.Code == "read-date-past-record");
    }

    [Fact]
    public void RecordedByBeforeTheFirstEntry_RefusedSayingWhenTheJournalBegins()
    {
        var store = workspace.Get<IRecordStore>();
        var first = store.Log().First().RecordedAt;
        var ex = Assert.Throws<ProblemException>(() => workspace.Get<RecordQueries>().Actor(new ReadSlice(RecordedBy: first.AddDays(-1)), "Taliban"));
        Assert.Equal("nothing-recorded-yet", ex.Problem.Code);
        Assert.Equal(ProblemKind.NotFound, ex.Problem.Kind);
        Assert.Contains($"the journal of {workspace.Database} begins at {first.ToUniversalTime():u}", ex.Problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RecordedByAfterTheFirstEntry_Reads()
        => Assert.Equal("Taliban", workspace.Get<RecordQueries>().Actor(new ReadSlice(RecordedBy: DateTimeOffset.UtcNow.AddMinutes(1)), "Taliban").Name);

    [Fact]
    public void Creating_TheDatabase_IsNoted()
    {
        workspace.Get<IRecordStore>().Knowledge();
        var note = Assert.Single(Notices);
        Assert.Equal(new Notice(NoticeLevel.Note, "database-created", $"created a new database at {workspace.Database} and loaded the built-in case into it"), note);
    }
}
