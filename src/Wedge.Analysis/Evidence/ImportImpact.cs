using Wedge.Analysis.Assessment;
using Wedge.Core.Collections;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;

namespace Wedge.Analysis.Evidence;

/// <summary>A pair already on record whose weighed relation or assessment verdict a change to the record alters.</summary>
/// <param name="Before">The relation weighed on the record before the change.</param>
/// <param name="After">The relation weighed on the record after it.</param>
/// <param name="VerdictBefore">For a pair with a ledger between them, the assessment's reading before (holds, flags, balances); else null.</param>
/// <param name="Claims">The new or changed claims that count in the pair's weighing after the change, strongest first.</param>
public sealed record JudgementChange(string A, string AName, string B, string BName, RelationWeight Before, RelationWeight After,
    string? VerdictBefore, string? VerdictAfter, EquatableList<EvidenceItem> Claims)
{
    public bool RelationChanged => Before.Sign != After.Sign || Before.Contested != After.Contested;

    public bool VerdictChanged => VerdictBefore != VerdictAfter;

    /// <summary>"holds" / "contested" / "hostile" / "none": the relation as one word.</summary>
    public static string Word(RelationWeight w) => w.Contested ? "contested" : w.Sign switch
    {
        RelationSign.Friendly => "friendly",
        RelationSign.Hostile => "hostile",
        _ => "none",
    };

    public string Describe()
    {
        var what = RelationChanged
            ? $"{Word(Before)} (P {EvidenceText.Pct(Before.Probability)}) → {Word(After)} (P {EvidenceText.Pct(After.Probability)})"
            : $"relation stays {Word(After)}";
        var verdict = VerdictChanged ? $"; verdict {VerdictBefore} → {VerdictAfter}" : "";
        var by = Claims.Count > 0 ? $" ({string.Join(", ", Claims.Take(5).Select(c => c.Claim ?? c.Tie))}{(Claims.Count > 5 ? $" and {Claims.Count - 5} more" : "")})" : "";
        return $"{AName}–{BName}: {what}{verdict}{by}";
    }
}

/// <summary>
/// The judgements a change to the record alters on what was already on record: every pair with a tie
/// before the change is weighed before and after (docs/methods/evidence.md), and every pair with a
/// ledger between them is assessed (point estimate) before and after. Pure.
/// </summary>
public static class ImportImpact
{
    public static IReadOnlyList<JudgementChange> Compare(KnowledgeBase before, KnowledgeBase after, ReadOptions read, AssessmentParameters? parameters = null)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var p = parameters ?? AssessmentParameters.Default;
        var s0 = Snapshot.Of(before, read);
        var s1 = Snapshot.Of(after, read);
        var at = read.EffectiveAt;

        static (ActorId, ActorId) Key(ActorId x, ActorId y) => string.CompareOrdinal(x.Value, y.Value) < 0 ? (x, y) : (y, x);
        var pairs = s0.Ties.Where(t => t.Kind != TieKind.Leadership && t.From != t.To).Select(t => Key(t.From, t.To)).ToHashSet();
        var assessable = s0.Ledger.Where(l => l.Provider != l.Recipient).Select(l => Key(l.Provider, l.Recipient)).ToHashSet();
        var tiesAfter = s1.Ties.Where(t => t.Kind != TieKind.Leadership).ToLookup(t => Key(t.From, t.To));
        var tiesBefore = s0.Ties.Where(t => t.Kind != TieKind.Leadership).ToLookup(t => Key(t.From, t.To));

        var changes = new List<JudgementChange>();
        foreach (var (a, b) in pairs.Concat(assessable).Distinct().OrderBy(x => x.Item1.Value, StringComparer.Ordinal).ThenBy(x => x.Item2.Value, StringComparer.Ordinal))
        {
            var w0 = RelationWeigher.Gather(s0, tiesBefore[(a, b)], at, p).Weigh();
            var w1 = RelationWeigher.Gather(s1, tiesAfter[(a, b)], at, p).Weigh();
            string? v0 = null, v1 = null;
            if (assessable.Contains((a, b)) && s1.Actor(a) is not null && s1.Actor(b) is not null)
            {
                v0 = Reading(s0, a, b, p);
                v1 = Reading(s1, a, b, p);
            }

            var change = new JudgementChange(a.Value, s1.Actor(a)?.Name ?? a.Value, b.Value, s1.Actor(b)?.Name ?? b.Value, w0, w1, v0, v1, NewEvidence(before, w1).ToEquatableList());
            if (change.RelationChanged || change.VerdictChanged)
            {
                changes.Add(change);
            }
        }

        return changes;
    }

    /// <summary>The assessment's reading in a few words: whether the alliance holds, and each side's flag.</summary>
    private static string Reading(Snapshot s, ActorId a, ActorId b, AssessmentParameters p)
    {
        var r = AllianceAssessor.Assess(s, a, b, p, simulate: false);
        var word = r.Relation.Contested ? "contested" : r.Holds ? "holds" : r.Relation.Sign == RelationSign.Hostile ? "broken" : "not shown";
        var flags = new[] { r.A, r.B }.Where(x => x.PersistsAgainstLedger).Select(x => $"{x.Name} persists against its ledger");
        return string.Join("; ", new[] { word }.Concat(flags));
    }

    /// <summary>Counted evidence after the change whose claim was not on record before, or read differently.</summary>
    private static List<EvidenceItem> NewEvidence(KnowledgeBase before, RelationWeight after)
        => after.Items.Where(i => i.Weight > 0 || i.Context)
            .Where(i => i.Claim is not { } id || before.FindClaim(new ClaimId(id)) is not { } old || old.Grade.ToString() != i.Grade || old.Context != i.Context)
            .Where(i => i.Claim is not null || before.Find(new FactKey(FactType.Tie, i.Tie)) is null)
            .ToList();
}
