using Wedge.Analysis.Network;
using Wedge.Application.Problems;
using Wedge.Application.Store;
using Wedge.Core.Collections;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;

namespace Wedge.Application.Network;

/// <summary>
/// The web of groups as something to draw: every node with the measures a picture sizes and colours it by, every tie
/// with its sign, weighed evidence and the ties behind it; at one date, or year by year for a time slider.
/// </summary>
/// <remarks>
/// The graph is <see cref="SnapshotGraph"/>'s, as every `network` verb reads it; this service only lays its numbers
/// side by side. Communities are Louvain's on the friendly ties (seed 1, so a page shows the same colours each time).
/// </remarks>
public sealed class NetworkWebService(IRecordStore store)
{
    /// <summary>Most years one series may hold: a slider over more than this is not a slider.</summary>
    public const int MaxYears = 400;

    /// <summary>The web at the request's slice.</summary>
    public NetworkWeb Web(NetworkRequest request)
        => Draw(store.Read(request.Slice), request.Kinds, Slices.Describe(request.Slice));

    /// <summary>
    /// The web year by year, from <paramref name="from"/> to <paramref name="to"/> (by default the years the record's
    /// ties speak of), each year read at that year on the request's public and recorded clocks. The journal is read and
    /// projected once. The years span the whole record as recorded, whatever the public clock.
    /// </summary>
    public NetworkWebSeries Series(NetworkRequest request, int? from = null, int? to = null, CancellationToken cancellationToken = default)
    {
        var knowledge = store.Knowledge(request.Slice.RecordedBy);
        // The years come from the whole record as recorded: what was public by a date limits what each year shows, not
        // which years can be looked at (an ongoing tie known in 2014 still speaks to 2015).
        var span = Years(Snapshot.Of(knowledge, ReadOptions.Now), request.Kinds);
        if ((from ?? span?.First) is not { } start || (to ?? span?.Last) is not { } end)
        {
            // No tie between groups on record and no years asked for: nothing to slide over.
            return new NetworkWebSeries(Slices.Describe(request.Slice with { At = null }), null, null, EquatableList<NetworkWeb>.Empty);
        }

        if (end < start)
        {
            throw Problem.Usage("bad-range", $"from {start} is after to {end}").Exception();
        }

        if (end - start + 1 > MaxYears)
        {
            throw Problem.Usage("bad-range", $"{start}..{end} is {end - start + 1} years; at most {MaxYears} at once").Exception();
        }

        var frames = new List<NetworkWeb>();
        for (var year = start; year <= end; year++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var slice = request.Slice.WithAt(new FuzzyDate(year));
            frames.Add(Draw(Snapshot.Of(knowledge, slice.Options), request.Kinds, Slices.Describe(slice)));
        }

        return new NetworkWebSeries(Slices.Describe(request.Slice with { At = null }), start, end, frames.ToEquatableList());
    }

    /// <summary>The first and last year that a tie between groups starts or ends in; null when there is none.</summary>
    private static (int First, int Last)? Years(Snapshot all, EquatableList<TieKind>? kinds)
    {
        var wanted = kinds?.ToHashSet() ?? SnapshotGraph.GroupTieKinds;
        var years = all.Ties.Where(t => wanted.Contains(t.Kind))
            .SelectMany(t => new[] { t.Period.Start?.Year, t.Period.End?.Year })
            .OfType<int>().ToList();
        return years.Count == 0 ? null : (years.Min(), years.Max());
    }

    private static NetworkWeb Draw(Snapshot snapshot, EquatableList<TieKind>? kinds, string description)
    {
        var network = SnapshotGraph.Build(snapshot, kinds?.ToHashSet());
        var g = network.Graph;
        var degrees = Centrality.Degrees(g);
        var betweenness = Centrality.Betweenness(g, new BetweennessOptions(Normalized: true));
        var pagerank = Centrality.PageRank(g).Scores;
        var communities = Communities.Louvain(g.PositivePart(), seed: 1, restarts: 3);
        var hubs = Hubs.Find(g).Where(h => h.IsHub).Select(h => h.Node).ToHashSet();
        var nodes = Enumerable.Range(0, g.NodeCount).Select(v =>
        {
            var actor = network.Actors[v];
            return new WebNode(actor.Id.Value, actor.Name, actor.Kind.Kebab(), degrees[v].Total, degrees[v].Positive, degrees[v].Negative,
                Math.Round(betweenness[v], 6), Math.Round(pagerank[v], 6), communities.Of[v], hubs.Contains(v));
        }).ToEquatableList();
        var ties = Enumerable.Range(0, g.EdgeCount).Select(e =>
        {
            var relation = network.RelationOf[e];
            var behind = network.TiesOf[e];
            return new WebTie(network.Actors[g.Source(e)].Id.Value, network.Actors[g.Target(e)].Id.Value, g.Sign(e) > 0 ? "friendly" : "hostile",
                relation.Contested, Math.Round(relation.Probability, 4),
                behind.Select(t => t.Kind.Kebab()).Distinct().Order(StringComparer.Ordinal).ToEquatableList(),
                behind.Select(t => t.Id).ToEquatableList());
        }).ToEquatableList();
        return new NetworkWeb(description, snapshot.Options.EffectiveAt?.ToString(), nodes, ties);
    }
}

/// <summary>A group in the drawn web: its measures at the date (degree counts ties; betweenness normalised; PageRank sums to 1).</summary>
/// <param name="Id">The actor's id (stable across dates: what a picture keys its positions by).</param>
/// <param name="Community">Its Louvain community on the friendly ties at this date (numbers are per date, not across dates).</param>
/// <param name="Hub">An alliance hub at this date (friendly degree z-score ≥ 2, as `network metrics`).</param>
public sealed record WebNode(string Id, string Name, string Kind, int Degree, int Friendly, int Hostile, double Betweenness, double PageRank,
    int Community, bool Hub);

/// <summary>One tie of the drawn web: a pair of groups, signed by the weighed evidence of all their ties speaking to the date.</summary>
/// <param name="A">One actor's id (the pair is undirected; A and B are in the graph's order).</param>
/// <param name="Sign">"friendly" or "hostile".</param>
/// <param name="Contested">Both signs carry evidence and the weaker holds a fair share (evidence.contested-share).</param>
/// <param name="Probability">The weighed probability of the sign shown (0.5 to 1).</param>
/// <param name="Kinds">Kinds of the ties behind it, e.g. alliance, rivalry.</param>
/// <param name="Ties">Ids of the ties behind it.</param>
public sealed record WebTie(string A, string B, string Sign, bool Contested, double Probability, EquatableList<string> Kinds, EquatableList<string> Ties);

/// <summary>The web at one date: <paramref name="At"/> is the valid date read (null for now).</summary>
public sealed record NetworkWeb(string Network, string? At, EquatableList<WebNode> Nodes, EquatableList<WebTie> Ties);

/// <summary>The web year by year from <paramref name="From"/> to <paramref name="To"/>, one frame a year (none, and no years, for a record without ties).</summary>
public sealed record NetworkWebSeries(string Network, int? From, int? To, EquatableList<NetworkWeb> Frames);
