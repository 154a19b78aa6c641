using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;
using Wedge.Data.Exchange.Stix;

namespace Wedge.Data.Tests.Exchange.Stix;

/// <summary>Small records built in memory for the export tests.</summary>
internal static class StixTestRecords
{
    public static readonly DateTimeOffset Recorded = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    public static Source Source { get; } = new() { Id = new SourceId("s1"), Title = "A report", Author = "A. Writer", Date = new FuzzyDate(2018, 9, 11) };

    public static Claim Claim(string id, string grade = "B2", ClaimStance stance = ClaimStance.Supports)
        => new() { Id = new ClaimId(id), Source = Source.Id, Text = $"Text of {id}.", Grade = Grade.Parse(grade), Stance = stance };

    public static Actor Group(string id, ActorKind kind = ActorKind.ArmedGroup)
        => new() { Id = new ActorId(id), Name = id.ToUpperInvariant(), Kind = kind, Claims = [new ClaimId("c-" + id)] };

    /// <summary>Two groups, a and b, and the given tie between them (backed by claim c-tie), plus whatever else is passed.</summary>
    public static KnowledgeBase With(Tie? tie, params Fact[] more)
    {
        var facts = new List<Fact> { Source, Claim("c-a"), Claim("c-b"), Group("a"), Group("b") };
        if (tie is not null)
        {
            facts.Add(Claim("c-tie"));
            facts.Add(tie);
        }

        facts.AddRange(more);
        var outcome = KnowledgeBase.Empty.With([.. facts.Select(JournalChange.Add)]);
        Assert.True(outcome.IsSuccess, string.Join("; ", outcome.Problems));
        return outcome.Result!;
    }

    public static Tie Tie(TieKind kind, Period? period = null)
        => new() { Id = "t-1", Kind = kind, From = new ActorId("a"), To = new ActorId("b"), Period = period ?? Period.Always, Claims = [new ClaimId("c-tie")] };

    public static StixExport ExportOf(KnowledgeBase kb, ReadOptions? options = null)
        => StixExporter.Export(Snapshot.Of(kb, options ?? ReadOptions.Now), RecordedTimes.From([]), Recorded);
}
