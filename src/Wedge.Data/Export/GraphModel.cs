using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;

namespace Wedge.Data.Export;

/// <summary>An actor as a graph node.</summary>
/// <param name="Start">When it became active, if known (a GEXF node appears then).</param>
/// <param name="End">When it ceased, if it did.</param>
/// <param name="MmpId">Its MMP group id, when it has one.</param>
public sealed record GraphNode(string Id, string Label, string Kind, FuzzyDate? Start, FuzzyDate? End, string? MmpId);

/// <summary>
/// A relation as a graph edge: a tie (GraphML) or a spell (GEXF). <see cref="Source"/> → <see cref="Target"/> keeps the
/// recorded direction; <see cref="Directed"/> says whether that direction means anything for this kind.
/// </summary>
/// <param name="Start">Null when unknown.</param>
/// <param name="End">Null when open (still holding, or censored).</param>
/// <param name="Sources">Citations of the sources behind it, "; "-separated.</param>
/// <param name="Claims">Claim ids, ";"-separated.</param>
/// <param name="Grades">Admiralty grades of those claims in the same order, ";"-separated.</param>
/// <param name="Censored">For spells: still open at the end of the data. Null for ties.</param>
/// <param name="EndedBy">For spells: what ended it. Null for ties and censored spells.</param>
/// <param name="ContestedBy">Observations that contradict it, ";"-separated; empty when none.</param>
public sealed record GraphEdge(
    string Id,
    string Source,
    string Target,
    string Kind,
    int Sign,
    bool Directed,
    FuzzyDate? Start,
    FuzzyDate? End,
    string Sources,
    string Claims,
    string Grades,
    bool? Censored = null,
    string? EndedBy = null,
    string ContestedBy = "");

/// <summary>A graph ready to write: nodes, then edges whose ends are all among the nodes.</summary>
public sealed record GraphExport(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges)
{
    public static string KindName(TieKind kind) => kind.ToString().ToLowerInvariant();

    public static string KindName(ActorKind kind) => kind switch
    {
        ActorKind.ArmedGroup => "armed-group",
        _ => kind.ToString().ToLowerInvariant(),
    };

    public static GraphNode NodeOf(Actor a)
        => new(a.Id.Value, a.Name, KindName(a.Kind), a.Active.Start, a.Active.End, a.ExternalIds.GetValueOrDefault("mmp"));

    /// <summary>
    /// Every actor of the snapshot, and one edge per tie in it. With a read date (<see cref="ReadOptions.At"/>), only
    /// ties that may still hold then by their own recorded period; without one, every tie on record.
    /// </summary>
    public static GraphExport FromTies(Snapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var nodes = snapshot.Actors.OrderBy(a => a.Id.Value, StringComparer.Ordinal).Select(NodeOf).ToList();
        var edges = snapshot.Ties
            .Where(t => snapshot.Options.EffectiveAt is null || snapshot.HoldsAt(t.Period))
            .OrderBy(t => t.Id, StringComparer.Ordinal)
            .Select(t =>
            {
                var claims = snapshot.ClaimsOf(t);
                return new GraphEdge(t.Id, t.From.Value, t.To.Value, KindName(t.Kind), t.Kind.Sign(), t.Kind.IsDirected(), t.Period.Start, t.Period.End,
                    string.Join("; ", claims.Select(c => snapshot.Source(c.Source)?.Citation ?? c.Source.Value).Distinct()),
                    string.Join(";", claims.Select(c => c.Id.Value)),
                    string.Join(";", claims.Select(c => c.Grade.ToString())),
                    ContestedBy: snapshot.IsDisputed(t) ? string.Join(";", claims.Where(c => c.Stance == ClaimStance.Disputes).Select(c => c.Id.Value)) : "");
            })
            .ToList();
        return new GraphExport(nodes, edges);
    }
}
