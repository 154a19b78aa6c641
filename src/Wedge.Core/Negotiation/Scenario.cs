namespace Wedge.Core.Negotiation;

/// <summary>
/// An input value known exactly or only within a range. <see cref="Value"/> is the point estimate the
/// deterministic forecast uses; Monte Carlo draws uniformly from [<see cref="Low"/>, <see cref="High"/>].
/// For an exact value all three are equal.
/// </summary>
public readonly record struct Estimate
{
    public Estimate(double value, double low, double high)
    {
        if (double.IsNaN(value) || double.IsNaN(low) || double.IsNaN(high))
        {
            throw new ArgumentException("An estimate cannot be NaN.");
        }

        if (low > value || value > high)
        {
            throw new ArgumentException($"An estimate needs low <= value <= high (got {low} <= {value} <= {high}).");
        }

        Value = value;
        Low = low;
        High = high;
    }

    public double Value { get; }

    public double Low { get; }

    public double High { get; }

    public bool IsExact => Low == High;

    public static Estimate Exactly(double value) => new(value, value, value);

    /// <summary>A range whose point estimate is its midpoint.</summary>
    public static Estimate Between(double low, double high) => new((low + high) / 2, low, high);

    public static implicit operator Estimate(double value) => Exactly(value);

    public override string ToString() => IsExact ? Value.ToString("G", System.Globalization.CultureInfo.InvariantCulture)
        : FormattableString.Invariant($"{Value} [{Low}..{High}]");
}

/// <summary>An issue being bargained over, on a 0–100 scale.</summary>
/// <param name="Id">Short name used to refer to it (e.g. in --seek).</param>
/// <param name="Name">Human-readable name.</param>
/// <param name="Low">What 0 means (null: not described).</param>
/// <param name="High">What 100 means (null: not described).</param>
public sealed record Dimension(string Id, string Name, string? Low = null, string? High = null);

/// <summary>
/// A composite actor (e.g. the Taliban) whose factions sit at the table as separate actors.
/// The movement itself takes no part in the bargaining; it exists to measure how far apart its factions end up.
/// </summary>
/// <param name="KnowledgeBaseActor">Id of the matching knowledge-base actor, for reference only (null: none).</param>
public sealed record Movement(string Id, string Name, string? KnowledgeBaseActor = null);

/// <summary>One party to the negotiation.</summary>
/// <remarks>
/// Positions and saliences are on a 0–100 scale, one per dimension in scenario order; saliences of one actor
/// sum to at most 100. Capability is strictly positive.
/// </remarks>
public sealed record NegotiationActor
{
    public required string Id { get; init; }

    public string Name { get; init; } = "";

    public string? Description { get; init; }

    /// <summary>Id of the matching knowledge-base actor (e.g. <c>taliban</c>), for reference only; null if none.</summary>
    public string? KnowledgeBaseActor { get; init; }

    public required Estimate Capability { get; init; }

    public required IReadOnlyList<Estimate> Positions { get; init; }

    public required IReadOnlyList<Estimate> Saliences { get; init; }

    /// <summary>Id of the movement this actor is a faction of; null for a stand-alone actor.</summary>
    public string? Movement { get; init; }

    /// <summary>
    /// How far (0–100 points, salience-weighted distance) the faction will follow its movement away from its own
    /// position before a split becomes even odds. Null: <see cref="FragmentationModel.DefaultTolerance"/>.
    /// Only meaningful for factions.
    /// </summary>
    public double? Tolerance { get; init; }

    /// <summary>False: the actor is not at the table. It keeps its position and neither makes nor receives
    /// offers, but still weighs in on which outcome prevails.</summary>
    public bool AtTable { get; init; } = true;

    /// <summary>How far (0–100 points, per dimension) the actor may move from its starting position; null: no limit.</summary>
    public double? Flexibility { get; init; }

    public string DisplayName => string.IsNullOrEmpty(Name) ? Id : Name;
}

/// <summary>A bargaining scenario: dimensions, actors, and the movements some of them are factions of.</summary>
public sealed record Scenario
{
    public Scenario(string name, string? description, IReadOnlyList<Dimension> dimensions, IReadOnlyList<NegotiationActor> actors,
        IReadOnlyList<Movement>? movements = null)
    {
        Name = name;
        Description = description;
        Dimensions = dimensions;
        Actors = actors;
        Movements = movements ?? [];
        Validate();
    }

    public string Name { get; init; }

    public string? Description { get; init; }

    public IReadOnlyList<Dimension> Dimensions { get; init; }

    public IReadOnlyList<NegotiationActor> Actors { get; init; }

    public IReadOnlyList<Movement> Movements { get; init; }

    public int DimensionIndex(string idOrName)
    {
        for (var d = 0; d < Dimensions.Count; d++)
        {
            if (string.Equals(Dimensions[d].Id, idOrName, StringComparison.OrdinalIgnoreCase)
                || string.Equals(Dimensions[d].Name, idOrName, StringComparison.OrdinalIgnoreCase))
            {
                return d;
            }
        }

        return -1;
    }

    public int ActorIndex(string idOrName)
    {
        for (var i = 0; i < Actors.Count; i++)
        {
            if (string.Equals(Actors[i].Id, idOrName, StringComparison.OrdinalIgnoreCase)
                || string.Equals(Actors[i].Name, idOrName, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    public Movement? FindMovement(string idOrName) => Movements.FirstOrDefault(m =>
        string.Equals(m.Id, idOrName, StringComparison.OrdinalIgnoreCase) || string.Equals(m.Name, idOrName, StringComparison.OrdinalIgnoreCase));

    /// <summary>The same scenario with actor <paramref name="actor"/> replaced.</summary>
    public Scenario WithActor(int actor, NegotiationActor replacement)
    {
        var actors = Actors.ToArray();
        actors[actor] = replacement;
        return new Scenario(Name, Description, Dimensions, actors, Movements);
    }

    private void Validate()
    {
        if (Dimensions.Count == 0)
        {
            throw new ArgumentException("A scenario needs at least one dimension.");
        }

        if (Actors.Count < 2)
        {
            throw new ArgumentException("A scenario needs at least two actors.");
        }

        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var a in Actors)
        {
            if (!ids.Add(a.Id))
            {
                throw new ArgumentException($"Actor id '{a.Id}' is used twice.");
            }

            if (a.Positions.Count != Dimensions.Count || a.Saliences.Count != Dimensions.Count)
            {
                throw new ArgumentException($"Actor '{a.Id}' needs one position and one salience per dimension ({Dimensions.Count}).");
            }

            if (a.Capability.Low <= 0)
            {
                throw new ArgumentException($"Actor '{a.Id}': capability must be above 0 (got {a.Capability}).");
            }

            foreach (var p in a.Positions.Concat(a.Saliences))
            {
                if (p.Low < 0 || p.High > 100)
                {
                    throw new ArgumentException($"Actor '{a.Id}': positions and saliences must lie in 0–100 (got {p}).");
                }
            }

            if (a.Saliences.Sum(s => s.Value) > 100 + 1e-9)
            {
                throw new ArgumentException($"Actor '{a.Id}': saliences sum to {a.Saliences.Sum(s => s.Value)}, over 100.");
            }

            if (a.Movement is not null && FindMovement(a.Movement) is null)
            {
                throw new ArgumentException($"Actor '{a.Id}' is a faction of '{a.Movement}', which is not a movement of this scenario.");
            }

            if (a.Tolerance is <= 0)
            {
                throw new ArgumentException($"Actor '{a.Id}': tolerance must be above 0.");
            }

            if (a.Flexibility is < 0)
            {
                throw new ArgumentException($"Actor '{a.Id}': flexibility cannot be negative.");
            }
        }
    }
}
