using System.Reflection;
using Wedge.Analysis.Assessment;
using Wedge.Application.Problems;
using Wedge.Application.Records;
using Wedge.Application.Store;
using Wedge.Core.Collections;
using Wedge.Core.Knowledge;
using Wedge.Reports.Briefs;

namespace Wedge.Application.Assessment;

/// <summary>Which alliance to assess, with which parameters (a YAML or JSON file) and how much simulation (0 runs: none).</summary>
public sealed record AssessRequest(string A, string B, string? ParameterFile = null, int? Runs = null, int? Seed = null);

/// <summary>How a brief is titled, signed and printed: <see cref="Pdf"/> false writes the HTML only.</summary>
public sealed record BriefRequest(string? Title = null, string? Author = null, PaperSize Paper = PaperSize.A4, bool Pdf = true);

/// <summary>`brief`: where the brief was written, why there is no PDF when there is none, and the verdict.</summary>
public sealed record BriefWritten(string Html, string? Pdf, string PdfNote, EquatableList<string> ChartsUnavailable, string Verdict);

/// <summary>The assessment verbs: an alliance assessed from the record, and the brief written from it.</summary>
public sealed class AssessmentService(IRecordStore store, WorkspaceOptions options, Durability.RecordDurabilityService durability, Hypotheses.HypothesesService hypotheses)
{
    /// <summary>Each side's ledger over time, dependence, bonds, the verdict and its uncertainty (see <see cref="AllianceAssessment"/>).</summary>
    public AllianceAssessment Assess(ReadSlice slice, AssessRequest request, CancellationToken cancellationToken = default)
        => Run(slice, request, cancellationToken).Assessment;

    /// <summary>Assesses the alliance and writes a self-contained HTML brief (and a PDF when a headless Chromium is found) into <paramref name="directory"/>.</summary>
    public BriefWritten Brief(ReadSlice slice, AssessRequest request, string directory, BriefRequest? layout = null, CancellationToken cancellationToken = default)
    {
        layout ??= new BriefRequest();
        var (snapshot, assessment) = Run(slice, request, cancellationToken);
        var provenance = new BriefOptions
        {
            Slice = Slices.Describe(slice),
            GeneratedAt = options.Clock.GetUtcNow(),
            WedgeVersion = Version,
            At = slice.At,
            KnownAt = slice.KnownAt,
            RecordedBy = slice.RecordedBy,
            CoverageEnd = ReadChecks.CoverageEnd(store.Knowledge(slice.RecordedBy)),
            Title = layout.Title,
            Author = layout.Author,
            Paper = layout.Paper,
        };
        var (html, unavailable) = AllianceBrief.Render(snapshot, assessment, provenance, durability.BriefSection(slice, request.A, request.B),
            hypotheses.BriefSection(slice, new Core.Model.ActorId(assessment.A.Id), new Core.Model.ActorId(assessment.B.Id)));
        try
        {
            var chromium = layout.Pdf ? BriefWriter.FindChromium(options.Environment) : null;
            var written = BriefWriter.Write(directory, html, chromium);
            if (!layout.Pdf)
            {
                written = written with { PdfNote = "no PDF: --no-pdf" };
            }

            return new BriefWritten(written.HtmlPath, written.PdfPath, written.PdfNote, unavailable.ToEquatableList(), assessment.Verdict);
        }
        catch (BriefWriteException ex)
        {
            // The cause travels with it: a host that must not show its own paths (the web server) tells a full disk by it.
            throw new ProblemException(Problem.Refused("cannot-write", ex.Message), ex);
        }
    }

    /// <summary>The informational version stamped on Wedge's assemblies at build time ("0.1.0+commit").</summary>
    public static string Version { get; } =
        typeof(AssessmentService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(AssessmentService).Assembly.GetName().Version?.ToString() ?? "unknown";

    private (Snapshot Snapshot, AllianceAssessment Assessment) Run(ReadSlice slice, AssessRequest request, CancellationToken cancellationToken)
    {
        // Parameters first: a bad file is reported before the database is touched.
        var p = request.ParameterFile is null ? AssessmentParameters.Default : ParameterFile.Read(request.ParameterFile);
        if (request.Runs is > 0)
        {
            var (withRuns, error) = p.With("monte-carlo.runs", request.Runs.Value);
            p = withRuns ?? throw Problem.Usage("bad-option", $"--runs {request.Runs}: {error}").Exception();
        }

        if (request.Seed is { } seed)
        {
            p = p.With("monte-carlo.seed", seed).Result!;
        }

        var snapshot = store.Read(slice);
        var a = RecordQueries.Resolve(snapshot, request.A);
        var b = RecordQueries.Resolve(snapshot, request.B);
        if (a.Id == b.Id)
        {
            throw Problem.Refused("same-actor", $"'{request.A}' and '{request.B}' are the same actor ({a.Name}); an alliance needs two.").Exception();
        }

        if (!AllianceAssessor.HaveAnyTie(snapshot, a.Id, b.Id))
        {
            var where = slice.At is null && slice.KnownAt is null ? "" : $" in this slice ({Slices.Describe(slice)})";
            throw Problem.Refused("nothing-to-assess", $"the record shows no tie or ledger entry between {a.Name} and {b.Name} (or their factions and leaders){where}; nothing to assess.").Exception();
        }

        cancellationToken.ThrowIfCancellationRequested();
        return (snapshot, AllianceAssessor.Assess(snapshot, a.Id, b.Id, p, simulate: request.Runs is not 0));
    }
}
