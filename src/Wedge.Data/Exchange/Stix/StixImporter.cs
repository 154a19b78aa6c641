using System.Text.Json;
using System.Text.Json.Nodes;
using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Text;
using Wedge.Core.Time;
using Wedge.Data.Store;

namespace Wedge.Data.Exchange.Stix;

/// <summary>What a STIX import took, matched, skipped and refused.</summary>
public sealed class StixImportReport
{
    public int ObjectsRead { get; set; }

    public List<(string StixId, string Name, ActorId Actor)> ActorsMatched { get; } = [];

    public List<(string StixId, string Name, ActorId Actor)> ActorsCreated { get; } = [];

    public int TiesTaken { get; set; }

    public int SourcesTaken { get; set; }

    public int ClaimsTaken { get; set; }

    public int FactsUnchanged { get; set; }

    /// <summary>Objects not taken, counted by type and reason (e.g. "indicator: STIX type Wedge does not record").</summary>
    public SortedDictionary<string, int> Skipped { get; } = new(StringComparer.Ordinal);

    /// <summary>Problems that refuse the whole import: where (object id or file position) and why.</summary>
    public List<string> Refused { get; } = [];

    public bool IsClean => Refused.Count == 0;

    public void Skip(string type, string reason) => Skipped[$"{type}: {reason}"] = Skipped.GetValueOrDefault($"{type}: {reason}") + 1;
}

/// <summary>The changes a STIX import would make, with its report. Empty changes when refused.</summary>
public sealed record StixImportPlan(IReadOnlyList<JournalChange> Changes, StixImportReport Report);

/// <summary>
/// Reads a STIX 2.1 bundle into changes to the record (docs/exchange/stix.md, "Import"): threat actors, intrusion sets
/// and identities (organisations, groups, individuals) become actors, matched onto actors on record by Wedge id, then
/// by name or alias; relationships between them become ties; reports become sources and their claims (Wedge's own, from
/// <c>x_wedge_claims</c>, else one claim per object a report names, graded from its <c>confidence</c>). Everything else
/// is counted and skipped. Pure: reads the text and the current record, returns changes for one append.
/// </summary>
public static class StixImporter
{
    private static readonly HashSet<string> ActorTypes = ["threat-actor", "intrusion-set", "identity"];

    public static StixImportPlan Plan(string json, string fileName, KnowledgeBase current)
    {
        ArgumentNullException.ThrowIfNull(current);
        var report = new StixImportReport();
        JsonNode? root;
        try
        {
            // Duplicate property names are refused here: JsonObject would otherwise throw ArgumentException on first access.
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });
        }
        catch (JsonException ex)
        {
            report.Refused.Add($"{fileName}:{(ex.LineNumber ?? 0) + 1}: not valid JSON: {ex.Message}");
            return new StixImportPlan([], report);
        }

        if (root is not JsonObject bundle || (string?)Str(bundle, "type") != "bundle")
        {
            report.Refused.Add($"{fileName}: not a STIX bundle (the top level must be an object with \"type\": \"bundle\")");
            return new StixImportPlan([], report);
        }

        var objects = new List<JsonObject>();
        var position = 0;
        foreach (var node in bundle["objects"] as JsonArray ?? [])
        {
            position++;
            if (node is JsonObject o && Str(o, "type") is { Length: > 0 } && Str(o, "id") is { } id && id.Contains("--", StringComparison.Ordinal))
            {
                // Found by fuzzing (fuzz/, stix): the ids Wedge gives what it imports are made from STIX ids, and one
                // with a control character or surrounding spaces threw from the id's constructor.
                if (!UsableId(id))
                {
                    report.Refused.Add($"{fileName}: object {position}: its id '{id}' has control characters or surrounding spaces");
                    continue;
                }

                objects.Add(o);
            }
            else
            {
                report.Refused.Add($"{fileName}: object {position} has no type or no STIX id");
            }
        }

        report.ObjectsRead = objects.Count;
        if (!report.IsClean)
        {
            return new StixImportPlan([], report);
        }

        var bundleId = Str(bundle, "id") ?? "bundle--unknown";
        if (!UsableId(bundleId))
        {
            report.Refused.Add($"{fileName}: the bundle's id '{bundleId}' has control characters or surrounding spaces");
            return new StixImportPlan([], report);
        }

        var planner = new Planner(objects, fileName, bundleId, current, report);
        var changes = planner.Run();
        return new StixImportPlan(report.IsClean ? changes : [], report);
    }

    private static string? Str(JsonObject o, string name) => o[name] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    /// <summary>A STIX id that can become part of a Wedge id (<see cref="Core.Model.IdRules"/>): not empty, not padded, no control characters.</summary>
    private static bool UsableId(string s) => s.Length > 0 && s.Trim().Length == s.Length && !s.Any(char.IsControl);

    private sealed class Planner(List<JsonObject> objects, string fileName, string bundleId, KnowledgeBase current, StixImportReport report)
    {
        private readonly Dictionary<string, ActorId> actorOf = new(StringComparer.Ordinal);
        private readonly ActorMatcher matcher = new(current.All<Actor>());
        private readonly Dictionary<ActorId, Actor> newActors = [];
        private readonly Dictionary<string, Tie> ties = new(StringComparer.Ordinal);
        private readonly Dictionary<FactKey, Fact> planned = [];
        private readonly Dictionary<FactKey, List<ClaimId>> claimsFor = [];
        private readonly HashSet<string> takenIds = new(StringComparer.Ordinal);
        private readonly Dictionary<string, JsonObject> byId = objects.GroupBy(o => Str(o, "id")!, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        public List<JournalChange> Run()
        {
            var producers = objects.Select(o => Str(o, "created_by_ref")).OfType<string>().ToHashSet(StringComparer.Ordinal);
            var actorObjects = new List<JsonObject>();
            foreach (var o in objects)
            {
                var type = Str(o, "type")!;
                if (!ActorTypes.Contains(type))
                {
                    // A TLP marking definition is read where a report names it (its source's marking).
                    if (type is not ("relationship" or "report" or "opinion") && !(type == "marking-definition" && StixMarkings.Of(Str(o, "id")) is not null))
                    {
                        report.Skip(type, "a STIX type Wedge does not record");
                    }

                    continue;
                }

                if (type == "identity" && producers.Contains(Str(o, "id")!) && Str(o, "x_wedge_kind") is null)
                {
                    report.Skip(type, "the producer of objects in the bundle (created_by_ref), not a party");
                    continue;
                }

                if (KindOf(o) is null)
                {
                    report.Skip(type, $"identity_class '{Str(o, "identity_class")}' names no party");
                    continue;
                }

                actorObjects.Add(o);
            }

            foreach (var o in actorObjects)
            {
                Resolve(o);
            }

            var relationships = objects.Where(o => Str(o, "type") == "relationship").ToList();
            foreach (var r in relationships.Where(r => r["x_wedge_parent"] is JsonValue v && v.TryGetValue<bool>(out var b) && b))
            {
                TakeParent(r);
            }

            foreach (var r in relationships.Where(r => r["x_wedge_parent"] is null))
            {
                TakeRelationship(r);
            }

            foreach (var rep in objects.Where(o => Str(o, "type") == "report"))
            {
                TakeReport(rep);
            }

            foreach (var o in objects.Where(o => Str(o, "type") == "opinion"))
            {
                // Wedge's own opinions are its disputing claims, already read from their reports.
                if (Str(o, "x_wedge_id") is { } id && planned.ContainsKey(new FactKey(FactType.Claim, id)))
                {
                    continue;
                }

                report.Skip("opinion", "an opinion from outside Wedge (not imported as a claim)");
            }

            return Changes();
        }

        private static ActorKind? KindOf(JsonObject o)
        {
            if (Str(o, "x_wedge_kind") is { } k)
            {
                return EnumNames.Parse<ActorKind>(k);
            }

            return Str(o, "type") switch
            {
                "threat-actor" or "intrusion-set" => ActorKind.ArmedGroup,
                _ => Str(o, "identity_class") switch
                {
                    "individual" => ActorKind.Person,
                    "organization" when (o["sectors"] as JsonArray)?.Any(s => (string?)s == "government-national") == true => ActorKind.State,
                    "organization" or "group" => ActorKind.Other,
                    _ => null,
                },
            };
        }

        private string Where(JsonObject o) => $"{fileName}: {Str(o, "id")}";

        private FuzzyDate? Date(JsonObject o, string property, JsonNode? node)
        {
            if (node is null)
            {
                return null;
            }

            var text = node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            var parsed = FuzzyDate.TryParse(text);
            if (!parsed.IsSuccess)
            {
                report.Refused.Add($"{Where(o)}: {property}: {parsed.Error}");
                return null;
            }

            return parsed.Value;
        }

        private FuzzyDate? Instant(JsonObject o, string property)
        {
            if (Str(o, property) is not { } text)
            {
                return null;
            }

            if (!StixTime.TryParse(text, out var t))
            {
                report.Refused.Add($"{Where(o)}: {property} '{text}' is not a STIX timestamp");
                return null;
            }

            return StixTime.Day(t);
        }

        /// <summary>The exact period from an x_wedge period object, else the STIX times read to the day.</summary>
        private Period? PeriodOf(JsonObject o, string wedgeProperty, string startProperty, string stopProperty)
        {
            FuzzyDate? start, end;
            if (o[wedgeProperty] is JsonObject p)
            {
                start = Date(o, $"{wedgeProperty}.start", p["start"]);
                end = Date(o, $"{wedgeProperty}.end", p["end"]);
            }
            else
            {
                start = Instant(o, startProperty);
                end = Instant(o, stopProperty);
            }

            if (Period.Check(start, end) is { } why)
            {
                report.Refused.Add($"{Where(o)}: the period {why}");
                return null;
            }

            return new Period(start, end);
        }

        private static List<string> Strings(JsonNode? node)
            => node is JsonArray a ? [.. a.Select(x => x is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>()] : [];

        private void Resolve(JsonObject o)
        {
            var stixId = Str(o, "id")!;
            var name = Str(o, "name");
            if (string.IsNullOrWhiteSpace(name))
            {
                report.Refused.Add($"{Where(o)}: a {Str(o, "type")} without a name");
                return;
            }

            var aliases = Strings(o["aliases"] ?? o["x_wedge_aliases"]);
            var wedgeId = Str(o, "x_wedge_id");
            Actor? match = null;
            if (wedgeId is not null && IsId(wedgeId))
            {
                match = current.FindActor(new ActorId(wedgeId));
            }

            if (match is null)
            {
                var found = matcher.Match("stix", stixId, [name, .. aliases]);
                if (found.Basis == MatchBasis.Name && found.IsAmbiguous)
                {
                    report.Refused.Add($"{Where(o)}: '{name}' matches several actors on record ({string.Join(", ", found.Candidates)}); rename or merge them first");
                    return;
                }

                // Several actors carrying one STIX id cannot come from Wedge's own export (one id per actor): take the first by id.
                match = found.Candidates.Count > 0 ? current.FindActor(found.Candidates[0]) : null;
            }

            if (match is not null)
            {
                actorOf[stixId] = match.Id;
                report.ActorsMatched.Add((stixId, name, match.Id));
                return;
            }

            var id = NewActorId(wedgeId, name);
            var active = PeriodOf(o, "x_wedge_active", "first_seen", "last_seen");
            var externalIds = new Dictionary<string, string>(StringComparer.Ordinal);
            if (o["x_wedge_external_ids"] is JsonObject ext)
            {
                foreach (var (k, v) in ext)
                {
                    externalIds[k] = v?.ToString() ?? "";
                }
            }
            else if (wedgeId is null)
            {
                externalIds["stix"] = stixId; // where it came from, for the next import to match on
            }

            var actor = new Actor
            {
                Id = id,
                Name = name,
                Kind = KindOf(o)!.Value,
                Aliases = aliases,
                Description = Str(o, "description"),
                Active = active ?? Period.Always,
                EndPublicSince = Date(o, "x_wedge_end_public_since", o["x_wedge_end_public_since"]),
                Ideology = Strings(o["x_wedge_ideology"]),
                HomeBase = Str(o, "x_wedge_home_base"),
                ExternalIds = externalIds,
            };
            actorOf[stixId] = id;
            newActors[id] = actor;
            report.ActorsCreated.Add((stixId, name, id));
        }

        private static bool IsId(string s) => s.Length > 0 && s.Trim().Length == s.Length && !s.Any(char.IsControl);

        private ActorId NewActorId(string? wedgeId, string name)
        {
            var candidate = wedgeId is not null && IsId(wedgeId) ? wedgeId : string.Join('-', NameKey.Of(name).Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (candidate.Length == 0)
            {
                candidate = "stix-actor";
            }

            var id = candidate;
            for (var n = 2; current.FindActor(new ActorId(id)) is not null || !takenIds.Add(id); n++)
            {
                id = $"{candidate}-{n}";
            }

            return new ActorId(id);
        }

        private void TakeParent(JsonObject r)
        {
            if (Str(r, "source_ref") is { } s && Str(r, "target_ref") is { } t && actorOf.TryGetValue(s, out var child) && actorOf.TryGetValue(t, out var parent)
                && newActors.TryGetValue(child, out var actor))
            {
                newActors[child] = actor with { Parent = parent };
                return;
            }

            report.Skip("relationship", "faction-of link whose faction was matched onto an actor on record, or whose parent is not in the bundle");
        }

        private void TakeRelationship(JsonObject r)
        {
            var type = Str(r, "relationship_type") ?? "";
            var kind = StixTieMapping.KindOf(type, Str(r, "x_wedge_tie_kind"));
            if (kind is null)
            {
                report.Skip("relationship", Str(r, "x_wedge_tie_kind") is { } k ? $"unknown x_wedge_tie_kind '{k}'" : $"'{type}' says nothing Wedge records as a tie");
                return;
            }

            if (!actorOf.TryGetValue(Str(r, "source_ref") ?? "", out var from) || !actorOf.TryGetValue(Str(r, "target_ref") ?? "", out var to))
            {
                report.Skip("relationship", $"'{type}' with an end that is not an actor taken from the bundle");
                return;
            }

            if (type == "attributed-to" && Str(r, "x_wedge_tie_kind") is null
                && (new[] { from, to }.Any(a => (newActors.GetValueOrDefault(a) ?? current.FindActor(a))?.Kind == ActorKind.Person)))
            {
                report.Skip("relationship", "'attributed-to' naming a person (a persona's real identity, not a tie)");
                return;
            }

            var period = PeriodOf(r, "x_wedge_period", "start_time", "stop_time");
            var stance = Str(r, "x_wedge_stance") is { } st ? EnumNames.Parse<TieStance>(st) : TieStance.Unstated;
            var ack = Str(r, "x_wedge_acknowledgement") is { } ak ? EnumNames.Parse<Acknowledgement>(ak) : Acknowledgement.Unstated;
            if (stance is null || ack is null)
            {
                report.Refused.Add($"{Where(r)}: unknown x_wedge_stance or x_wedge_acknowledgement");
                return;
            }

            var id = Str(r, "x_wedge_id") is { } wid && IsId(wid) ? wid : "stix-" + StixIds.UuidOf(Str(r, "id")!);
            ties[Str(r, "id")!] = new Tie
            {
                Id = id,
                Kind = kind.Value,
                From = from,
                To = to,
                Period = period ?? Period.Always,
                Note = Str(r, "description"),
                Stance = stance.Value,
                Acknowledgement = ack.Value,
                EndPublicSince = Date(r, "x_wedge_end_public_since", r["x_wedge_end_public_since"]),
                StartOnly = r["x_wedge_start_only"] is JsonValue so && so.TryGetValue<bool>(out var startOnly) && startOnly,
            };
        }

        /// <summary>The Wedge fact a STIX id stands for, if the import takes it.</summary>
        private FactKey? FactOf(string stixId)
            => actorOf.TryGetValue(stixId, out var a) ? new FactKey(FactType.Actor, a.Value)
                : ties.TryGetValue(stixId, out var t) ? t.Key : null;

        private Grade GradeOf(JsonObject o, string? wedgeGrade)
        {
            if (wedgeGrade is not null)
            {
                if (Grade.TryParse(wedgeGrade, out var g, out var error))
                {
                    return g;
                }

                report.Refused.Add($"{Where(o)}: {error}");
                return default;
            }

            var confidence = o["confidence"] is JsonValue v && v.TryGetValue<int>(out var c) ? c : (int?)null;
            if (confidence is < 0 or > 100)
            {
                report.Refused.Add($"{Where(o)}: confidence {confidence} is outside 0–100");
                return default;
            }

            return AdmiraltyConfidence.ToGrade(confidence);
        }

        private void TakeReport(JsonObject rep)
        {
            var uuid = StixIds.UuidOf(Str(rep, "id")!);
            var sourceId = new SourceId(Str(rep, "x_wedge_id") is { } wid && IsId(wid) ? wid : "stix-" + uuid);
            FuzzyDate? date = rep["x_wedge_date"] is { } wd ? Date(rep, "x_wedge_date", wd)
                : Str(rep, "x_wedge_id") is null ? Instant(rep, "published") : null;
            var url = (rep["external_references"] as JsonArray)?.OfType<JsonObject>().Select(e => Str(e, "url")).FirstOrDefault(u => u is not null);
            var source = new Source
            {
                Id = sourceId,
                Title = Str(rep, "name") ?? "(untitled report)",
                Author = Str(rep, "x_wedge_author"),
                Publisher = Str(rep, "x_wedge_publisher"),
                Date = date,
                Url = url,
                // Wedge's own bundles say the source's marking exactly; another tool's report says it by its marking refs.
                Marking = Str(rep, "x_wedge_id") is not null
                    ? Markings.Parse(Str(rep, "x_wedge_marking"))
                    : Strings(rep["object_marking_refs"]).Select(StixMarkings.Of).Max(),
            };
            planned[source.Key] = source;
            report.SourcesTaken++;

            if (rep["x_wedge_claims"] is JsonArray claims)
            {
                foreach (var c in claims.OfType<JsonObject>())
                {
                    TakeWedgeClaim(rep, c, sourceId);
                }

                return;
            }

            // A report from outside Wedge: one claim per object it names that the import takes.
            foreach (var r in Strings(rep["object_refs"]))
            {
                if (FactOf(r) is not { } key)
                {
                    continue;
                }

                var target = byId[r];
                var claim = new Claim
                {
                    Id = new ClaimId($"stix-{uuid}-{StixIds.UuidOf(r)}"),
                    Source = sourceId,
                    Text = $"The report '{source.Title}' names {Describe(target)}.",
                    Grade = GradeOf(target, Str(target, "x_wedge_grade")),
                    GradeReason = "Imported from STIX: credibility from the object's confidence (STIX 2.1 Appendix A); reliability F, as STIX does not grade sources.",
                    Locator = r,
                };
                AddClaim(claim, [key]);
            }
        }

        private static string Describe(JsonObject o)
            => Str(o, "type") == "relationship" ? $"a '{Str(o, "relationship_type")}' relationship ({Str(o, "id")})" : $"{Str(o, "type")} '{Str(o, "name")}'";

        private void TakeWedgeClaim(JsonObject rep, JsonObject c, SourceId source)
        {
            var id = Str(c, "id");
            var text = Str(c, "text");
            if (id is null || !IsId(id) || text is null)
            {
                report.Refused.Add($"{Where(rep)}: a claim in x_wedge_claims without id or text");
                return;
            }

            var stance = Str(c, "stance") is { } s ? EnumNames.Parse<ClaimStance>(s) : ClaimStance.Supports;
            if (stance is null)
            {
                report.Refused.Add($"{Where(rep)}: claim {id}: unknown stance '{Str(c, "stance")}'");
                return;
            }

            var claim = new Claim
            {
                Id = new ClaimId(id),
                Source = source,
                Text = text,
                Grade = GradeOf(rep, Str(c, "grade") ?? ""),
                GradeReason = Str(c, "grade_reason"),
                Locator = Str(c, "locator"),
                PublicSince = Date(rep, $"claim {id} public_since", c["public_since"]),
                Stance = stance.Value,
                Reports = Str(c, "reports") is { } rep2 ? EnumNames.Parse<ClaimReports>(rep2) ?? ClaimReports.Unstated : ClaimReports.Unstated,
                Context = c["context"] is JsonValue cv && cv.TryGetValue<bool>(out var ctx) && ctx,
                Marking = Markings.Parse(Str(c, "marking")),
            };
            AddClaim(claim, Strings(c["object_refs"]).Select(FactOf).OfType<FactKey>());
        }

        private void AddClaim(Claim claim, IEnumerable<FactKey> backs)
        {
            planned[claim.Key] = claim;
            report.ClaimsTaken++;
            foreach (var key in backs)
            {
                if (!claimsFor.TryGetValue(key, out var list))
                {
                    claimsFor[key] = list = [];
                }

                list.Add(claim.Id);
            }
        }

        /// <summary>The claims backing a fact: in the order the export listed them (x_wedge_claim_ids), else as read.</summary>
        private List<ClaimId> ClaimsOf(FactKey key, string stixId)
        {
            var found = claimsFor.GetValueOrDefault(key) ?? [];
            var obj = byId[stixId];
            var order = Strings(obj["x_wedge_claim_ids"]);
            if (order.Count == 0)
            {
                return found;
            }

            var rank = order.Select((c, i) => (c, i)).ToDictionary(x => x.c, x => x.i, StringComparer.Ordinal);
            return [.. found.OrderBy(c => rank.GetValueOrDefault(c.Value, int.MaxValue))];
        }

        private List<JournalChange> Changes()
        {
            var bundleSource = new Source { Id = new SourceId("stix-" + StixIds.UuidOf(bundleId)), Title = $"STIX bundle {Path.GetFileName(fileName)} ({bundleId})" };
            var facts = new List<Fact>();
            facts.AddRange(planned.Values.OfType<Source>());
            facts.AddRange(planned.Values.OfType<Claim>());

            // Facts no report speaks for are cited to the bundle itself, graded from their own confidence.
            Fact Backed(Fact fact, string stixId)
            {
                var claims = ClaimsOf(fact.Key, stixId);
                if (claims.Count > 0)
                {
                    return fact is Actor a ? a with { Claims = claims } : ((Tie)fact) with { Claims = claims };
                }

                var obj = byId[stixId];
                if (Str(obj, "x_wedge_id") is not null && obj["x_wedge_claim_ids"] is null)
                {
                    return fact; // unsourced in the Wedge record it came from, and kept so
                }

                var claim = new Claim
                {
                    Id = new ClaimId("stix-" + stixId),
                    Source = bundleSource.Id,
                    Text = $"The bundle holds {Describe(obj)}.",
                    Grade = GradeOf(obj, Str(obj, "x_wedge_grade")),
                    GradeReason = "Imported from STIX: credibility from the object's confidence (STIX 2.1 Appendix A); reliability F, as STIX does not grade sources.",
                    Locator = stixId,
                };
                if (!facts.Any(f => f.Key == bundleSource.Key))
                {
                    facts.Insert(0, bundleSource);
                    report.SourcesTaken++;
                }

                facts.Add(claim);
                report.ClaimsTaken++;
                return fact is Actor a2 ? a2 with { Claims = [claim.Id] } : ((Tie)fact) with { Claims = [claim.Id] };
            }

            foreach (var (stixId, id) in actorOf)
            {
                if (newActors.TryGetValue(id, out var actor))
                {
                    facts.Add(Backed(actor, stixId));
                }
                else if (claimsFor.TryGetValue(new FactKey(FactType.Actor, id.Value), out var extra))
                {
                    // A matched actor keeps everything on record and gains the claims the bundle adds.
                    var onRecord = current.FindActor(id)!;
                    var more = extra.Where(c => !onRecord.Claims.Contains(c)).ToList();
                    if (more.Count > 0)
                    {
                        facts.Add(onRecord with { Claims = [.. onRecord.Claims, .. more] });
                    }
                }
            }

            foreach (var (stixId, tie) in ties)
            {
                facts.Add(Backed(tie, stixId));
                report.TiesTaken++;
            }

            var changes = new List<JournalChange>();
            foreach (var f in facts)
            {
                var existing = current.Find(f.Key);
                if (existing is null)
                {
                    changes.Add(JournalChange.Add(f));
                }
                else if (FactJson.Serialize(existing) != FactJson.Serialize(f))
                {
                    changes.Add(JournalChange.Correct(f));
                }
                else
                {
                    report.FactsUnchanged++;
                }
            }

            return changes;
        }
    }
}
