using Wedge.Core.Model;

namespace Wedge.Core.Events;

/// <summary>One perpetrator of an incident as an event dataset names it, matched onto an actor on record.</summary>
/// <param name="Suspected">True when the dataset marks the attribution as suspected (GTD's <c>guncertainN</c> = 1), not confirmed.</param>
public readonly record struct Perpetrator(ActorId Actor, bool Suspected);

/// <summary>Two actors who carried out one incident together, the lower id first (ordinal), and whether either was only suspected.</summary>
public readonly record struct PerpetratorPair(ActorId A, ActorId B, bool Suspected);

/// <summary>
/// The rule that turns an incident with several perpetrators into joint-attack evidence: every pair of distinct actors
/// among them (two perpetrators give one pair, three give three), a pair suspected when either of its two is suspected.
/// An actor named twice (two dataset names for one actor) counts once, certain if either naming is.
/// </summary>
/// <remarks>Pure; docs/import-events.md states the rule and its grading.</remarks>
public static class JointAttack
{
    /// <summary>The pairs of an incident, in ordinal order of (A, B); none when fewer than two distinct actors remain.</summary>
    public static IReadOnlyList<PerpetratorPair> Pairs(IReadOnlyList<Perpetrator> perpetrators)
    {
        ArgumentNullException.ThrowIfNull(perpetrators);
        var distinct = new List<Perpetrator>(perpetrators.Count);
        foreach (var p in perpetrators)
        {
            var k = distinct.FindIndex(d => d.Actor == p.Actor);
            if (k < 0)
            {
                distinct.Add(p);
            }
            else if (!p.Suspected)
            {
                distinct[k] = p;
            }
        }

        if (distinct.Count < 2)
        {
            return [];
        }

        distinct.Sort((x, y) => string.CompareOrdinal(x.Actor.Value, y.Actor.Value));
        var pairs = new List<PerpetratorPair>(distinct.Count * (distinct.Count - 1) / 2);
        for (var i = 0; i < distinct.Count; i++)
        {
            for (var j = i + 1; j < distinct.Count; j++)
            {
                pairs.Add(new PerpetratorPair(distinct[i].Actor, distinct[j].Actor, distinct[i].Suspected || distinct[j].Suspected));
            }
        }

        return pairs;
    }
}
