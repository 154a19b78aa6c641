using System.Globalization;
using Wedge.Analysis.Evidence;
using Wedge.Core.Collections;
using Wedge.Core.Knowledge;

namespace Wedge.Application.Imports;

/// <summary>A weighed relation in one reading: its sign, the probability of that sign, and whether the evidence is split.</summary>
public sealed record RelationReading(RelationSign Sign, double Probability, bool Contested)
{
    public static RelationReading Of(RelationWeight w)
    {
        ArgumentNullException.ThrowIfNull(w);
        return new(w.Sign, Math.Round(w.Probability, 4), w.Contested);
    }
}

/// <summary>A claim (or the stand-in for an unsourced tie) that the import added or regraded and that counts in a changed judgement.</summary>
/// <param name="Claim">The claim's id; null for an unsourced tie.</param>
/// <param name="Weight">What it counts for after the import at the read date (0 for a context claim: cited, not counted).</param>
public sealed record ImpactClaim(string? Claim, string Source, string Tie, string? Grade, RelationSign Sign, bool Supports, bool Context, double Weight);

/// <summary>One pair already on record whose weighed relation or assessment verdict the import changes.</summary>
/// <param name="VerdictBefore">For a pair with a ledger between them, the assessment's reading before ("holds; Taliban persists against its ledger"); else null.</param>
/// <param name="Claims">The claims that did it: new or regraded claims counted in the pair's weighing after the import, strongest first.</param>
/// <param name="Summary">One line: "Taliban–al-Qaeda: friendly (P 91%) → contested (P 60%) (mmp-567)".</param>
/// <param name="Shifted">Neither relation nor verdict changed, but the probability of the relation's sign moved by 10 points or more.</param>
public sealed record ChangedJudgement(string A, string AName, string B, string BName, RelationReading Before, RelationReading After, bool RelationChanged,
    string? VerdictBefore, string? VerdictAfter, bool VerdictChanged, bool Shifted, EquatableList<ImpactClaim> Claims, string Summary);

/// <summary>
/// What an import changes in the judgements on what was already on record (docs/methods/evidence.md, "Imports"):
/// every pair with a tie or a ledger between them before the import is weighed before and after at one read date.
/// </summary>
/// <param name="At">The read date the pairs were weighed at; null for the record read now.</param>
/// <param name="DryRun">True when the "after" is the plan applied in memory (nothing written).</param>
/// <param name="PairsWeighed">How many pairs on record were weighed before and after.</param>
/// <param name="Shifts">Pairs whose reading stays but whose probability moves by 10 points or more.</param>
/// <param name="Summary">One sentence: "This import changes 1 verdict and 2 relations on record: …".</param>
public sealed record ImportImpactReport(string? At, bool DryRun, int PairsWeighed, int RelationsChanged, int VerdictsChanged, int Shifts,
    EquatableList<ChangedJudgement> Changes, string Summary)
{
    /// <summary>Weighs every pair on record in <paramref name="before"/> again in <paramref name="after"/>, at the read date.</summary>
    public static ImportImpactReport Compare(KnowledgeBase before, KnowledgeBase after, ReadOptions read, bool dryRun)
    {
        ArgumentNullException.ThrowIfNull(read);
        var measure = ImportImpact.Measure(before, after, read);
        var changes = measure.Changes.Select(c => new ChangedJudgement(c.A, c.AName, c.B, c.BName, RelationReading.Of(c.Before), RelationReading.Of(c.After),
            c.RelationChanged, c.VerdictBefore, c.VerdictAfter, c.VerdictChanged, c.Shifted,
            c.Claims.Select(i => new ImpactClaim(i.Claim, i.Source, i.Tie, i.Grade, i.Sign, i.Supports, i.Context, Math.Round(i.Weight, 4))).ToEquatableList(),
            c.Describe())).ToEquatableList();
        var relations = changes.Count(c => c.RelationChanged);
        var verdicts = changes.Count(c => c.VerdictChanged);
        var shifts = changes.Count(c => c.Shifted);
        return new ImportImpactReport(read.EffectiveAt?.ToString(), dryRun, measure.PairsWeighed, relations, verdicts, shifts, changes,
            SummaryLine(dryRun, measure.PairsWeighed, relations, verdicts, changes, read.EffectiveAt?.ToString()));
    }

    private static string SummaryLine(bool dryRun, int pairs, int relations, int verdicts, IReadOnlyList<ChangedJudgement> changes, string? at)
    {
        var verb = dryRun ? "would change" : "changes";
        var when = at is null ? "read now" : $"at {at}";
        var shifted = changes.Where(c => c.Shifted).ToList();
        var shiftNote = shifted.Count == 0 ? ""
            : $" It {(dryRun ? "would move" : "moves")} the weight of {Count(shifted.Count, "relation")} by 10 points or more: {string.Join("; ", shifted.Take(5).Select(c => c.Summary))}{(shifted.Count > 5 ? $"; and {shifted.Count - 5} more" : "")}.";
        if (relations == 0 && verdicts == 0)
        {
            return $"This import {verb} no verdict and no weighed relation on record ({Count(pairs, "pair")} weighed before and after, {when}).{shiftNote}";
        }

        var what = new List<string>();
        if (verdicts > 0)
        {
            what.Add(Count(verdicts, "verdict"));
        }

        if (relations > 0)
        {
            what.Add(Count(relations, "weighed relation"));
        }

        // Verdicts first: they are what a reader of an assessment sees.
        var changed = changes.Where(c => !c.Shifted).ToList();
        var shown = changed.OrderByDescending(c => c.VerdictChanged).Take(5).Select(c => c.Summary);
        var more = changed.Count > 5 ? $"; and {changed.Count - 5} more" : "";
        return $"This import {verb} {string.Join(" and ", what)} on record ({Count(pairs, "pair")} weighed, {when}): {string.Join("; ", shown)}{more}.{shiftNote}";
    }

    private static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + (n == 1 ? noun : noun + "s");
}
