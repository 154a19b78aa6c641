using Wedge.Core.Model;

namespace Wedge.Core.Knowledge;

/// <summary>
/// The record as a reader with a given clearance may see it (TLP 2.0 markings on sources and claims). Every analysis
/// runs on this view, so nothing marked above the reader's clearance can move a number, a count or a sentence they see.
/// </summary>
/// <remarks>
/// The rule: a claim is hidden when its marking, or its source's, is above the clearance; a source is hidden when its
/// own marking is. A fact backed by claims all of which are hidden is hidden with them (it rests on nothing the reader
/// may see), and so, in turn, is any fact that refers to an actor hidden that way. A fact that keeps some visible claim
/// stays, citing only those. Nothing is hidden at or above the strictest marking on record, so most reads pay one pass.
/// </remarks>
public static class Visibility
{
    /// <summary>The view of <paramref name="kb"/> for <paramref name="clearance"/> (the same instance when nothing is hidden from it).</summary>
    public static KnowledgeBase VisibleTo(this KnowledgeBase kb, Marking clearance)
    {
        ArgumentNullException.ThrowIfNull(kb);
        var sources = kb.All<Source>().ToDictionary(s => s.Id, s => s.Marking);
        var hidden = new HashSet<FactKey>();
        foreach (var s in kb.All<Source>().Where(s => (s.Marking ?? Marking.Clear) > clearance))
        {
            hidden.Add(s.Key);
        }

        var hiddenClaims = new HashSet<ClaimId>();
        foreach (var c in kb.All<Claim>())
        {
            if (Markings.Effective(c.Marking, sources.GetValueOrDefault(c.Source)) > clearance)
            {
                hidden.Add(c.Key);
                hiddenClaims.Add(c.Id);
            }
        }

        if (hidden.Count == 0)
        {
            return kb;
        }

        // Facts resting only on hidden claims go, then whatever refers to an actor that went, until nothing more goes.
        var rest = kb.Facts.Where(f => f is not (Source or Claim) && !hidden.Contains(f.Key)).ToList();
        var hiddenActors = new HashSet<ActorId>();
        bool changed;
        do
        {
            changed = false;
            foreach (var f in rest)
            {
                if (hidden.Contains(f.Key))
                {
                    continue;
                }

                var unsupported = f.Claims.Count > 0 && f.Claims.All(hiddenClaims.Contains);
                if (unsupported || f.ActorRefs.Any(hiddenActors.Contains))
                {
                    hidden.Add(f.Key);
                    changed = true;
                    if (f is Actor a)
                    {
                        hiddenActors.Add(a.Id);
                    }
                }
            }
        }
        while (changed);

        var visible = kb.Facts.Where(f => !hidden.Contains(f.Key)).Select(f => f.Claims.Any(hiddenClaims.Contains)
            ? WithoutClaims(f, hiddenClaims)
            : f);
        return KnowledgeBase.Resume(visible, kb.Version, [], kb.Count);
    }

    private static Fact WithoutClaims(Fact fact, HashSet<ClaimId> hiddenClaims) => fact with { Claims = [.. fact.Claims.Where(c => !hiddenClaims.Contains(c))] };
}
