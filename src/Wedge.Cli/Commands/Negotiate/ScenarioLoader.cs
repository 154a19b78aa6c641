using Wedge.Analysis.Negotiation;
using Wedge.Cli.Infrastructure;
using Wedge.Data.Scenarios;

namespace Wedge.Cli.Commands.Negotiate;

/// <summary>Finds a scenario by path (YAML, or KTAB CSV for .csv) or built-in name; failures become <see cref="UserError"/>s.</summary>
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
                ?? throw new UserError($"no scenario file '{nameOrPath}', and no built-in scenario of that name (built-in: {string.Join(", ", BuiltInScenarios.Names)})");
        }
        catch (ScenarioFormatException e)
        {
            throw new UserError(e.Message);
        }
        catch (ArgumentException e)
        {
            // Cross-field rules the readers leave to the model's constructor.
            throw new UserError($"{nameOrPath}: {e.Message}");
        }
    }
}
