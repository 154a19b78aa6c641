using Wedge.Application.Problems;
using Wedge.Core.Collections;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;
using Wedge.Data.Events;
using Wedge.Data.Mmp;

namespace Wedge.Application.Imports;

/// <summary>What `import dyad-years` reads: the dataset file, its mapping, an optional --names file, whether --strict, and the date the impact is weighed at.</summary>
public sealed record DyadYearImportRequest(string File, string Mapping, string? Names = null, bool Strict = false, FuzzyDate? ImpactAt = null);

/// <summary>
/// `import dyad-years`: the import report and what was written. <see cref="Written"/> is false for a dry run and when
/// --strict refused the import (then <see cref="Refusal"/> says why). Refused rows, if any, are listed; the command exits
/// non-zero for them. Name matches count rows naming the name.
/// </summary>
/// <param name="Dataset">The dataset's source id (the mapping's dataset id).</param>
public sealed record DyadYearsImported(string File, string Dataset, int RowsRead, int RowsIgnored, int RowsUnmatched, int RowsSameActor, int Claims, int Ties,
    int DeclaredTies, int LedgerEntries, int Added, int Corrected, int Unchanged, EquatableList<MatchedName> Matched, EquatableList<UnmatchedName> Unmatched,
    EquatableList<UnmatchedName> Ambiguous, EquatableList<RowProblem> Refused, long Changes, long Version) : IEventImported
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
    /// Reads the mapping (refused whole, with file, line and column, when anything in it is wrong), plans the dyad-year
    /// import against the current record and writes it in one transaction (refused rows left out), unless --strict
    /// finds a refused row or an ambiguous name: then nothing is written.
    /// </summary>
    /// <param name="dryRun">Plan only: the report and the impact of what would be imported; nothing written.</param>
    public DyadYearsImported ImportDyadYears(DyadYearImportRequest request, string? author, string? why, long? expectVersion, bool dryRun = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (mapping, errors) = DyadYearMapping.Read(request.Mapping);
        if (mapping is null)
        {
            var first = errors[0];
            throw new Problem(ProblemKind.Refused, "mapping-invalid", string.Join(Environment.NewLine, errors) + $"{Environment.NewLine}Nothing was written.",
                first.File, first.Line > 0 ? first.Line : null, first.Line > 0 ? first.Column : null).Exception();
        }

        var current = store.Knowledge();
        IReadOnlyList<Core.Journal.JournalChange> changes;
        DyadYearImportReport report;
        var nameProblems = new List<MmpProblem>();
        try
        {
            IReadOnlyDictionary<string, ActorId>? names = null;
            if (request.Names is not null)
            {
                (var map, nameProblems) = EventNameMap.Read(request.Names, current);
                names = map;
            }

            (changes, report) = DyadYearImporter.Plan(request.File, mapping, current, names);
        }
        catch (MmpFileException ex)
        {
            throw new Problem(ProblemKind.Refused, "dyad-years-file-invalid", $"{ex.Message}{Environment.NewLine}Nothing was written.", ex.Problem.File,
                ex.Problem.Line > 0 ? ex.Problem.Line : null).Exception();
        }

        report.Refused.InsertRange(0, nameProblems);
        var read = new ReadOptions(request.ImpactAt);
        if (request.Strict && !report.IsClean)
        {
            return Result(request.File, mapping, report, 0, current.Version) with
            {
                Written = false,
                Refusal = Problem.Refused("strict-refused",
                    $"--strict: {report.Refused.Count} row(s) refused and {report.Ambiguous.Count} name(s) ambiguous; nothing was written."),
            };
        }

        if (dryRun)
        {
            return Result(request.File, mapping, report, changes.Count, current.Version) with { Written = false, Impact = PlannedImpact(current, changes, read) };
        }

        var version = store.Append(changes, options.AuthorOf(author), why ?? $"imported {mapping.Dataset.Id} dyad-years from {Path.GetFileName(request.File)}",
            expectVersion ?? current.Version, basedOn: current);
        var after = store.Knowledge();
        return Result(request.File, mapping, report, version - current.Version, version) with
        {
            Impact = ImportImpactReport.Compare(current, after, read, dryRun: false),
            Fired = Hypotheses.HypothesesService.NewlyFired(current, after),
        };
    }

    private static DyadYearsImported Result(string file, DyadYearMapping mapping, DyadYearImportReport r, long changes, long version) => new(
        file, mapping.Dataset.Id.Value, r.RowsRead, r.RowsIgnored, r.RowsUnmatched, r.RowsSameActor, r.Claims, r.Ties, r.DeclaredTies, r.LedgerEntries,
        r.Added, r.Corrected, r.Unchanged,
        r.Matched.Select(m => new MatchedName(m.Name, m.Actor.Value, EnumNames.Kebab(m.Rule), m.Incidents)).ToEquatableList(),
        r.Unmatched.Select(Unmatched).ToEquatableList(),
        r.Ambiguous.Select(Unmatched).ToEquatableList(),
        r.Refused.Select(p => new RowProblem(p.File, p.Line, p.Reason)).ToEquatableList(),
        changes, version);
}
