using Wedge.Application.Problems;
using Wedge.Core.Collections;
using Wedge.Core.Time;
using Wedge.Data.Events;

namespace Wedge.Application.Imports;

/// <summary>What `import gtd` reads: the file, an optional --map file, whether --strict, and the date the impact is weighed at.</summary>
public sealed record GtdImportRequest(string File, string? Map = null, bool Strict = false, FuzzyDate? ImpactAt = null);

/// <summary>A dataset name matched onto an actor on record (rule: mapping-file, dataset-id or name) and how many joint incidents named it.</summary>
public sealed record MatchedName(string Name, string Actor, string Rule, int Incidents);

/// <summary>A dataset name matched to no actor (no candidates) or to several (ambiguous); its pairs were left out.</summary>
public sealed record UnmatchedName(string Name, int Incidents, int FirstLine, EquatableList<string> Candidates);

/// <summary>
/// `import gtd`: the import report and what was written. <see cref="Written"/> is false for a dry run and when --strict
/// refused the import (then <see cref="Refusal"/> says why). Refused rows, if any, are listed; the command exits non-zero for them.
/// </summary>
/// <param name="ByPrecision">Incidents read by date precision: day, month (GTD's iday 0), year (imonth 0).</param>
public sealed record GtdImported(string File, int RowsRead, int SinglePerpetrator, int MultiplePerpetrators, int JointUnmatched, int EventsImported,
    int EventsUnchanged, int EventsCorrected, int PairYears, int Claims, EquatableList<int> ByPrecision, EquatableList<MatchedName> Matched,
    EquatableList<UnmatchedName> Unmatched, EquatableList<UnmatchedName> Ambiguous, EquatableList<RowProblem> Refused, long Changes, long Version) : IEventImported
{
    [System.Text.Json.Serialization.JsonIgnore]
    public bool Written { get; init; } = true;

    [System.Text.Json.Serialization.JsonIgnore]
    public Problem? Refusal { get; init; }

    /// <summary>The judgements on what was already on record that the import changes (or, dry run, would change); null when refused.</summary>
    public ImportImpactReport? Impact { get; init; }

    /// <summary>Indicators of the built-in hypotheses matrices that the import fired (none for a dry run).</summary>
    public EquatableList<Hypotheses.FiredIndicator> Fired { get; init; } = [];
}

public sealed partial class ImportService
{
    /// <summary>
    /// Plans the GTD import against the current record and streams it into one transaction (refused rows left out),
    /// unless --strict finds a refused row or an ambiguous name: then nothing is written.
    /// </summary>
    /// <param name="dryRun">Plan only: the report and the impact of what would be imported; nothing written.</param>
    public GtdImported ImportGtd(GtdImportRequest request, string? author, string? why, long? expectVersion, CancellationToken cancellationToken = default, bool dryRun = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        return ImportEvents(request.File, request.Map, request.Strict, request.ImpactAt, "gtd", "GTD joint attacks",
            (current, map) => GtdImporter.Open(request.File, current, new GtdImportOptions { Map = map }),
            (r, changes, version, o) => Result(request.File, r, changes, version) with { Written = o.Written, Refusal = o.Refusal, Impact = o.Impact, Fired = o.Fired },
            author, why, expectVersion, cancellationToken, dryRun);
    }

    private static GtdImported Result(string file, GtdImportReport r, long changes, long version) => new(
        file, r.RowsRead, r.SinglePerpetrator, r.MultiplePerpetrators, r.JointUnmatched, r.EventsImported, r.EventsUnchanged, r.EventsCorrected, r.PairYears, r.Claims,
        r.ByPrecision.ToEquatableList(),
        Matched(r), Unmatched(r.Unmatched), Unmatched(r.Ambiguous), Refused(r),
        changes, version);
}
