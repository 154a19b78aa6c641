using Wedge.Analysis.Negotiation;
using Wedge.Core.Negotiation;

namespace Wedge.Analysis.Tests.Negotiation;

/// <summary>Small scenarios built in code.</summary>
internal static class Build
{
    public static NegotiationActor Actor(string id, double capability, double[] positions, double[] saliences, string? movement = null,
        double? tolerance = null, bool atTable = true, double? flexibility = null) => new()
        {
            Id = id,
            Name = id,
            Capability = capability,
            Positions = positions.Select(Estimate.Exactly).ToArray(),
            Saliences = saliences.Select(Estimate.Exactly).ToArray(),
            Movement = movement,
            Tolerance = tolerance,
            AtTable = atTable,
            Flexibility = flexibility,
        };

    public static Scenario OneDimension(params NegotiationActor[] actors) => new("test", null, [new Dimension("d", "D")], actors);

    public static Scenario Reordered(Scenario s, int[] order)
        => new(s.Name, s.Description, s.Dimensions, order.Select(i => s.Actors[i]).ToArray(), s.Movements);
}
