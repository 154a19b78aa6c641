using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Testing;
using Wedge.Cli.Infrastructure;

namespace Wedge.Cli.Tests;

/// <summary>
/// A run that names a verb registers only that verb (Spectre reads every registered command's settings before it parses);
/// any other run registers them all, so help, a misspelt verb and "did you mean" still see the whole list.
/// </summary>
public sealed class OneVerbTests
{
    [Theory]
    [InlineData("actors", "--json")]
    [InlineData("network", "metrics")]
    [InlineData("negotiate", "import-ktab", "x.csv")]
    public void ARunNamingAVerb_RegistersThatVerbAlone(params string[] args)
    {
        var registered = new NamesOnly();
        WedgeApp.RegisterFor(registered, args);
        Assert.Equal([args[0]], registered.Names);
    }

    [Theory]
    [InlineData]
    [InlineData("--help")]
    [InlineData("actr")]
    [InlineData("Actors")] // Spectre matches verbs by exact case: a wrong case must meet the same error as before
    public void ARunNamingNoVerb_RegistersEveryVerb(params string[] args)
    {
        var all = new NamesOnly();
        WedgeApp.Register(all);
        var registered = new NamesOnly();
        WedgeApp.RegisterFor(registered, args);
        Assert.True(all.Names.Count > 20, $"only {all.Names.Count} verbs");
        Assert.Equal(all.Names, registered.Names);
    }

    [Fact]
    public void OneAppRunTwice_FindsTheSecondVerb()
    {
        using var cli = new CliRunner();
        var output = new TestConsole().Width(200);
        var app = WedgeApp.Create(output);
        Assert.Equal(0, app.Run(["actors", "--db", cli.Db]));
        Assert.Equal(0, app.Run(["ties", "--db", cli.Db]));
        Assert.Contains("al-Qaeda", output.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void AMisspeltVerb_StillGetsItsSuggestion()
    {
        using var cli = new CliRunner();
        var (code, output) = cli.Run("actrs");
        Assert.NotEqual(0, code);
        Assert.Contains("actors", output, StringComparison.Ordinal);
    }

    /// <summary>Records the top-level verbs registered, building nothing.</summary>
    private sealed class NamesOnly : IConfigurator
    {
        public List<string> Names { get; } = [];

        public ICommandAppSettings Settings => throw new NotSupportedException();

        public IConfigurator SetHelpProvider(IHelpProvider helpProvider) => this;

        public IConfigurator SetHelpProvider<T>()
            where T : IHelpProvider => this;

        public IConfigurator AddExample(params string[] args) => this;

        public ICommandConfigurator AddCommand<TCommand>(string name)
            where TCommand : class, ICommand => Add(name);

        public ICommandConfigurator AddDelegate<TSettings>(string name, Func<CommandContext, TSettings, CancellationToken, int> func)
            where TSettings : CommandSettings => Add(name);

        public ICommandConfigurator AddAsyncDelegate<TSettings>(string name, Func<CommandContext, TSettings, CancellationToken, Task<int>> func)
            where TSettings : CommandSettings => Add(name);

        public IBranchConfigurator AddBranch<TSettings>(string name, Action<IConfigurator<TSettings>> action)
            where TSettings : CommandSettings => Add(name);

        private OneVerb.Dropped Add(string name)
        {
            Names.Add(name);
            return OneVerb.Dropped.Instance;
        }
    }
}
