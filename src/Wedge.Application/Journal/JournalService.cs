using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Wedge.Application.Problems;
using Wedge.Application.Store;
using Wedge.Core.Collections;
using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Data.Cases;
using Wedge.Data.Store;

namespace Wedge.Application.Journal;

/// <summary>Who makes a change and why, and the journal version it is based on (optimistic concurrency; null: any).</summary>
public sealed record ChangeContext(string? Author, string Why, long? ExpectVersion = null);

/// <summary>
/// Which journal entries `history` lists: about one fact (TYPE:ID or a bare id), by one author (exact), recorded at or
/// after <paramref name="Since"/> and at or before <paramref name="Until"/>; then only the last <paramref name="Last"/>.
/// </summary>
public sealed record HistoryFilter(string? Fact = null, string? Author = null, DateTimeOffset? Since = null, DateTimeOffset? Until = null, int? Last = null);

/// <summary>One journal entry as `history` shows it.</summary>
public sealed record HistoryEntry(long Version, string RecordedAt, string Author, string Action, string Fact, string Reason);

/// <summary>A change appended: which fact, and the journal's version after it.</summary>
public sealed record FactChanged(string Fact, long Version)
{
    /// <summary>Indicators of the built-in hypotheses matrices that the write fired.</summary>
    public EquatableList<Hypotheses.FiredIndicator> Fired { get; init; } = [];
}

/// <summary>The journal verbs: history, retract, correct.</summary>
public sealed class JournalService(IRecordStore store, WorkspaceOptions options)
{
    public EquatableList<HistoryEntry> History(string? fact = null, int? last = null) => History(new HistoryFilter(fact, Last: last));

    /// <summary>The journal entries that pass every filter given, oldest first.</summary>
    public EquatableList<HistoryEntry> History(HistoryFilter filter)
    {
        var query = (filter.Fact is null ? LogQuery.All : LogQuery.ForFact(filter.Fact)) with
        {
            Author = filter.Author,
            Since = filter.Since,
            Until = filter.Until,
            Last = filter.Last,
        };
        return store.Log(query).Select(e => new HistoryEntry(e.Version, e.RecordedAt.ToString("O", CultureInfo.InvariantCulture), e.Author,
            e.Action.ToString().ToLowerInvariant(), e.Key.ToString(), e.Reason)).ToEquatableList();
    }

    /// <summary>Retracts a fact: it stays in the journal, and in reads recorded by an earlier time.</summary>
    public FactChanged Retract(string fact, ChangeContext change)
    {
        var found = Find(store.Knowledge(), fact);
        var version = store.Append([JournalChange.Retract(found.Key)], options.AuthorOf(change.Author), change.Why, change.ExpectVersion);
        return new FactChanged(found.Key.ToString(), version);
    }

    /// <summary>Corrects fields of a fact, given as FIELD=VALUE on its JSON form (dotted for nested fields; empty removes).</summary>
    /// <remarks>
    /// Without an expected version, a correction that another writer overtakes is rebased: its assignments are applied
    /// again to the fact as that writer left it, so corrections of different fields both land (of one field, the later
    /// wins). The correction is always written against the version it was applied to, never over a newer fact.
    /// </remarks>
    public FactChanged Correct(string fact, IReadOnlyList<string> assignments, ChangeContext change)
    {
        for (var attempt = 0; ; attempt++)
        {
            var before = store.Knowledge();
            var found = Find(before, fact);
            var corrected = Apply(found, assignments);
            try
            {
                var version = store.Append([JournalChange.Correct(corrected)], options.AuthorOf(change.Author), change.Why, change.ExpectVersion ?? before.Version);
                return new FactChanged(found.Key.ToString(), version) { Fired = Hypotheses.HypothesesService.NewlyFired(before, store.Knowledge()) };
            }
            catch (ProblemException e) when (change.ExpectVersion is null && e.Problem.Code == "journal-moved" && attempt < MaxRebases)
            {
                // Another writer got in first: read the fact again and apply the same assignments to it.
            }
        }
    }

    /// <summary>How many times a correction without an expected version is rebased before it is refused as a conflict.</summary>
    private const int MaxRebases = 8;

    /// <summary>
    /// Adds one fact given field by field (the case format's keys), read and checked exactly as an imported case entry
    /// is: the same reader, the same reference checks, the same messages. Refused when a fact with its id is on record
    /// (correct it instead). With <paramref name="about"/> (claims only), the claim is also added to that fact's claims.
    /// </summary>
    /// <param name="type">The kind of fact: source, claim, actor, role, tie, ledger, event or attribute.</param>
    public FactChanged Add(FactType type, IReadOnlyList<CaseField> fields, ChangeContext change, string? about = null)
    {
        var origin = $"wedge add {type.ToString().ToLowerInvariant()}";
        var (doc, errors) = CaseEntry.Read(origin, Sections[type], fields);
        if (doc is null)
        {
            throw Problem.Refused("fact-invalid", string.Join(Environment.NewLine, errors)).Exception();
        }

        var fact = doc.Facts.Single();
        var current = store.Knowledge();
        if (current.Find(fact.Key) is not null)
        {
            throw Problem.Refused("fact-exists", $"{fact.Key} is already on record; to change it, use correct (or retract it and add anew)").Exception();
        }

        var facts = new List<Fact> { fact };
        if (about is not null)
        {
            var target = Find(current, about);
            if (target is Claim or Source)
            {
                throw Problem.Refused("not-claimable", $"{target.Key} cannot carry claims: claims back actors, roles, ties, ledger entries, events and attributes").Exception();
            }

            facts.Add(target with { Claims = [.. target.Claims, ((Claim)fact).Id] });
        }

        CasePlan plan;
        try
        {
            plan = CaseImport.Plan(origin, doc with { Facts = facts }, current);
        }
        catch (CaseRefusedException ex)
        {
            throw Problem.Refused("fact-refused", ex.Message).Exception();
        }

        var why = change.Why is { Length: > 0 } w ? w : $"added {fact.Key}" + (about is null ? "" : $" about {about}");
        var version = store.Append(plan.Changes, options.AuthorOf(change.Author), why, change.ExpectVersion, basedOn: current);
        return new FactChanged(fact.Key.ToString(), version) { Fired = Hypotheses.HypothesesService.NewlyFired(current, store.Knowledge()) };
    }

    /// <summary>
    /// The id a disputing claim gets when none is given: c-dispute-FACTID-TIME (UTC, to the second), unique unless one
    /// fact is disputed twice in a second (then refused as a duplicate).
    /// </summary>
    public static string DefaultDisputeId(string fact, DateTime utcNow)
        => $"c-dispute-{fact[(fact.IndexOf(':', StringComparison.Ordinal) + 1)..]}-{utcNow:yyyyMMdd'T'HHmmss}";

    /// <summary>
    /// Disputes a fact: adds a claim that says it is wrong (stance disputes), given field by field as for
    /// <see cref="Add"/>, and attaches it to the fact; evidence is then weighed with it (docs/methods/evidence.md).
    /// </summary>
    public FactChanged Dispute(string fact, IReadOnlyList<CaseField> claimFields, ChangeContext change)
    {
        if (claimFields.Any(f => f.Key == "stance"))
        {
            throw Problem.Usage("stance-fixed", "a disputing claim's stance is disputes; to back a fact, use add claim --about").Exception();
        }

        return Add(FactType.Claim, [.. claimFields, CaseField.Text("stance", "disputes")],
            change with { Why = change.Why is { Length: > 0 } ? change.Why : $"disputed {fact}" }, about: fact);
    }

    /// <summary>The case format's section for each kind of fact.</summary>
    private static readonly IReadOnlyDictionary<FactType, string> Sections = new Dictionary<FactType, string>
    {
        [FactType.Source] = "sources",
        [FactType.Claim] = "claims",
        [FactType.Actor] = "actors",
        [FactType.Role] = "roles",
        [FactType.Tie] = "ties",
        [FactType.Ledger] = "ledger",
        [FactType.Event] = "events",
        [FactType.Attribute] = "attributes",
    };

    /// <summary>Finds the fact a user named as TYPE:ID (tie:t-x) or a bare id that is unique across kinds.</summary>
    public static Fact Find(KnowledgeBase kb, string text)
    {
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && Enum.TryParse<FactType>(text[..colon], ignoreCase: true, out var type))
        {
            return kb.Find(new FactKey(type, text[(colon + 1)..]))
                   ?? throw Problem.NotFound("fact-not-found", $"no {type.ToString().ToLowerInvariant()} '{text[(colon + 1)..]}' on record").Exception();
        }

        var matches = Enum.GetValues<FactType>().Select(t => kb.Find(new FactKey(t, text))).OfType<Fact>().ToList();
        return matches.Count switch
        {
            1 => matches[0],
            0 => throw Problem.NotFound("fact-not-found", $"no fact with id '{text}' on record").Exception(),
            _ => throw Problem.Usage("fact-ambiguous", $"'{text}' names several facts ({string.Join(", ", matches.Select(m => m.Key))}); write it as TYPE:ID").Exception(),
        };
    }

    /// <summary>The fact with the assignments applied to its JSON form, read back and checked.</summary>
    public static Fact Apply(Fact fact, IEnumerable<string> assignments)
    {
        var json = JsonNode.Parse(FactJson.Serialize(fact))!.AsObject();
        foreach (var assignment in assignments)
        {
            var eq = assignment.IndexOf('=', StringComparison.Ordinal);
            var path = assignment[..eq].Trim().Split('.');
            var value = assignment[(eq + 1)..];
            if (path.Any(p => p.Length == 0) || path[0] is "$fact" or "id")
            {
                throw Problem.Refused("field-fixed", $"--set {assignment}: '{assignment[..eq]}' cannot be changed (an id is fixed; retract and add instead)").Exception();
            }

            var target = json;
            foreach (var step in path[..^1])
            {
                target = target[step] as JsonObject ?? (JsonObject)(target[step] = new JsonObject());
            }

            if (value.Length == 0)
            {
                target.Remove(path[^1]);
            }
            else if (target[path[^1]] is JsonArray)
            {
                target[path[^1]] = new JsonArray(value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(v => (JsonNode)JsonValue.Create(v)!).ToArray());
            }
            else
            {
                target[path[^1]] = JsonValue.Create(value);
            }
        }

        try
        {
            var result = JsonSerializer.Deserialize<Fact>(json.ToJsonString(), FactJson.Options)!;
            return result.Key == fact.Key ? result : throw Problem.Refused("field-fixed", "a correction cannot change the fact's id").Exception();
        }
        catch (Exception ex) when (ex is JsonException or ArgumentException or FormatException or InvalidOperationException)
        {
            throw Problem.Refused("correction-invalid", $"the correction does not make a valid {fact.Key.Type.ToString().ToLowerInvariant()}: {ex.Message}").Exception();
        }
    }
}
