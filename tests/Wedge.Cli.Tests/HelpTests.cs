using System.Text.RegularExpressions;
using Spectre.Console.Testing;

namespace Wedge.Cli.Tests;

/// <summary>
/// `--help` for every command and subcommand, found by walking the help pages themselves (no list kept by hand): each
/// renders and exits 0. Option descriptions are Spectre markup, so a stray bracket in one ("(start, time]") once made
/// `durability cox --help` fail with a markup error instead of showing the options.
/// </summary>
public sealed partial class HelpTests
{
    [Fact]
    public void EveryCommandsHelp_Renders()
    {
        var pending = new Queue<string[]>([[]]);
        var seen = 0;
        while (pending.TryDequeue(out var path))
        {
            var (code, output, errors) = Help(path);
            Assert.True(code == 0 && errors.Length == 0, $"wedge {string.Join(' ', path)} --help: exit {code}: {errors}{output}");
            Assert.Contains("USAGE:", output, StringComparison.Ordinal);
            seen++;
            foreach (var sub in Subcommands(output))
            {
                pending.Enqueue([.. path, sub]);
            }
        }

        Assert.True(seen > 30, $"only {seen} help pages found"); // the walk reached the subcommands
    }

    private static (int Code, string Out, string Err) Help(string[] path)
    {
        var output = new TestConsole().Width(200);
        var errors = new TestConsole().Width(200);
        var code = WedgeApp.Create(output, errors: errors).Run([.. path, "--help"]);
        return (code, output.Output, errors.Output);
    }

    /// <summary>The names listed under COMMANDS: on a help page.</summary>
    private static IEnumerable<string> Subcommands(string help)
    {
        var at = help.IndexOf("COMMANDS:", StringComparison.Ordinal);
        return at < 0
            ? []
            : help[at..].Split('\n').Skip(1).Select(l => CommandLine().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).Distinct();
    }

    [GeneratedRegex(@"^ {4}([a-z][a-z0-9-]*)\b")]
    private static partial Regex CommandLine();
}
