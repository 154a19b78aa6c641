using Spectre.Console;
using Wedge.Cli;

// Results on standard output, errors on standard error: a script piping --json never reads an error as data.
var errors = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
return WedgeApp.Create(AnsiConsole.Console, errors: errors).Run(args);
