using System.Text.Json;
using Spectre.Console.Testing;

namespace Wedge.Cli.Tests.Serve;

/// <summary>`wedge serve`: listens, says where, answers, and stops when cancelled (as on Ctrl-C).</summary>
public sealed class ServeCommandTests
{
    [Fact]
    public async Task Serve_PrintsItsAddress_Answers_AndStopsOnCancel()
    {
        using var cli = new CliRunner();
        Assert.Equal(0, cli.Run("init").Code);
        var output = new TestConsole().Width(400);
        output.Profile.Capabilities.Ansi = false;
        using var stop = new CancellationTokenSource();
        var run = WedgeApp.Create(output).RunAsync(["serve", "--bind", "127.0.0.1", "--port", "0", "--json", "--db", cli.Db], stop.Token);

        string? url = null;
        for (var i = 0; i < 300 && url is null && !run.IsCompleted; i++)
        {
            await Task.Delay(100);
            var line = output.Output.Split('\n').FirstOrDefault(l => l.Contains("\"url\"", StringComparison.Ordinal));
            if (line is not null)
            {
                url = JsonDocument.Parse(output.Output).RootElement.GetProperty("url").GetString();
            }
        }

        Assert.True(url is not null, "no address printed: " + output.Output);
        Assert.StartsWith("http://127.0.0.1:", url, StringComparison.Ordinal);
        using (var http = new HttpClient { BaseAddress = new Uri(url) })
        {
            using var health = await http.GetAsync("/health");
            Assert.Equal(200, (int)health.StatusCode);
            using var dyad = await http.GetAsync("/api/dyads/AQ/Taliban?at=2001");
            Assert.Equal(200, (int)dyad.StatusCode);
            using var script = await http.GetAsync("/scalar/scalar.js");
            Assert.Equal(200, (int)script.StatusCode);
        }

        stop.Cancel();
        var code = await run.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, code);
    }

    [Theory]
    [InlineData("--port", "70000", "is not a port")]
    [InlineData("--bind", "example.org", "is not an IP address")]
    public void Serve_BadOption_IsAUsageError(string option, string value, string expected)
    {
        using var cli = new CliRunner();
        var (code, output) = cli.Run("serve", option, value);
        Assert.Equal(2, code);
        Assert.Contains(expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public void Serve_DatabaseInAMissingDirectory_IsRefusedBeforeListening()
    {
        using var cli = new CliRunner();
        var output = new TestConsole().Width(400);
        var code = WedgeApp.Create(output).Run(["serve", "--db", Path.Combine(cli.Dir, "no-such-dir", "x.db")]);
        Assert.Equal(1, code);
        Assert.Contains("does not exist", output.Output, StringComparison.Ordinal);
    }
}
