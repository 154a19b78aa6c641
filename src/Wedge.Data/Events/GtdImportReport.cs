using Wedge.Core.Journal;
using Wedge.Core.Model;
using Wedge.Data.Mmp;

namespace Wedge.Data.Events;

/// <summary>How a dataset's group name landed on an actor on record.</summary>
public enum NameMatchRule
{
    /// <summary>The --map file named the actor.</summary>
    MappingFile,

    /// <summary>An actor carries the name as its id in the dataset (external id <c>gtd</c>).</summary>
    DatasetId,

    /// <summary>The actor's id, name or an alias equals the dataset's name once normalised.</summary>
    Name,
}

/// <summary>A dataset name and the actor it was matched to, with the incidents naming it.</summary>
public sealed record EventNameMatch(string Name, ActorId Actor, NameMatchRule Rule, int Incidents);

/// <summary>A dataset name that matched no actor (or several): its incidents' pairs with it were left out.</summary>
/// <param name="FirstLine">The first line naming it.</param>
/// <param name="Candidates">Empty when nothing matched; the actors it could be when ambiguous.</param>
public sealed record EventNameUnmatched(string Name, int Incidents, int FirstLine, IReadOnlyList<ActorId> Candidates);

/// <summary>What a GTD import read, matched, planned and refused. Counts are of rows (incidents) in the file.</summary>
public sealed class GtdImportReport
{
    /// <summary>Data rows read (header excluded), refused ones included.</summary>
    public int RowsRead { get; internal set; }

    /// <summary>Incidents naming fewer than two groups (GTD's "Unknown" is no group): not evidence of a tie, not imported.</summary>
    public int SinglePerpetrator { get; internal set; }

    /// <summary>Incidents naming two or three groups.</summary>
    public int MultiplePerpetrators { get; internal set; }

    /// <summary>Incidents naming several groups of which fewer than two matched distinct actors: left out.</summary>
    public int JointUnmatched { get; internal set; }

    /// <summary>Joint attacks imported as events (new).</summary>
    public int EventsImported { get; internal set; }

    /// <summary>Joint attacks already on record exactly as read.</summary>
    public int EventsUnchanged { get; internal set; }

    /// <summary>Joint attacks on record that now read differently (corrected).</summary>
    public int EventsCorrected { get; internal set; }

    /// <summary>Pairs of actors and years with at least one joint attack: one tie each.</summary>
    public int PairYears { get; internal set; }

    /// <summary>Claims planned (one per pair-year for confirmed attributions, one for suspected ones).</summary>
    public int Claims { get; internal set; }

    /// <summary>Incidents by date precision: day, month (iday 0), year (imonth 0).</summary>
    public int[] ByPrecision { get; } = new int[3];

    public List<EventNameMatch> Matched { get; } = [];

    public List<EventNameUnmatched> Unmatched { get; } = [];

    public List<EventNameUnmatched> Ambiguous { get; } = [];

    /// <summary>Rows not imported, each with file, line and reason (map file rows first).</summary>
    public List<MmpProblem> Refused { get; } = [];

    /// <summary>True when every row was read and no name was ambiguous.</summary>
    public bool IsClean => Refused.Count == 0 && Ambiguous.Count == 0;
}

/// <summary>
/// A GTD import read in two passes: the first (in <see cref="GtdImporter.Open"/>) checks every row and gathers the pairs
/// and years; <see cref="Changes"/> yields the source, the claims and ties per pair and year, then re-reads the file and
/// yields one event per joint attack. <see cref="Report"/> is final once <see cref="Changes"/> has been enumerated.
/// </summary>
public sealed class GtdImportStream
{
    private readonly Func<IEnumerable<JournalChange>> events;

    internal GtdImportStream(GtdImportReport report, IReadOnlyList<JournalChange> head, Func<IEnumerable<JournalChange>> events)
    {
        Report = report;
        Head = head;
        this.events = events;
    }

    public GtdImportReport Report { get; }

    /// <summary>The source, claims and ties, ready after the first pass.</summary>
    public IReadOnlyList<JournalChange> Head { get; }

    /// <summary>Every change in order. Enumerate once: each enumeration re-reads the file and adds to the report's counts.</summary>
    public IEnumerable<JournalChange> Changes() => Head.Concat(events());
}
