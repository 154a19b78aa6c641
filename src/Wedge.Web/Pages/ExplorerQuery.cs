using Wedge.Analysis.Network;
using Wedge.Core.Model;
using Wedge.Web.Hosting;

namespace Wedge.Web.Pages;

/// <summary>What the explorer reads: the public and recorded clocks, the tie kinds, and the year to open at.</summary>
/// <param name="Kinds">Tie kinds to draw; empty for all.</param>
public sealed record ExplorerQuery(string? KnownAt, string? RecordedBy, IReadOnlyList<string> Kinds, int? Year)
{
    /// <summary>The kinds of tie between groups, as the API names them.</summary>
    public static IReadOnlyList<string> AllKinds { get; } = [.. SnapshotGraph.GroupTieKinds.Order().Select(k => k.Kebab())];

    public bool Shows(string kind) => Kinds.Count == 0 || Kinds.Contains(kind);

    /// <summary>knownAt and recordedBy as a query string (for the series and for links to actor and dyad pages).</summary>
    public string ClockQuery => PageLinks.Query(("knownAt", KnownAt), ("recordedBy", RecordedBy));

    /// <summary>The year-by-year web the script draws.</summary>
    public string SeriesUrl => "/api/network/web/years" + PageLinks.Query(("knownAt", KnownAt), ("recordedBy", RecordedBy),
        ("kind", Kinds.Count == 0 || Kinds.Count == AllKinds.Count ? null : string.Join(',', Kinds)));

    /// <summary>Checks the clocks and kinds as the API would (a bad date is a usage problem naming the field).</summary>
    public ExplorerQuery Checked()
    {
        Apis.NetworkApi.Request(new ReadClocks(null, KnownAt, RecordedBy), Kinds.Count == 0 ? null : string.Join(',', Kinds));
        return this;
    }
}
