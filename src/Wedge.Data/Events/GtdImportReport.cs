namespace Wedge.Data.Events;

/// <summary>What a GTD import read, matched, planned and refused. Counts are of rows (incidents) in the file.</summary>
public sealed class GtdImportReport : EventImportReport
{
    /// <summary>Incidents naming fewer than two groups (GTD's "Unknown" is no group): not evidence of a tie, not imported.</summary>
    public int SinglePerpetrator { get; internal set; }

    /// <summary>Incidents naming two or three groups.</summary>
    public int MultiplePerpetrators { get; internal set; }

    /// <summary>Incidents naming several groups of which fewer than two matched distinct actors: left out.</summary>
    public int JointUnmatched { get; internal set; }

    /// <summary>Incidents by date precision: day, month (iday 0), year (imonth 0).</summary>
    public int[] ByPrecision { get; } = new int[3];
}
