using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Cli.Infrastructure;

namespace Wedge.Cli;

/// <summary>Builds the `wedge` command: every verb, its services, and how failures are shown.</summary>
public static class WedgeApp
{
    /// <param name="console">Where tables and messages go (a TestConsole in tests).</param>
    /// <param name="services">Extra or replacement services, e.g. a fake <see cref="IKnowledgeSource"/> in tests.</param>
    public static CommandApp Create(IAnsiConsole console, Action<ITypeRegistrar>? services = null)
    {
        var registrar = new TypeRegistrar();
        registrar.RegisterInstance(typeof(IAnsiConsole), console);
        services?.Invoke(registrar);
        var app = new CommandApp(registrar);
        app.Configure(config =>
        {
            config.SetApplicationName("wedge");
            config.Settings.Console = console;
            config.SetExceptionHandler((ex, _) =>
            {
                var inner = ex is CommandRuntimeException { InnerException: { } i } ? i : ex;
                switch (inner)
                {
                    case UserError user:
                        console.MarkupLine($"[red]error:[/] {Markup.Escape(user.Message)}");
                        return user.ExitCode;
                    case CommandAppException cli:
                        console.MarkupLine($"[red]error:[/] {Markup.Escape(cli.Message)}");
                        return 2;
                    default:
                        console.MarkupLine($"[red]unexpected error:[/] {Markup.Escape(inner.ToString())}");
                        return 70;
                }
            });
            Register(config);
        });
        return app;
    }

    private static void Register(IConfigurator config)
    {
        // Verbs are registered here, one line (or branch) per feature area.
        Commands.Negotiate.NegotiateVerbs.Register(config);
    }
}
