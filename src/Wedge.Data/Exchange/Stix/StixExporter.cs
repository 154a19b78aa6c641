using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;

namespace Wedge.Data.Exchange.Stix;

/// <summary>What an export wrote, and what the record holds that STIX cannot carry.</summary>
public sealed record StixExportSummary(
    int ThreatActors,
    int Identities,
    int Relationships,
    int Opinions,
    int Reports,
    int Claims,
    int SourcesWithoutExportedClaims,
    int RolesNotCarried,
    int LedgerEntriesNotCarried,
    int EventsNotCarried,
    int AttributesNotCarried);

/// <summary>A bundle and its summary.</summary>
public sealed record StixExport(JsonObject Bundle, StixExportSummary Summary)
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public string ToJson() => Bundle.ToJsonString(Indented);
}

/// <summary>
/// Writes a read slice of the record as a STIX 2.1 bundle (docs/exchange/stix.md): armed groups and factions as
/// <c>threat-actor</c>, states, people and other parties as <c>identity</c>, ties as <c>relationship</c>, each source
/// as a <c>report</c> whose <c>object_refs</c> name what its claims back, disputing claims as <c>opinion</c>. Ids are
/// UUIDv5 of the Wedge ids; <c>created</c>/<c>modified</c> are recorded time; grades become <c>confidence</c> by STIX's
/// Admiralty table and are kept exactly in <c>x_wedge_grade</c>. Everything Wedge needs to read the bundle back without
/// loss travels in <c>x_wedge_*</c> properties. Pure: the caller supplies the snapshot and the journal's times.
/// </summary>
public static class StixExporter
{
    public const string ThreatActor = "threat-actor";
    public const string Identity = "identity";
    public const string Relationship = "relationship";
    public const string Opinion = "opinion";
    public const string Report = "report";

    /// <param name="snapshot">The read slice to export.</param>
    /// <param name="times">Recorded times of the facts (from the same journal the snapshot was projected from).</param>
    /// <param name="fallback">Created/modified for facts with no journal entry (only facts built in memory).</param>
    public static StixExport Export(Snapshot snapshot, RecordedTimes times, DateTimeOffset fallback)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(times);
        var objects = new List<JsonObject>();
        var stixIdOf = new Dictionary<FactKey, string>();
        var claimTargets = new Dictionary<ClaimId, SortedSet<string>>();
        int threatActors = 0, identities = 0, relationships = 0, opinions = 0, reports = 0;

        void Back(Fact fact, string stixId)
        {
            foreach (var c in snapshot.ClaimsOf(fact))
            {
                if (!claimTargets.TryGetValue(c.Id, out var set))
                {
                    claimTargets[c.Id] = set = new SortedSet<string>(StringComparer.Ordinal);
                }

                set.Add(stixId);
            }
        }

        var actors = snapshot.Actors.OrderBy(a => a.Id.Value, StringComparer.Ordinal).ToList();
        foreach (var a in actors)
        {
            var type = a.Kind is ActorKind.ArmedGroup or ActorKind.Faction ? ThreatActor : Identity;
            stixIdOf[a.Key] = StixIds.For(type, a.Key);
        }

        foreach (var a in actors)
        {
            var o = ActorObject(snapshot, a, stixIdOf[a.Key], times.Of(a.Key, fallback));
            if ((string)o["type"]! == ThreatActor)
            {
                threatActors++;
            }
            else
            {
                identities++;
            }

            Mark(o, FactMarking(snapshot, a));
            objects.Add(o);
            Back(a, stixIdOf[a.Key]);
        }

        foreach (var a in actors.Where(a => a.Parent is { } p && stixIdOf.ContainsKey(new FactKey(FactType.Actor, p.Value))))
        {
            objects.Add(ParentObject(a, stixIdOf, times.Of(a.Key, fallback)));
            relationships++;
        }

        foreach (var t in snapshot.Ties.OrderBy(t => t.Id, StringComparer.Ordinal))
        {
            var from = new FactKey(FactType.Actor, t.From.Value);
            var to = new FactKey(FactType.Actor, t.To.Value);
            if (!stixIdOf.ContainsKey(from) || !stixIdOf.ContainsKey(to))
            {
                continue; // an end not in this slice
            }

            var id = StixIds.For(Relationship, t.Key);
            stixIdOf[t.Key] = id;
            objects.Add(Mark(TieObject(snapshot, t, id, stixIdOf[from], stixIdOf[to], times.Of(t.Key, fallback)), FactMarking(snapshot, t)));
            relationships++;
            Back(t, id);
        }

        // Disputing claims also become opinions on what they dispute, for consumers that read STIX alone.
        var opinionOf = new Dictionary<ClaimId, string>();
        foreach (var (claimId, targets) in claimTargets.OrderBy(x => x.Key.Value, StringComparer.Ordinal))
        {
            var c = snapshot.Claim(claimId)!;
            if (c.Stance != ClaimStance.Disputes)
            {
                continue;
            }

            var id = StixIds.For(Opinion, c.Key);
            opinionOf[c.Id] = id;
            objects.Add(Mark(OpinionObject(snapshot, c, id, targets, times.Of(c.Key, fallback)), ClaimMarking(snapshot, c)));
            opinions++;
        }

        var bySource = claimTargets.Keys.Select(id => snapshot.Claim(id)!).GroupBy(c => c.Source).ToDictionary(g => g.Key, g => g.OrderBy(c => c.Id.Value, StringComparer.Ordinal).ToList());
        var sourcesLeftOut = 0;
        foreach (var s in snapshot.Sources.OrderBy(s => s.Id.Value, StringComparer.Ordinal))
        {
            if (!bySource.TryGetValue(s.Id, out var claims))
            {
                sourcesLeftOut++;
                continue;
            }

            // A report holds its claims: it is marked as its strictest one (or its source, if stricter).
            var strictest = claims.Select(c => ClaimMarking(snapshot, c)).Append(s.Marking).Max();
            objects.Add(Mark(ReportObject(snapshot, s, claims, claimTargets, opinionOf, times, fallback), strictest));
            reports++;
        }

        // Markings: each object carries the TLP marking of what it rests on (docs/exchange/stix.md), and the bundle the
        // published definitions of the markings it uses, first.
        var used = new SortedSet<Marking>();
        foreach (var o in objects)
        {
            if (o["x_wedge_object_marking"] is JsonValue v && Markings.Parse(v.GetValue<string>()) is { } m)
            {
                o.Remove("x_wedge_object_marking");
                o["object_marking_refs"] = new JsonArray(StixMarkings.Id(m));
                used.Add(m);
            }
        }

        objects.InsertRange(0, used.Select(StixMarkings.Definition));

        var bundle = new JsonObject
        {
            ["type"] = "bundle",
            ["id"] = StixIds.For("bundle", "bundle:" + Fingerprint(objects)),
        };
        if (objects.Count > 0)
        {
            bundle["objects"] = new JsonArray([.. objects]);
        }

        var summary = new StixExportSummary(threatActors, identities, relationships, opinions, reports, claimTargets.Count, sourcesLeftOut,
            snapshot.Roles.Count, snapshot.Ledger.Count, snapshot.Events.Count, snapshot.Attributes.Count);
        return new StixExport(bundle, summary);
    }

    /// <summary>A hash of every object's id and modified time: the same content gives the same bundle id.</summary>
    private static string Fingerprint(List<JsonObject> objects)
    {
        var text = string.Join("\n", objects.Select(o => $"{o["id"]} {o["modified"]} {o.ToJsonString()}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static JsonObject Core(string type, string id, (DateTimeOffset Created, DateTimeOffset Modified) t) => new()
    {
        ["type"] = type,
        ["spec_version"] = "2.1",
        ["id"] = id,
        ["created"] = StixTime.Format(t.Created),
        ["modified"] = StixTime.Format(t.Modified),
    };

    /// <summary>The best grade among supporting claims: most credible first, then most reliable.</summary>
    private static Grade? BestGrade(IEnumerable<Claim> claims)
        => claims.Where(c => c.Stance == ClaimStance.Supports).Select(c => (Grade?)c.Grade)
            .OrderBy(g => g!.Value.Credibility).ThenBy(g => g!.Value.Reliability).FirstOrDefault();

    private static void AddGrade(JsonObject o, Snapshot snapshot, Fact fact)
    {
        var claims = snapshot.ClaimsOf(fact);
        if (BestGrade(claims) is { } g)
        {
            if (AdmiraltyConfidence.ToConfidence(g) is { } confidence)
            {
                o["confidence"] = confidence;
            }

            o["x_wedge_grade"] = g.ToString();
        }

        if (claims.Count > 0)
        {
            o["x_wedge_claim_ids"] = new JsonArray([.. claims.Select(c => (JsonNode)c.Id.Value)]);
        }
    }

    private static JsonObject? PeriodObject(Period p)
    {
        if (p.Start is null && p.End is null)
        {
            return null;
        }

        var o = new JsonObject();
        if (p.Start is { } s)
        {
            o["start"] = s.ToString();
        }

        if (p.End is { } e)
        {
            o["end"] = e.ToString();
        }

        return o;
    }

    private static JsonObject ActorObject(Snapshot snapshot, Actor a, string id, (DateTimeOffset, DateTimeOffset) t)
    {
        var type = StixIds.TypeOf(id);
        var o = Core(type, id, t);
        o["name"] = a.Name;
        if (a.Description is { Length: > 0 } d)
        {
            o["description"] = d;
        }

        if (type == ThreatActor)
        {
            if (a.Aliases.Count > 0)
            {
                o["aliases"] = new JsonArray([.. a.Aliases.Select(x => (JsonNode)x)]);
            }

            if (a.Active.Start is { } s)
            {
                o["first_seen"] = StixTime.Start(s);
            }

            if (a.Active.End is { } e)
            {
                o["last_seen"] = StixTime.Stop(e);
            }
        }
        else
        {
            o["identity_class"] = a.Kind switch
            {
                ActorKind.Person => "individual",
                ActorKind.State => "organization",
                _ => "unknown",
            };
            if (a.Kind == ActorKind.State)
            {
                o["sectors"] = new JsonArray("government-national");
            }

            if (a.Aliases.Count > 0)
            {
                o["x_wedge_aliases"] = new JsonArray([.. a.Aliases.Select(x => (JsonNode)x)]);
            }
        }

        AddGrade(o, snapshot, a);
        o["x_wedge_id"] = a.Id.Value;
        o["x_wedge_kind"] = a.Kind.Kebab();
        if (PeriodObject(a.Active) is { } active)
        {
            o["x_wedge_active"] = active;
        }

        if (a.EndPublicSince is { } eps)
        {
            o["x_wedge_end_public_since"] = eps.ToString();
        }

        if (a.Ideology.Count > 0)
        {
            o["x_wedge_ideology"] = new JsonArray([.. a.Ideology.Select(x => (JsonNode)x)]);
        }

        if (a.HomeBase is { Length: > 0 } hb)
        {
            o["x_wedge_home_base"] = hb;
        }

        if (a.ExternalIds.Count > 0)
        {
            var ids = new JsonObject();
            foreach (var (k, v) in a.ExternalIds.OrderBy(x => x.Key, StringComparer.Ordinal))
            {
                ids[k] = v;
            }

            o["x_wedge_external_ids"] = ids;
        }

        return o;
    }

    private static JsonObject ParentObject(Actor a, Dictionary<FactKey, string> stixIdOf, (DateTimeOffset, DateTimeOffset) t)
    {
        var o = Core(Relationship, StixIds.For(Relationship, "parent:" + a.Id.Value), t);
        o["relationship_type"] = StixTieMapping.ParentRelationship;
        o["source_ref"] = stixIdOf[a.Key];
        o["target_ref"] = stixIdOf[new FactKey(FactType.Actor, a.Parent!.Value.Value)];
        o["x_wedge_parent"] = true;
        return o;
    }

    private static JsonObject TieObject(Snapshot snapshot, Tie t, string id, string from, string to, (DateTimeOffset, DateTimeOffset) times)
    {
        var o = Core(Relationship, id, times);
        o["relationship_type"] = StixTieMapping.RelationshipType(t.Kind);
        if (t.Note is { Length: > 0 } note)
        {
            o["description"] = note;
        }

        o["source_ref"] = from;
        o["target_ref"] = to;
        if (t.Period.Start is { } s)
        {
            o["start_time"] = StixTime.Start(s);
        }

        if (t.Period.End is { } e)
        {
            o["stop_time"] = StixTime.Stop(e);
        }

        AddGrade(o, snapshot, t);
        o["x_wedge_id"] = t.Id;
        o["x_wedge_tie_kind"] = t.Kind.Kebab();
        if (PeriodObject(t.Period) is { } period)
        {
            o["x_wedge_period"] = period;
        }

        if (t.EndPublicSince is { } eps)
        {
            o["x_wedge_end_public_since"] = eps.ToString();
        }

        if (t.StartOnly)
        {
            o["x_wedge_start_only"] = true;
        }

        if (t.Stance != TieStance.Unstated)
        {
            o["x_wedge_stance"] = t.Stance.Kebab();
        }

        if (t.Acknowledgement != Acknowledgement.Unstated)
        {
            o["x_wedge_acknowledgement"] = t.Acknowledgement.Kebab();
        }

        return o;
    }

    /// <summary>A claim's marking: its own or its source's, whichever is stricter; null when neither is marked.</summary>
    private static Marking? ClaimMarking(Snapshot snapshot, Claim c)
        => c.Marking is null && snapshot.Source(c.Source)?.Marking is null ? null : Markings.Effective(c.Marking, snapshot.Source(c.Source)?.Marking);

    /// <summary>
    /// A fact's marking: the least restrictive of its claims' (knowing it from one CLEAR claim is enough to share it),
    /// null when it has no claims or some claim is unmarked. As Wedge's own visibility rule: hidden only when all are.
    /// </summary>
    private static Marking? FactMarking(Snapshot snapshot, Fact f)
    {
        var markings = snapshot.ClaimsOf(f).Select(c => ClaimMarking(snapshot, c)).ToList();
        return markings.Count == 0 || markings.Any(m => m is null) ? null : markings.Min();
    }

    /// <summary>Notes the object's marking; turned into <c>object_marking_refs</c> once every object is built.</summary>
    private static JsonObject Mark(JsonObject o, Marking? marking)
    {
        if (marking is { } m)
        {
            o["x_wedge_object_marking"] = m.Label();
        }

        return o;
    }

    private static JsonObject OpinionObject(Snapshot snapshot, Claim c, string id, SortedSet<string> targets, (DateTimeOffset, DateTimeOffset) t)
    {
        var o = Core(Opinion, id, t);
        o["explanation"] = c.Text;
        if (snapshot.Source(c.Source)?.Author is { Length: > 0 } author)
        {
            o["authors"] = new JsonArray(author);
        }

        o["object_refs"] = new JsonArray([.. targets.Select(x => (JsonNode)x)]);
        o["opinion"] = "disagree";
        if (AdmiraltyConfidence.ToConfidence(c.Grade) is { } confidence)
        {
            o["confidence"] = confidence;
        }

        o["x_wedge_id"] = c.Id.Value;
        o["x_wedge_grade"] = c.Grade.ToString();
        return o;
    }

    private static JsonObject ReportObject(Snapshot snapshot, Source s, List<Claim> claims, Dictionary<ClaimId, SortedSet<string>> targets,
        Dictionary<ClaimId, string> opinionOf, RecordedTimes times, DateTimeOffset fallback)
    {
        var o = Core(Report, StixIds.For(Report, s.Key), times.Of(s.Key, fallback));
        o["name"] = s.Title;
        o["description"] = s.Citation;

        // STIX requires a publication time. A source without a date is published, at the latest, when its earliest
        // claim became public; failing that, when it was recorded. x_wedge_date is then left out, so an import knows.
        var published = s.Date is { } d ? StixTime.Start(d)
            : claims.Select(snapshot.PublicDate).OfType<FuzzyDate>().Order().Select(p => StixTime.Start(p)).FirstOrDefault()
              ?? (string)o["created"]!;
        o["published"] = published;
        var refs = new SortedSet<string>(claims.SelectMany(c => targets[c.Id]), StringComparer.Ordinal);
        refs.UnionWith(claims.Where(c => opinionOf.ContainsKey(c.Id)).Select(c => opinionOf[c.Id]));
        o["object_refs"] = new JsonArray([.. refs.Select(x => (JsonNode)x)]);
        if (s.Url is { Length: > 0 } url)
        {
            o["external_references"] = new JsonArray(new JsonObject { ["source_name"] = s.Publisher ?? s.Title, ["url"] = url });
        }

        o["x_wedge_id"] = s.Id.Value;
        if (s.Author is { Length: > 0 } author)
        {
            o["x_wedge_author"] = author;
        }

        if (s.Publisher is { Length: > 0 } publisher)
        {
            o["x_wedge_publisher"] = publisher;
        }

        if (s.Date is { } date)
        {
            o["x_wedge_date"] = date.ToString();
        }

        if (s.Marking is { } marking)
        {
            o["x_wedge_marking"] = marking.Label();
        }

        o["x_wedge_claims"] = new JsonArray([.. claims.Select(c => (JsonNode)ClaimObject(c, targets[c.Id], times.Of(c.Key, fallback)))]);
        return o;
    }

    private static JsonObject ClaimObject(Claim c, SortedSet<string> targets, (DateTimeOffset Created, DateTimeOffset Modified) t)
    {
        var o = new JsonObject
        {
            ["id"] = c.Id.Value,
            ["object_refs"] = new JsonArray([.. targets.Select(x => (JsonNode)x)]),
            ["text"] = c.Text,
            ["grade"] = c.Grade.ToString(),
        };
        if (AdmiraltyConfidence.ToConfidence(c.Grade) is { } confidence)
        {
            o["confidence"] = confidence;
        }

        if (c.Stance != ClaimStance.Supports)
        {
            o["stance"] = c.Stance.Kebab();
        }

        if (c.GradeReason is { Length: > 0 } why)
        {
            o["grade_reason"] = why;
        }

        if (c.Locator is { Length: > 0 } locator)
        {
            o["locator"] = locator;
        }

        if (c.PublicSince is { } ps)
        {
            o["public_since"] = ps.ToString();
        }

        if (c.Reports != ClaimReports.Unstated)
        {
            o["reports"] = c.Reports.Kebab();
        }

        if (c.Marking is { } marking)
        {
            o["marking"] = marking.Label();
        }

        if (c.Context)
        {
            o["context"] = true;
        }

        o["created"] = StixTime.Format(t.Created);
        o["modified"] = StixTime.Format(t.Modified);
        return o;
    }
}
