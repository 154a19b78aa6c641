using Spectre.Console;
using Wedge.Cli;

return WedgeApp.Create(AnsiConsole.Console).Run(args);
