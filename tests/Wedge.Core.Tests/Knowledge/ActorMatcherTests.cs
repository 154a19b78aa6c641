using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;

namespace Wedge.Core.Tests.Knowledge;

public sealed class ActorMatcherTests
{
    private static Actor A(string id, string name, string[]? aliases = null, Dictionary<string, string>? ids = null) => new()
    {
        Id = new ActorId(id),
        Name = name,
        Kind = ActorKind.ArmedGroup,
        Aliases = aliases ?? [],
        ExternalIds = ids ?? [],
    };

    private static readonly Actor[] Record =
    [
        A("haqqani-network", "Haqqani Network", ["Ḥaqqānī Network", "Haqqanis"], new() { ["mmp"] = "367" }),
        A("taliban", "Taliban", ["The Taliban", "Ṭālibān"]),
        A("jamaat-ul-ahrar", "Jamaat-ul-Ahrar"),
        A("hizbul-islam", "Hizbul Islam"),
        A("hizb-i-islami", "Hizb-i-Islami", ["Hizbul Islam"]),
    ];

    [Theory]
    [InlineData("Ḥaqqānī Network", "haqqani-network")] // the alias as written
    [InlineData("haqqani network", "haqqani-network")] // plain spelling against the accented alias and the name
    [InlineData("THE HAQQANIS", "haqqani-network")]
    [InlineData("Ṭālibān", "taliban")]
    [InlineData("ṭaliban", "taliban")]
    [InlineData("Jamāʿat-ul-Aḥrār", "jamaat-ul-ahrar")] // accents and ʿayn on the query, none on record
    [InlineData("Jama'at ul Ahrar", "jamaat-ul-ahrar")]
    [InlineData("jamaat ul ahrar", "jamaat-ul-ahrar")] // the id, folded
    public void ByName_AccentsCasePunctuationIgnored(string name, string id)
        => Assert.Equal([new ActorId(id)], new ActorMatcher(Record).ByName(name));

    [Fact]
    public void ByName_SeveralActors_AllReturnedInIdOrder()
        => Assert.Equal(["hizb-i-islami", "hizbul-islam"], new ActorMatcher(Record).ByName("Hizbul Islam").Select(a => a.Value));

    [Fact]
    public void Match_ExternalIdFirst_ThenNames()
    {
        var matcher = new ActorMatcher(Record);

        // The MMP id decides even when the name would say otherwise.
        var byId = matcher.Match("mmp", "367", ["Taliban"]);
        Assert.Equal(MatchBasis.ExternalId, byId.Basis);
        Assert.Equal(new ActorId("haqqani-network"), byId.Actor);

        var byName = matcher.Match("mmp", "999", ["Tālibān"]);
        Assert.Equal(MatchBasis.Name, byName.Basis);
        Assert.Equal(new ActorId("taliban"), byName.Actor);

        var ambiguous = matcher.Match("mmp", null, ["Hizbul Islam"]);
        Assert.True(ambiguous.IsAmbiguous);
        Assert.Null(ambiguous.Actor);

        Assert.Equal(ActorMatch.NoMatch, matcher.Match("stix", "367", ["Nobody"]));
    }

    [Fact]
    public void Snapshot_FindActor_AcceptsAccentedAndPlainSpellings()
    {
        // What a command-line actor reference goes through.
        var kb = KnowledgeBase.Empty.With(Record.Select(JournalChange.Add).ToList()).Result!;
        var snapshot = Snapshot.Of(kb, new ReadOptions(FuzzyDate.Parse("2018"), null));
        Assert.Equal("haqqani-network", snapshot.FindActor("Ḥaqqānī Network").Actor?.Id.Value);
        Assert.Equal("haqqani-network", snapshot.FindActor("Haqqani network").Actor?.Id.Value);
        Assert.Equal("taliban", snapshot.FindActor("ṬĀLIBĀN").Actor?.Id.Value);
        var none = snapshot.FindActor("Haqqaani Netwrk");
        Assert.False(none.Found);
        Assert.Equal("Haqqani Network", none.Nearest[0].Name);
    }
}
