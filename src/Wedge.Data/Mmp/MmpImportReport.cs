using Wedge.Core.Journal;
using Wedge.Core.Model;

namespace Wedge.Data.Mmp;

/// <summary>How an MMP group landed on a Wedge actor.</summary>
public enum MatchRule
{
    /// <summary>The --map file named the actor.</summary>
    MappingFile,

    /// <summary>The actor already carries this MMP group id (an earlier import).</summary>
    MmpId,

    /// <summary>The actor's id, name or an alias equals the MMP name once normalised.</summary>
    Name,

    /// <summary>No actor matched; a new one was created.</summary>
    Created,
}

/// <summary>One MMP group and the actor it became.</summary>
public sealed record MmpActorMatch(string MmpId, string MmpName, ActorId Actor, MatchRule Rule);

/// <summary>An MMP group that could be more than one actor; nothing was guessed and its observations were refused.</summary>
public sealed record MmpAmbiguity(string MmpId, string MmpName, IReadOnlyList<ActorId> Candidates, string Reason);

/// <summary>What an MMP import read, merged, matched, created and refused. Counts are of rows and observations in the files.</summary>
public sealed class MmpImportReport
{
    /// <summary>Data rows in the group key (header excluded), refused ones included.</summary>
    public int KeyRowsRead { get; internal set; }

    /// <summary>Data rows in the relationships file (header excluded), refused ones included.</summary>
    public int RelationshipRowsRead { get; internal set; }

    /// <summary>Distinct observations new to the record (one claim and one tie each).</summary>
    public int ObservationsImported { get; internal set; }

    /// <summary>Distinct observations already on record exactly as read (a re-import).</summary>
    public int ObservationsUnchanged { get; internal set; }

    /// <summary>Distinct observations on record whose claim or tie now reads differently (corrected).</summary>
    public int ObservationsCorrected { get; internal set; }

    /// <summary>Sets of rows that are the same observation under different unique_ids.</summary>
    public int DuplicateSets { get; internal set; }

    /// <summary>Rows merged into another row of their set (rows in sets minus sets).</summary>
    public int DuplicatesMerged { get; internal set; }

    /// <summary>Observations with no date (MMP's 0000-00-00 or empty): imported with an unknown start, left out of spells.</summary>
    public int Undated { get; internal set; }

    public List<MmpActorMatch> Matched { get; } = [];

    public List<MmpActorMatch> Created { get; } = [];

    public List<MmpAmbiguity> Ambiguous { get; } = [];

    /// <summary>Rows not imported, each with file, line and reason.</summary>
    public List<MmpProblem> Refused { get; } = [];

    /// <summary>Rows skipped on purpose (e.g. MMP's -99 placeholder ids), with the reason; not errors.</summary>
    public List<MmpProblem> Skipped { get; } = [];

    /// <summary>True when every row was read and every group matched without ambiguity.</summary>
    public bool IsClean => Refused.Count == 0 && Ambiguous.Count == 0;

    public int DistinctObservations => ObservationsImported + ObservationsUnchanged + ObservationsCorrected;
}

/// <summary>The changes an import would make, and its report. Empty changes: nothing to do (e.g. a re-import).</summary>
public sealed record MmpImportPlan(IReadOnlyList<JournalChange> Changes, MmpImportReport Report);

/// <summary>
/// An import read in two passes: <see cref="Head"/> (the source, new actors, corrections of matched actors) is
/// ready at once; <see cref="Changes"/> yields those and then each observation's claim and tie as it re-reads the
/// relationships file. <see cref="Report"/> is final once <see cref="Changes"/> has been enumerated to the end.
/// </summary>
public sealed class MmpImportStream
{
    private readonly Func<IEnumerable<JournalChange>> observations;

    internal MmpImportStream(MmpImportReport report, IReadOnlyList<JournalChange> head, Func<IEnumerable<JournalChange>> observations)
    {
        Report = report;
        Head = head;
        this.observations = observations;
    }

    public MmpImportReport Report { get; }

    public IReadOnlyList<JournalChange> Head { get; }

    /// <summary>Every change in order. Enumerate once: each enumeration re-reads the file and adds to the report's counts.</summary>
    public IEnumerable<JournalChange> Changes() => Head.Concat(observations());
}
