using Wedge.Core.Journal;
using Wedge.Data.Mmp;

namespace Wedge.Data.Events;

/// <summary>
/// What an event-dataset import (GTD, UCDP GED, ACLED) read, matched, planned and refused: the counts every such import
/// has. Each dataset's report adds its own. Counts are of rows in the file unless said otherwise.
/// </summary>
public abstract class EventImportReport
{
    /// <summary>Data rows read (header excluded), refused ones included.</summary>
    public int RowsRead { get; internal set; }

    /// <summary>Rows imported as events (new).</summary>
    public int EventsImported { get; internal set; }

    /// <summary>Events already on record exactly as read.</summary>
    public int EventsUnchanged { get; internal set; }

    /// <summary>Events on record that now read differently (corrected).</summary>
    public int EventsCorrected { get; internal set; }

    /// <summary>Pairs of actors and years with evidence: one tie each (per kind of evidence).</summary>
    public int PairYears { get; internal set; }

    /// <summary>Claims planned: per pair and year, one for the firmly graded rows and one for the lower-graded ones.</summary>
    public int Claims { get; internal set; }

    public List<EventNameMatch> Matched { get; } = [];

    public List<EventNameUnmatched> Unmatched { get; } = [];

    public List<EventNameUnmatched> Ambiguous { get; } = [];

    /// <summary>Rows not imported, each with file, line and reason (map file rows first).</summary>
    public List<MmpProblem> Refused { get; } = [];

    /// <summary>True when every row was read and no name was ambiguous.</summary>
    public bool IsClean => Refused.Count == 0 && Ambiguous.Count == 0;
}

/// <summary>
/// An event-dataset import read in two passes: the first (the importer's <c>Open</c>) checks every row and gathers the
/// pairs and years; <see cref="Changes"/> yields the source, the claims and ties per pair and year, then re-reads the file
/// and yields one event per row that gave evidence. <see cref="Report"/> is final once <see cref="Changes"/> has been enumerated.
/// </summary>
public sealed class EventImportStream<TReport>
    where TReport : EventImportReport
{
    private readonly Func<IEnumerable<JournalChange>> events;

    internal EventImportStream(TReport report, IReadOnlyList<JournalChange> head, Func<IEnumerable<JournalChange>> events)
    {
        Report = report;
        Head = head;
        this.events = events;
    }

    public TReport Report { get; }

    /// <summary>The source, claims and ties, ready after the first pass.</summary>
    public IReadOnlyList<JournalChange> Head { get; }

    /// <summary>Every change in order. Enumerate once: each enumeration re-reads the file and adds to the report's counts.</summary>
    public IEnumerable<JournalChange> Changes() => Head.Concat(events());
}
