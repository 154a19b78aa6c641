using Wedge.Core.Time;

namespace Wedge.Reports.Briefs;

/// <summary>The paper a brief is laid out for when printed (the PDF's page size).</summary>
public enum PaperSize
{
    A4,
    Letter,
}

/// <summary>
/// What a brief says about where it comes from (its provenance block) and how it is laid out. Reports
/// reads no clock and no assembly: the host supplies when it was generated and by which Wedge.
/// </summary>
/// <remarks>
/// <see cref="CoverageEnd"/> is the record's last dated entry (an event, or the start or end of a period): how late
/// the record follows the world, which a reader needs to know before trusting a brief read "now".
/// </remarks>
public sealed record BriefOptions
{
    /// <summary>The read slice in words ("at 2018-09-11, using only what was public by 2015"; "now").</summary>
    public required string Slice { get; init; }

    public required DateTimeOffset GeneratedAt { get; init; }

    /// <summary>The Wedge that wrote it, e.g. "0.1.0+3f2a…".</summary>
    public required string WedgeVersion { get; init; }

    /// <summary>Valid time read (null: now).</summary>
    public FuzzyDate? At { get; init; }

    /// <summary>Public time read (null: everything on record, whenever it became public).</summary>
    public FuzzyDate? KnownAt { get; init; }

    /// <summary>Recorded time read (null: the journal as it stands).</summary>
    public DateTimeOffset? RecordedBy { get; init; }

    /// <summary>The record's last dated entry (null when nothing on record is dated).</summary>
    public FuzzyDate? CoverageEnd { get; init; }

    /// <summary>A title in place of "A and B".</summary>
    public string? Title { get; init; }

    /// <summary>Who prepared the brief, shown under the title.</summary>
    public string? Author { get; init; }

    public PaperSize Paper { get; init; } = PaperSize.A4;
}
