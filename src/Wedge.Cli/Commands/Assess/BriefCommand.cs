using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application;
using Wedge.Application.Assessment;
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

    [CommandOption("--paper <SIZE>")]
    [Description("Page size of the PDF: a4 (default) or letter.")]
    public string? Paper { get; set; }

    [CommandOption("--no-pdf")]
    [Description("Write the HTML only, even when a headless Chromium is found.")]
    public bool NoPdf { get; set; }

    [CommandOption("--title <TEXT>")]
    [Description("Title of the brief (default: \"A and B\").")]
    public string? Title { get; set; }

    [CommandOption("--author <NAME>")]
    [Description("Who prepared the brief, shown under the title.")]
    public string? Author { get; set; }

    public override ValidationResult Validate()
    {
        var basic = base.Validate();
        if (!basic.Successful)
        {
            return basic;
        }

        if (Paper is not null && Paper.ToLowerInvariant() is not ("a4" or "letter"))
        {
            return ValidationResult.Error($"--paper: '{Paper}' is neither a4 nor letter");
        }

        return string.IsNullOrWhiteSpace(Out) ? ValidationResult.Error("--out DIR is required") : ValidationResult.Success();
    }

    /// <summary>Title, author, paper and whether to print a PDF, as these options ask.</summary>
    public BriefRequest Layout => new(Title, Author, Paper?.ToLowerInvariant() == "letter" ? PaperSize.Letter : PaperSize.A4, !NoPdf);
}

/// <summary>`wedge brief A B --out DIR [--paper a4|letter] [--no-pdf] [--title T] [--author NAME]`: a self-contained, sourced HTML brief on the alliance (and a PDF when Chromium is present).</summary>
public sealed class BriefCommand(IAnsiConsole console, AssessmentService assessments) : Command<BriefSettings>
{
    public override int Execute(CommandContext context, BriefSettings settings, CancellationToken cancellationToken)
    {
        var written = assessments.Brief(settings.Slice, settings.Request, settings.Out!, settings.Layout, cancellationToken);
        if (settings.Json)
        {
            Output.Json(console, written);
            return 0;
        }

        console.MarkupLine($"Brief written: [bold]{Output.Esc(written.Html)}[/]");
        console.MarkupLine(written.Pdf is { } pdf ? $"PDF: [bold]{Output.Esc(pdf)}[/]" : $"[yellow]{Output.Esc(written.PdfNote)}[/]");
        foreach (var note in written.ChartsUnavailable.Distinct())
        {
            console.MarkupLine($"[yellow]{Output.Esc(note)}[/]");
        }

        console.MarkupLine(Output.Esc(written.Verdict));
        return 0;
    }
}
