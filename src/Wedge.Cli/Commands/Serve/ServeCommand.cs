using System.ComponentModel;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Hosting;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application.Store;
using Wedge.Cli.Infrastructure;
using Wedge.Web;

namespace Wedge.Cli.Commands.Serve;

public sealed class ServeSettings : StoreSettings
{
    [CommandOption("--port <PORT>")]
    [Description("Port to listen on (default 5173; 0 picks a free one, with an IP address for --bind).")]
    [DefaultValue(5173)]
    public int Port { get; set; } = 5173;

    [CommandOption("--bind <ADDR>")]
    [Description("Address to listen on (default localhost: this machine only). Another address lets others reach the server: add accounts first (wedge users add).")]
    [DefaultValue("localhost")]
    public string Bind { get; set; } = "localhost";

    public override ValidationResult Validate()
    {
        if (Port is < 0 or > 65535)
        {
            return ValidationResult.Error($"--port: {Port} is not a port (0 to 65535)");
        }

        if (Bind != "localhost" && !IPAddress.TryParse(Bind, out _))
        {
            return ValidationResult.Error($"--bind: '{Bind}' is not an IP address (or localhost), e.g. 127.0.0.1 or 0.0.0.0");
        }

        return Port == 0 && Bind == "localhost"
            ? ValidationResult.Error("--port 0 needs an IP address for --bind (e.g. --bind 127.0.0.1)")
            : ValidationResult.Success();
    }

    /// <summary>The URL Kestrel listens on.</summary>
    public string Url => Bind == "localhost"
        ? $"http://localhost:{Port.ToString(CultureInfo.InvariantCulture)}"
        : new UriBuilder("http", IPAddress.Parse(Bind).ToString(), Port).Uri.ToString().TrimEnd('/');

    /// <summary>True unless the server may be reached from other machines.</summary>
    public bool LocalOnly => Bind == "localhost" || IPAddress.IsLoopback(IPAddress.Parse(Bind));
}

/// <summary>
/// `wedge serve`: the JSON API (docs/api.md) on this database, until Ctrl-C. Opens the database first, so a database that
/// cannot be used is refused before anything listens.
/// </summary>
public sealed class ServeCommand(IAnsiConsole console, JournalRecordStore journal, Application.Accounts.AccountService accounts) : AsyncCommand<ServeSettings>
{
    public override async Task<int> ExecuteAsync(CommandContext context, ServeSettings settings, CancellationToken cancellationToken)
    {
        var version = journal.Use(store => store.GetVersionAsync(cancellationToken).GetAwaiter().GetResult());
        var signIn = accounts.AccountsExist();
        var database = journal.IsServer ? journal.Path : Path.GetFullPath(journal.Path);
        // Kestrel and the host log only what goes wrong; requests are not logged.
        await using var app = WedgeWeb.Build(["--urls", settings.Url, "--Logging:LogLevel:Default=Warning"], o => o.Database = database);
        await app.StartAsync(cancellationToken);
        var address = app.Urls.First();
        if (settings.Json)
        {
            Output.Json(console, new { url = address, database = journal.IsServer ? journal.DisplayName : database, journalVersion = version, accounts = signIn, reference = address + "/reference" });
        }
        else
        {
            // Written unwrapped: the address must stay one piece to copy, whatever the terminal's width.
            var writer = console.Profile.Out.Writer;
            writer.WriteLine($"Serving {(journal.IsServer ? journal.DisplayName : database)} (journal version {version}) at {address}");
            writer.WriteLine($"API reference: {address}/reference; OpenAPI: {address}/openapi/v1.json. Ctrl-C stops.");
            writer.WriteLine(signIn
                ? "Accounts are on: everyone signs in (the pages at /login; scripts with an API token); each sees only what their clearance allows."
                : "No accounts: everyone who can reach the server may read and change the record (wedge users add NAME --role admin turns sign-in on).");
            writer.Flush();
            if (!settings.LocalOnly && !signIn)
            {
                console.MarkupLine("[yellow]warning:[/] listening beyond this machine, and the server has no accounts: anyone who can reach it can read and change the record.");
            }
        }

        // Ctrl-C (or the caller's cancellation) stops the server: requests under way finish, new ones are refused.
        await app.WaitForShutdownAsync(cancellationToken);
        if (!settings.Json)
        {
            console.MarkupLine("Stopped.");
        }

        return 0;
    }
}
