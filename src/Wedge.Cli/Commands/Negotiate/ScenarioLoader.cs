using Wedge.Analysis.Negotiation;
using Wedge.Application.Problems;
using Wedge.Cli.Infrastructure;
using Wedge.Data.Scenarios;

namespace Wedge.Cli.Commands.Negotiate;

/// <summary>Finds a scenario by path (YAML, or KTAB CSV for .csv) or built-in name; failures become <see cref="ProblemException"/>s.</summary>
internal static class ScenarioLoader
{
    public static Scenario Load(string nameOrPath)
    {
        try
        {
            if (File.Exists(nameOrPath))
            {
                return nameOrPath.EndsWith(".csv", StringComparison.OrdinalIgnoreCase) ? KtabCsv.ReadFile(nameOrPath) : ScenarioYaml.ReadFile(nameOrPath);
            }

            return BuiltInScenarios.Find(nameOrPath)
                ?? throw new ProblemException(ProblemKind.Refused, "refused", $"no scenario file '{nameOrPath}', and no built-in scenario of that name (built-in: {string.Join(", ", BuiltInScenarios.Names)})");
        }
        catch (ScenarioFormatException e)
        {
            throw new ProblemException(ProblemKind.Refused, "refused", e.Message);
        }
        catch (ArgumentException e)
        {
            // Cross-field rules the readers leave to the model's constructor.
            throw new ProblemException(ProblemKind.Refused, "refused", $"{nameOrPath}: {e.Message}");
        }
    }
}
