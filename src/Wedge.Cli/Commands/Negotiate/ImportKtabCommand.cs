using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application.Negotiation;
using Wedge.Cli.Infrastructure;

namespace Wedge.Cli.Commands.Negotiate;

public sealed class ImportKtabSettings : OutputSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("A KTAB scenario CSV file.")]
    public string File { get; set; } = "";

    [CommandOption("-o|--out <PATH>")]
    [Description("Where to write the YAML scenario (default: FILE with .yaml in place of .csv).")]
    public string? Out { get; set; }

    [CommandOption("--force")]
    [Description("Overwrite the output file if it exists.")]
    public bool Force { get; set; }
}

/// <summary>`wedge import ktab FILE.csv`: a KTAB scenario converted to Wedge's scenario YAML (also `negotiate import-ktab`).</summary>
public sealed class ImportKtabCommand(IAnsiConsole console, NegotiationService negotiations) : Command<ImportKtabSettings>
{
    public override int Execute(CommandContext context, ImportKtabSettings settings, CancellationToken cancellationToken)
    {
        var imported = negotiations.ImportKtab(settings.File, settings.Out, settings.Force);
        if (settings.Json)
        {
            Output.Json(console, imported);
            return 0;
        }

        console.MarkupLine($"Wrote {Output.Esc(imported.Path)} ({imported.Actors} actors, {imported.Dimensions} dimensions).");
        return 0;
    }
}
