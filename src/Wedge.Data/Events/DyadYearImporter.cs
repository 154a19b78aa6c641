using System.Globalization;
using Wedge.Core.Events;
using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;
using Wedge.Data.Mmp;

namespace Wedge.Data.Events;

/// <summary>What a dyad-year import read, matched, planned and refused. Counts are of rows in the file unless they say otherwise.</summary>
public sealed class DyadYearImportReport
{
    /// <summary>Data rows read (header excluded), refused ones included.</summary>
    public int RowsRead { get; internal set; }

    /// <summary>Rows whose relationship the mapping marks <c>ignore</c> (coding no relationship): checked, not imported.</summary>
    public int RowsIgnored { get; internal set; }

    /// <summary>Rows left out because a group's name matched no actor, or several.</summary>
    public int RowsUnmatched { get; internal set; }

    /// <summary>Rows left out because both names matched one actor.</summary>
    public int RowsSameActor { get; internal set; }

    /// <summary>Claims planned: one per imported row.</summary>
    public int Claims { get; internal set; }

    /// <summary>Ties planned: one per run of consecutive years of one relationship between one pair.</summary>
    public int Ties { get; internal set; }

    /// <summary>Of <see cref="Ties"/>, those of a relationship the mapping reads as a declaration.</summary>
    public int DeclaredTies { get; internal set; }

    /// <summary>Ledger entries planned: one per run of consecutive years of one flow between one provider and one recipient.</summary>
    public int LedgerEntries { get; internal set; }

    /// <summary>Facts (source, claims, ties, ledger entries) new to the record.</summary>
    public int Added { get; internal set; }

    /// <summary>Facts on record that now read differently (corrected).</summary>
    public int Corrected { get; internal set; }

    /// <summary>Facts already on record exactly as planned.</summary>
    public int Unchanged { get; internal set; }

    public List<EventNameMatch> Matched { get; } = [];

    public List<EventNameUnmatched> Unmatched { get; } = [];

    public List<EventNameUnmatched> Ambiguous { get; } = [];

    /// <summary>Rows not imported, each with file, line and reason (--names file rows first).</summary>
    public List<MmpProblem> Refused { get; } = [];

    /// <summary>True when every row was read and no name was ambiguous.</summary>
    public bool IsClean => Refused.Count == 0 && Ambiguous.Count == 0;
}

/// <summary>
/// Plans the import of a dyad-year dataset (one row per pair and year: MGAR, ViNSAR, BAAD) through its mapping: each
/// imported row becomes a claim of the dataset citing its row id; consecutive years of one relationship between one pair
/// become one tie over those years (<see cref="DyadYearRuns"/>), citing the rows' claims; the flows the rows' flags
/// record become ledger entries over the consecutive years they are set. Pure with respect to the store: it reads the
/// file and <c>current</c> and returns changes for the store to apply in one transaction. Dyad-year files are thousands
/// of rows, so the plan is held in memory.
/// </summary>
public static class DyadYearImporter
{
    public static ClaimId ClaimIdFor(DyadYearMapping mapping, DyadYearRow row)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(row);
        return new($"{mapping.Dataset.Id}-{(row.RowId ?? "line-" + row.Line.ToString(CultureInfo.InvariantCulture))}");
    }

    public static string TieIdFor(DyadYearMapping mapping, ActorId from, ActorId to, DyadYearCategory category, int firstYear)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(category);
        return $"{mapping.Dataset.Id}-{from}-{to}-{category.Slug}-{firstYear.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <param name="names">Dataset name (by <see cref="Core.Text.NameKey"/>) → actor, from a --names file: tried before any matching.</param>
    /// <param name="displayName">How to name the file in messages (default: the path).</param>
    /// <exception cref="MmpFileException">The file cannot be read at all; nothing is planned.</exception>
    public static (IReadOnlyList<JournalChange> Changes, DyadYearImportReport Report) Plan(string path, DyadYearMapping mapping, KnowledgeBase current,
        IReadOnlyDictionary<string, ActorId>? names = null, string? displayName = null)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(current);
        var name = displayName ?? path;
        var report = new DyadYearImportReport();
        var resolver = new EventNameResolver(current, names ?? new Dictionary<string, ActorId>(), mapping.Dataset.Id.Value);
        var lineOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        var kept = new List<Kept>();

        foreach (var result in DyadYearReader.Read(path, mapping, name))
        {
            report.RowsRead++;
            if (result.Problem is { } p)
            {
                report.Refused.Add(p);
                continue;
            }

            var row = result.Value!;
            if (row.RowId is { } id && !lineOfId.TryAdd(id, row.Line))
            {
                report.Refused.Add(new(name, row.Line, $"{mapping.Columns.RowId} '{id}' is already used on line {lineOfId[id]}"));
                continue;
            }

            if (row.Category.Ignore)
            {
                report.RowsIgnored++;
                continue;
            }

            var a = resolver.Resolve(row.A, row.AId, row.Line, count: true);
            var b = resolver.Resolve(row.B, row.BId, row.Line, count: true);
            if (a is null || b is null)
            {
                report.RowsUnmatched++;
                continue;
            }

            if (a == b)
            {
                report.RowsSameActor++;
                continue;
            }

            kept.Add(new Kept(row, a.Value, b.Value, ClaimIdFor(mapping, row)));
        }

        resolver.Report(report.Matched, report.Unmatched, report.Ambiguous);

        var facts = new List<Fact> { mapping.Dataset };
        var file = Path.GetFileName(name);
        facts.AddRange(kept.Select(k => BuildClaim(k, mapping, file)));
        report.Claims = kept.Count;

        var ledger = new List<Fact>();
        foreach (var run in DyadYearRuns.Of(kept.Select(k => (TieKey(k), k.Row.Year, k)), TieKeyOrder))
        {
            var (from, to, _) = run.Key;
            var category = run.Items[0].Row.Category;
            var tieId = TieIdFor(mapping, from, to, category, run.First);
            var declared = category.Reports == ClaimReports.Declaration;
            facts.Add(new Tie
            {
                Id = tieId,
                Kind = category.Kind,
                From = from,
                To = to,
                Period = Period.Between(new FuzzyDate(run.First), new FuzzyDate(run.Last)),
                Stance = declared ? TieStance.Public : TieStance.Unstated,
                Claims = run.Items.Select(k => k.Claim).Distinct().ToList(),
                Note = $"{mapping.Dataset.Id} codes the pair '{category.Label}' in {Years(run.First, run.Last)}"
                       + (declared ? ": a declaration, not conduct." : "."),
            });
            report.Ties++;
            report.DeclaredTies += declared ? 1 : 0;
            ledger.AddRange(LedgerOf(run, tieId, mapping));
        }

        report.LedgerEntries = ledger.Count;
        facts.AddRange(ledger);
        var changes = new List<JournalChange>(facts.Count);
        foreach (var fact in facts)
        {
            if (PlannedFacts.Compare(current, fact) is not { } change)
            {
                report.Unchanged++;
                continue;
            }

            changes.Add(change);
            if (change.Action == JournalAction.Add)
            {
                report.Added++;
            }
            else
            {
                report.Corrected++;
            }
        }

        return (changes, report);
    }

    /// <summary>A directed kind runs the way the mapping says; an undirected one is keyed by the lower id first, so (A, B) and (B, A) rows are one pair.</summary>
    private static (ActorId From, ActorId To, string Category) TieKey(Kept k)
    {
        var category = k.Row.Category;
        var label = DyadYearMapping.Key(category.Label);
        if (category.Kind.IsDirected())
        {
            return category.Direction == FlowDirection.BToA ? (k.B, k.A, label) : (k.A, k.B, label);
        }

        return string.CompareOrdinal(k.A.Value, k.B.Value) <= 0 ? (k.A, k.B, label) : (k.B, k.A, label);
    }

    private static readonly Comparer<(ActorId From, ActorId To, string Category)> TieKeyOrder = Comparer<(ActorId From, ActorId To, string Category)>.Create((x, y) =>
    {
        var c = string.CompareOrdinal(x.From.Value, y.From.Value);
        c = c != 0 ? c : string.CompareOrdinal(x.To.Value, y.To.Value);
        return c != 0 ? c : string.CompareOrdinal(x.Category, y.Category);
    });

    /// <summary>
    /// The flows of one tie's run: for every flow the rows record (their flags, and what the relationship itself implies),
    /// one entry per run of consecutive years, from provider to recipient, citing the rows that record it.
    /// </summary>
    private static IEnumerable<LedgerEntry> LedgerOf(DyadYearRun<(ActorId From, ActorId To, string Category), Kept> run, string tieId, DyadYearMapping mapping)
    {
        var (from, to, _) = run.Key;
        var category = run.Items[0].Row.Category;
        var flows = new List<((ActorId Provider, ActorId Recipient, LedgerCategory Category) Key, int Year, Kept Row)>();
        foreach (var k in run.Items)
        {
            foreach (var flow in k.Row.Flags.Concat(category.Ledger).Distinct())
            {
                foreach (var (provider, recipient) in Directions(k, from, to, category, mapping.Flows))
                {
                    flows.Add(((provider, recipient, flow), k.Row.Year, k));
                }
            }
        }

        var order = Comparer<(ActorId Provider, ActorId Recipient, LedgerCategory Category)>.Create((x, y) =>
        {
            var c = x.Category.CompareTo(y.Category);
            return c != 0 ? c : (x.Provider == from ? 0 : 1).CompareTo(y.Provider == from ? 0 : 1);
        });
        var both = !category.Kind.IsDirected() && mapping.Flows == FlowDirection.Both;
        foreach (var flow in DyadYearRuns.Of(flows, order))
        {
            var (provider, recipient, ledgerCategory) = flow.Key;
            yield return new LedgerEntry
            {
                Id = $"{tieId}-{ledgerCategory.Kebab()}-{flow.First.ToString(CultureInfo.InvariantCulture)}{(provider == from ? "" : "-reverse")}",
                Provider = provider,
                Recipient = recipient,
                Category = ledgerCategory,
                Period = Period.Between(new FuzzyDate(flow.First), new FuzzyDate(flow.Last)),
                Magnitude = mapping.Magnitude,
                Claims = flow.Items.Select(k => k.Claim).Distinct().ToList(),
                Note = $"{mapping.Dataset.Id} records {ledgerCategory.Kebab()} in the pair's '{category.Label}' relationship in {Years(flow.First, flow.Last)}"
                       + (both ? "; it does not say who gives, so it is recorded both ways." : "."),
            };
        }
    }

    private static IEnumerable<(ActorId Provider, ActorId Recipient)> Directions(Kept k, ActorId from, ActorId to, DyadYearCategory category, FlowDirection flows)
    {
        if (category.Kind.IsDirected())
        {
            return [(from, to)];
        }

        return flows switch
        {
            FlowDirection.AToB => [(k.A, k.B)],
            FlowDirection.BToA => [(k.B, k.A)],
            _ => [(from, to), (to, from)],
        };
    }

    private static Claim BuildClaim(Kept k, DyadYearMapping mapping, string file)
    {
        var row = k.Row;
        var year = row.Year.ToString(CultureInfo.InvariantCulture);
        var flows = row.Flags.Count == 0 ? "" : $", recording {string.Join(", ", row.Flags.Select(f => f.Kebab()))}";
        var declared = row.Category.Reports == ClaimReports.Declaration ? " (a declaration, not conduct)" : "";
        return new Claim
        {
            Id = k.Claim,
            Source = mapping.Dataset.Id,
            Text = $"{mapping.Dataset.Title} codes {row.A} and {row.B} as '{row.Relationship}'{declared} in {year}{flows}.",
            Grade = mapping.Grade,
            GradeReason = mapping.GradeReason,
            Locator = row.RowId is { } id ? $"{file}, {mapping.Columns.RowId} {id}" : $"{file}, line {row.Line.ToString(CultureInfo.InvariantCulture)}",
            PublicSince = new FuzzyDate(row.Year),
            Reports = row.Category.Reports,
        };
    }

    private static string Years(int first, int last)
        => first == last ? first.ToString(CultureInfo.InvariantCulture) : $"{first.ToString(CultureInfo.InvariantCulture)}–{last.ToString(CultureInfo.InvariantCulture)}";

    private sealed record Kept(DyadYearRow Row, ActorId A, ActorId B, ClaimId Claim);
}
