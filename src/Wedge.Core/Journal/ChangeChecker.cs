using Wedge.Core.Knowledge;
using Wedge.Core.Model;

namespace Wedge.Core.Journal;

/// <summary>
/// The journal's write rules, in one place for every path that writes: an add must be new, a correction or a retraction
/// must name a fact on record, a change's fact must carry the change's key, and every reference (actors, claims, a
/// claim's source) must resolve, including after a retraction. <see cref="KnowledgeBase.With"/> uses it for a batch
/// (every problem reported); the stores' streaming append uses it change by change (the first problem ends the stream).
/// </summary>
/// <remarks>
/// It tracks what the changes have done as key sets rather than a copy of the record, so a stream of millions of
/// changes costs a few dozen bytes per change. Not thread-safe: one checker per batch or stream.
/// </remarks>
public sealed class ChangeChecker(Func<FactKey, bool> onRecordBefore)
{
    private readonly HashSet<FactKey> added = [];
    private readonly HashSet<FactKey> retracted = [];

    public ChangeChecker(KnowledgeBase basedOn)
        : this(basedOn.Contains)
    {
    }

    /// <summary>Index (in the changes checked so far) of the first retraction accepted, -1 when none.</summary>
    public int FirstRetractionIndex { get; private set; } = -1;

    /// <summary>True when some accepted change retracted a fact (then <see cref="DanglingReferences"/> must be checked).</summary>
    public bool AnyRetraction => FirstRetractionIndex >= 0;

    /// <summary>Whether <paramref name="key"/> is on record after the changes accepted so far.</summary>
    public bool Exists(FactKey key) => added.Contains(key) || (!retracted.Contains(key) && onRecordBefore(key));

    /// <summary>
    /// Checks one change (the <paramref name="index"/>-th) against the record and the changes accepted before it, and
    /// accepts it when its key rules pass. References are not checked here: see <see cref="MissingReferences"/>.
    /// </summary>
    /// <returns>The problem, or null when the change was accepted.</returns>
    public ChangeProblem? Accept(int index, JournalChange change)
    {
        if (change.Fact is { } f && f.Key != change.Key)
        {
            return new(index, change.Key, $"the fact's key {f.Key} differs from the change's key");
        }

        var exists = Exists(change.Key);
        switch (change.Action)
        {
            case JournalAction.Add when exists:
                return new(index, change.Key, $"duplicate id: {change.Key} is already on record");
            case JournalAction.Correct when !exists:
                return new(index, change.Key, $"nothing to correct: {change.Key} is not on record");
            case JournalAction.Retract when !exists:
                return new(index, change.Key, $"nothing to retract: {change.Key} is not on record");
            case JournalAction.Retract:
                added.Remove(change.Key);
                retracted.Add(change.Key);
                FirstRetractionIndex = FirstRetractionIndex < 0 ? index : FirstRetractionIndex;
                return null;
            case JournalAction.Add:
                _ = change.Fact ?? throw new ArgumentException("An add needs a fact.", nameof(change));
                added.Add(change.Key);
                return null;
            default:
                _ = change.Fact ?? throw new ArgumentException("A correction needs a fact.", nameof(change));
                return null;
        }
    }

    /// <summary>Each reference of <paramref name="fact"/> that is not on record now, as a problem of change <paramref name="index"/>.</summary>
    public IEnumerable<ChangeProblem> MissingReferences(int index, Fact fact)
    {
        foreach (var key in ReferenceKeys(fact))
        {
            if (!Exists(key))
            {
                yield return new(index, fact.Key, Unresolved(key));
            }
        }
    }

    /// <summary>
    /// The first reference of <paramref name="fact"/> not on record now, or null: the streaming append's check, made for
    /// every change of an import, so no message is built unless a reference is missing.
    /// </summary>
    public ChangeProblem? FirstMissingReference(int index, Fact fact)
    {
        foreach (var key in ReferenceKeys(fact))
        {
            if (!Exists(key))
            {
                return new(index, fact.Key, Unresolved(key));
            }
        }

        return null;
    }

    /// <summary>
    /// Facts still on record that refer to a fact the changes retracted (and did not add back): each reported at the
    /// first retraction, since the retraction is what broke them.
    /// </summary>
    /// <param name="onRecordAfter">Every fact on record after the changes (or at least every one that may refer to a retracted fact).</param>
    public IEnumerable<ChangeProblem> DanglingReferences(IEnumerable<Fact> onRecordAfter)
    {
        if (!AnyRetraction)
        {
            yield break;
        }

        foreach (var fact in onRecordAfter)
        {
            foreach (var key in ReferenceKeys(fact))
            {
                if (retracted.Contains(key) && !Exists(key))
                {
                    yield return new(FirstRetractionIndex, fact.Key, $"{Unresolved(key)} (retracted in this change, but {fact.Key} still refers to it)");
                }
            }
        }
    }

    /// <summary>The keys a fact refers to: its actors, its claims, and a claim's source.</summary>
    private static IEnumerable<FactKey> ReferenceKeys(Fact fact)
    {
        foreach (var a in fact.ActorRefs)
        {
            yield return new FactKey(FactType.Actor, a.Value);
        }

        foreach (var c in fact.Claims)
        {
            yield return new FactKey(FactType.Claim, c.Value);
        }

        if (fact is Claim claim)
        {
            yield return new FactKey(FactType.Source, claim.Source.Value);
        }
    }

    /// <summary>Why a reference does not resolve ("unknown actor 'x'"); built only when one does not.</summary>
    private static string Unresolved(FactKey key) => key.Type switch
    {
        FactType.Actor => $"unknown actor '{key.Id}'",
        FactType.Claim => $"unknown claim '{key.Id}'",
        _ => $"unknown source '{key.Id}'",
    };
}
