using System.Globalization;
using Wedge.Core.Model;

namespace Wedge.Analysis.Evidence;

/// <summary>The weighed evidence in words, the same in every view (terminal, brief, import report).</summary>
public static class EvidenceText
{
    public static string Pct(double v) => v.ToString("0%", CultureInfo.InvariantCulture);

    private static string P(double v) => v.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>"friendly", "hostile" or "none".</summary>
    public static string Name(this RelationSign sign) => sign.Kebab();

    /// <summary>One trail line: "mmp-567 B2 (mmp): declared split, 2008-08 – ongoing; carried from its date; p 0.72 → counts 0.01 (ended by c-x)".</summary>
    public static string Describe(EvidenceItem i)
    {
        var who = $"{i.Claim ?? "unsourced"}{(i.Grade is null ? "" : " " + i.Grade)} ({i.Source})";
        var what = $"{(i.Reports == ClaimReports.Declaration ? "declared " : i.Reports == ClaimReports.Conduct ? "observed " : "")}{i.Kind.Kebab()} {i.Tie}, {i.Period}";
        var stance = i.Supports ? "" : "; disputes it";
        var reach = i.Reach switch
        {
            Reach.AtDate => "holds at the date",
            Reach.OwnDate => "observed at the date",
            Reach.Carried => "observed earlier, carried forward",
            _ => "does not speak to the date",
        };
        var count = i.Context ? "context, not counted" : $"p {P(i.Probability)} → counts {P(i.Weight)}";
        var ended = i.EndedBy.Count > 0 ? $" (weakened by later {string.Join(", ", i.EndedBy.Take(5))}{(i.EndedBy.Count > 5 ? $" and {i.EndedBy.Count - 5} more" : "")})" : "";
        return $"{who}: {what}{stance}; {reach}; {count}{ended}";
    }

    /// <summary>"friendly (P 93%)", "hostile, contested (P 61%)".</summary>
    public static string Summary(RelationWeight w)
        => $"{w.Sign.Name()}{(w.Contested ? ", contested" : "")} (P {Pct(w.Probability)}; P(friendly) {Pct(w.PFriendly)}, P(hostile) {Pct(w.PHostile)})";
}
