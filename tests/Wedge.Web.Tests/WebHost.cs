using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Spectre.Console.Testing;
using Wedge.Application;
using Wedge.Cli;
using Wedge.Web.Hosting;

namespace Wedge.Web.Tests;

/// <summary>
/// The web host in-process (WebApplicationFactory) on a database of its own, created with the built-in case by the
/// command line, which the tests also run for the same queries to compare answers. (The factory finds the entry point
/// through any type of the web assembly: <see cref="WedgeWebOptions"/>.)
/// </summary>
public sealed class WebHost : IDisposable
{
    private readonly TempDir dir = new("wedge-web-tests");
    private readonly WebApplicationFactory<WedgeWebOptions> factory;

    /// <param name="database">A PostgreSQL connection string to serve instead of a file of the host's own.</param>
    public WebHost(long maxUploadBytes = WedgeWebOptions.DefaultMaxUploadBytes, bool builtInCase = true, string? database = null)
    {
        Db = database ?? dir.File("wedge.db");
        var (code, output, _) = builtInCase ? Cli("init") : Cli("init", "--empty");
        Assert.True(code == 0, output);
        factory = new WebApplicationFactory<WedgeWebOptions>().WithWebHostBuilder(b => b.ConfigureServices(services =>
        {
            services.AddSingleton(new WorkspaceOptions { Database = Db });
            services.AddSingleton(Options.Create(new WedgeWebOptions { Database = Db, MaxUploadBytes = maxUploadBytes }));
        }));
        Client = factory.CreateClient();
    }

    public string Db { get; }

    public HttpClient Client { get; }

    /// <summary>A client that does not follow redirects (to see a page send the browser to /login).</summary>
    public HttpClient ClientWithoutRedirects() => factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public IServiceProvider Services => factory.Services;

    public string File(string name) => dir.File(name);

    /// <summary>Runs `wedge ARGS --db DB`: exit code, standard output, standard error.</summary>
    public (int Code, string Out, string Err) Cli(params string[] args)
    {
        var output = new TestConsole().Width(400);
        var errors = new TestConsole().Width(400);
        output.Profile.Capabilities.Ansi = false;
        errors.Profile.Capabilities.Ansi = false;
        var code = WedgeApp.Create(output, errors: errors).Run([.. args, "--db", Db]);
        return (code, output.Output, errors.Output);
    }

    /// <summary>Runs `wedge ARGS --json` for a command that reads no database (files, scenarios); its output, checked to succeed.</summary>
    public static string CliJsonWithoutDatabase(params string[] args)
    {
        var output = new TestConsole().Width(400);
        output.Profile.Capabilities.Ansi = false;
        var code = WedgeApp.Create(output).Run([.. args, "--json"]);
        Assert.True(code == 0, output.Output);
        return output.Output.Trim();
    }

    /// <summary>The command line's `--json` answer, as text.</summary>
    public string CliJson(params string[] args)
    {
        var (code, stdout, stderr) = Cli([.. args, "--json"]);
        Assert.True(code == 0, stdout + stderr);
        return stdout.Trim();
    }

    /// <summary>GETs a path, checks the status, and returns the body as text.</summary>
    public async Task<string> GetText(string path, int status = 200)
    {
        using var response = await Client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"GET {path}: {(int)response.StatusCode} {body}");
        return body.Trim();
    }

    /// <summary>A problem answer: checks status and media type, returns the problem's code.</summary>
    public static async Task<JsonElement> Problem(HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"{(int)response.StatusCode} {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    /// <summary>GETs a path expected to fail; returns the problem.</summary>
    public async Task<JsonElement> GetProblem(string path, int status)
    {
        using var response = await Client.GetAsync(path);
        return await Problem(response, status);
    }

    /// <summary>The journal's version now, read through the API's health endpoint.</summary>
    public async Task<long> Version()
        => JsonDocument.Parse(await GetText("/health")).RootElement.GetProperty("journalVersion").GetInt64();

    /// <summary>A request with If-Match set to the version.</summary>
    public static HttpRequestMessage WithIfMatch(HttpRequestMessage request, long version)
    {
        request.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{version}\""));
        return request;
    }

    public void Dispose()
    {
        Client.Dispose();
        factory.Dispose();
        dir.Dispose();
    }
}
