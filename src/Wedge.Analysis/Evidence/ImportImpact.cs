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
    /// <summary>How far the probability of an unchanged sign must move to be reported as a shift (10 points).</summary>
    public const double ShiftThreshold = 0.10;

    public bool RelationChanged => Before.Sign != After.Sign || Before.Contested != After.Contested;

    public bool VerdictChanged => VerdictBefore != VerdictAfter;

    /// <summary>Same reading, but the probability of its sign moved by <see cref="ShiftThreshold"/> or more: firmer or shakier.</summary>
    public bool Shifted => !RelationChanged && Math.Abs(After.Probability - Before.Probability) >= ShiftThreshold - 1e-9;

    /// <summary>"holds" / "contested" / "hostile" / "none": the relation as one word.</summary>
    public static string Word(RelationWeight w) => w.Contested ? "contested" : w.Sign switch
    {
        RelationSign.Friendly => "friendly",
        RelationSign.Hostile => "hostile",
        _ => "none",
    };

    /// <summary>"friendly (P 85%)", "contested (hostile P 58%)".</summary>
    private static string Say(RelationWeight w)
        => w.Contested ? $"contested ({w.Sign.ToString().ToLowerInvariant()} P {EvidenceText.Pct(w.Probability)})" : $"{Word(w)} (P {EvidenceText.Pct(w.Probability)})";

    public string Describe()
    {
        var what = RelationChanged || Shifted
            ? $"{Say(Before)} → {Say(After)}"
            : $"relation stays {Word(After)}";
        var verdict = VerdictChanged ? $"; verdict {VerdictBefore} → {VerdictAfter}" : "";
        var by = Claims.Count > 0 ? $" ({string.Join(", ", Claims.Take(5).Select(c => c.Claim ?? c.Tie))}{(Claims.Count > 5 ? $" and {Claims.Count - 5} more" : "")})" : "";
        return $"{AName}–{BName}: {what}{verdict}{by}";
    }
}

/// <summary>What a comparison weighed and what it found changed.</summary>
/// <param name="PairsWeighed">Pairs on record before the change (with a tie or a ledger between them) weighed before and after.</param>
public sealed record ImpactMeasure(int PairsWeighed, EquatableList<JudgementChange> Changes);

/// <summary>
/// The judgements a change to the record alters on what was already on record: every pair with a tie
/// before the change is weighed before and after (docs/methods/evidence.md), and every pair with a
/// ledger between them is assessed (point estimate) before and after. Pure.
/// </summary>
public static class ImportImpact
{
    /// <summary>Every pair on record before the change whose weighed relation or verdict the change alters, in pair order.</summary>
    public static IReadOnlyList<JudgementChange> Compare(KnowledgeBase before, KnowledgeBase after, ReadOptions read, AssessmentParameters? parameters = null)
        => Measure(before, after, read, parameters).Changes;

    /// <summary>As <see cref="Compare"/>, also saying how many pairs were weighed.</summary>
    public static ImpactMeasure Measure(KnowledgeBase before, KnowledgeBase after, ReadOptions read, AssessmentParameters? parameters = null)
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
        var all = pairs.Concat(assessable).Distinct().ToList();
        foreach (var (a, b) in all.OrderBy(x => x.Item1.Value, StringComparer.Ordinal).ThenBy(x => x.Item2.Value, StringComparer.Ordinal))
        {
            var w0 = RelationWeigher.Gather(s0, tiesBefore[(a, b)], at, p).Weigh();
            var w1 = RelationWeigher.Gather(s1, tiesAfter[(a, b)], at, p).Weigh();
            string? v0 = null, v1 = null;
            var evidence = NewEvidence(before, w1);
            if (assessable.Contains((a, b)) && s0.Actor(a) is not null && s0.Actor(b) is not null && s1.Actor(a) is not null && s1.Actor(b) is not null)
            {
                (v0, _) = Reading(s0, a, b, p);
                (v1, var blocs) = Reading(s1, a, b, p);
                if (v0 != v1)
                {
                    // The verdict weighs the two blocs (factions and leaders included), so name what changed there too.
                    evidence = evidence.Concat(NewEvidence(before, blocs)).DistinctBy(i => (i.Claim, i.Tie))
                        .OrderByDescending(i => i.Weight).ToList();
                }
            }

            var change = new JudgementChange(a.Value, s1.Actor(a)?.Name ?? a.Value, b.Value, s1.Actor(b)?.Name ?? b.Value, w0, w1, v0, v1, evidence.ToEquatableList());
            if (change.RelationChanged || change.VerdictChanged || change.Shifted)
            {
                changes.Add(change);
            }
        }

        return new ImpactMeasure(all.Count, changes.ToEquatableList());
    }

    /// <summary>The assessment's reading in a few words (whether the alliance holds, and each side's flag), and the blocs' relation it weighed.</summary>
    private static (string Reading, RelationWeight Relation) Reading(Snapshot s, ActorId a, ActorId b, AssessmentParameters p)
    {
        var r = AllianceAssessor.Assess(s, a, b, p, simulate: false);
        var word = r.Relation.Contested ? "contested" : r.Holds ? "holds" : r.Relation.Sign == RelationSign.Hostile ? "broken" : "not shown";
        var flags = new[] { r.A, r.B }.Where(x => x.PersistsAgainstLedger).Select(x => $"{x.Name} persists against its ledger");
        return (string.Join("; ", new[] { word }.Concat(flags)), r.Relation);
    }

    /// <summary>Counted evidence after the change whose claim was not on record before, or read differently.</summary>
    private static List<EvidenceItem> NewEvidence(KnowledgeBase before, RelationWeight after)
        => after.Items.Where(i => i.Weight > 0 || i.Context)
            .Where(i => i.Claim is not { } id || before.FindClaim(new ClaimId(id)) is not { } old || old.Grade.ToString() != i.Grade || old.Context != i.Context)
            .Where(i => i.Claim is not null || before.Find(new FactKey(FactType.Tie, i.Tie)) is null)
            .ToList();
}
