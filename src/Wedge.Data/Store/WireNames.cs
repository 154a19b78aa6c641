using Wedge.Core.Model;
using Wedge.Core.Time;

namespace Wedge.Data.Store;

/// <summary>
/// The names facts take in the journal's JSON payloads, fixed here and never derived from C# member names: a member
/// may be renamed in C# (the <c>nameof</c> keys follow it) while the stored name stays. A payload name must never
/// change once written (databases hold it); the journal-v1 fixture test fails if one does. A new member needs a new
/// entry: serialising a fact with a member missing here throws.
/// </summary>
public static class WireNames
{
    /// <summary>Data members: written to the journal and read back.</summary>
    internal static readonly Dictionary<Type, Dictionary<string, string>> Members = new()
    {
        [typeof(Fact)] = new() { [nameof(Fact.Claims)] = "claims" },
        [typeof(Source)] = new()
        {
            [nameof(Source.Id)] = "id",
            [nameof(Source.Title)] = "title",
            [nameof(Source.Author)] = "author",
            [nameof(Source.Publisher)] = "publisher",
            [nameof(Source.Date)] = "date",
            [nameof(Source.Url)] = "url",
            [nameof(Source.Marking)] = "marking",
        },
        [typeof(Claim)] = new()
        {
            [nameof(Claim.Id)] = "id",
            [nameof(Claim.Source)] = "source",
            [nameof(Claim.Text)] = "text",
            [nameof(Claim.Grade)] = "grade",
            [nameof(Claim.GradeReason)] = "gradeReason",
            [nameof(Claim.Locator)] = "locator",
            [nameof(Claim.PublicSince)] = "publicSince",
            [nameof(Claim.Stance)] = "stance",
            [nameof(Claim.Reports)] = "reports",
            [nameof(Claim.Context)] = "context",
            [nameof(Claim.Marking)] = "marking",
        },
        [typeof(Actor)] = new()
        {
            [nameof(Actor.Id)] = "id",
            [nameof(Actor.Name)] = "name",
            [nameof(Actor.Kind)] = "kind",
            [nameof(Actor.Aliases)] = "aliases",
            [nameof(Actor.Parent)] = "parent",
            [nameof(Actor.Ideology)] = "ideology",
            [nameof(Actor.HomeBase)] = "homeBase",
            [nameof(Actor.Active)] = "active",
            [nameof(Actor.EndPublicSince)] = "endPublicSince",
            [nameof(Actor.ExternalIds)] = "externalIds",
            [nameof(Actor.Description)] = "description",
        },
        [typeof(Role)] = new()
        {
            [nameof(Role.Id)] = "id",
            [nameof(Role.Person)] = "person",
            [nameof(Role.Organisation)] = "organisation",
            [nameof(Role.Title)] = "title",
            [nameof(Role.Period)] = "period",
            [nameof(Role.EndPublicSince)] = "endPublicSince",
        },
        [typeof(Tie)] = new()
        {
            [nameof(Tie.Id)] = "id",
            [nameof(Tie.Kind)] = "kind",
            [nameof(Tie.From)] = "from",
            [nameof(Tie.To)] = "to",
            [nameof(Tie.Period)] = "period",
            [nameof(Tie.EndPublicSince)] = "endPublicSince",
            [nameof(Tie.Stance)] = "stance",
            [nameof(Tie.Acknowledgement)] = "acknowledgement",
            [nameof(Tie.Note)] = "note",
            [nameof(Tie.StartOnly)] = "startOnly",
        },
        [typeof(LedgerEntry)] = new()
        {
            [nameof(LedgerEntry.Id)] = "id",
            [nameof(LedgerEntry.Provider)] = "provider",
            [nameof(LedgerEntry.Recipient)] = "recipient",
            [nameof(LedgerEntry.Category)] = "category",
            [nameof(LedgerEntry.Period)] = "period",
            [nameof(LedgerEntry.Magnitude)] = "magnitude",
            [nameof(LedgerEntry.Note)] = "note",
        },
        [typeof(Event)] = new()
        {
            [nameof(Event.Id)] = "id",
            [nameof(Event.Date)] = "date",
            [nameof(Event.Kind)] = "kind",
            [nameof(Event.Title)] = "title",
            [nameof(Event.Actors)] = "actors",
            [nameof(Event.Fatalities)] = "fatalities",
        },
        [typeof(ActorAttribute)] = new()
        {
            [nameof(ActorAttribute.Id)] = "id",
            [nameof(ActorAttribute.Actor)] = "actor",
            [nameof(ActorAttribute.Name)] = "name",
            [nameof(ActorAttribute.Value)] = "value",
            [nameof(ActorAttribute.Period)] = "period",
            [nameof(ActorAttribute.EndPublicSince)] = "endPublicSince",
        },
        [typeof(Period)] = new() { [nameof(Period.Start)] = "start", [nameof(Period.End)] = "end" },
        [typeof(FactKey)] = new() { [nameof(FactKey.Type)] = "type", [nameof(FactKey.Id)] = "id" },
    };

    /// <summary>
    /// Members computed from the data (a fact's key and references, a citation, whether a period is open): shown in
    /// <see cref="FactJson.Options"/> output under these names, never written to the journal (older payloads hold
    /// them; reading skips them).
    /// </summary>
    internal static readonly Dictionary<string, string> Derived = new()
    {
        [nameof(Fact.Key)] = "key",
        [nameof(Fact.ActorRefs)] = "actorRefs",
        [nameof(Source.Citation)] = "citation",
        [nameof(Period.IsOpenEnded)] = "isOpenEnded",
    };

    /// <summary>The names of every enum member a fact holds.</summary>
    internal static readonly Dictionary<Type, IReadOnlyDictionary<Enum, string>> Enums = new()
    {
        [typeof(ActorKind)] = Table(typeof(ActorKind), new Dictionary<Enum, string>
        {
            [ActorKind.ArmedGroup] = "armed-group",
            [ActorKind.Faction] = "faction",
            [ActorKind.State] = "state",
            [ActorKind.Person] = "person",
            [ActorKind.Other] = "other",
        }),
        [typeof(TieKind)] = Table(typeof(TieKind), new Dictionary<Enum, string>
        {
            [TieKind.Alliance] = "alliance",
            [TieKind.Affiliation] = "affiliation",
            [TieKind.Sponsorship] = "sponsorship",
            [TieKind.Rivalry] = "rivalry",
            [TieKind.Split] = "split",
            [TieKind.Merger] = "merger",
            [TieKind.Leadership] = "leadership",
        }),
        [typeof(TieStance)] = Table(typeof(TieStance), new Dictionary<Enum, string>
        {
            [TieStance.Unstated] = "unstated",
            [TieStance.Public] = "public",
            [TieStance.Private] = "private",
        }),
        [typeof(Acknowledgement)] = Table(typeof(Acknowledgement), new Dictionary<Enum, string>
        {
            [Acknowledgement.Unstated] = "unstated",
            [Acknowledgement.Acknowledged] = "acknowledged",
            [Acknowledgement.AcknowledgedThenWithdrawn] = "acknowledged-then-withdrawn",
            [Acknowledgement.NotEndorsed] = "not-endorsed",
            [Acknowledgement.Denied] = "denied",
        }),
        [typeof(Marking)] = Table(typeof(Marking), new Dictionary<Enum, string>
        {
            [Marking.Clear] = "clear",
            [Marking.Green] = "green",
            [Marking.Amber] = "amber",
            [Marking.AmberStrict] = "amber+strict",
            [Marking.Red] = "red",
        }),
        [typeof(ClaimStance)] = Table(typeof(ClaimStance), new Dictionary<Enum, string> { [ClaimStance.Supports] = "supports", [ClaimStance.Disputes] = "disputes" }),
        [typeof(ClaimReports)] = Table(typeof(ClaimReports), new Dictionary<Enum, string>
        {
            [ClaimReports.Unstated] = "unstated",
            [ClaimReports.Declaration] = "declaration",
            [ClaimReports.Conduct] = "conduct",
        }),
        [typeof(LedgerCategory)] = Table(typeof(LedgerCategory), new Dictionary<Enum, string>
        {
            [LedgerCategory.Expertise] = "expertise",
            [LedgerCategory.Manpower] = "manpower",
            [LedgerCategory.Funds] = "funds",
            [LedgerCategory.Sanctuary] = "sanctuary",
            [LedgerCategory.Protection] = "protection",
            [LedgerCategory.Legitimacy] = "legitimacy",
            [LedgerCategory.Propaganda] = "propaganda",
            [LedgerCategory.OtherBenefit] = "other-benefit",
            [LedgerCategory.Isolation] = "isolation",
            [LedgerCategory.Retaliation] = "retaliation",
            [LedgerCategory.InternalStrife] = "internal-strife",
            [LedgerCategory.LostPatron] = "lost-patron",
            [LedgerCategory.OtherCost] = "other-cost",
        }),
        [typeof(EventKind)] = Table(typeof(EventKind), new Dictionary<Enum, string>
        {
            [EventKind.LeaderDeath] = "leader-death",
            [EventKind.Revelation] = "revelation",
            [EventKind.LeaderChange] = "leader-change",
            [EventKind.Attack] = "attack",
            [EventKind.Invasion] = "invasion",
            [EventKind.Recognition] = "recognition",
            [EventKind.Designation] = "designation",
            [EventKind.Pledge] = "pledge",
            [EventKind.Statement] = "statement",
            [EventKind.Talks] = "talks",
            [EventKind.JointOperation] = "joint-operation",
            [EventKind.Other] = "other",
        }),
        [typeof(FactType)] = Table(typeof(FactType), FactTypeNames()),
    };

    /// <summary>Each enum's members by payload name, as read back (the reverse of <see cref="Enums"/>).</summary>
    internal static readonly Dictionary<Type, IReadOnlyDictionary<string, Enum>> EnumsByName = Enums.ToDictionary(
        e => e.Key, e => (IReadOnlyDictionary<string, Enum>)e.Value.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal));

    /// <summary>The fixed name of an enum member in payloads.</summary>
    public static string Of<T>(T value) where T : struct, Enum => Enums[typeof(T)][value];

    // The tables are keyed by the boxed member (Enum), not by each enum type: every command reads them when it opens the
    // store, and a Dictionary<ActorKind, string> and its LINQ would be compiled at run time for each enum (ReadyToRun
    // cannot precompile the framework's generics over Wedge's types), about 0.03 s of every start (docs/startup.md).
    private static IReadOnlyDictionary<Enum, string> Table(Type type, Dictionary<Enum, string> names)
    {
        foreach (var member in names.Keys)
        {
            if (member.GetType() != type)
            {
                throw new InvalidOperationException($"{member.GetType().Name}.{member} is in {type.Name}'s payload names in {nameof(WireNames)}.");
            }
        }

        var missing = Enum.GetValues(type).Cast<Enum>().Where(v => !names.ContainsKey(v)).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"{type.Name}.{string.Join(", ", missing)} has no payload name in {nameof(WireNames)}.");
        }

        return names;
    }

    private static Dictionary<Enum, string> FactTypeNames()
    {
        var names = new Dictionary<Enum, string>();
        foreach (FactType type in Enum.GetValues(typeof(FactType)))
        {
            names[type] = JournalNames.Of(type);
        }

        return names;
    }
}
