namespace Wedge.Web.Pages;

/// <summary>Links between pages: paths with escaped segments and query strings that leave out what is unset.</summary>
public static class PageLinks
{
    /// <summary>"?a=1&amp;b=2" for the values that are set; "" when none is.</summary>
    public static string Query(params (string Name, string? Value)[] values)
    {
        var set = values.Where(v => !string.IsNullOrEmpty(v.Value)).Select(v => $"{v.Name}={Uri.EscapeDataString(v.Value!)}").ToList();
        return set.Count == 0 ? "" : "?" + string.Join('&', set);
    }

    public static string Actor(string idOrName, string query = "") => $"/actors/{Uri.EscapeDataString(idOrName)}{query}";

    public static string Dyad(string a, string b, string query = "") => $"/dyads/{Uri.EscapeDataString(a)}/{Uri.EscapeDataString(b)}{query}";

    /// <summary>The brief on a pair as a download (HTML or PDF), read with the page's clocks.</summary>
    public static string Brief(string a, string b, PageClocks clocks, string format)
        => $"/api/briefs/{Uri.EscapeDataString(a)}/{Uri.EscapeDataString(b)}"
           + Query(("at", clocks.At), ("knownAt", clocks.KnownAt), ("recordedBy", clocks.RecordedBy), ("format", format));

    /// <summary>The claim form, set to back or dispute a fact.</summary>
    public static string Claim(string fact, bool dispute) => "/record/claim" + Query(("fact", fact), ("mode", dispute ? "dispute" : null));
}
