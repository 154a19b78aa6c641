using Spectre.Console;
using Wedge.Application.Problems;
using Wedge.Cli.Infrastructure;
using Wedge.Data.Scenarios;

namespace Wedge.Cli.Commands.Negotiate;

/// <summary>`wedge negotiate import-ktab FILE.csv`: converts a KTAB CSV scenario to Wedge's YAML format.</summary>
internal static class ImportKtab
{
    public static int Execute(IAnsiConsole console, NegotiateSettings settings)
    {
        if (!File.Exists(settings.File))
        {
            throw new ProblemException(ProblemKind.Refused, "refused", $"no such file: {settings.File}");
        }

        Analysis.Negotiation.Scenario scenario;
        try
        {
            scenario = KtabCsv.ReadFile(settings.File!);
        }
        catch (ScenarioFormatException e)
        {
            throw new ProblemException(ProblemKind.Refused, "refused", e.Message);
        }
        catch (ArgumentException e)
        {
            throw new ProblemException(ProblemKind.Refused, "refused", $"{settings.File}: {e.Message}");
        }

        var output = settings.Out ?? Path.ChangeExtension(settings.File!, ".yaml");
        if (File.Exists(output) && !settings.Force)
        {
            throw new ProblemException(ProblemKind.Refused, "refused", $"{output} exists; use --force to overwrite it or --out to choose another path");
        }

        var yaml = ScenarioYaml.Write(scenario, $"Converted from KTAB CSV {Path.GetFileName(settings.File)} by `wedge negotiate import-ktab`.");
        Output.WriteAtomically(output, w => w.Write(yaml));

        console.MarkupLine($"Wrote {Markup.Escape(Path.GetFullPath(output))} ({scenario.Actors.Count} actors, {scenario.Dimensions.Count} dimensions).");
        return 0;
    }
}
