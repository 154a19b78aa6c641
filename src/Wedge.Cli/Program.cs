using Spectre.Console;
using Wedge.Cli;
using Wedge.Cli.Infrastructure;

// `wedge --version` answers before anything else is built: the command model (every verb's settings, read by reflection),
// the consoles' capability checks and the services cost more than the answer. Same text as Spectre's own --version.
if (args is ["--version"] or ["-v"])
{
    Console.Out.WriteLine(WedgeVersion.Informational);
    return 0;
}

// Results on standard output, errors on standard error: a script piping --json never reads an error as data.
// Each stream is as wide as $COLUMNS or its terminal, and unlimited when it goes into a pipe or file.
var output = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
output.Profile.Width = TerminalWidth.For(Environment.GetEnvironmentVariable("COLUMNS"), Console.IsOutputRedirected, () => Console.WindowWidth);
var errors = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
errors.Profile.Width = TerminalWidth.For(Environment.GetEnvironmentVariable("COLUMNS"), Console.IsErrorRedirected, () => Console.WindowWidth);
return WedgeApp.Create(output, errors: errors).Run(args);
