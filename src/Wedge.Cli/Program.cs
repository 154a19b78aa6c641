using Spectre.Console;
using Wedge.Cli;
using Wedge.Cli.Infrastructure;

// Results on standard output, errors on standard error: a script piping --json never reads an error as data.
// Each stream is as wide as $COLUMNS or its terminal, and unlimited when it goes into a pipe or file.
var output = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Out) });
output.Profile.Width = TerminalWidth.For(Environment.GetEnvironmentVariable("COLUMNS"), Console.IsOutputRedirected, () => Console.WindowWidth);
var errors = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
errors.Profile.Width = TerminalWidth.For(Environment.GetEnvironmentVariable("COLUMNS"), Console.IsErrorRedirected, () => Console.WindowWidth);
return WedgeApp.Create(output, errors: errors).Run(args);
