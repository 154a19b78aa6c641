using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;

namespace Wedge.Core.Tests.Knowledge;

/// <summary>Builders for small knowledge bases in tests.</summary>
internal static class Facts
{
    public static FuzzyDate D(string s) => FuzzyDate.Parse(s);

    public static Source Source(string id = "src", string? date = "2018-09-11") => new() { Id = new SourceId(id), Title = "A source", Date = date is null ? null : D(date) };

    public static Claim Claim(string id, string? publicSince = null, string grade = "B2", ClaimStance stance = ClaimStance.Supports, string source = "src")
        => new() { Id = new ClaimId(id), Source = new SourceId(source), Text = $"claim {id}", Grade = Grade.Parse(grade), PublicSince = publicSince is null ? null : D(publicSince), Stance = stance };

    public static Actor Actor(string id, ActorKind kind = ActorKind.ArmedGroup, string? parent = null, Period? active = null, string? endPublic = null, params string[] aliases)
        => new() { Id = new ActorId(id), Name = id, Kind = kind, Parent = parent is null ? null : new ActorId(parent), Active = active ?? Period.Always, EndPublicSince = endPublic is null ? null : D(endPublic), Aliases = aliases };

    public static Tie Tie(string id, TieKind kind, string from, string to, Period period, params string[] claims)
        => new() { Id = id, Kind = kind, From = new ActorId(from), To = new ActorId(to), Period = period, Claims = claims.Select(c => new ClaimId(c)).ToList() };

    public static Role Role(string id, string person, string org, string title, Period period, string? endPublic, params string[] claims)
        => new() { Id = id, Person = new ActorId(person), Organisation = new ActorId(org), Title = new RoleTitle(title), Period = period, EndPublicSince = endPublic is null ? null : D(endPublic), Claims = claims.Select(c => new ClaimId(c)).ToList() };

    public static KnowledgeBase Kb(params Fact[] facts)
    {
        var outcome = KnowledgeBase.Empty.With(facts.Select(JournalChange.Add).ToList());
        Assert.True(outcome.IsSuccess, string.Join("; ", outcome.Problems));
        return outcome.Result!;
    }
}
