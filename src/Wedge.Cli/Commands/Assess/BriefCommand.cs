using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application;
using Wedge.Application.Assessment;
using Wedge.Application.Problems;
using Wedge.Application.Store;
using Wedge.Cli.Infrastructure;

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
public sealed class BriefCommand(IAnsiConsole console, AssessmentService assessments) : Command<BriefSettings>
{
    public override int Execute(CommandContext context, BriefSettings settings, CancellationToken cancellationToken)
    {
        var written = assessments.Brief(settings.Slice, settings.Request, settings.Out!, cancellationToken);
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
