using Wedge.Core.Collections;
using Wedge.Core.Model;

namespace Wedge.Analysis.Assessment;

/// <summary>
/// Derives the bonds the material ledger misses from the record (ties, roles, attributes, ideology),
/// each with a strength in [0, 1] weighted by the evidence behind it under one realisation.
/// </summary>
/// <param name="withBasis">
/// Whether each bond lists the facts behind it, described and cited. The simulation and the sensitivity read only the
/// strengths, and describing every basis fact in each of a thousand draws was most of an assessment's work.
/// </param>
internal sealed class BondFinder(AllianceModel m, IRealisation r, double[] allied, bool withBasis = true)
{
    /// <summary>The kinds of bond, each with its weight parameter <c>bond.KIND</c>.</summary>
    public static readonly string[] Kinds = ["shared-rival", "pledge", "years-allied", "joint-fighting", "champion", "legitimacy", "ideology"];

    private static readonly LedgerCategory[] CombatCategories = [LedgerCategory.Expertise, LedgerCategory.Manpower];

    public EquatableList<Bond> Find()
    {
        var bonds = new List<Bond?>
        {
            SharedRivals(),
            Pledges(),
            YearsAllied(),
            JointFighting(),
            Champions(),
            Legitimacy(),
            Ideology(),
        };
        return bonds.OfType<Bond>().ToEquatableList();
    }

    private Bond Make(string kind, string label, string description, double strength, IReadOnlyList<Core.Model.Fact> basis, Func<Core.Model.Fact, string> summary)
        => new(kind, label, description, Math.Round(Math.Clamp(strength, 0, 1), 4), m.P[$"bond.{kind}"],
            withBasis ? basis.Select(f => m.Ref(f, summary(f), r)).ToEquatableList() : EquatableList<FactRef>.Empty);

    private string Summary(Core.Model.Fact f) => f switch
    {
        Tie t => m.Describe(t),
        LedgerEntry l => m.Describe(l),
        Role ro => $"{m.NameOf(ro.Person)}: {ro.Title} of {m.NameOf(ro.Organisation)} ({ro.Period})",
        ActorAttribute a => $"{m.NameOf(a.Actor)}: {a.Name} {a.Value} ({a.Period})",
        Event e => $"{e.Date}: {e.Title}",
        Actor a => a.Name,
        _ => f.Key.ToString(),
    };

    /// <summary>The head of a rival's camp: up its parent chain, then to whom it pledged (the Khorasan province counts as the Islamic State).</summary>
    private ActorId Camp(ActorId id)
    {
        var seen = new HashSet<ActorId>();
        var current = id;
        while (seen.Add(current))
        {
            if (m.S.Actor(current)?.Parent is { } parent)
            {
                current = parent;
                continue;
            }

            // A pledge places its giver in the receiver's camp while the weighed relation between the two reads friendly.
            var from = current;
            var pledge = m.S.TiesOf(from).FirstOrDefault(t => t.Kind == TieKind.Affiliation && t.From == from && m.Evidence(t, r) > 0
                                                      && m.RelationBetween(from, t.To).Weigh(r.Weight, withTrail: false).Sign == Evidence.RelationSign.Friendly);
            if (pledge is null)
            {
                break;
            }

            current = pledge.To;
        }

        return current;
    }

    private Bond? SharedRivals()
    {
        var pair = m.BlocA.Concat(m.BlocB).ToHashSet();
        Dictionary<ActorId, List<(Tie Tie, double Evidence)>> RivalsOf(IReadOnlySet<ActorId> bloc)
        {
            var rivals = new Dictionary<ActorId, List<(Tie, double)>>();
            foreach (var t in m.S.TiesTouching(bloc).Where(t => t.Kind == TieKind.Rivalry))
            {
                var own = bloc.Contains(t.From) ? t.From : bloc.Contains(t.To) ? t.To : (ActorId?)null;
                var other = own is null ? (ActorId?)null : own == t.From ? t.To : t.From;
                if (other is not { } o || pair.Contains(o))
                {
                    continue;
                }

                // The pair's relation at the date, weighed (docs/methods/evidence.md): a rivalry counts while the evidence reads hostile.
                var relation = m.RelationBetween(own!.Value, o).Weigh(r.Weight, withTrail: false);
                var e = relation.Sign == Evidence.RelationSign.Hostile ? relation.PHostile : 0;
                if (e <= 0)
                {
                    continue;
                }

                var camp = Camp(o);
                if (pair.Contains(camp))
                {
                    continue;
                }

                if (!rivals.TryGetValue(camp, out var list))
                {
                    rivals[camp] = list = [];
                }

                list.Add((t, e));
            }

            return rivals;
        }

        var ofA = RivalsOf(m.BlocA);
        var ofB = RivalsOf(m.BlocB);
        var shared = ofA.Keys.Intersect(ofB.Keys).OrderBy(k => k.Value, StringComparer.Ordinal).ToList();
        if (shared.Count == 0)
        {
            return null;
        }

        var strength = shared.Max(k => Math.Min(ofA[k].Max(x => x.Evidence), ofB[k].Max(x => x.Evidence)));
        var names = string.Join(", ", shared.Select(m.NameOf));
        var basis = shared.SelectMany(k => ofA[k].Concat(ofB[k]).Select(x => (Core.Model.Fact)x.Tie)).Distinct().ToList();
        return Make("shared-rival", $"shared rival: {names}", $"Both {m.NameOf(m.IdA)} and {m.NameOf(m.IdB)} are rivals of {names}.", strength, basis, Summary);
    }

    private Bond? Pledges()
    {
        if (m.PledgeTies.Count == 0)
        {
            return null;
        }

        var parts = new List<string>();
        double strength = 0;
        foreach (var t in m.PledgeTies)
        {
            var holds = m.S.HoldsAt(t.Period);
            var s = m.Evidence(t, r) * m.P[$"pledge.{t.Acknowledgement.Kebab()}"] * (holds ? 1 : m.P["pledge.lapsed"]);
            strength = Math.Max(strength, s);
            var fate = t.Acknowledgement == Acknowledgement.Unstated ? "public fate unknown" : t.Acknowledgement.Kebab().Replace('-', ' ');
            parts.Add($"{m.NameOf(t.From)} to {m.NameOf(t.To)} ({t.Period.Start?.ToString() ?? "…"}{(holds ? "" : $"–{t.Period.End}, lapsed")}; {fate})");
        }

        var label = m.PledgeTies.Count == 1 ? "a pledge of allegiance" : $"{m.PledgeTies.Count} pledges of allegiance";
        return Make("pledge", label, $"Pledges of allegiance: {string.Join("; ", parts)}.", strength, m.PledgeTies.Cast<Core.Model.Fact>().ToList(), Summary);
    }

    private Bond? YearsAllied()
    {
        if (m.FriendlyTies.Count == 0)
        {
            return null;
        }

        var years = allied.Sum();
        var first = Array.FindIndex(allied, x => x > 0);
        if (first < 0)
        {
            return null;
        }

        var whole = (int)Math.Round(allied.Count(x => x > 0) * 1.0);
        return Make("years-allied", $"{whole} years allied", $"Allied for {whole} years, since {m.FirstYear + first}.",
            years / m.P["bond.years-full"], m.FriendlyTies.Cast<Core.Model.Fact>().ToList(), Summary);
    }

    private Bond? JointFighting()
    {
        var years = new double[m.Years];
        var basis = new List<Core.Model.Fact>();
        foreach (var l in m.PairLedger.Where(l => CombatCategories.Contains(l.Category)))
        {
            var e = m.Evidence(l, r);
            var c = m.CoverageOf(l);
            basis.Add(l);
            for (var k = 0; k < m.Years; k++)
            {
                years[k] = Math.Max(years[k], e * c[k]);
            }
        }

        foreach (var ev in m.S.Events.Where(e => e.Kind == EventKind.JointOperation && e.Actors.Any(m.BlocA.Contains) && e.Actors.Any(m.BlocB.Contains)))
        {
            var k = ev.Date.Year - m.FirstYear;
            if (k >= 0 && k < m.Years)
            {
                years[k] = Math.Max(years[k], m.Evidence(ev, r));
                basis.Add(ev);
            }
        }

        var count = years.Count(x => x > 0);
        if (count == 0)
        {
            return null;
        }

        var first = m.FirstYear + Array.FindIndex(years, x => x > 0);
        return Make("joint-fighting", $"{count} years of joint fighting", $"Fighters, trainers or experts of one side served with the other in {count} years since {first}.",
            years.Sum() / m.P["bond.years-full"], basis, Summary);
    }

    private Bond? Champions()
    {
        var found = new List<(string Text, double Strength, List<Core.Model.Fact> Basis)>();
        foreach (var (own, partner, ownId) in new[] { (m.BlocA, m.BlocB, m.IdA), (m.BlocB, m.BlocA, m.IdB) })
        {
            foreach (var faction in own.Select(m.S.Actor).OfType<Actor>().Where(a => a.Id != ownId && a.Kind != ActorKind.Person))
            {
                // Close to the partner: a friendly tie, or a benefit flowing either way between the faction and the partner's bloc.
                var closeness = new List<(Core.Model.Fact Fact, double Evidence)>();
                closeness.AddRange(m.S.TiesOf(faction.Id).Where(t => t.Kind.Sign() > 0 && t.Kind != TieKind.Leadership && m.S.HoldsAt(t.Period)
                        && ((t.From == faction.Id && partner.Contains(t.To)) || (t.To == faction.Id && partner.Contains(t.From))))
                    .Select(t => ((Core.Model.Fact)t, m.Evidence(t, r))));
                closeness.AddRange(m.PairLedger.Where(l => !l.Category.IsCost() && (l.Provider == faction.Id || l.Recipient == faction.Id))
                    .Select(l => ((Core.Model.Fact)l, m.Evidence(l, r))));
                var close = closeness.Select(x => x.Evidence).DefaultIfEmpty(0).Max();
                if (close <= 0)
                {
                    continue;
                }

                var leaderRoles = m.S.Roles.Where(ro => ro.Organisation == faction.Id && ro.Title == RoleTitle.Leader && m.S.HoldsAt(ro.Period)).ToList();
                var best = (Strength: close * m.P["champion.unranked"], Text: $"{faction.Name} (a faction of {m.NameOf(ownId)}) is close to {m.NameOf(partner.First(x => x == m.IdA || x == m.IdB))}",
                    Basis: closeness.Where(x => x.Evidence > 0).Select(x => x.Fact).ToList());
                foreach (var lead in leaderRoles)
                {
                    var leadEvidence = m.Evidence(lead, r);
                    foreach (var rank in m.S.Roles.Where(ro => ro.Person == lead.Person && ro.Organisation != faction.Id && own.Contains(ro.Organisation)
                                                                && ro.Title.IsLeadership && m.S.HoldsAt(ro.Period)))
                    {
                        var s = close * leadEvidence * m.Evidence(rank, r) * m.P[$"champion.{rank.Title}"];
                        if (s > best.Strength)
                        {
                            var since = rank.Period.Start is { } st ? $" since {st}" : "";
                            best = (s, $"{faction.Name} (a faction of {m.NameOf(ownId)}) is close to {m.NameOf(partner.First(x => x == m.IdA || x == m.IdB))}; its leader {m.NameOf(lead.Person)} has been {rank.Title} of {m.NameOf(rank.Organisation)}{since}",
                                closeness.Where(x => x.Evidence > 0).Select(x => x.Fact).Append(lead).Append(rank).ToList());
                        }
                    }
                }

                found.Add((best.Text, best.Strength, best.Basis));
            }
        }

        if (found.Count == 0)
        {
            return null;
        }

        var top = found.OrderByDescending(f => f.Strength).First();
        var names = string.Join("; ", found.OrderByDescending(f => f.Strength).Select(f => f.Text));
        var label = found.Count == 1 ? "factional champion: " + top.Text.Split(" (")[0] : $"{found.Count} factional champions";
        return Make("champion", label, names + ".", top.Strength, found.SelectMany(f => f.Basis).Distinct().ToList(), Summary);
    }

    private Bond? Legitimacy()
    {
        var parts = new List<string>();
        var basis = new List<Core.Model.Fact>();
        double strength = 0;
        foreach (var id in new[] { m.IdA, m.IdB })
        {
            foreach (var lead in m.S.Roles.Where(ro => ro.Organisation == id && ro.Title == RoleTitle.Leader && m.S.HoldsAt(ro.Period)
                                                       && m.S.Actor(ro.Person) is { } person && m.S.HoldsAt(person.Active)))
            {
                var attribute = m.S.Attributes.Where(a => a.Name == "legitimacy" && a.Actor == lead.Person && m.S.HoldsAt(a.Period)).LastOrDefault();
                if (attribute is null)
                {
                    continue;
                }

                var level = attribute.Value.Trim().ToLowerInvariant();
                var key = level.Contains("low", StringComparison.Ordinal) ? "low" : level.Contains("high", StringComparison.Ordinal) ? "high" : "moderate";
                strength = Math.Max(strength, m.Evidence(attribute, r) * m.Evidence(lead, r) * m.P[$"legitimacy.{key}"]);
                parts.Add($"{m.NameOf(lead.Person)}, leader of {m.NameOf(id)}, has {key} legitimacy");
                basis.Add(lead);
                basis.Add(attribute);
            }
        }

        return parts.Count == 0 ? null
            : Make("legitimacy", "leaders' legitimacy", string.Join("; ", parts) + ". A leader whose standing falls short of the founder's has less room to reverse the founder's commitment.", strength, basis, Summary);
    }

    private Bond? Ideology()
    {
        if (m.S.Actor(m.IdA) is not { } a || m.S.Actor(m.IdB) is not { } b || a.Ideology.Count == 0 || b.Ideology.Count == 0)
        {
            return null;
        }

        var left = a.Ideology.Select(x => x.ToLowerInvariant()).ToHashSet();
        var right = b.Ideology.Select(x => x.ToLowerInvariant()).ToHashSet();
        var shared = left.Intersect(right).Order(StringComparer.Ordinal).ToList();
        var union = left.Union(right).Count();
        if (shared.Count == 0)
        {
            return null;
        }

        return Make("ideology", $"shared ideology: {string.Join(", ", shared)}", $"{shared.Count} of {union} ideology tags shared ({string.Join(", ", shared)}).",
            shared.Count / (double)union, [a, b], Summary);
    }
}
