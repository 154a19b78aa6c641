using Wedge.Analysis.Dyad;
using Wedge.Application.Problems;
using Wedge.Application.Store;
using Wedge.Core.Collections;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;
using Wedge.Data.Mmp;

namespace Wedge.Application.Records;

/// <summary>The record-query verbs: actors, one actor's profile, ties, a timeline, and everything between two actors.</summary>
public sealed class RecordQueries(IRecordStore store)
{
    public EquatableList<ActorEntry> Actors(ReadSlice slice, ActorFilter filter)
    {
        var s = store.Read(slice);
        return s.Actors
            .Where(a => filter.Kind is null || a.Kind == filter.Kind)
            .Where(a => !filter.CreatedByMmpImportOnly || IsCreatedByMmpImport(a))
            .OrderBy(a => a.Kind).ThenBy(a => a.Name, StringComparer.OrdinalIgnoreCase)
            .Select(a => new ActorEntry(a.Id.Value, a.Name, a.Kind, a.Parent?.Value, a.Aliases.ToEquatableList(), PeriodView.Of(a.Active), a.ExternalIds.ToEquatableMap()))
            .ToEquatableList();
    }

    public ActorProfile Actor(ReadSlice slice, string name)
    {
        var s = store.Read(slice);
        var actor = Resolve(s, name);
        var factions = s.FactionsOf(actor.Id).ToList();
        var roles = s.Roles.Where(r => r.Organisation == actor.Id || r.Person == actor.Id).ToList();
        var ties = s.TiesOf(actor.Id);
        var names = new Dictionary<string, string>();
        void Name(ActorId id) => names[id.Value] = s.Actor(id)?.Name ?? id.Value;
        foreach (var id in factions.Select(f => f.Id).Concat(roles.SelectMany(r => new[] { r.Person, r.Organisation }))
                     .Concat(ties.SelectMany(t => new[] { t.From, t.To })).Append(actor.Id))
        {
            Name(id);
        }

        if (actor.Parent is { } parent)
        {
            Name(parent);
        }

        return new ActorProfile(
            actor.Id.Value, actor.Name, actor.Kind, actor.Aliases.ToEquatableList(), actor.Parent?.Value,
            factions.Select(f => f.Id.Value).ToEquatableList(), actor.Ideology.ToEquatableList(), actor.HomeBase, PeriodView.Of(actor.Active),
            actor.ExternalIds.ToEquatableMap(), actor.Description,
            roles.Select(r => new ProfileRole(r.Person.Value, r.Organisation.Value, r.Title, PeriodView.Of(r.Period), s.HoldsAt(r.Period), Claims(s, r))).ToEquatableList(),
            ties.Select(t => new ProfileTie(t.Id, t.Kind, t.From.Value, t.To.Value, PeriodView.Of(t.Period), s.HoldsAt(t.Period), s.IsDisputed(t),
                s.ClaimsOf(t).Select(c => c.Grade.ToString()).ToEquatableList())).ToEquatableList(),
            s.Attributes.Where(a => a.Actor == actor.Id).Select(a => new ProfileAttribute(a.Name, a.Value, PeriodView.Of(a.Period))).ToEquatableList(),
            s.ClaimsOf(actor).Select(c => ClaimView.Of(s, c)).ToEquatableList())
        {
            Names = names.ToEquatableMap(),
        };
    }

    /// <summary>Ties on record, optionally of one kind or involving one actor (named by id, name or alias).</summary>
    public EquatableList<TieView> Ties(ReadSlice slice, TieKind? kind = null, string? actorName = null)
    {
        var s = store.Read(slice);
        var actor = actorName is null ? (ActorId?)null : Resolve(s, actorName).Id;
        string NameOf(ActorId id) => s.Actor(id)?.Name ?? id.Value;
        return (actor is { } one ? s.TiesOf(one) : s.Ties).Where(t => kind is null || t.Kind == kind)
            .Select(t => new TieView(t.Id, t.Kind.Kebab(), t.From.Value, NameOf(t.From), t.To.Value, NameOf(t.To),
                PeriodView.Of(t.Period), s.HoldsAt(t.Period), t.Stance.Kebab(), t.Acknowledgement.Kebab(), t.Note, s.IsDisputed(t),
                Claims(s, t)))
            .ToEquatableList();
    }

    /// <summary>Events, ties beginning and ending, and roles changing for one actor's bloc (or only what involves both blocs), in date order.</summary>
    public EquatableList<TimelineEntry> Timeline(ReadSlice slice, string name, string? otherName = null)
    {
        var s = store.Read(slice);
        var a = s.Bloc(Resolve(s, name).Id);
        var b = otherName is null ? null : s.Bloc(Resolve(s, otherName).Id);
        bool Involves(IEnumerable<ActorId> ids)
        {
            var list = ids.ToList();
            return list.Any(a.Contains) && (b is null || list.Any(b.Contains));
        }

        string NameOf(ActorId id) => s.Actor(id)?.Name ?? id.Value;
        EquatableList<string> Grades(Fact f) => s.ClaimsOf(f).Select(c => c.Grade.ToString()).ToEquatableList();
        var entries = new List<(FuzzyDate Date, TimelineEntry Entry)>();
        foreach (var e in s.Events.Where(e => Involves(e.Actors)))
        {
            entries.Add((e.Date, new TimelineEntry(e.Date.ToString(), e.Title, "event: " + e.Kind.Kebab(), e.Id, Grades(e))));
        }

        foreach (var t in s.TiesTouching(a).Where(t => Involves([t.From, t.To])))
        {
            var label = $"{t.Kind.Kebab()}: {NameOf(t.From)} – {NameOf(t.To)}";
            if (t.Period.Start is { } start)
            {
                entries.Add((start, new TimelineEntry(start.ToString(), label + " begins", "tie", t.Id, Grades(t))));
            }

            if (t.Period.End is { } end)
            {
                entries.Add((end, new TimelineEntry(end.ToString(), label + " ends", "tie", t.Id, Grades(t))));
            }
        }

        foreach (var r in s.Roles.Where(r => Involves([r.Person, r.Organisation])))
        {
            if (r.Period.Start is { } start)
            {
                entries.Add((start, new TimelineEntry(start.ToString(), $"{NameOf(r.Person)} becomes {r.Title} of {NameOf(r.Organisation)}", "role", r.Id, Grades(r))));
            }

            if (r.Period.End is { } end)
            {
                entries.Add((end, new TimelineEntry(end.ToString(), $"{NameOf(r.Person)} ceases to be {r.Title} of {NameOf(r.Organisation)}", "role", r.Id, Grades(r))));
            }
        }

        return entries.OrderBy(e => e.Date).ThenBy(e => e.Entry.Id, StringComparer.Ordinal).Select(e => e.Entry).ToEquatableList();
    }

    /// <summary>Everything between two different actors (see <see cref="DyadReport"/>).</summary>
    public DyadReport Dyad(ReadSlice slice, string first, string second)
    {
        var s = store.Read(slice);
        var a = Resolve(s, first);
        var b = Resolve(s, second);
        if (a.Id == b.Id)
        {
            throw Problem.Refused("same-actor", $"'{first}' and '{second}' are the same actor ({a.Name}); a dyad needs two.").Exception();
        }

        return DyadReport.Build(s, a.Id, b.Id);
    }

    /// <summary>The whole record, undated, as the journal stood at <paramref name="recordedBy"/> (for the case-file export).</summary>
    public KnowledgeBase Whole(DateTimeOffset? recordedBy = null) => store.Knowledge(recordedBy);

    /// <summary>Resolves a name through ids and aliases, or fails naming the nearest matches.</summary>
    public static Actor Resolve(Snapshot snapshot, string name)
    {
        var lookup = snapshot.FindActor(name);
        return lookup.Actor ?? throw Problem.NotFound("actor-not-found", lookup.Describe(name)).Exception();
    }

    private static EquatableList<ClaimView> Claims(Snapshot s, Fact f) => s.ClaimsOf(f).Select(c => ClaimView.Of(s, c)).ToEquatableList();

    // An actor the MMP importer matched keeps its own claims; one it created is backed only by MMP's group key.
    private static bool IsCreatedByMmpImport(Actor a)
        => a.ExternalIds.ContainsKey(MmpImporter.ExternalIdKey) && a.Claims.Count > 0
           && a.Claims.All(c => c.Value.StartsWith(MmpImporter.GroupClaimIdFor("").Value, StringComparison.Ordinal));
}
