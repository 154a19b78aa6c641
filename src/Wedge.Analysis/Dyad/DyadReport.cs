using Wedge.Analysis.Assessment;
using Wedge.Analysis.Evidence;
using Wedge.Core.Collections;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;

namespace Wedge.Analysis.Dyad;

/// <summary>A claim as a view shows it: what it says, where from, how graded, and whether it backs or disputes its fact.</summary>
public sealed record ClaimView(string Id, string Grade, ClaimStance Stance, string Source, string Citation, string? Locator, string Text, string? PublicSince)
{
    public static ClaimView Of(Snapshot s, Claim c)
    {
        var source = s.Source(c.Source);
        return new(c.Id.Value, c.Grade.ToString(), c.Stance, c.Source.Value,
            source?.Citation ?? c.Source.Value, c.Locator, c.Text, s.PublicDate(c)?.ToString());
    }
}

public sealed record PeriodView(string? Start, string? End)
{
    public static PeriodView Of(Period p) => new(p.Start?.ToString(), p.End?.ToString());
}

public sealed record TieView(string Id, string Kind, string From, string FromName, string To, string ToName, PeriodView Period, bool HoldsAt,
    string Stance, string Acknowledgement, string? Note, bool Disputed, EquatableList<ClaimView> Claims);

public sealed record LedgerView(string Id, string Provider, string ProviderName, string Recipient, string RecipientName, string Category, bool IsCost,
    string Magnitude, PeriodView Period, string? Note, EquatableList<ClaimView> Claims);

public sealed record EventView(string Id, string Date, string Kind, string Title, EquatableList<string> Actors, EquatableList<ClaimView> Claims);

public sealed record RoleView(string Person, string PersonName, string Organisation, RoleTitle Title, PeriodView Period, bool HoldsAt, bool PersonAlive, EquatableList<ClaimView> Claims);

/// <summary>Two accounts that cannot both be the whole truth, shown side by side.</summary>
public sealed record ContestView(string Description, EquatableList<string> Facts);

public sealed record DyadSide(string Id, string Name, EquatableList<string> Bloc, EquatableList<RoleView> Leaders);

/// <summary>
/// Everything the record holds between two actors, read from one snapshot: ties over time (between
/// the actors, their factions and the people who lead them), the ledger both ways, shared events,
/// each with its claims and grades; the contests, where sources disagree; and the relation at the read
/// date weighed from all of it (docs/methods/evidence.md).
/// </summary>
/// <param name="Relation">The weighed relation between the two blocs at the read date: sign, probability, contested, and the trail.</param>
/// <param name="Contested">True when the record holds conflicting accounts (disputed or overlapping ties); whether the weighed relation is contested is <c>Relation.Contested</c>.</param>
public sealed record DyadReport(string? At, string? KnownAt, DyadSide A, DyadSide B, RelationWeight Relation, bool Contested, EquatableList<ContestView> Contests,
    EquatableList<TieView> Ties, EquatableList<LedgerView> Ledger, EquatableList<EventView> Events)
{
    public static DyadReport Build(Snapshot s, ActorId a, ActorId b, AssessmentParameters? parameters = null)
    {
        var blocA = s.Bloc(a);
        var blocB = s.Bloc(b);
        bool Between(ActorId x, ActorId y) => (blocA.Contains(x) && blocB.Contains(y)) || (blocA.Contains(y) && blocB.Contains(x));
        string NameOf(ActorId id) => s.Actor(id)?.Name ?? id.Value;
        EquatableList<ClaimView> Claims(Fact f) => s.ClaimsOf(f).Select(c => ClaimView.Of(s, c)).ToEquatableList();

        var ties = s.TiesBetween(blocA, blocB);
        var tieViews = ties.Select(t => new TieView(t.Id, t.Kind.Kebab(), t.From.Value, NameOf(t.From), t.To.Value, NameOf(t.To),
            PeriodView.Of(t.Period), s.HoldsAt(t.Period), t.Stance.Kebab(), t.Acknowledgement.Kebab(), t.Note, s.IsDisputed(t), Claims(t))).ToEquatableList();
        var ledger = s.Ledger.Where(l => Between(l.Provider, l.Recipient))
            .Select(l => new LedgerView(l.Id, l.Provider.Value, NameOf(l.Provider), l.Recipient.Value, NameOf(l.Recipient), l.Category.Kebab(),
                l.Category.IsCost(), l.Magnitude.ToString(), PeriodView.Of(l.Period), l.Note, Claims(l))).ToEquatableList();
        var events = s.Events.Where(e => e.Actors.Any(blocA.Contains) && e.Actors.Any(blocB.Contains))
            .Select(e => new EventView(e.Id, e.Date.ToString(), e.Kind.Kebab(), e.Title, e.Actors.Select(x => x.Value).ToEquatableList(), Claims(e))).ToEquatableList();

        var contests = new List<ContestView>();
        foreach (var t in ties.Where(t => s.IsDisputed(t)))
        {
            var disputing = s.ClaimsOf(t).Where(c => c.Stance == ClaimStance.Disputes).Select(c => $"{c.Id} ({c.Grade})");
            contests.Add(new ContestView($"{t.Kind.Kebab()} {NameOf(t.From)}–{NameOf(t.To)} is disputed by {string.Join(", ", disputing)}", new[] { t.Id }.ToEquatableList()));
        }

        foreach (var friendly in ties.Where(t => t.Kind.Sign() > 0 && t.Kind != TieKind.Leadership))
        {
            // Only ties joining the same two actors contradict each other: a faction may stay allied while its movement breaks.
            foreach (var hostile in ties.Where(t => t.Kind.Sign() < 0 && friendly.Joins(t.From, t.To) && t.Period.MayOverlap(friendly.Period)))
            {
                contests.Add(new ContestView(
                    $"{friendly.Kind.Kebab()} {NameOf(friendly.From)}–{NameOf(friendly.To)} ({friendly.Period}) overlaps {hostile.Kind.Kebab()} {NameOf(hostile.From)}–{NameOf(hostile.To)} ({hostile.Period})",
                    new[] { friendly.Id, hostile.Id }.ToEquatableList()));
            }
        }

        var relation = RelationWeigher.Gather(s, ties, s.Options.EffectiveAt, parameters).Weigh();
        return new DyadReport(s.Options.At?.ToString(), s.Options.KnownAt?.ToString(), Side(s, a, blocA), Side(s, b, blocB), relation,
            contests.Count > 0, contests.ToEquatableList(), tieViews, ledger, events);
    }

    private static DyadSide Side(Snapshot s, ActorId id, IReadOnlySet<ActorId> bloc)
    {
        var leaders = s.Roles.Where(r => bloc.Contains(r.Organisation))
            .Select(r => new RoleView(r.Person.Value, s.Actor(r.Person)?.Name ?? r.Person.Value, r.Organisation.Value, r.Title,
                PeriodView.Of(r.Period), s.HoldsAt(r.Period), s.Actor(r.Person) is { } p && s.HoldsAt(p.Active),
                s.ClaimsOf(r).Select(c => ClaimView.Of(s, c)).ToEquatableList()))
            .ToEquatableList();
        return new DyadSide(id.Value, s.Actor(id)?.Name ?? id.Value, bloc.Select(x => x.Value).Order(StringComparer.Ordinal).ToEquatableList(), leaders);
    }
}
