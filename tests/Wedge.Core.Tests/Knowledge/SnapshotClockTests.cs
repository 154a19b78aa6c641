using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;
using static Wedge.Core.Tests.Knowledge.Facts;

namespace Wedge.Core.Tests.Knowledge;

/// <summary>Valid time and public time, on a miniature of the Mullah Omar case: died 2013, made public 2015.</summary>
public class SnapshotClockTests
{
    private static KnowledgeBase OmarCase() => Kb(
        Source(),
        Claim("c-omar-leads", publicSince: "1996"),
        Claim("c-omar-dead", publicSince: "2015-07-29"),
        Claim("c-mansour", publicSince: "2015-07-30"),
        Claim("c-alliance", publicSince: "1998"),
        Claim("c-invasion", publicSince: "2001-10-07"),
        Actor("taliban"),
        Actor("al-qaeda"),
        Actor("omar", ActorKind.Person, active: new Period(null, D("2013-04")), endPublic: "2015-07-29"),
        Actor("mansour", ActorKind.Person),
        Role("r-omar", "omar", "taliban", "leader", new Period(D("1994"), D("2013-04")), "2015-07-29", "c-omar-leads", "c-omar-dead"),
        Role("r-mansour", "mansour", "taliban", "leader", Period.Since(D("2015-07")), null, "c-mansour"),
        Tie("t-alliance", TieKind.Alliance, "al-qaeda", "taliban", Period.Since(D("1996")), "c-alliance"),
        Tie("t-rivalry-us", TieKind.Rivalry, "taliban", "al-qaeda", Period.Since(D("2001-10-07")), "c-invasion"));

    [Fact]
    public void KnownAt_BeforeRevelation_ShowsOmarAsLivingLeader()
    {
        var s = Snapshot.Of(OmarCase(), new ReadOptions(KnownAt: D("2014-12-31")));
        var role = Assert.Single(s.Roles);
        Assert.Equal("r-omar", role.Id);
        Assert.True(role.Period.IsOpenEnded); // the end was not yet public
        Assert.True(s.HoldsAt(role.Period));
        Assert.True(s.HoldsAt(s.Actor(new ActorId("omar"))!.Active));
        Assert.Equal(["c-omar-leads"], role.Claims.Select(c => c.Value)); // the later claim is not yet public
    }

    [Fact]
    public void Now_ShowsOmarDeadAndMansourLeading()
    {
        var s = Snapshot.Of(OmarCase(), ReadOptions.Now);
        var omar = s.Roles.Single(r => r.Id == "r-omar");
        Assert.Equal(D("2013-04"), omar.Period.End);
        Assert.False(s.HoldsAt(omar.Period));
        Assert.True(s.HoldsAt(s.Roles.Single(r => r.Id == "r-mansour").Period));
    }

    [Fact]
    public void At_BeforeAFact_HidesIt()
    {
        var s = Snapshot.Of(OmarCase(), new ReadOptions(At: D("2000-01-01")));
        Assert.DoesNotContain(s.Ties, t => t.Id == "t-rivalry-us");
        Assert.Contains(s.Ties, t => t.Id == "t-alliance");
        Assert.DoesNotContain(s.Roles, r => r.Id == "r-mansour");
    }

    [Fact]
    public void At_ValidDateWithHindsight_EndsThatLieAheadAreOpen()
    {
        // At 2012 the world had Omar alive; his 2013 end had not happened yet.
        var s = Snapshot.Of(OmarCase(), new ReadOptions(At: D("2012")));
        Assert.True(s.Roles.Single(r => r.Id == "r-omar").Period.IsOpenEnded);
    }

    [Fact]
    public void KnownAt_ClaimPublicInAYear_IsNotKnownMidYear()
    {
        var kb = Kb(Source(date: null), Claim("c1", publicSince: "2015"), Actor("a"), Actor("b"), Tie("t", TieKind.Alliance, "a", "b", Period.Always, "c1"));
        Assert.Empty(Snapshot.Of(kb, new ReadOptions(KnownAt: D("2015-06-30"))).Ties);
        Assert.Single(Snapshot.Of(kb, new ReadOptions(KnownAt: D("2015-12-31"))).Ties);
    }

    [Fact]
    public void Claim_WithoutOwnDate_UsesSourceDate()
    {
        var kb = Kb(Source(date: "2018-09-11"), Claim("c1"), Actor("a"), Actor("b"), Tie("t", TieKind.Alliance, "a", "b", Period.Since(D("1996")), "c1"));
        Assert.Empty(Snapshot.Of(kb, new ReadOptions(KnownAt: D("2018-09-10"))).Ties);
        Assert.Single(Snapshot.Of(kb, new ReadOptions(KnownAt: D("2018-09-11"))).Ties);
    }

    [Fact]
    public void Disputing_Claim_MarksFactDisputedButKeepsIt()
    {
        var kb = Kb(Source(), Claim("c-yes"), Claim("c-no", stance: ClaimStance.Disputes), Actor("a"), Actor("b"),
            Tie("t", TieKind.Alliance, "a", "b", Period.Always, "c-yes", "c-no"));
        var s = Snapshot.Of(kb, ReadOptions.Now);
        var tie = Assert.Single(s.Ties);
        Assert.True(s.IsDisputed(tie));
        Assert.Equal(2, s.ClaimsOf(tie).Count);
    }

    [Fact]
    public void FindActor_ByAliasIgnoringCaseAndPunctuation()
    {
        var kb = Kb(Actor("al-qaeda", aliases: ["Al Qaeda", "AQ"]), Actor("taliban", aliases: ["The Taliban"]));
        var s = Snapshot.Of(kb, ReadOptions.Now);
        Assert.Equal("al-qaeda", s.FindActor("AL-QAEDA").Actor?.Id.Value);
        Assert.Equal("al-qaeda", s.FindActor("aq").Actor?.Id.Value);
        Assert.Equal("taliban", s.FindActor("the taliban").Actor?.Id.Value);
        var miss = s.FindActor("al-qaida");
        Assert.False(miss.Found);
        Assert.Equal("al-qaeda", miss.Nearest[0].Id.Value);
        Assert.Contains("nearest: al-qaeda", miss.Describe("al-qaida"), StringComparison.Ordinal);
    }

    [Fact]
    public void Bloc_IncludesFactionsAndTheirLeaders()
    {
        var kb = Kb(Source(), Claim("c"), Actor("taliban"), Actor("haqqani", ActorKind.Faction, parent: "taliban"), Actor("siraj", ActorKind.Person),
            Role("r", "siraj", "haqqani", "leader", Period.Always, null, "c"));
        var bloc = Snapshot.Of(kb, ReadOptions.Now).Bloc(new ActorId("taliban"));
        Assert.Equal(["haqqani", "siraj", "taliban"], bloc.Select(a => a.Value).Order());
    }

    [Fact]
    public void Attribute_EndMadePublicLater_IsOpenUntilThen()
    {
        var kb = Kb(Source(), Claim("c", publicSince: "1996"), Actor("omar", ActorKind.Person),
            new ActorAttribute { Id = "a", Actor = new ActorId("omar"), Name = "legitimacy", Value = "high", Period = new Period(D("1994"), D("2013-04")), EndPublicSince = D("2015-07-29"), Claims = [new ClaimId("c")] });
        Assert.True(Snapshot.Of(kb, new ReadOptions(KnownAt: D("2014-12-31"))).Attributes.Single().Period.IsOpenEnded);
        Assert.Equal(D("2013-04"), Snapshot.Of(kb, ReadOptions.Now).Attributes.Single().Period.End);
    }
}
