using System.Globalization;
using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;

namespace Wedge.Data.Events;

/// <summary>How the event importers write what they planned against what is on record.</summary>
internal static class EventFacts
{
    public static readonly Comparer<ActorId> IdOrder = Comparer<ActorId>.Create((x, y) => string.CompareOrdinal(x.Value, y.Value));

    public static void AddIfNew(List<JournalChange> changes, KnowledgeBase current, Fact fact)
    {
        if (PlannedFacts.Compare(current, fact) is { } change)
        {
            changes.Add(change);
        }
    }

    /// <summary>Counts the event's change in the report and returns it (null when the event is on record as read).</summary>
    public static JournalChange? EventChange(KnowledgeBase current, Event e, EventImportReport report)
    {
        var change = PlannedFacts.Compare(current, e);
        if (change is null)
        {
            report.EventsUnchanged++;
        }
        else if (change.Action == JournalAction.Add)
        {
            report.EventsImported++;
        }
        else
        {
            report.EventsCorrected++;
        }

        return change;
    }

    public static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    public static string N(long n) => n.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// How one kind of evidence from one dataset becomes, per pair and year, a tie and its claims: the ids, the tie kind, the
/// two grades (firm rows, and rows the dataset itself marks as less certain) and the words. Shared by the UCDP and ACLED
/// importers so that both cite their row ids and grade the same way.
/// </summary>
internal sealed record PairYearRule
{
    /// <summary>The ties' and claims' id prefix, e.g. <c>ucdp</c> gives <c>ucdp-A-B-YEAR</c>.</summary>
    public required string Prefix { get; init; }

    public required TieKind Kind { get; init; }

    public required SourceId Source { get; init; }

    /// <summary>The dataset's name for its row id column, in the claims' locators (<c>id</c>, <c>event_id_cnty</c>).</summary>
    public required string IdColumn { get; init; }

    public required Grade Firm { get; init; }

    public required string FirmReason { get; init; }

    public required Grade Lower { get; init; }

    public required string LowerReason { get; init; }

    /// <summary>The lower-graded claim's id suffix, e.g. <c>unclear</c>.</summary>
    public required string LowerSuffix { get; init; }

    /// <summary>The claim's text: actor names, year, the rows cited, whether they are the lower-graded ones, and their deaths.</summary>
    public required Func<string, string, int, PairYearRows, bool, string> ClaimText { get; init; }

    /// <summary>The tie's note: the year and the rows of both grades.</summary>
    public required Func<int, PairYearEvidence.Entry, string> TieNote { get; init; }

    public string TieId(ActorId a, ActorId b, int year) => $"{Prefix}-{a}-{b}-{year.ToString(CultureInfo.InvariantCulture)}";

    public ClaimId ClaimId(ActorId a, ActorId b, int year, bool lower) => new(TieId(a, b, year) + (lower ? "-" + LowerSuffix : ""));
}

/// <summary>The rows of one grade for a pair and year: their ids in file order and the deaths they record.</summary>
internal sealed class PairYearRows
{
    public List<string> Ids { get; } = [];

    /// <summary>Deaths summed over the rows that give a count.</summary>
    public long Deaths { get; set; }

    public int Count => Ids.Count;
}

/// <summary>
/// The rows gathered per unordered pair of actors (lower id first) and year in the first pass over a file, and the ties and
/// claims they become. Holds row ids only, never rows.
/// </summary>
internal sealed class PairYearEvidence(PairYearRule rule)
{
    private readonly Dictionary<(ActorId A, ActorId B, int Year), Entry> entries = [];

    public PairYearRule Rule { get; } = rule;

    public int Count => entries.Count;

    public void Add(ActorId a, ActorId b, int year, bool lower, string rowId, int? deaths)
    {
        if (string.CompareOrdinal(a.Value, b.Value) > 0)
        {
            (a, b) = (b, a);
        }

        if (!entries.TryGetValue((a, b, year), out var e))
        {
            entries[(a, b, year)] = e = new Entry();
        }

        var rows = lower ? e.Lower : e.Firm;
        rows.Ids.Add(rowId);
        rows.Deaths += deaths ?? 0;
    }

    /// <summary>The claims and ties, by year then pair, that are not on record as they would be written.</summary>
    public void WriteFacts(List<JournalChange> head, KnowledgeBase current, string file, EventImportReport report)
    {
        foreach (var ((a, b, year), e) in entries.OrderBy(x => x.Key.Year).ThenBy(x => x.Key.A.Value, StringComparer.Ordinal).ThenBy(x => x.Key.B.Value, StringComparer.Ordinal))
        {
            var (aName, bName) = (current.FindActor(a)!.Name, current.FindActor(b)!.Name);
            var claims = new List<ClaimId>(2);
            foreach (var lower in new[] { false, true })
            {
                var rows = lower ? e.Lower : e.Firm;
                if (rows.Count == 0)
                {
                    continue;
                }

                var claim = new Claim
                {
                    Id = Rule.ClaimId(a, b, year, lower),
                    Source = Rule.Source,
                    Text = Rule.ClaimText(aName, bName, year, rows, lower),
                    Grade = lower ? Rule.Lower : Rule.Firm,
                    GradeReason = lower ? Rule.LowerReason : Rule.FirmReason,
                    Locator = $"{file}, {Rule.IdColumn} {string.Join(", ", rows.Ids)}",
                    PublicSince = new FuzzyDate(year),
                    Reports = ClaimReports.Conduct,
                };
                claims.Add(claim.Id);
                report.Claims++;
                EventFacts.AddIfNew(head, current, claim);
            }

            report.PairYears++;
            EventFacts.AddIfNew(head, current, new Tie
            {
                Id = Rule.TieId(a, b, year),
                Kind = Rule.Kind,
                From = a,
                To = b,
                Period = Period.Between(new FuzzyDate(year), new FuzzyDate(year)),
                Claims = claims,
                Note = Rule.TieNote(year, e),
            });
        }
    }

    internal sealed class Entry
    {
        public PairYearRows Firm { get; } = new();

        public PairYearRows Lower { get; } = new();

        public int Count => Firm.Count + Lower.Count;
    }
}
