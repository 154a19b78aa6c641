using System.Globalization;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Text;
using Wedge.Core.Time;
using Wedge.Data.Store;

namespace Wedge.Data.Mmp;

/// <summary>Choices an MMP import takes; the defaults are documented in docs/import-mmp.md.</summary>
public sealed record MmpImportOptions
{
    /// <summary>
    /// B2: MMP is an academic project with a stated method and named sources behind each profile, so usually
    /// reliable (B), but its codebook warns that coverage is not systematic and the scrape may hold small
    /// errors; each observation is a summary of open reporting, probably true (2) but not confirmed by us.
    /// </summary>
    public Grade Grade { get; init; } = new('B', 2);

    public string GradeReason { get; init; } =
        "Stanford's MMP: an academic project with sourced profiles (B), but by its own codebook not systematically collected and possibly holding scraping errors; each observation summarises open reporting we have not confirmed (2).";

    /// <summary>True for <c>--as context</c>: the observations are recorded and cited but not counted when evidence is weighed, until accepted.</summary>
    public bool AsContext { get; init; }

    /// <summary>MMP group id → actor id, from a --map file: used before any name matching.</summary>
    public IReadOnlyDictionary<string, ActorId> Map { get; init; } = new Dictionary<string, ActorId>();
}

/// <summary>
/// Plans the import of MMP's group key and relationships into a knowledge base: one source, one claim and one
/// tie per distinct observation, actors matched or created. Pure with respect to the store: it reads the files
/// and <c>current</c>, and returns changes for the store to apply in one transaction.
/// </summary>
public static class MmpImporter
{
    public const string ExternalIdKey = "mmp";

    public static SourceId SourceId { get; } = new("mmp");

    /// <summary>MMP's dataset as its codebook asks to be cited.</summary>
    public static Source Source { get; } = new()
    {
        Id = SourceId,
        Title = "MMP Dataset and Codebook",
        Author = "Mapping Militant Organizations",
        Publisher = "Stanford University. Last modified July 2019",
        Date = new FuzzyDate(2019, 7),
        Url = "https://cisac.fsi.stanford.edu/mappingmilitants",
    };

    public static ClaimId ClaimIdFor(string uniqueId) => new($"mmp-{uniqueId}");

    public static string TieIdFor(string uniqueId) => $"mmp-{uniqueId}";

    public static ClaimId GroupClaimIdFor(string groupId) => new($"mmp-group-{groupId}");

    /// <summary>Plans the whole import as one list of changes (see <see cref="Open"/> for the streaming form).</summary>
    /// <param name="keyPath">MMP's Militant-Group-Key.csv (or a file in its format).</param>
    /// <param name="relationshipsPath">MMP's Militant-Group-Relationships.csv (or a file in its format).</param>
    /// <param name="current">The record to match actors and earlier imports against.</param>
    /// <exception cref="MmpFileException">A file cannot be read at all; nothing is planned.</exception>
    public static MmpImportPlan Plan(string keyPath, string relationshipsPath, KnowledgeBase current, MmpImportOptions? options = null)
    {
        var stream = Open(keyPath, relationshipsPath, current, options);
        var changes = stream.Changes().ToList();
        return new MmpImportPlan(changes, stream.Report);
    }

    /// <summary>
    /// Reads the key and makes a first pass over the relationships (checking every row, finding duplicates), keeping
    /// only a small index per distinct observation; <see cref="MmpImportStream.Changes"/> then re-reads the file and
    /// yields the changes one observation at a time, so memory does not grow with the descriptions' text.
    /// </summary>
    /// <exception cref="MmpFileException">A file cannot be read at all; nothing is planned.</exception>
    public static MmpImportStream Open(string keyPath, string relationshipsPath, KnowledgeBase current, MmpImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(current);
        options ??= new MmpImportOptions();
        var report = new MmpImportReport();
        var head = new List<JournalChange>();

        var groups = ReadKey(keyPath, report);
        var resolved = ResolveActors(groups, current, options, report);
        AddIfNew(head, current, Source);
        head.AddRange(resolved.Changes);

        var index = IndexObservations(relationshipsPath, groups, resolved.Actors, report);
        // The second pass reads, cleans and builds on a thread of its own: a store's bulk append checks and serialises
        // on a second one and inserts on the caller's, and three stages keep two cores busy where two stages left the
        // inserting thread waiting on a producer that had twice its work.
        return new MmpImportStream(report, head, () => Pipelined.Enumerate(ObservationChanges(relationshipsPath, index, resolved.Actors, current, options, report)));
    }

    private static IEnumerable<JournalChange> ObservationChanges(string path, ObservationIndex index, Dictionary<string, ActorId> actors,
        KnowledgeBase current, MmpImportOptions options, MmpImportReport report)
    {
        var hasher = new XxHash128();
        foreach (var row in MmpReader.ReadRelationships(path))
        {
            if (row.Value is not { } o || index.RefusedLines.Contains(o.Line))
            {
                continue;
            }

            if (!index.Sets.TryGetValue(Hash(hasher, o), out var set))
            {
                throw new MmpFileException(new(path, o.Line, "the file changed while it was being imported; nothing was written"));
            }

            var uid = long.Parse(o.UniqueId, CultureInfo.InvariantCulture);
            if (set.Lowest != uid)
            {
                continue; // a duplicate, merged into the row with the lowest unique_id
            }

            IReadOnlyList<string> others = set.Count > 1 ? [.. index.Members[set.Lowest].Where(x => x != uid).Order().Select(x => x.ToString(CultureInfo.InvariantCulture))] : [];
            var claim = BuildClaim(o, others, options);
            var tie = BuildTie(o, actors[o.Group1], actors[o.Group2], claim.Id);
            var claimChange = Compare(current, claim);
            var tieChange = Compare(current, tie);
            if (claimChange is null && tieChange is null)
            {
                report.ObservationsUnchanged++;
                continue;
            }

            if (claimChange?.Action == JournalAction.Add)
            {
                report.ObservationsImported++;
            }
            else
            {
                report.ObservationsCorrected++;
            }

            if (claimChange is not null)
            {
                yield return claimChange;
            }

            if (tieChange is not null)
            {
                yield return tieChange;
            }
        }
    }

    /// <summary>Reads a --map file: a CSV with columns mmp_id and actor_id. Rows naming an actor not on record are refused.</summary>
    public static (Dictionary<string, ActorId> Map, List<MmpProblem> Problems) ReadMap(string path, KnowledgeBase current, string? displayName = null)
    {
        var name = displayName ?? path;
        var map = new Dictionary<string, ActorId>(StringComparer.Ordinal);
        var problems = new List<MmpProblem>();
        using var csv = MmpCsv.Open(path, name, ["mmp_id", "actor_id"]);
        var (mc, ac) = (csv.Columns["mmp_id"], csv.Columns["actor_id"]);
        foreach (var row in csv.Rows())
        {
            if (row.Fields is not { } f)
            {
                problems.Add(new(name, row.Line, row.Error!));
                continue;
            }

            var (mmp, actor) = (f[mc].Trim(), f[ac].Trim());
            if (mmp.Length == 0 || actor.Length == 0)
            {
                problems.Add(new(name, row.Line, "both mmp_id and actor_id are needed"));
            }
            // Found by fuzzing (fuzz/, mmp-map): an actor_id with a control character threw from ActorId's constructor.
            // No actor on record has such an id, as the GTD's map (EventNameMap) already says.
            else if (actor.Any(char.IsControl) || current.FindActor(new ActorId(actor)) is null)
            {
                problems.Add(new(name, row.Line, $"actor '{actor}' is not on record"));
            }
            else if (!map.TryAdd(mmp, new ActorId(actor)) && map[mmp].Value != actor)
            {
                problems.Add(new(name, row.Line, $"MMP group {mmp} is already mapped to '{map[mmp]}'"));
            }
        }

        return (map, problems);
    }

    private static Dictionary<string, MmpGroup> ReadKey(string path, MmpImportReport report)
    {
        var groups = new Dictionary<string, MmpGroup>(StringComparer.Ordinal);
        var conflicting = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in MmpReader.ReadKey(path))
        {
            report.KeyRowsRead++;
            if (row.Problem is { } p)
            {
                report.Refused.Add(p);
                continue;
            }

            var g = row.Value!;
            if (g.Id.StartsWith('-'))
            {
                // The codebook: -99 marks a group not yet added to a map. Several groups share it, so it names none.
                report.Skipped.Add(new(path, g.Line, $"'{g.Name}' has MMP's placeholder id {g.Id} (a group not yet on a map); no observation can refer to it, so it is not imported"));
                continue;
            }

            if (groups.TryGetValue(g.Id, out var earlier))
            {
                if (earlier.Name != g.Name)
                {
                    report.Refused.Add(new(path, g.Line, $"group_id {g.Id} is used for '{g.Name}' here and for '{earlier.Name}' on line {earlier.Line}"));
                    conflicting.Add(g.Id);
                }

                continue;
            }

            groups[g.Id] = g;
        }

        foreach (var id in conflicting)
        {
            groups.Remove(id);
        }

        return groups;
    }

    private sealed record Resolution(Dictionary<string, ActorId> Actors, List<JournalChange> Changes);

    private static Resolution ResolveActors(Dictionary<string, MmpGroup> groups, KnowledgeBase current, MmpImportOptions options, MmpImportReport report)
    {
        var existing = current.All<Actor>().ToList();
        var matcher = new ActorMatcher(existing);

        // First pass: find each group's candidates by the first rule that gives any.
        var found = new List<(MmpGroup Group, ActorId? Actor, MatchRule Rule)>();
        foreach (var g in groups.Values.OrderBy(g => g.Line))
        {
            if (options.Map.TryGetValue(g.Id, out var mapped))
            {
                found.Add((g, mapped, MatchRule.MappingFile));
                continue;
            }

            var match = matcher.Match(ExternalIdKey, g.Id, [g.Name]);
            if (match.Basis == MatchBasis.ExternalId)
            {
                if (match.IsAmbiguous)
                {
                    report.Ambiguous.Add(new(g.Id, g.Name, [.. match.Candidates], $"several actors carry MMP id {g.Id}"));
                    continue;
                }

                found.Add((g, match.Actor, MatchRule.MmpId));
                continue;
            }

            var viaName = match.Candidates;
            if (viaName.Count > 1)
            {
                report.Ambiguous.Add(new(g.Id, g.Name, [.. viaName], "the name matches several actors; map it with --map"));
                continue;
            }

            if (viaName.Count == 1)
            {
                var other = current.FindActor(viaName[0])!.ExternalIds.GetValueOrDefault(ExternalIdKey);
                if (other is not null && other != g.Id)
                {
                    report.Ambiguous.Add(new(g.Id, g.Name, viaName, $"the name matches '{viaName[0]}', which already carries MMP id {other}; map it with --map"));
                    continue;
                }

                found.Add((g, viaName[0], MatchRule.Name));
                continue;
            }

            found.Add((g, null, MatchRule.Created));
        }

        // Two MMP groups landing on one actor would merge them silently: refuse both.
        var clash = found.Where(f => f.Actor is not null).GroupBy(f => f.Actor!.Value).Where(x => x.Count() > 1).ToList();
        var clashing = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in clash)
        {
            foreach (var f in c)
            {
                clashing.Add(f.Group.Id);
                report.Ambiguous.Add(new(f.Group.Id, f.Group.Name, [c.Key],
                    $"MMP groups {string.Join(", ", c.Select(x => x.Group.Id))} would all become '{c.Key}'; map them with --map"));
            }
        }

        var actors = new Dictionary<string, ActorId>(StringComparer.Ordinal);
        var changes = new List<JournalChange>();
        var takenIds = existing.Select(a => a.Id.Value).ToHashSet(StringComparer.Ordinal);
        foreach (var (g, actor, rule) in found.Where(f => !clashing.Contains(f.Group.Id)))
        {
            if (actor is { } id)
            {
                actors[g.Id] = id;
                report.Matched.Add(new(g.Id, g.Name, id, rule));
                var a = current.FindActor(id)!;
                if (a.ExternalIds.GetValueOrDefault(ExternalIdKey) != g.Id)
                {
                    var ids = new Dictionary<string, string>(a.ExternalIds) { [ExternalIdKey] = g.Id };
                    changes.Add(JournalChange.Correct(a with { ExternalIds = ids }));
                }

                continue;
            }

            var newId = NewActorId(g, takenIds);
            takenIds.Add(newId.Value);
            actors[g.Id] = newId;
            report.Created.Add(new(g.Id, g.Name, newId, MatchRule.Created));
            var claim = new Claim
            {
                Id = GroupClaimIdFor(g.Id),
                Source = SourceId,
                Text = $"MMP's group key lists '{g.Name}' as group {g.Id}.",
                Grade = options.Grade,
                GradeReason = options.GradeReason,
                Locator = $"group key, group_id {g.Id}",
            };
            AddIfNew(changes, current, claim);
            changes.Add(JournalChange.Add(new Actor
            {
                Id = newId,
                Name = g.Name,
                Kind = ActorKind.ArmedGroup,
                ExternalIds = new Dictionary<string, string> { [ExternalIdKey] = g.Id },
                Claims = [claim.Id],
            }));
        }

        return new Resolution(actors, changes);
    }

    /// <summary>A readable id from the name ("Hizbul Islam" → hizbul-islam), suffixed with the MMP id when taken.</summary>
    private static ActorId NewActorId(MmpGroup g, HashSet<string> taken)
    {
        var slug = string.Join('-', NameKey.Of(g.Name).Split(' ', StringSplitOptions.RemoveEmptyEntries));
        if (slug.Length == 0)
        {
            return new ActorId($"mmp-{g.Id}");
        }

        return new ActorId(taken.Contains(slug) ? $"{slug}-mmp-{g.Id}" : slug);
    }

    /// <summary>
    /// One distinct observation: the lowest unique_id among its rows, and how many rows it has. A struct held in the
    /// index's table, not an object per observation: a million long-lived objects made every collection slower.
    /// </summary>
    private record struct DuplicateSet(long Lowest, int Count);

    /// <summary>What the first pass keeps: per distinct observation a 128-bit hash of its content, and the lines it refused.</summary>
    private sealed record ObservationIndex(Dictionary<UInt128, DuplicateSet> Sets, Dictionary<long, List<long>> Members, HashSet<int> RefusedLines);

    /// <summary>
    /// First pass: checks every row and groups exact duplicates (equal in every column but unique_id, after the
    /// quirks are undone) by a 128-bit hash of their content.
    /// </summary>
    private static ObservationIndex IndexObservations(string path, Dictionary<string, MmpGroup> groups, Dictionary<string, ActorId> actors, MmpImportReport report)
    {
        var sets = new Dictionary<UInt128, DuplicateSet>();
        var members = new Dictionary<long, List<long>>();
        var refused = new HashSet<int>();
        var seenIds = new HashSet<long>();
        var hasher = new XxHash128();

        // Reading and cleaning on one core, indexing on the other: this pass runs before anything can be written.
        foreach (var row in Pipelined.Enumerate(MmpReader.ReadRelationships(path)))
        {
            report.RelationshipRowsRead++;
            if (row.Problem is { } p)
            {
                report.Refused.Add(p);
                continue;
            }

            var o = row.Value!;
            if (Unresolved(o, groups, actors) is { } why)
            {
                report.Refused.Add(new(path, o.Line, why));
                refused.Add(o.Line);
                continue;
            }

            var uid = long.Parse(o.UniqueId, CultureInfo.InvariantCulture);
            if (!seenIds.Add(uid))
            {
                report.Refused.Add(new(path, o.Line, $"unique_id {o.UniqueId} is already used on line {LineOf(path, uid)}"));
                refused.Add(o.Line);
                continue;
            }

            ref var set = ref CollectionsMarshal.GetValueRefOrAddDefault(sets, Hash(hasher, o), out var seen);
            if (seen)
            {
                if (!members.TryGetValue(set.Lowest, out var list))
                {
                    list = [set.Lowest];
                }
                else
                {
                    members.Remove(set.Lowest);
                }

                list.Add(uid);
                set.Lowest = Math.Min(set.Lowest, uid);
                set.Count++;
                members[set.Lowest] = list;
            }
            else
            {
                set = new DuplicateSet(uid, 1);
                if (o.Date is null)
                {
                    report.Undated++;
                }
            }
        }

        foreach (var set in sets.Values.Where(x => x.Count > 1))
        {
            report.DuplicateSets++;
            report.DuplicatesMerged += set.Count - 1;
        }

        return new ObservationIndex(sets, members, refused);
    }

    /// <summary>The line a unique_id was first accepted on; only needed for the (rare) message about a reused id, so found by re-reading.</summary>
    private static int LineOf(string path, long uid)
        => MmpReader.ReadRelationships(path).Select(r => r.Value).FirstOrDefault(o => o is not null && long.Parse(o.UniqueId, CultureInfo.InvariantCulture) == uid)?.Line ?? 0;

    private static UInt128 Hash(XxHash128 hasher, MmpObservation o)
    {
        hasher.Reset();
        Span<byte> type = [(byte)o.Type];
        hasher.Append(type);
        Field(hasher, o.Group1);
        Field(hasher, o.Group2);
        Field(hasher, o.DateText);
        Field(hasher, o.Description);
        return hasher.GetCurrentHashAsUInt128();

        static void Field(XxHash128 hasher, string field)
        {
            hasher.Append(MemoryMarshal.AsBytes(field.AsSpan()));
            hasher.Append(Separator);
        }
    }

    private static ReadOnlySpan<byte> Separator => [0, 0, 0xFF, 0xFF];

    private static string? Unresolved(MmpObservation o, Dictionary<string, MmpGroup> groups, Dictionary<string, ActorId> actors)
    {
        foreach (var (id, name) in new[] { (o.Group1, o.Group1Name), (o.Group2, o.Group2Name) })
        {
            if (!groups.ContainsKey(id))
            {
                return id.StartsWith('-')
                    ? $"group id {id} ('{name}') is MMP's placeholder for groups not yet on a map; it does not say which group"
                    : $"group id {id} ('{name}') is not in the group key (or its key row was refused)";
            }

            if (!actors.ContainsKey(id))
            {
                return $"group {id} ('{name}') could not be matched to one actor (see ambiguous matches; use --map)";
            }
        }

        return null;
    }

    private static Claim BuildClaim(MmpObservation o, IReadOnlyList<string> duplicates, MmpImportOptions options)
    {
        var text = o.Description.Length > 0
            ? o.Description
            : $"MMP records {o.Group1Name} and {o.Group2Name} as '{o.Type.Code()}' (no description given).";
        var locator = $"relationships, unique_id {o.UniqueId}"
                      + (duplicates.Count > 0 ? $" (also recorded as unique_id {string.Join(", ", duplicates)})" : "");
        return new Claim
        {
            Id = ClaimIdFor(o.UniqueId),
            Source = SourceId,
            Text = text,
            Grade = options.Grade,
            GradeReason = options.GradeReason,
            Locator = locator,
            Reports = MmpReports.Classify(o.Description),
            Context = options.AsContext,
        };
    }

    private static Tie BuildTie(MmpObservation o, ActorId from, ActorId to, ClaimId claim)
    {
        var when = o.Date is { } d ? $"observed to begin {d}" : "date unknown";
        var note = o.Type is MmpType.Affiliates or MmpType.Split
            ? $"MMP '{o.Type.Code()}', {when}; direction as MMP lists the pair (group1 → group2), which MMP does not keep consistent."
            : $"MMP '{o.Type.Code()}', {when}.";
        return new Tie
        {
            Id = TieIdFor(o.UniqueId),
            Kind = o.Type.ToTieKind(),
            From = from,
            To = to,
            Period = o.Date is { } start ? Period.Since(start) : Period.Always,
            StartOnly = true,
            Claims = [claim],
            Note = note,
        };
    }

    private static void AddIfNew(List<JournalChange> changes, KnowledgeBase current, Fact fact)
    {
        if (Compare(current, fact) is { } change)
        {
            changes.Add(change);
        }
    }

    /// <summary>Add when new, correct when it reads differently, nothing when identical (so re-imports are empty).</summary>
    private static JournalChange? Compare(KnowledgeBase current, Fact fact)
    {
        var existing = current.Find(fact.Key);
        if (existing is null)
        {
            return JournalChange.Add(fact);
        }

        return Same(existing, fact) ? null : JournalChange.Correct(fact);
    }

    /// <summary>
    /// Whether a fact on record reads exactly as the planned one. Records compare their lists by reference, so claims and
    /// ties (the bulk of an import) are compared field by field; anything else by its JSON form.
    /// </summary>
    private static bool Same(Fact existing, Fact planned) => (existing, planned) switch
    {
        (Claim a, Claim b) => a with { Claims = b.Claims } == b && a.Claims.SequenceEqual(b.Claims),
        (Tie a, Tie b) => a with { Claims = b.Claims } == b && a.Claims.SequenceEqual(b.Claims),
        _ => FactJson.Serialize(existing) == FactJson.Serialize(planned),
    };
}
