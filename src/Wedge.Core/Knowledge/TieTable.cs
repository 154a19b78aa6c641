using Wedge.Core.Model;
using Wedge.Core.Time;

namespace Wedge.Core.Knowledge;

/// <summary>
/// Ties and, inline with each, the fields of its claims that weighing reads, as columns: what a scan over every tie of a
/// large record (the network at a date) needs, without a <see cref="Tie"/> or <see cref="Claim"/> object per row.
/// </summary>
/// <remarks>
/// <para>A row is one tie. Its claims are the slice <c>ClaimStart[row]..ClaimStart[row + 1]</c> of the claim columns, in
/// the order of the tie's <see cref="Fact.Claims"/>; a claim that backs several ties is repeated in each. Actor and
/// source ids are indexes into <see cref="Actors"/> and <see cref="Sources"/>.</para>
/// <para><see cref="IdRank"/> orders the rows of one table as their ids sort (ordinal), so a reader can keep
/// <see cref="Snapshot.Ties"/>' order (start, then id) without the id strings; ranks of two tables do not compare.
/// <see cref="TieAt"/> gives the tie of a row as an object, for the few rows a caller shows.</para>
/// <para>Immutable once built: its builder fills the columns before publishing it.</para>
/// </remarks>
public sealed class TieTable
{
    private readonly Func<int, Tie> tieAt;

    public TieTable(int count, int claimCount, string[] actors, string[] sources, Func<int, Tie> tieAt)
    {
        ArgumentNullException.ThrowIfNull(actors);
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(tieAt);
        Count = count;
        Actors = actors;
        Sources = sources;
        this.tieAt = tieAt;
        From = new int[count];
        To = new int[count];
        Kind = new TieKind[count];
        StartOnly = new bool[count];
        Start = new FuzzyDate?[count];
        End = new FuzzyDate?[count];
        EndPublicSince = new FuzzyDate?[count];
        IdRank = new int[count];
        ClaimStart = new int[count + 1];
        ClaimSource = new int[claimCount];
        Grade = new Grade[claimCount];
        Stance = new ClaimStance[claimCount];
        Reports = new ClaimReports[claimCount];
        Context = new bool[claimCount];
        PublicSince = new FuzzyDate?[claimCount];
    }

    public int Count { get; }

    /// <summary>Actor ids, indexed by <see cref="From"/> and <see cref="To"/>.</summary>
    public string[] Actors { get; }

    /// <summary>Source ids, indexed by <see cref="ClaimSource"/>.</summary>
    public string[] Sources { get; }

    public int[] From { get; }

    public int[] To { get; }

    public TieKind[] Kind { get; }

    public bool[] StartOnly { get; }

    public FuzzyDate?[] Start { get; }

    public FuzzyDate?[] End { get; }

    public FuzzyDate?[] EndPublicSince { get; }

    public int[] IdRank { get; }

    /// <summary>Where each row's claims begin in the claim columns; one more entry than rows.</summary>
    public int[] ClaimStart { get; }

    public int[] ClaimSource { get; }

    public Grade[] Grade { get; }

    public ClaimStance[] Stance { get; }

    public ClaimReports[] Reports { get; }

    public bool[] Context { get; }

    /// <summary>The claim's own public date (<see cref="Claim.PublicSince"/>); its source's date applies when null.</summary>
    public FuzzyDate?[] PublicSince { get; }

    /// <summary>The tie of a row, as stored.</summary>
    public Tie TieAt(int row) => tieAt(row);

    /// <summary>A table of tie objects, with each tie's claims looked up by <paramref name="claim"/> (a claim it cannot find is left out).</summary>
    public static TieTable Of(IReadOnlyList<Tie> ties, Func<ClaimId, Claim?> claim)
    {
        ArgumentNullException.ThrowIfNull(ties);
        ArgumentNullException.ThrowIfNull(claim);
        var claimsOf = new Claim[ties.Count][];
        var claimCount = 0;
        for (var i = 0; i < ties.Count; i++)
        {
            claimsOf[i] = ties[i].Claims.Select(claim).OfType<Claim>().ToArray();
            claimCount += claimsOf[i].Length;
        }

        var actors = new Dictionary<string, int>(StringComparer.Ordinal);
        var sources = new Dictionary<string, int>(StringComparer.Ordinal);
        static int IndexOf(Dictionary<string, int> table, string id)
        {
            if (!table.TryGetValue(id, out var k))
            {
                table[id] = k = table.Count;
            }

            return k;
        }

        var fromIds = new int[ties.Count];
        var toIds = new int[ties.Count];
        var sourceIds = new int[claimCount];
        for (int i = 0, c = 0; i < ties.Count; i++)
        {
            fromIds[i] = IndexOf(actors, ties[i].From.Value);
            toIds[i] = IndexOf(actors, ties[i].To.Value);
            foreach (var cl in claimsOf[i])
            {
                sourceIds[c++] = IndexOf(sources, cl.Source.Value);
            }
        }

        var table = new TieTable(ties.Count, claimCount, Names(actors), Names(sources), row => ties[row]);
        var byId = Enumerable.Range(0, ties.Count).Order(Comparer<int>.Create((x, y) => string.CompareOrdinal(ties[x].Id, ties[y].Id))).ToArray();
        for (var r = 0; r < byId.Length; r++)
        {
            table.IdRank[byId[r]] = r;
        }

        for (int i = 0, c = 0; i < ties.Count; i++)
        {
            var t = ties[i];
            table.From[i] = fromIds[i];
            table.To[i] = toIds[i];
            table.Kind[i] = t.Kind;
            table.StartOnly[i] = t.StartOnly;
            table.Start[i] = t.Period.Start;
            table.End[i] = t.Period.End;
            table.EndPublicSince[i] = t.EndPublicSince;
            table.ClaimStart[i] = c;
            foreach (var cl in claimsOf[i])
            {
                table.ClaimSource[c] = sourceIds[c];
                table.Grade[c] = cl.Grade;
                table.Stance[c] = cl.Stance;
                table.Reports[c] = cl.Reports;
                table.Context[c] = cl.Context;
                table.PublicSince[c] = cl.PublicSince;
                c++;
            }

            table.ClaimStart[i + 1] = c;
        }

        return table;
    }

    private static string[] Names(Dictionary<string, int> table)
    {
        var names = new string[table.Count];
        foreach (var (name, k) in table)
        {
            names[k] = name;
        }

        return names;
    }
}

/// <summary>A tie table as one record reads it: <paramref name="Skip"/> marks the rows no longer on record as stored
/// (corrected or retracted since the table was made); null when every row stands.</summary>
public readonly record struct TieTableView(TieTable Table, bool[]? Skip)
{
    public bool Stands(int row) => Skip is null || !Skip[row];
}

/// <summary>
/// The rows of one <see cref="TieTable"/> that a <see cref="Snapshot"/> sees, with what it sees of them: the same ties as
/// <see cref="Snapshot.Ties"/>, by the same rules, without building them as objects.
/// </summary>
/// <param name="Table">The table.</param>
/// <param name="Rows">The rows in the slice, in table order.</param>
/// <param name="SeenEnd">Parallel to <paramref name="Rows"/>: each tie's end as the slice sees it (none while the end had
/// not yet come or was not yet public).</param>
/// <param name="ClaimHidden">Per claim of the table: true when the slice does not see it (not yet public); null when it
/// sees every claim.</param>
/// <param name="ActorOf">Per actor of the table: the slice's actor, or null when the slice does not hold it.</param>
public sealed record SlicedTieTable(TieTable Table, int[] Rows, FuzzyDate?[] SeenEnd, bool[]? ClaimHidden, Actor?[] ActorOf)
{
    public bool Sees(int claim) => ClaimHidden is null || !ClaimHidden[claim];
}
