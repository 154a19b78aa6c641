using System.Text.Json.Serialization;
using Wedge.Core.Time;

namespace Wedge.Core.Model;

/// <summary>
/// One recorded fact: the unit the journal adds, corrects and retracts. Every fact except a
/// <see cref="Source"/> or <see cref="Claim"/> lists the claims that back it; a fact with no claim is
/// shown as unsourced. All facts are immutable records; a change is a new record under the same key.
/// </summary>
/// <remarks>
/// Record equality compares list and dictionary members by reference, not content; to compare two
/// facts by content, compare their JSON (Wedge.Data's FactJson), as the journal and importers do.
/// </remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$fact")]
[JsonDerivedType(typeof(Source), "source")]
[JsonDerivedType(typeof(Claim), "claim")]
[JsonDerivedType(typeof(Actor), "actor")]
[JsonDerivedType(typeof(Role), "role")]
[JsonDerivedType(typeof(Tie), "tie")]
[JsonDerivedType(typeof(LedgerEntry), "ledger")]
[JsonDerivedType(typeof(Event), "event")]
[JsonDerivedType(typeof(ActorAttribute), "attribute")]
public abstract record Fact
{
    [JsonIgnore]
    public abstract FactKey Key { get; }

    /// <summary>The claims that back this fact (empty for sources and claims themselves).</summary>
    public IReadOnlyList<ClaimId> Claims { get; init; } = [];

    /// <summary>The actors this fact refers to, for reference checks.</summary>
    [JsonIgnore]
    public virtual IEnumerable<ActorId> ActorRefs => [];
}

/// <summary>A document that claims come from: citation, date and where to find it.</summary>
public sealed record Source : Fact
{
    public required SourceId Id { get; init; }

    public required string Title { get; init; }

    public string? Author { get; init; }

    public string? Publisher { get; init; }

    /// <summary>When the source was published; the default public date of its claims.</summary>
    public FuzzyDate? Date { get; init; }

    public string? Url { get; init; }

    /// <summary>Who may see this source and every claim from it (TLP 2.0); null: unmarked, TLP:CLEAR.</summary>
    public Marking? Marking { get; init; }

    public override FactKey Key => new(FactType.Source, Id.Value);

    public string Citation => string.Join(". ", new[] { Author, $"\u201c{Title}\u201d", Publisher, Date?.ToString() }.Where(s => !string.IsNullOrWhiteSpace(s)));
}

/// <summary>One sourced assertion, graded on the Admiralty scale.</summary>
/// <remarks>
/// Its public date (<see cref="PublicSince"/>) defaults to its source's date: a hindsight-free
/// read at an earlier date does not see it. A claim may <see cref="ClaimStance.Disputes">dispute</see>
/// the fact that cites it; views then show the fact as contested.
/// </remarks>
public sealed record Claim : Fact
{
    public required ClaimId Id { get; init; }

    public required SourceId Source { get; init; }

    /// <summary>The excerpt or our paraphrase of what the source says.</summary>
    public required string Text { get; init; }

    public required Grade Grade { get; init; }

    /// <summary>One line on why the grade was given.</summary>
    public string? GradeReason { get; init; }

    /// <summary>Where in the source: a section heading, page, or record id.</summary>
    public string? Locator { get; init; }

    /// <summary>When the information became public, if not on the source's date.</summary>
    public FuzzyDate? PublicSince { get; init; }

    public ClaimStance Stance { get; init; } = ClaimStance.Supports;

    /// <summary>Whether the claim reports what a party declared (a statement, pledge, denial) or what it did (conduct); unstated by default.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public ClaimReports Reports { get; init; } = ClaimReports.Unstated;

    /// <summary>
    /// True for a claim recorded as context: shown and cited, but not counted when evidence is weighed
    /// until an analyst accepts it (corrects it to false). Imports set it with <c>--as context</c>.
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Context { get; init; }

    /// <summary>Who may see this claim (TLP 2.0), at least as strict as its source's; null: unmarked, TLP:CLEAR.</summary>
    public Marking? Marking { get; init; }

    public override FactKey Key => new(FactType.Claim, Id.Value);
}

/// <summary>An armed group, faction, state, person or other party.</summary>
public sealed record Actor : Fact
{
    public required ActorId Id { get; init; }

    public required string Name { get; init; }

    public required ActorKind Kind { get; init; }

    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The movement a faction belongs to.</summary>
    public ActorId? Parent { get; init; }

    public IReadOnlyList<string> Ideology { get; init; } = [];

    public string? HomeBase { get; init; }

    /// <summary>When the actor existed (for a person: lived; for a group: was active).</summary>
    public Period Active { get; init; } = Period.Always;

    /// <summary>When the end of <see cref="Active"/> became public, if later than the end itself (a death kept secret).</summary>
    public FuzzyDate? EndPublicSince { get; init; }

    /// <summary>Ids in other datasets, e.g. <c>mmp: 123</c>.</summary>
    public IReadOnlyDictionary<string, string> ExternalIds { get; init; } = new Dictionary<string, string>();

    public string? Description { get; init; }

    public override FactKey Key => new(FactType.Actor, Id.Value);

    public override IEnumerable<ActorId> ActorRefs => Parent is { } p ? [p] : [];
}

/// <summary>A person's role in an organisation over a period: leader, deputy, founder.</summary>
public sealed record Role : Fact
{
    public required string Id { get; init; }

    public required ActorId Person { get; init; }

    public required ActorId Organisation { get; init; }

    public required RoleTitle Title { get; init; }

    public Period Period { get; init; } = Period.Always;

    public FuzzyDate? EndPublicSince { get; init; }

    public override FactKey Key => new(FactType.Role, Id);

    public override IEnumerable<ActorId> ActorRefs => [Person, Organisation];
}

/// <summary>A typed relation between two actors over a period.</summary>
public sealed record Tie : Fact
{
    public required string Id { get; init; }

    public required TieKind Kind { get; init; }

    public required ActorId From { get; init; }

    public required ActorId To { get; init; }

    public Period Period { get; init; } = Period.Always;

    public FuzzyDate? EndPublicSince { get; init; }

    public TieStance Stance { get; init; } = TieStance.Unstated;

    /// <summary>How the receiving side treated the tie in public (a pledge accepted, withdrawn, not endorsed).</summary>
    public Acknowledgement Acknowledgement { get; init; } = Acknowledgement.Unstated;

    public string? Note { get; init; }

    /// <summary>
    /// True when the tie only records when the relation was observed to begin (an MMP row): its open
    /// end means "no end observed", not "still holds". Weighing reads it as evidence about its own date
    /// and what follows until later evidence says otherwise (docs/methods/evidence.md).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool StartOnly { get; init; }

    public override FactKey Key => new(FactType.Tie, Id);

    public override IEnumerable<ActorId> ActorRefs => [From, To];

    public bool Joins(ActorId a, ActorId b) => (From == a && To == b) || (From == b && To == a);
}

/// <summary>
/// A flow inside a tie. For a benefit, <see cref="Provider"/> gives and <see cref="Recipient"/> gets.
/// For a cost (<see cref="LedgerCategories.IsCost"/>), <see cref="Recipient"/> bears the cost and
/// <see cref="Provider"/> is the party whose tie brought it on.
/// </summary>
public sealed record LedgerEntry : Fact
{
    public required string Id { get; init; }

    public required ActorId Provider { get; init; }

    public required ActorId Recipient { get; init; }

    public required LedgerCategory Category { get; init; }

    public Period Period { get; init; } = Period.Always;

    public required Magnitude Magnitude { get; init; }

    public string? Note { get; init; }

    public override FactKey Key => new(FactType.Ledger, Id);

    public override IEnumerable<ActorId> ActorRefs => [Provider, Recipient];
}

/// <summary>A dated occurrence that may shock ties.</summary>
public sealed record Event : Fact
{
    public required string Id { get; init; }

    public required FuzzyDate Date { get; init; }

    public required EventKind Kind { get; init; }

    public required string Title { get; init; }

    public IReadOnlyList<ActorId> Actors { get; init; } = [];

    /// <summary>People killed, as the source or dataset counts them; null when not known (or not a violent event).</summary>
    public int? Fatalities { get; init; }

    public override FactKey Key => new(FactType.Event, Id);

    public override IEnumerable<ActorId> ActorRefs => Actors;
}

/// <summary>A dated attribute of an actor, e.g. a leader's legitimacy or the share of districts a group holds.</summary>
public sealed record ActorAttribute : Fact
{
    public required string Id { get; init; }

    public required ActorId Actor { get; init; }

    public required string Name { get; init; }

    public required string Value { get; init; }

    public Period Period { get; init; } = Period.Always;

    /// <summary>When the end of <see cref="Period"/> became public, if later (a leader's standing that ended with a secret death).</summary>
    public FuzzyDate? EndPublicSince { get; init; }

    public override FactKey Key => new(FactType.Attribute, Id);

    public override IEnumerable<ActorId> ActorRefs => [Actor];
}
