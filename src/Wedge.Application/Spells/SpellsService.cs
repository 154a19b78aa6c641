using Wedge.Analysis.Spells;
using Wedge.Application.Store;
using Wedge.Core.Collections;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Data.Export;

namespace Wedge.Application.Spells;

/// <summary>A spell as shown and written: names resolved, dates as ISO text at their own precision.</summary>
public sealed record SpellRow(string Kind, string A, string AName, string B, string BName, string Start, string? End, bool Censored, string? CensoredAt,
    string EndReason, string StartedBy, string? EndedBy, string? EndedByKind, int Observations, EquatableList<string> ContestedBy)
{
    public static SpellRow Of(Snapshot s, Spell x)
    {
        var ender = x.EndedBy is { } e && !e.StartsWith("actor:", StringComparison.Ordinal) ? s.Ties.FirstOrDefault(t => t.Id == e) : null;
        var enderKind = ender?.Kind.Kebab() ?? (x.EndedBy?.StartsWith("actor:", StringComparison.Ordinal) == true ? "group ended" : null);
        return new(x.Kind.Kebab(), x.A.Value, s.Actor(x.A)?.Name ?? x.A.Value, x.B.Value, s.Actor(x.B)?.Name ?? x.B.Value, x.Start.ToString(), x.End?.ToString(),
            x.Censored, x.CensoredAt?.ToString(), x.EndReason.Kebab(), x.StartedBy, x.EndedBy, enderKind, x.Observations.Count, x.ContestedBy.ToEquatableList());
    }
}

/// <summary>`spells`: the spells by one rule, where the data ends, and the observations left out for want of a date.</summary>
public sealed record SpellList(string Policy, string? DataEnd, EquatableList<string> Undated, EquatableList<SpellRow> Spells);

/// <summary>A graph to export, and the words that describe what it holds.</summary>
public sealed record GraphToExport(GraphExport Graph, string Description);

/// <summary>The spell verbs: spells by the documented rule, and graph exports of ties and spells.</summary>
public sealed class SpellsService(IRecordStore store)
{
    /// <summary>The rule's policy as options name it: any-source or same-source.</summary>
    public static string PolicyName(SpellRule rule) => rule.Conflicts == ConflictPolicy.SameSourceEnds ? "same-source" : "any-source";

    public SpellList Spells(ReadSlice slice, SpellRule rule, TieKind? kind = null)
    {
        var s = store.Read(slice);
        var set = SpellBuilder.Build(s, rule);
        var rows = set.Spells.Where(x => kind is null || x.Kind == kind).Select(x => SpellRow.Of(s, x)).ToEquatableList();
        return new SpellList(PolicyName(rule), set.DataEnd?.ToString(), set.Undated.ToEquatableList(), rows);
    }

    /// <summary>Every actor and one edge per tie (at a date: the ties that may hold then), for GraphML.</summary>
    public GraphToExport Ties(ReadSlice slice) => new(GraphExport.FromTies(store.Read(slice)), $"Wedge ties ({Slices.Describe(slice)})");

    /// <summary>Spells as dynamic edges, for GEXF.</summary>
    public GraphToExport SpellEdges(ReadSlice slice, SpellRule rule)
    {
        var s = store.Read(slice);
        var set = SpellBuilder.Build(s, rule);
        return new(SpellGraph.Of(s, set), $"Wedge spells ({Slices.Describe(slice)}; policy {PolicyName(rule)}; data end {set.DataEnd})");
    }
}

/// <summary>Spells as graph edges, for the dynamic GEXF export.</summary>
public static class SpellGraph
{
    public static GraphExport Of(Snapshot s, SpellSet set)
    {
        var ties = s.Ties.ToDictionary(t => t.Id, StringComparer.Ordinal);
        var edges = set.Spells.Select(x =>
        {
            var backing = x.Observations.Select(id => ties.GetValueOrDefault(id)).OfType<Tie>().ToList();
            var claims = backing.SelectMany(s.ClaimsOf).DistinctBy(c => c.Id).ToList();
            var first = ties.GetValueOrDefault(x.StartedBy);
            var (from, to) = first is null ? (x.A, x.B) : (first.From, first.To);
            return new GraphEdge($"spell-{x.StartedBy}", from.Value, to.Value, GraphExport.KindName(x.Kind), x.Kind.Sign(), x.Kind.IsDirected(), x.Start, x.End,
                string.Join("; ", claims.Select(c => s.Source(c.Source)?.Citation ?? c.Source.Value).Distinct()),
                string.Join(";", claims.Select(c => c.Id.Value)), string.Join(";", claims.Select(c => c.Grade.ToString())),
                x.Censored, x.EndedBy, string.Join(";", x.ContestedBy));
        }).ToList();
        var nodes = s.Actors.OrderBy(a => a.Id.Value, StringComparer.Ordinal).Select(GraphExport.NodeOf).ToList();
        return new GraphExport(nodes, edges);
    }
}
