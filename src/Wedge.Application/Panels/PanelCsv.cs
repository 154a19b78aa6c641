using System.Globalization;
using Wedge.Analysis.Panels;
using Wedge.Core.Model;

namespace Wedge.Application.Panels;

/// <summary>
/// The dyad-year panel as CSV (RFC 4180, UTF-8, a header row, one row per pair and year, read as is by R's
/// <c>read.csv</c> and Stata's <c>import delimited</c>) and its codebook (Markdown, one line per column).
/// </summary>
public static class PanelCsv
{
    /// <summary>Each column's name and meaning, in order: the codebook and the header come from this one list.</summary>
    public static IReadOnlyList<(string Name, string Type, string Meaning)> Columns { get; } =
    [
        ("year", "integer", "The calendar year the row describes."),
        ("a", "text", "Wedge id of the pair's first actor (the lower id in ordinal order; the pair is unordered)."),
        ("b", "text", "Wedge id of the pair's second actor."),
        ("a_name", "text", "The first actor's name on record."),
        ("b_name", "text", "The second actor's name on record."),
        ("relation", "friendly | hostile | none", "The weighed relation read at the year (docs/methods/evidence.md; as `wedge dyad A B --at YEAR`)."),
        ("probability", "0..1", "The probability of `relation` (P(friendly), P(hostile), or P(none) when relation is none)."),
        ("p_friendly", "0..1", "P(friendly) under the weighing."),
        ("p_hostile", "0..1", "P(hostile) under the weighing."),
        ("contested", "0 | 1", "1 when both signs carry weight and the weaker holds at least the contested share."),
        ("tie_kinds", "text", "Kinds of the ties that speak to the year, ';'-separated (alliance, affiliation, sponsorship, rivalry, split, merger); empty when only events do."),
        ("joint_attacks", "integer", "Joint-operation events dated in the year naming both actors (GTD incidents with both among the perpetrators, and any recorded by hand)."),
        ("joint_attack_fatalities", "integer", "People killed in those joint attacks, summed over those whose count is known (GTD nkill)."),
        ("joint_attacks_fatalities_unknown", "integer", "Joint attacks counted in joint_attacks whose count of people killed is unknown (GTD nkill empty)."),
        ("claims", "integer", "Distinct claims backing the ties that speak to the year (supporting and disputing, context claims included)."),
        ("sources", "integer", "Distinct sources of those claims."),
        ("spell_start", "date | empty", "First day (YYYY-MM-DD) of the alliance or affiliation spell the pair is in on 1 January of the year (the earliest begun, if several; default spell rule, as `wedge durability record`); empty when in none. The durability columns below are read on 1 January, as docs/methods/durability.md defines them."),
        ("leader_death", "0 | 1 | empty", "1 when a leader of either actor died in office on or after spell_start and by 1 January (valid time); empty when spell_start is."),
        ("leader_death_known", "0 | 1 | empty", "The same, counting a death from the day it became public (a role's or person's end-public-since); empty when spell_start is."),
        ("shared_rival", "0 | 1", "1 when, on 1 January, both actors have a rivalry with one same third actor."),
        ("state_sponsor", "0 | 1", "1 when, on 1 January, an actor of kind state sponsors either actor."),
        ("other_allies", "integer", "The number of other actors each of the two is allied or affiliated with on 1 January, summed over the two."),
        ("leadership_change", "0 | 1 | empty", "1 when a leader of either actor took or left office (for any reason) after spell_start and by 1 January; empty when spell_start is."),
        ("evidence", "0..1", "P(friendly) weighed on 1 January at day precision (p_friendly weighs the whole year, so the two can differ)."),
    ];

    public static void Write(TextWriter writer, IEnumerable<PanelRow> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        writer.Write(string.Join(',', Columns.Select(c => c.Name)));
        writer.Write('\n');
        foreach (var r in rows)
        {
            writer.Write(string.Join(',', new[]
            {
                I(r.Year), Quote(r.A.Value), Quote(r.B.Value), Quote(r.AName), Quote(r.BName), r.Relation.ToString().ToLowerInvariant(),
                D(r.Probability), D(r.PFriendly), D(r.PHostile), r.Contested ? "1" : "0", Quote(string.Join(';', r.TieKinds.Select(k => k.Kebab()))),
                I(r.JointAttacks), I(r.Fatalities), I(r.FatalitiesUnknown), I(r.Claims), I(r.Sources),
                r.Durability.SpellStart?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", B(r.Durability.LeaderDeath), B(r.Durability.LeaderDeathKnown),
                B(r.Durability.SharedRival), B(r.Durability.StateSponsor), I(r.Durability.OtherAllies), B(r.Durability.LeadershipChange), D(r.Durability.Evidence),
            }));
            writer.Write('\n');
        }
    }

    /// <summary>The codebook: what the file is, how rows are chosen, and every column.</summary>
    public static void WriteCodebook(TextWriter writer, string panelFile, int from, int to, int rows, string read)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write($"""
            # Codebook: {Path.GetFileName(panelFile)}

            A dyad-year panel written by `wedge export panel --from {from} --to {to}` ({read}); {rows} rows.
            One row per unordered pair of actors and year from {from} to {to} in which something on record speaks to the pair:
            a tie that may hold in the year (or a start-only observation carried to it), or a joint attack dated in it.
            Pairs and years with neither have no row (read them as relation none, zero counts). Rows are sorted by year, a, b.
            Empty fields are missing values (R's NA, Stata's `.`): only spell_start and the three durability columns that count
            from it are ever empty.
            CSV: UTF-8, comma-separated, RFC 4180 quoting, a header row; numbers with a dot for decimals.

            | column | type | meaning |
            |---|---|---|

            """);
        foreach (var (name, type, meaning) in Columns)
        {
            writer.Write($"| `{name}` | {type} | {meaning} |\n");
        }
    }

    /// <summary>0 or 1; empty (R's NA, Stata's missing) when unknown.</summary>
    private static string B(bool? b) => b switch { true => "1", false => "0", null => "" };

    private static string I(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string D(double x) => Math.Round(x, 4).ToString("0.####", CultureInfo.InvariantCulture);

    /// <summary>RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled; text from the record stays data.</summary>
    private static string Quote(string s) => s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{s.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : s;
}
