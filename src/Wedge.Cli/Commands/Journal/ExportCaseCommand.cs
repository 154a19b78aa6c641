using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application;
using Wedge.Application.Store;
using Wedge.Cli.Infrastructure;
using Wedge.Data.Cases;

namespace Wedge.Cli.Commands.Journal;

public sealed class ExportCaseSettings : ReadSettings
{
    [CommandOption("--out <FILE>")]
    [Description("Write to FILE instead of the console.")]
    public string? Out { get; set; }

    [CommandOption("--id <ID>")]
    [Description("The case id written at the top (default: export).")]
    public string CaseId { get; set; } = "export";
}

/// <summary>`wedge export case`: the whole record (as it stood at --recorded-by) in the case format; importing it elsewhere gives the same facts.</summary>
public sealed class ExportCaseCommand(IAnsiConsole console, IRecordStore source) : Command<ExportCaseSettings>
{
    public override int Execute(CommandContext context, ExportCaseSettings settings, CancellationToken cancellationToken)
    {
        var kb = source.Knowledge(settings.RecordedByTime);
        if (settings.Out is null)
        {
            var writer = console.Profile.Out.Writer;
            CaseWriter.Write(writer, kb, settings.CaseId, "Wedge export");
            writer.Flush();
            return 0;
        }

        Output.WriteAtomically(settings.Out, file => CaseWriter.Write(file, kb, settings.CaseId, "Wedge export"));
        console.MarkupLine($"Wrote {kb.Count} facts to {Output.Esc(settings.Out)}.");
        return 0;
    }
}
