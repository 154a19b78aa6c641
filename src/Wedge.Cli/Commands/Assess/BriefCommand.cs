using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application;
using Wedge.Application.Problems;
using Wedge.Application.Store;
using Wedge.Cli.Infrastructure;
using Wedge.Reports.Briefs;

namespace Wedge.Cli.Commands.Assess;

public sealed class BriefSettings : PairAssessmentSettings
{
    [CommandOption("--out <DIR>")]
    [Description("Directory to write brief.html (and brief.pdf when a headless Chromium is found) into; created if missing.")]
    public string? Out { get; set; }

    public override ValidationResult Validate()
    {
        var basic = base.Validate();
        return !basic.Successful ? basic : string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("--out DIR is required") : ValidationResult.Success();
    }
}

/// <summary>`wedge brief A B --out DIR`: a self-contained, sourced HTML brief on the alliance (and a PDF when Chromium is present).</summary>
public sealed class BriefCommand(IAnsiConsole console, IRecordStore source) : Command<BriefSettings>
{
    public override int Execute(CommandContext context, BriefSettings settings, CancellationToken cancellationToken)
    {
        var (snapshot, assessment) = settings.Run(source);
        var slice = Output.Describe(settings.ReadOptions, settings.RecordedByTime);
        var (html, unavailable) = AllianceBrief.Render(snapshot, assessment, slice);
        BriefOutput written;
        try
        {
            written = BriefWriter.Write(settings.Out!, html, BriefWriter.FindChromium(Environment.GetEnvironmentVariable));
        }
        catch (BriefWriteException ex)
        {
            throw new ProblemException(ProblemKind.Refused, "refused", ex.Message);
        }

        if (settings.Json)
        {
            Output.Json(console, new { html = written.HtmlPath, pdf = written.PdfPath, pdfNote = written.PdfNote, chartsUnavailable = unavailable, verdict = assessment.Verdict });
            return 0;
        }

        console.MarkupLine($"Brief written: [bold]{Output.Esc(written.HtmlPath)}[/]");
        console.MarkupLine(written.PdfPath is { } pdf ? $"PDF: [bold]{Output.Esc(pdf)}[/]" : $"[yellow]{Output.Esc(written.PdfNote)}[/]");
        foreach (var note in unavailable.Distinct())
        {
            console.MarkupLine($"[yellow]{Output.Esc(note)}[/]");
        }

        console.MarkupLine(Output.Esc(assessment.Verdict));
        return 0;
    }
}
