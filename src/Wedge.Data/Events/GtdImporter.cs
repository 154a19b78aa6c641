using System.Globalization;
using System.Text;
using Wedge.Core.Events;
using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Text;
using Wedge.Core.Time;
using Wedge.Data.Mmp;

namespace Wedge.Data.Events;

/// <summary>Choices a GTD import takes; the defaults and why are in docs/import-events.md.</summary>
public sealed record GtdImportOptions
{
    /// <summary>
    /// B2 for a joint attack whose perpetrators GTD attributes firmly: an academic dataset with a published codebook
    /// (usually reliable, B), each attribution compiled from open media reports we have not confirmed (probably true, 2).
    /// </summary>
    public Grade Confirmed { get; init; } = new('B', 2);

    public string ConfirmedReason { get; init; } =
        "GTD (START, University of Maryland): an academic dataset with a published codebook (B); each attribution is compiled from open media reports we have not confirmed (2).";

    /// <summary>B3 when GTD marks either perpetrator of the pair as suspected (<c>guncertainN</c> = 1): possibly true.</summary>
    public Grade Suspected { get; init; } = new('B', 3);

    public string SuspectedReason { get; init; } =
        "GTD (B), but it marks at least one of the pair's attributions as suspected (guncertain = 1: based on speculation or dubious claims), so possibly true (3).";

    /// <summary>Dataset name (by <see cref="NameKey"/>) → actor id, from a --map file: tried before any matching.</summary>
    public IReadOnlyDictionary<string, ActorId> Map { get; init; } = new Dictionary<string, ActorId>();
}

/// <summary>
/// Plans the import of a GTD file as joint-attack evidence: for every incident naming two or three groups matched onto
/// actors on record, each pair (<see cref="JointAttack.Pairs"/>) gets, per year, one alliance tie backed by a claim of
/// the GTD citing the incidents' eventids (a second, lower-graded claim for the suspected ones); each such incident
/// becomes an event with its fatalities. Pure with respect to the store: it reads the file and <c>current</c>, and
/// returns changes for the store to apply in one transaction.
/// </summary>
public static class GtdImporter
{
    /// <summary>The dataset's key in <see cref="Actor.ExternalIds"/>: an actor carrying <c>gtd: NAME</c> is that GTD group.</summary>
    public const string ExternalIdKey = "gtd";

    public static SourceId SourceId { get; } = new("gtd");

    /// <summary>The GTD as START asks it to be cited.</summary>
    public static Source Source { get; } = new()
    {
        Id = SourceId,
        Title = "Global Terrorism Database",
        Author = "National Consortium for the Study of Terrorism and Responses to Terrorism (START)",
        Publisher = "University of Maryland",
        Url = "https://www.start.umd.edu/gtd",
    };

    public static string TieIdFor(ActorId a, ActorId b, int year) => $"gtd-{a}-{b}-{year.ToString(CultureInfo.InvariantCulture)}";

    public static ClaimId ClaimIdFor(ActorId a, ActorId b, int year, bool suspected) => new(TieIdFor(a, b, year) + (suspected ? "-suspected" : ""));

    public static string EventIdFor(long eventId) => $"gtd-{eventId.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Plans the whole import as one list of changes (see <see cref="Open"/> for the streaming form).</summary>
    public static (IReadOnlyList<JournalChange> Changes, GtdImportReport Report) Plan(string path, KnowledgeBase current, GtdImportOptions? options = null, string? displayName = null)
    {
        var stream = Open(path, current, options, displayName);
        return (stream.Changes().ToList(), stream.Report);
    }

    /// <summary>
    /// Reads the file once, checking every row and gathering the pairs and years (a list of eventids per pair and year,
    /// nothing per single-perpetrator incident); <see cref="EventImportStream{TReport}.Changes"/> then re-reads it for the events.
    /// </summary>
    /// <exception cref="MmpFileException">The file cannot be read at all; nothing is planned.</exception>
    public static EventImportStream<GtdImportReport> Open(string path, KnowledgeBase current, GtdImportOptions? options = null, string? displayName = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        options ??= new GtdImportOptions();
        var name = displayName ?? path;
        var report = new GtdImportReport();
        var names = new EventNameResolver(current, options.Map, ExternalIdKey);
        var lineOf = new Dictionary<long, int>();
        var refused = new HashSet<int>();
        var pairYears = new Dictionary<(ActorId A, ActorId B, int Year), PairYear>();

        foreach (var row in Pipelined.Enumerate(GtdReader.Read(path, name)))
        {
            report.RowsRead++;
            if (row.Problem is { } p)
            {
                report.Refused.Add(p);
                continue;
            }

            var incident = row.Value!;
            if (!lineOf.TryAdd(incident.EventId, incident.Line))
            {
                report.Refused.Add(new(name, incident.Line, $"eventid {incident.EventId} is already used on line {lineOf[incident.EventId]}"));
                refused.Add(incident.Line);
                continue;
            }

            report.ByPrecision[incident.Date.Precision switch { DatePrecision.Day => 0, DatePrecision.Month => 1, _ => 2 }]++;
            if (incident.Perpetrators.Count < 2)
            {
                report.SinglePerpetrator++;
                continue;
            }

            report.MultiplePerpetrators++;
            var pairs = JointAttack.Pairs(Resolve(names, incident, count: true));
            if (pairs.Count == 0)
            {
                report.JointUnmatched++;
                continue;
            }

            foreach (var pair in pairs)
            {
                var key = (pair.A, pair.B, incident.Date.Year);
                if (!pairYears.TryGetValue(key, out var py))
                {
                    pairYears[key] = py = new PairYear();
                }

                (pair.Suspected ? py.Suspected : py.Confirmed).Add(incident.EventId);
                if (incident.Claimed == true)
                {
                    (pair.Suspected ? py.ClaimedSuspected : py.ClaimedConfirmed).Add(incident.EventId);
                }
            }
        }

        names.Report(report.Matched, report.Unmatched, report.Ambiguous);
        var head = new List<JournalChange>();
        EventFacts.AddIfNew(head, current, Source);
        var file = Path.GetFileName(name);
        foreach (var ((a, b, year), py) in pairYears.OrderBy(x => x.Key.Year).ThenBy(x => x.Key.A.Value, StringComparer.Ordinal).ThenBy(x => x.Key.B.Value, StringComparer.Ordinal))
        {
            var (aName, bName) = (current.FindActor(a)!.Name, current.FindActor(b)!.Name);
            var claims = new List<ClaimId>(2);
            foreach (var suspected in new[] { false, true })
            {
                var ids = suspected ? py.Suspected : py.Confirmed;
                if (ids.Count == 0)
                {
                    continue;
                }

                var claim = BuildClaim(a, b, year, suspected, ids, suspected ? py.ClaimedSuspected.Count : py.ClaimedConfirmed.Count, aName, bName, file, options);
                claims.Add(claim.Id);
                report.Claims++;
                EventFacts.AddIfNew(head, current, claim);
            }

            report.PairYears++;
            EventFacts.AddIfNew(head, current, new Tie
            {
                Id = TieIdFor(a, b, year),
                Kind = TieKind.Alliance,
                From = a,
                To = b,
                Period = Period.Between(new FuzzyDate(year), new FuzzyDate(year)),
                Claims = claims,
                Note = $"Joint attacks in {year.ToString(CultureInfo.InvariantCulture)} per the GTD ({(py.Confirmed.Count + py.Suspected.Count).ToString(CultureInfo.InvariantCulture)} incidents): cooperation in conduct, not a declared alliance.",
            });
        }

        return new EventImportStream<GtdImportReport>(report, head, () => EventChanges(path, name, current, names, refused, report));
    }

    private static IEnumerable<JournalChange> EventChanges(string path, string name, KnowledgeBase current, EventNameResolver names, HashSet<int> refused, GtdImportReport report)
    {
        foreach (var row in GtdReader.Read(path, name))
        {
            if (row.Value is not { } incident || incident.Perpetrators.Count < 2 || refused.Contains(incident.Line))
            {
                continue;
            }

            var perpetrators = Resolve(names, incident, count: false);
            var pairs = JointAttack.Pairs(perpetrators);
            if (pairs.Count == 0)
            {
                continue;
            }

            var e = new Event
            {
                Id = EventIdFor(incident.EventId),
                Date = incident.Date,
                Kind = EventKind.JointOperation,
                Title = Title(incident),
                Actors = perpetrators.Select(x => x.Actor).Distinct().Order(EventFacts.IdOrder).ToList(),
                Fatalities = incident.Killed,
                Claims = pairs.Select(x => ClaimIdFor(x.A, x.B, incident.Date.Year, x.Suspected)).Distinct().ToList(),
            };
            if (EventFacts.EventChange(current, e, report) is not { } change)
            {
                continue;
            }

            yield return change;
        }
    }

    /// <summary>"Joint attack in Iraq attributed to A and B (suspected)": GTD's own names, as data.</summary>
    private static string Title(GtdIncident incident)
    {
        var names = incident.Perpetrators.Select(p => p.Suspected ? $"{p.Name} (suspected)" : p.Name).ToList();
        var who = names.Count == 2 ? $"{names[0]} and {names[1]}" : $"{string.Join(", ", names.Take(names.Count - 1))} and {names[^1]}";
        var where = incident.Country.Length > 0 ? $" in {incident.Country}" : "";
        return $"Joint attack{where} attributed to {who}";
    }

    private static Claim BuildClaim(ActorId a, ActorId b, int year, bool suspected, List<long> ids, int claimed, string aName, string bName, string file, GtdImportOptions options)
    {
        var n = ids.Count;
        var text = new StringBuilder($"The GTD attributes {n.ToString(CultureInfo.InvariantCulture)} attack{(n == 1 ? "" : "s")} in {year.ToString(CultureInfo.InvariantCulture)} jointly to {aName} and {bName}");
        text.Append(suspected ? ", with at least one of the two only suspected (guncertain = 1)." : ".");
        if (claimed > 0)
        {
            text.Append($" It records {claimed.ToString(CultureInfo.InvariantCulture)} of them as claimed by a perpetrator.");
        }
        return new Claim
        {
            Id = ClaimIdFor(a, b, year, suspected),
            Source = SourceId,
            Text = text.ToString(),
            Grade = suspected ? options.Suspected : options.Confirmed,
            GradeReason = suspected ? options.SuspectedReason : options.ConfirmedReason,
            Locator = $"{file}, eventid {string.Join(", ", ids.Select(x => x.ToString(CultureInfo.InvariantCulture)))}",
            PublicSince = new FuzzyDate(year),
            Reports = ClaimReports.Conduct,
        };
    }

    private sealed class PairYear
    {
        public List<long> Confirmed { get; } = [];

        public List<long> Suspected { get; } = [];

        public List<long> ClaimedConfirmed { get; } = [];

        public List<long> ClaimedSuspected { get; } = [];
    }

    /// <summary>The incident's perpetrators matched onto actors on record (those that match), through the shared resolver.</summary>
    private static List<Perpetrator> Resolve(EventNameResolver names, GtdIncident incident, bool count)
    {
        var found = new List<Perpetrator>(incident.Perpetrators.Count);
        foreach (var p in incident.Perpetrators)
        {
            if (names.Resolve(p.Name, p.Name, incident.Line, count) is { } actor)
            {
                found.Add(new Perpetrator(actor, p.Suspected));
            }
        }

        return found;
    }
}
