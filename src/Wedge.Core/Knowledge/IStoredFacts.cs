using Wedge.Core.Model;
using Wedge.Core.Time;

namespace Wedge.Core.Knowledge;

/// <summary>
/// The ties and claims of a record projected earlier (a store's checkpoint), read in parts when asked: one actor's ties
/// or one claim without decoding the rest. These two kinds are the bulk of a large record (an import of a million
/// observations adds a million of each), while every other kind of fact stays small enough to read whole.
/// </summary>
/// <remarks>Implementations are immutable and safe to read from several threads.</remarks>
public interface IStoredFacts
{
    int TieCount { get; }

    int ClaimCount { get; }

    /// <summary>The latest date any stored tie's period mentions (start or end), or null when none does.</summary>
    FuzzyDate? LatestTieDate { get; }

    /// <summary>Every stored tie (in the store's order).</summary>
    IEnumerable<Tie> Ties();

    /// <summary>Every stored claim (in the store's order).</summary>
    IEnumerable<Claim> Claims();

    /// <summary>The stored ties with <paramref name="actor"/> at either end, each once.</summary>
    IReadOnlyList<Tie> TiesOf(ActorId actor);

    Tie? FindTie(string id);

    Claim? FindClaim(ClaimId id);

    /// <summary>Every stored tie as columns, with its claims' weighing fields (decoded once, when first asked).</summary>
    TieTable Table { get; }

    /// <summary>The row of a stored tie in <see cref="Table"/>, or -1 when no stored tie has this id.</summary>
    int RowOf(string tieId);

    /// <summary>
    /// Reads now whatever is still to be read when asked, so that the facts no longer depend on the store's copy: before
    /// the store replaces that copy (a store that reads its copy on demand would otherwise find it gone).
    /// </summary>
    void ReadRest();
}
