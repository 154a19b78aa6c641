using Wedge.Core.Knowledge;
using Wedge.Web.Hosting;

namespace Wedge.Web.Pages;

/// <summary>The three clocks a page reads, from its query (empty form fields count as unset), kept on the links it makes.</summary>
public sealed record PageClocks(string? At, string? KnownAt, string? RecordedBy)
{
    public static PageClocks From(string? at, string? knownAt, string? recordedBy)
        => new(WedgePages.Set(at), WedgePages.Set(knownAt), WedgePages.Set(recordedBy));

    /// <summary>The slice to read; a malformed date is a usage problem naming the field, as in the API.</summary>
    public ReadSlice Slice() => new ReadClocks(At, KnownAt, RecordedBy).Slice();

    /// <summary>The clocks as a query string for links ("" when none is set).</summary>
    public string Query => PageLinks.Query(("at", At), ("knownAt", KnownAt), ("recordedBy", RecordedBy));

    /// <summary>The same clocks without the valid date (for pages that span years).</summary>
    public PageClocks Undated => this with { At = null };
}
