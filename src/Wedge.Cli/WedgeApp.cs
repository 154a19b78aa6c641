using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application;
using Wedge.Application.Notices;
using Wedge.Application.Problems;
using Wedge.Application.Store;
using Wedge.Cli.Commands.Assess;
using Wedge.Cli.Commands.Durability;
using Wedge.Cli.Commands.Journal;
using Wedge.Cli.Commands.Mmp;
using Wedge.Cli.Commands.Network;
using Wedge.Cli.Commands.Record;
using Wedge.Cli.Infrastructure;

namespace Wedge.Cli;

/// <summary>Builds the `wedge` command: every verb, its services, and how failures are shown.</summary>
public static class WedgeApp
{
    /// <param name="console">Where results go: tables, JSON, files written to standard output (a TestConsole in tests).</param>
    /// <param name="services">Extra or replacement services, e.g. a fake <see cref="IRecordStore"/> in tests (registered after Wedge's own, so they win).</param>
    /// <param name="errors">Where errors go (standard error); by default the same console as results, as tests that read one transcript expect.</param>
    public static WedgeCommandApp Create(IAnsiConsole console, Action<IServiceCollection>? services = null, IAnsiConsole? errors = null)
    {
        var collection = new ServiceCollection();
        // Each command answers once and exits: a large checkpoint is read only as far as the command needs.
        var options = new WorkspaceOptions { ReadCheckpointOnDemand = true };
        collection.AddWedge(options);
        var reporter = new ErrorReporter(errors ?? console);
        var output = new FormattedConsole(console, errors ?? console);
        collection.AddSingleton<IAnsiConsole>(output);
        collection.AddSingleton<INoticeSink>(reporter);
        services?.Invoke(collection);
        return new WedgeCommandApp(
            () => new CommandApp(new TypeRegistrar(collection)),
            config =>
            {
                config.SetApplicationName("wedge");
                config.SetApplicationVersion(WedgeVersion.Informational);
                config.Settings.Console = output;
                config.SetInterceptor(new BeforeCommand(options, reporter, output));
                config.SetExceptionHandler((ex, _) => reporter.Report(ex));
            },
            reporter);
    }

    /// <summary>Once Spectre has parsed and validated the options: refuses unknown options, sets the table format, hands --db to the application layer, and marks the command as running.</summary>
    private sealed class BeforeCommand(WorkspaceOptions options, ErrorReporter reporter, FormattedConsole output) : ICommandInterceptor
    {
        public void Intercept(CommandContext context, CommandSettings settings)
        {
            // An option the command does not have is an error (exit 2), never silently ignored: `actors --kindd faction`
            // must not list everyone. Spectre's lenient parsing sets such options aside as "remaining" arguments; its
            // strict mode would refuse them itself, but then `network --help --db x` runs the command instead of helping.
            if (context.Remaining.Parsed.Count > 0 || context.Remaining.Raw.Count > 0)
            {
                var names = context.Remaining.Parsed.Select(p => p.Key).Concat(context.Remaining.Raw);
                throw (CommandCatalog.Explain(reporter.Arguments)
                       ?? Problem.Usage("unknown-option", $"'wedge {context.Name}' does not take: {string.Join(", ", names)}")).Exception();
            }

            if (settings is OutputSettings written)
            {
                output.Format = written.TableFormat;
            }

            reporter.Executing = true;
            if (settings is StoreSettings store)
            {
                options.Database = store.Db;
            }
        }
    }

    /// <summary>
    /// The verbs a run of these arguments needs: only the one its first argument names (with its whole branch), or every
    /// verb when the first argument is an option, missing or names none (help, a misspelt verb).
    /// </summary>
    internal static void RegisterFor(IConfigurator config, IReadOnlyList<string> args)
    {
        if (args is [var first, ..] && !first.StartsWith('-'))
        {
            var one = new OneVerb(config, first);
            Register(one);
            if (one.Matched)
            {
                return;
            }
        }

        Register(config);
    }

    /// <summary>Every verb of `wedge` (also read by <see cref="CommandCatalog"/> for "did you mean").</summary>
    internal static void Register(IConfigurator config)
    {
        // Verbs are registered here, one line (or branch) per feature area.
        config.AddCommand<Commands.Database.InitCommand>("init").WithDescription("Create the database: with the built-in case, or --empty; refused if one exists.");
        config.AddCommand<Commands.Database.VerifyCommand>("verify").WithDescription("Check the journal's hash chain: every entry unaltered, none inserted or removed.");
        config.AddBranch("users", users =>
        {
            users.SetDescription("Accounts of a team server on this database: once any exists, `wedge serve` asks everyone to sign in.");
            users.AddCommand<Commands.Users.ListUsersCommand>("list").WithDescription("Every user with role and state.");
            users.AddCommand<Commands.Users.AddUserCommand>("add").WithDescription("Add a user with a role (reader, analyst, reviewer, admin).");
            users.AddCommand<Commands.Users.DisableUserCommand>("disable").WithDescription("Disable a user: sessions end, tokens are refused.");
            users.AddCommand<Commands.Users.EnableUserCommand>("enable").WithDescription("Enable a user again (also lifts a lock-out).");
            users.AddCommand<Commands.Users.ResetPasswordCommand>("reset").WithDescription("Set a new password; the user's sessions end.");
            users.AddCommand<Commands.Users.SetRoleCommand>("role").WithDescription("Give a user another role.");
            users.AddCommand<Commands.Users.SetClearanceCommand>("clearance").WithDescription("Set the strictest TLP marking a user may see.");
            users.AddCommand<Commands.Users.CreateTokenCommand>("token").WithDescription("Make an API token for scripts (shown once).");
            users.AddCommand<Commands.Users.RevokeTokenCommand>("revoke").WithDescription("Revoke an API token.");
            users.AddCommand<Commands.Users.AuditCommand>("audit").WithDescription("Security events: sign-ins, refusals, token use, account changes.");
        });
        config.AddCommand<Commands.Database.CopyCommand>("copy").WithDescription("Copy the journal with its history (versions, times, authors) into an empty database: a file or a PostgreSQL server.");
        config.AddCommand<ActorsCommand>("actors").WithDescription("List actors (groups, factions, states, people).");
        config.AddCommand<ActorCommand>("actor").WithDescription("Profile of one actor: aliases, factions, leaders over time, ties.");
        config.AddCommand<TiesCommand>("ties").WithDescription("List ties, optionally of one kind or one actor.");
        config.AddCommand<TimelineCommand>("timeline").WithDescription("Events, ties and roles of one actor (or a pair) in date order.");
        config.AddCommand<DyadCommand>("dyad").WithDescription("Everything between two actors: ties with claims and grades, ledger both ways, contests.");
        config.AddBranch("import", import =>
        {
            import.SetDescription("Import data (all of it or nothing).");
            import.AddCommand<ImportCaseCommand>("case").WithDescription("Import a case file (YAML).");
            import.AddCommand<ImportMmpCommand>("mmp").WithDescription("Import the Mapping Militants Project CSVs (group key and relationships).");
            import.AddCommand<Commands.Negotiate.ImportKtabCommand>("ktab").WithDescription("Convert a KTAB scenario CSV to Wedge's scenario YAML (as `negotiate import-ktab`).");
            import.AddCommand<Commands.Exchange.ImportStixCommand>("stix").WithDescription("Import a STIX 2.1 bundle: actors, ties, reports as sources (all or nothing).");
            import.AddCommand<Commands.Events.ImportGtdCommand>("gtd").WithDescription("Import joint attacks from a Global Terrorism Database file as graded evidence (docs/import-events.md).");
            import.AddCommand<Commands.Events.ImportUcdpCommand>("ucdp").WithDescription("Import non-state conflict from a UCDP GED file as graded evidence of hostility (docs/import-events.md).");
            import.AddCommand<Commands.Events.ImportAcledCommand>("acled").WithDescription("Import an ACLED export: actors on one side as cooperation, battles between non-state groups as hostility (docs/import-events.md).");
            import.AddCommand<Commands.Events.ImportDyadYearsCommand>("dyad-years").WithDescription("Import a dyad-year dataset (MGAR and the like) through a mapping file as ties, claims and ledger entries (docs/import-dyad-years.md).");
        });
        config.AddBranch("export", export =>
        {
            export.SetDescription("Export the record for other tools.");
            export.AddCommand<ExportCaseCommand>("case").WithDescription("Write the whole record as a case file.");
            export.AddCommand<ExportGraphMlCommand>("graphml").WithDescription("Write actors and ties as GraphML (kinds, signs, dates, sources).");
            export.AddCommand<ExportGexfCommand>("gexf").WithDescription("Write spells as a dynamic GEXF 1.3 graph for Gephi's timeline.");
            export.AddCommand<Commands.Events.ExportPanelCommand>("panel").WithDescription("Write the dyad-year panel (weighed relation, ties, joint attacks, claims) as CSV with a codebook, for R or Stata.");
            export.AddCommand<Commands.Exchange.ExportStixCommand>("stix").WithDescription("Write the record as a STIX 2.1 bundle (OpenCTI, MISP).");
        });
        config.AddCommand<SpellsCommand>("spells").WithDescription("Intervals in which relations held, by the documented spell rule.");
        config.AddBranch("network", network =>
        {
            network.SetDescription("The web of groups as a signed graph: summary, metrics, balance, wedges, communities.");
            network.SetDefaultCommand<NetworkSummaryCommand>();
            network.AddCommand<NetworkMetricsCommand>("metrics").WithDescription("Centralities, clustering, cores, alliance hubs; or measures over time (--from/--to/--every, --chart).");
            network.AddCommand<NetworkBalanceCommand>("balance").WithDescription("Structural balance: frustration index, camps, frustrated ties, signed triads.");
            network.AddCommand<NetworkWedgesCommand>("wedges").WithDescription("The k actors or ties whose removal most splits an actor's friendly bloc.");
            network.AddCommand<NetworkCommunitiesCommand>("communities").WithDescription("Louvain or Leiden communities with modularity (fixed seed).");
        });
        config.AddCommand<HistoryCommand>("history").WithDescription("The journal: every change, when, by whom and why.");
        config.AddBranch("add", add =>
        {
            add.SetDescription("Add one fact, checked exactly as a case file's entry (docs/case-format.md).");
            add.AddCommand<AddCommand<AddSourceSettings>>("source").WithDescription("Add a source: a document claims come from.");
            add.AddCommand<AddCommand<AddClaimSettings>>("claim").WithDescription("Add a graded claim; with --about FACT, attached to the fact it backs.");
            add.AddCommand<AddCommand<AddActorSettings>>("actor").WithDescription("Add an actor: a group, faction, state, person or other.");
            add.AddCommand<AddCommand<AddTieSettings>>("tie").WithDescription("Add a tie between two actors.");
            add.AddCommand<AddCommand<AddEventSettings>>("event").WithDescription("Add a dated event.");
        });
        config.AddCommand<DisputeCommand>("dispute").WithDescription("Dispute a fact: add a claim that says it is wrong, attached to it.");
        config.AddCommand<RetractCommand>("retract").WithDescription("Retract a fact (it stays in the journal's history).");
        config.AddCommand<CorrectCommand>("correct").WithDescription("Correct fields of a fact.");
        config.AddCommand<AssessCommand>("assess").WithDescription("Assess an alliance: each side's ledger over time, dependence, bonds, verdict, uncertainty.");
        config.AddBranch("durability", d =>
        {
            d.SetDescription("Survival analysis of a CSV, matching R's survival (cox, finegray, km, logrank, zph, cif), and of the record's alliances.");
            d.AddCommand<DurabilityCoxCommand>("cox").WithDescription("Cox proportional hazards (Efron/Breslow/exact, strata, clusters, counting process).");
            d.AddCommand<DurabilityKmCommand>("km").WithDescription("Kaplan–Meier curves with log-scale bands and Nelson–Aalen hazard.");
            d.AddCommand<DurabilityLogRankCommand>("logrank").WithDescription("Log-rank test across groups, optionally stratified.");
            d.AddCommand<DurabilityZphCommand>("zph").WithDescription("Proportional-hazards test (cox.zph score test).");
            d.AddCommand<DurabilityFineGrayCommand>("finegray").WithDescription("Fine–Gray subdistribution hazards of one ending among competing ones (R's finegray + weighted coxph).");
            d.AddCommand<DurabilityCifCommand>("cif").WithDescription("Cumulative incidence of competing endings (Aalen–Johansen).");
            d.AddCommand<DurabilityBacktestCommand>("backtest").WithDescription("The record's durability model fitted without hindsight at cut years and scored on what followed (Brier, concordance).");
            d.AddCommand<DurabilityCurvesCommand>("curves").WithDescription("How long the record's alliances hold (Kaplan–Meier, by group with --by) and how they ended (cumulative incidence by ending).");
            d.AddCommand<DurabilityRecordCommand>("record").WithDescription("How long the record's alliances hold: a Cox model of the hazard of a break (leader deaths, rivals, sponsors, allies).");
        });
        config.AddBranch("hypotheses", h =>
        {
            h.SetDescription("Competing hypotheses (Heuer's ACH) scored on the graded record: PARC and Open Synthesis, sensitivity, indicators to watch.");
            h.AddCommand<Commands.Hypotheses.HypothesesListCommand>("list").WithDescription("The built-in matrices.");
            h.AddCommand<Commands.Hypotheses.HypothesesShowCommand>("show").WithDescription("The matrix: each item's weights, diagnosticity and rating against each hypothesis.");
            h.AddCommand<Commands.Hypotheses.HypothesesScoreCommand>("score").WithDescription("The hypotheses ranked by PARC's weighted inconsistency and by Open Synthesis's, and the call in words.");
            h.AddCommand<Commands.Hypotheses.HypothesesSensitivityCommand>("sensitivity").WithDescription("The items that, taken away or re-weighted, change the ranking.");
            h.AddCommand<Commands.Hypotheses.HypothesesWatchCommand>("watch").WithDescription("The indicators to watch, and the facts on record that fire them.");
        });
        config.AddCommand<BriefCommand>("brief").WithDescription("Write a sourced HTML (and PDF) brief on an alliance to a directory.");
        Commands.Negotiate.NegotiateVerbs.Register(config);
        config.AddCommand<Commands.Serve.ServeCommand>("serve").WithDescription("Serve the JSON API (OpenAPI at /openapi/v1.json) on this database, on localhost unless --bind says otherwise.");
    }
}

/// <summary>
/// The `wedge` command app. Each run builds Spectre's app for its own arguments (see <see cref="WedgeApp.RegisterFor"/>)
/// and tells the error reporter which arguments it was given; the services and consoles are shared by every run.
/// </summary>
public sealed class WedgeCommandApp : ICommandApp
{
    private readonly Func<CommandApp> newApp;
    private readonly Action<IConfigurator> settings;
    private readonly ErrorReporter reporter;
    private readonly List<Action<IConfigurator>> configurations = [];

    internal WedgeCommandApp(Func<CommandApp> newApp, Action<IConfigurator> settings, ErrorReporter reporter)
        => (this.newApp, this.settings, this.reporter) = (newApp, settings, reporter);

    /// <summary>More configuration (tests add commands), applied after Wedge's own on every run.</summary>
    public void Configure(Action<IConfigurator> configuration) => configurations.Add(configuration);

    public int Run(IEnumerable<string> args) => Run(args, CancellationToken.None);

    public int Run(IEnumerable<string> args, CancellationToken cancellationToken)
        => For(args).Run(reporter.Arguments, cancellationToken);

    public Task<int> RunAsync(IEnumerable<string> args, CancellationToken cancellationToken = default)
        => For(args).RunAsync(reporter.Arguments, cancellationToken);

    private CommandApp For(IEnumerable<string> args)
    {
        reporter.Arguments = [.. args];
        var app = newApp();
        app.Configure(config =>
        {
            settings(config);
            WedgeApp.RegisterFor(config, reporter.Arguments);
            foreach (var configuration in configurations)
            {
                configuration(config);
            }
        });
        return app;
    }
}
