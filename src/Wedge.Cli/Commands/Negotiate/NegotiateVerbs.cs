using Spectre.Console.Cli;

namespace Wedge.Cli.Commands.Negotiate;

/// <summary>
/// `negotiate SCENARIO [options]` and `negotiate import-ktab FILE.csv`. One command serves both: Spectre.Console.Cli
/// cannot give a branch's default command a positional argument (`negotiate SCENARIO` is then parsed as an unknown
/// sub-command), so import-ktab is recognised as a reserved first argument instead.
/// </summary>
internal static class NegotiateVerbs
{
    public static void Register(IConfigurator config)
        => config.AddCommand<NegotiateCommand>("negotiate")
            .WithDescription("Forecast a multi-actor negotiation (KTAB-compatible spatial bargaining), its fragmentation risk and the price of a concession; `negotiate import-ktab FILE.csv` converts a KTAB scenario.")
            .WithExample("negotiate", "aq-taliban-negotiation")
            .WithExample("negotiate", "aq-taliban-negotiation", "--seek", "aq-ties <= 20", "--vary", "united-states:us-troops", "--keep", "fragmentation(taliban) < 0.3")
            .WithExample("negotiate", "import-ktab", "scenario.csv");
}
