using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;
using Wedge.Application.Problems;
using Wedge.Core.Text;

namespace Wedge.Cli.Infrastructure;

/// <summary>
/// The verbs of `wedge`, as Spectre.Console.Cli holds them, and "did you mean" for a mistyped one. Spectre computes a
/// suggestion only inside its rendered error text, so the catalog reads Spectre's own command model (through a help
/// provider, its public window on the model) and makes the suggestion itself: every verb registered is in it, with
/// no list of names kept by hand.
/// </summary>
internal static class CommandCatalog
{
    private static readonly Lazy<IReadOnlyList<ICommandInfo>> Root = new(ReadModel);

    /// <summary>
    /// For an argument list that names a command that does not exist ("actros", "network metrcs") or gives a command
    /// an option it does not have ("--kindd"): the message to show, with the nearest name or, failing one, the names
    /// there are. Null when neither is the case (the error lies elsewhere).
    /// </summary>
    public static Problem? Explain(IReadOnlyList<string> arguments)
    {
        var level = Root.Value;
        var path = new List<string>();
        ICommandInfo? command = null;
        foreach (var argument in arguments.TakeWhile(a => !a.StartsWith('-')))
        {
            var visible = level.Where(c => !c.IsHidden).ToList();
            var match = visible.FirstOrDefault(c => string.Equals(c.Name, argument, StringComparison.Ordinal)); // Spectre matches case-sensitively
            if (match is null)
            {
                if (command is { IsBranch: true, DefaultCommand: { } fallback } && fallback.Parameters.OfType<ICommandArgument>().Any())
                {
                    break; // the token may be an argument of the branch's default command
                }

                var typed = string.Join(' ', [.. path, argument]);
                var names = visible.Select(c => c.Name).ToList();
                var within = path.Count == 0 ? "wedge" : $"wedge {string.Join(' ', path)}";
                return Problem.Usage("unknown-command", EditDistance.Nearest(argument.ToLowerInvariant(), names) is { } nearest
                    ? $"unknown command '{typed}'; did you mean '{string.Join(' ', [.. path, nearest])}'?"
                    : $"unknown command '{typed}'; the commands of {within} are: {string.Join(", ", names)} (see '{within} --help')");
            }

            path.Add(match.Name);
            command = match;
            if (!match.IsBranch)
            {
                break; // a command: what follows is its arguments
            }

            level = match.Commands;
        }

        return UnknownOption(command is { IsBranch: true } branch ? branch.DefaultCommand : command, path, arguments);
    }

    /// <summary>"unknown option '--kindd' for 'wedge actors'; did you mean '--kind'?" for the first long option the command lacks.</summary>
    private static Problem? UnknownOption(ICommandInfo? command, List<string> path, IReadOnlyList<string> arguments)
    {
        if (command is null)
        {
            return null;
        }

        var known = command.Parameters.OfType<ICommandOption>().Where(o => !((ICommandParameter)o).IsHidden).SelectMany(o => o.LongNames).ToList();
        foreach (var argument in arguments.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a.Length > 2))
        {
            var name = argument[2..].Split('=')[0];
            if (known.Contains(name, StringComparer.Ordinal) || name is "help")
            {
                continue;
            }

            var within = $"wedge {string.Join(' ', path)}";
            return Problem.Usage("unknown-option", EditDistance.Nearest(name.ToLowerInvariant(), known) is { } nearest
                ? $"unknown option '--{name}' for '{within}'; did you mean '--{nearest}'?"
                : $"unknown option '--{name}' for '{within}' (see '{within} --help' for its options)");
        }

        return null;
    }

    /// <summary>Asks a throwaway app with Wedge's verbs for its help, to be handed the command model instead of printing it.</summary>
    private static IReadOnlyList<ICommandInfo> ReadModel()
    {
        ICommandModel? model = null;
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.Settings.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) });
            config.SetHelpProvider(new ModelCatcher(m => model = m));
            WedgeApp.Register(config);
        });
        app.Run(["--help"]);
        return model?.Commands ?? throw new InvalidOperationException("Spectre.Console.Cli did not hand its command model to the help provider");
    }

    private sealed class ModelCatcher(Action<ICommandModel> caught) : IHelpProvider
    {
        public IEnumerable<IRenderable> Write(ICommandModel model, ICommandInfo? command)
        {
            caught(model);
            return [];
        }
    }
}
