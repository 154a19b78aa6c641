using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;

namespace Wedge.Cli.Infrastructure;

/// <summary>
/// A configurator that passes on only the verb (command or branch) a run names, and drops the others.
/// </summary>
/// <remarks>
/// Spectre.Console.Cli builds its command model, reading every registered command's settings by reflection, before it
/// parses a single argument: with every verb registered that was about a fifth of `wedge actors`' start-up. A run that
/// names a verb needs only that verb's model (with the whole of its branch), so <see cref="WedgeApp"/> registers the
/// verbs through this first and falls back to all of them when nothing matched (no verb, an option first, a misspelt
/// verb that Spectre's own message and "did you mean" should explain against the whole list).
/// </remarks>
internal sealed class OneVerb(IConfigurator inner, string verb) : IConfigurator
{
    /// <summary>Whether a verb of that name was registered.</summary>
    public bool Matched { get; private set; }

    public ICommandAppSettings Settings => inner.Settings;

    public IConfigurator SetHelpProvider(IHelpProvider helpProvider)
    {
        inner.SetHelpProvider(helpProvider);
        return this;
    }

    public IConfigurator SetHelpProvider<T>()
        where T : IHelpProvider
    {
        inner.SetHelpProvider<T>();
        return this;
    }

    public IConfigurator AddExample(params string[] args)
    {
        inner.AddExample(args);
        return this;
    }

    public ICommandConfigurator AddCommand<TCommand>(string name)
        where TCommand : class, ICommand
        => Wanted(name) ? inner.AddCommand<TCommand>(name) : Dropped.Instance;

    public ICommandConfigurator AddDelegate<TSettings>(string name, Func<CommandContext, TSettings, CancellationToken, int> func)
        where TSettings : CommandSettings
        => Wanted(name) ? inner.AddDelegate(name, func) : Dropped.Instance;

    public ICommandConfigurator AddAsyncDelegate<TSettings>(string name, Func<CommandContext, TSettings, CancellationToken, Task<int>> func)
        where TSettings : CommandSettings
        => Wanted(name) ? inner.AddAsyncDelegate(name, func) : Dropped.Instance;

    public IBranchConfigurator AddBranch<TSettings>(string name, Action<IConfigurator<TSettings>> action)
        where TSettings : CommandSettings
        => Wanted(name) ? inner.AddBranch(name, action) : Dropped.Instance;

    private bool Wanted(string name)
    {
        var wanted = string.Equals(name, verb, StringComparison.Ordinal);
        Matched |= wanted;
        return wanted;
    }

    /// <summary>What a dropped verb's description, examples and aliases are written to: nowhere.</summary>
    internal sealed class Dropped : ICommandConfigurator, IBranchConfigurator
    {
        public static readonly Dropped Instance = new();

        public ICommandConfigurator WithExample(params string[] args) => this;

        public ICommandConfigurator WithAlias(string name) => this;

        public ICommandConfigurator WithDescription(string description) => this;

        public ICommandConfigurator WithData(object data) => this;

        public ICommandConfigurator IsHidden() => this;

        IBranchConfigurator IBranchConfigurator.WithAlias(string name) => this;
    }
}
