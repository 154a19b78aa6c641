using System.Text.Json;
using Wedge.Application.Problems;
using Wedge.Application.Records;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;

namespace Wedge.Application.Tests.Records;

/// <summary>The record-query service over a fresh database holding the built-in case.</summary>
public sealed class RecordQueriesTests : IDisposable
{
    private readonly TempWorkspace workspace = new();

    private RecordQueries Records => workspace.Get<RecordQueries>();

    public void Dispose() => workspace.Dispose();

    [Fact]
    public void Actors_KindFilter_OnlyThatKindSortedByName()
    {
        var groups = Records.Actors(ReadSlice.Now, new ActorFilter(ActorKind.ArmedGroup));
        Assert.NotEmpty(groups);
        Assert.All(groups, a => Assert.Equal(ActorKind.ArmedGroup, a.Kind));
        Assert.Equal(groups.Select(a => a.Name).Order(StringComparer.OrdinalIgnoreCase), groups.Select(a => a.Name));
        Assert.Contains(groups, a => a.Id == "al-qaeda");
    }

    [Fact]
    public void Actors_SameSliceTwice_EqualByValue()
    {
        // The result is a value: two reads of the same slice compare equal (no list compared by reference).
        var slice = new ReadSlice(At: FuzzyDate.Parse("2005"));
        Assert.Equal(Records.Actors(slice, new ActorFilter()), Records.Actors(slice, new ActorFilter()));
    }

    [Fact]
    public void Actor_ByAlias_ProfileWithTiesAndNames()
    {
        var profile = Records.Actor(new ReadSlice(At: FuzzyDate.Parse("2018-09-11")), "Taliban");
        Assert.Equal("taliban", profile.Id);
        Assert.Contains(profile.Ties, t => t.Kind == TieKind.Alliance && (t.From == "al-qaeda" || t.To == "al-qaeda"));
        Assert.Equal("al-Qaeda", profile.NameOf("al-qaeda"));
    }

    [Fact]
    public void Actor_Unknown_NotFoundProblemWithNearestNames()
    {
        var ex = Assert.Throws<ProblemException>(() => Records.Actor(ReadSlice.Now, "Talibam"));
        Assert.Equal(ProblemKind.NotFound, ex.Problem.Kind);
        Assert.Equal("actor-not-found", ex.Problem.Code);
        Assert.Contains("Taliban", ex.Problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Dyad_SameActorTwice_Refused()
    {
        var ex = Assert.Throws<ProblemException>(() => Records.Dyad(ReadSlice.Now, "Taliban", "taliban"));
        Assert.Equal(ProblemKind.Refused, ex.Problem.Kind);
        Assert.Equal("same-actor", ex.Problem.Code);
    }

    [Fact]
    public void Timeline_EntriesInDateOrder()
    {
        var entries = Records.Timeline(ReadSlice.Now, "al-Qaeda", "Taliban");
        Assert.NotEmpty(entries);
        var dates = entries.Select(e => FuzzyDate.Parse(e.Date)).ToList();
        Assert.Equal(dates.Order(), dates);
    }

    [Fact]
    public void Ties_RecordedBeforeTheDatabaseExisted_RefusedNotEmpty()
    {
        // Recorded time: the journal as it stood before anything was written holds nothing, and the read says so
        // (an empty answer, or "no actor named …" for a named actor, would hide why).
        var ex = Assert.Throws<ProblemException>(() => Records.Ties(new ReadSlice(RecordedBy: new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero))));
        Assert.Equal("nothing-recorded-yet", ex.Problem.Code);
    }

    [Fact]
    public void ActorsJson_KindInKebabCase_NullParentLeftOut()
    {
        var json = JsonDocument.Parse(WedgeJson.Serialize(Records.Actors(ReadSlice.Now, new ActorFilter(ActorKind.ArmedGroup)))).RootElement;
        var aq = json.EnumerateArray().Single(a => a.GetProperty("id").GetString() == "al-qaeda");
        Assert.Equal("armed-group", aq.GetProperty("kind").GetString());
        Assert.False(aq.TryGetProperty("parent", out _));
        Assert.Equal(JsonValueKind.Array, aq.GetProperty("aliases").ValueKind);
    }
}
