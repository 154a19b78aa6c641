using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;

namespace Wedge.Analysis.Tests.Assessment;

/// <summary>
/// Builds small knowledge bases in code, one fact per call, each backed by its own claim of the given
/// grade. <see cref="Article"/> is a condensed al-Qaeda–Taliban record shaped like the source article.
/// </summary>
internal sealed class MiniCase
{
    private readonly List<Fact> facts = [];
    private int next;

    public MiniCase()
    {
        facts.Add(new Source { Id = new SourceId("src"), Title = "A source", Author = "An Author", Date = FuzzyDate.Parse("2018-09-11") });
    }

    public static Period P(string? from, string? until = null)
        => new(from is null ? null : FuzzyDate.Parse(from), until is null ? null : FuzzyDate.Parse(until));

    public string Claim(string grade, string? text = null, string? publicSince = null, ClaimStance stance = ClaimStance.Supports, string? id = null)
    {
        id ??= $"c{++next}";
        facts.Add(new Claim
        {
            Id = new ClaimId(id),
            Source = new SourceId("src"),
            Text = text ?? $"claim {id}",
            Grade = Grade.Parse(grade),
            PublicSince = publicSince is null ? null : FuzzyDate.Parse(publicSince),
            Stance = stance,
            Locator = "Section",
        });
        return id;
    }

    private IReadOnlyList<ClaimId> Claims(string? grade, string? publicSince, string? claimId)
        => claimId is not null ? [new ClaimId(claimId)] : grade is null ? [] : [new ClaimId(Claim(grade, publicSince: publicSince))];

    public MiniCase Actor(string id, ActorKind kind = ActorKind.ArmedGroup, string? parent = null, string[]? ideology = null, Period? active = null, string? endPublic = null)
    {
        facts.Add(new Actor
        {
            Id = new ActorId(id),
            Name = id,
            Kind = kind,
            Parent = parent is null ? null : new ActorId(parent),
            Ideology = ideology ?? [],
            Active = active ?? Period.Always,
            EndPublicSince = endPublic is null ? null : FuzzyDate.Parse(endPublic),
        });
        return this;
    }

    public MiniCase Tie(string id, TieKind kind, string from, string to, Period period, string? grade = "B2", Acknowledgement ack = Acknowledgement.Unstated,
        string? publicSince = null, string? claim = null, string? endPublic = null)
    {
        facts.Add(new Tie
        {
            Id = id,
            Kind = kind,
            From = new ActorId(from),
            To = new ActorId(to),
            Period = period,
            Acknowledgement = ack,
            EndPublicSince = endPublic is null ? null : FuzzyDate.Parse(endPublic),
            Claims = Claims(grade, publicSince, claim),
        });
        return this;
    }

    public MiniCase Flow(string id, string provider, string recipient, LedgerCategory category, Period period, string magnitude, string? grade = "B2", string? publicSince = null, string? claim = null)
    {
        facts.Add(new LedgerEntry
        {
            Id = id,
            Provider = new ActorId(provider),
            Recipient = new ActorId(recipient),
            Category = category,
            Period = period,
            Magnitude = Magnitude.TryParse(magnitude, out var m, out var error) ? m : throw new ArgumentException(error),
            Claims = Claims(grade, publicSince, claim),
        });
        return this;
    }

    public MiniCase Role(string id, string person, string org, string title, Period period, string? grade = "B2", string? publicSince = null, string? endPublic = null, string? claim = null)
    {
        facts.Add(new Role
        {
            Id = id,
            Person = new ActorId(person),
            Organisation = new ActorId(org),
            Title = new RoleTitle(title),
            Period = period,
            EndPublicSince = endPublic is null ? null : FuzzyDate.Parse(endPublic),
            Claims = Claims(grade, publicSince, claim),
        });
        return this;
    }

    public MiniCase Attribute(string id, string actor, string name, string value, Period period, string? grade = "B2")
    {
        facts.Add(new ActorAttribute { Id = id, Actor = new ActorId(actor), Name = name, Value = value, Period = period, Claims = Claims(grade, null, null) });
        return this;
    }

    public MiniCase Add(Fact fact)
    {
        facts.Add(fact);
        return this;
    }

    public MiniCase Without(Func<Fact, bool> drop)
    {
        facts.RemoveAll(f => drop(f));
        return this;
    }

    public KnowledgeBase Kb()
    {
        var outcome = KnowledgeBase.Empty.With(facts.Select(JournalChange.Add).ToList());
        Assert.True(outcome.IsSuccess, string.Join("; ", outcome.Problems));
        return outcome.Result!;
    }

    public Snapshot Snapshot(string? at = null, string? knownAt = null)
        => Core.Knowledge.Snapshot.Of(Kb(), new ReadOptions(at is null ? null : FuzzyDate.Parse(at), knownAt is null ? null : FuzzyDate.Parse(knownAt)));

    /// <summary>A condensed version of the article's record: the pair, the Haqqani faction, third-party funders, rivals, pledges, costs.</summary>
    public static MiniCase Article()
    {
        var c = new MiniCase()
            .Actor("aq", ideology: ["salafi-jihadist", "islamist", "global-jihad"])
            .Actor("taliban", ideology: ["deobandi", "islamist", "nationalist"])
            .Actor("haqqani", ActorKind.Faction, parent: "taliban")
            .Actor("is").Actor("iskp").Actor("pakistan", ActorKind.State).Actor("iran", ActorKind.State).Actor("drugs", ActorKind.Other)
            .Actor("gulf-donors", ActorKind.Other).Actor("afghan-recruits", ActorKind.Other)
            .Actor("binladen", ActorKind.Person, active: P(null, "2011-05-02"))
            .Actor("omar", ActorKind.Person, active: P(null, "2013-04"), endPublic: "2015-07-29")
            .Actor("sirajuddin", ActorKind.Person).Actor("haibatullah", ActorKind.Person).Actor("zawahiri", ActorKind.Person)
            .Role("r-omar", "omar", "taliban", "leader", P("1994", "2013-04"), endPublic: "2015-07-29")
            .Role("r-haibatullah", "haibatullah", "taliban", "leader", P("2016-05"))
            .Role("r-siraj-haqqani", "sirajuddin", "haqqani", "leader", P("2005"))
            .Role("r-siraj-deputy", "sirajuddin", "taliban", "deputy", P("2015-07"), publicSince: "2015-07-30")
            .Role("r-binladen", "binladen", "aq", "leader", P("1988", "2011-05-02"))
            .Role("r-zawahiri", "zawahiri", "aq", "leader", P("2011-06"))
            .Attribute("a-haibatullah-legitimacy", "haibatullah", "legitimacy", "low", P("2016-05"))
            .Tie("t-alliance", TieKind.Alliance, "aq", "taliban", P("1996"))
            .Tie("t-bayat-binladen", TieKind.Affiliation, "binladen", "omar", P("1998", "2011-05-02"), ack: Acknowledgement.Acknowledged)
            .Tie("t-bayat-zawahiri-mansour", TieKind.Affiliation, "zawahiri", "taliban", P("2015-08"), ack: Acknowledgement.AcknowledgedThenWithdrawn)
            .Tie("t-haqqani-aq", TieKind.Alliance, "haqqani", "aq", P("2001"))
            .Tie("t-aq-is", TieKind.Rivalry, "aq", "is", P("2014"))
            .Tie("t-taliban-iskp", TieKind.Rivalry, "taliban", "iskp", P("2015"))
            .Tie("t-iskp-is", TieKind.Affiliation, "iskp", "is", P("2015"))
            // Benefits to the Taliban from al-Qaeda.
            .Flow("l-aq-funds-90s", "aq", "taliban", LedgerCategory.Funds, P("1996", "2001"), "moderate")
            .Flow("l-aq-expertise", "aq", "taliban", LedgerCategory.Expertise, P("1996"), "minor..moderate")
            .Flow("l-aq-manpower", "aq", "taliban", LedgerCategory.Manpower, P("2002"), "minor")
            .Flow("l-aq-funds-now", "aq", "taliban", LedgerCategory.Funds, P("2002"), "negligible", grade: "C3")
            // Costs the Taliban bore.
            .Flow("l-isolation", "aq", "taliban", LedgerCategory.Isolation, P("1998", "2001"), "major")
            .Flow("l-strife", "aq", "taliban", LedgerCategory.InternalStrife, P("1998"), "minor")
            .Flow("l-invasion", "aq", "taliban", LedgerCategory.Retaliation, P("2001-10"), "major..critical")
            // Third parties' flows to the Taliban.
            .Flow("l-pak-funds", "pakistan", "taliban", LedgerCategory.Funds, P("2002"), "major")
            .Flow("l-iran-funds", "iran", "taliban", LedgerCategory.Funds, P("2007"), "moderate")
            .Flow("l-drug-funds", "drugs", "taliban", LedgerCategory.Funds, P("2002"), "major")
            .Flow("l-gulf-funds", "gulf-donors", "taliban", LedgerCategory.Funds, P("2002"), "moderate")
            .Flow("l-recruits", "afghan-recruits", "taliban", LedgerCategory.Manpower, P("2002"), "critical")
            // Benefits to al-Qaeda from the Taliban (and its Haqqani faction).
            .Flow("l-sanctuary", "taliban", "aq", LedgerCategory.Sanctuary, P("1996", "2001"), "critical")
            .Flow("l-haqqani-protection", "haqqani", "aq", LedgerCategory.Protection, P("2002"), "moderate")
            .Flow("l-legitimacy", "taliban", "aq", LedgerCategory.Legitimacy, P("2014"), "moderate")
            .Flow("l-foothold", "taliban", "aq", LedgerCategory.OtherBenefit, P("2002"), "moderate")
            // Costs al-Qaeda bore.
            .Flow("l-aq-losses", "taliban", "aq", LedgerCategory.Retaliation, P("2001-10"), "minor");
        return c;
    }
}
