using System.Text.Json;
using Spectre.Console.Testing;
using Wedge.Cli.Infrastructure;

namespace Wedge.Cli.Tests.Rendering;

/// <summary>
/// Text from the record is data: an actor name and a claim carrying terminal escape sequences, BEL, a C1 control,
/// bidi overrides and Spectre markup reach every table and text renderer (actors, actor, ties, timeline, dyad,
/// assess) and come out visible and inert: no raw control character, markup shown literally. The same text goes
/// into CSV with its formula neutralised.
/// </summary>
public sealed class HostileTextTests : IDisposable
{
    // YAML double-quoted escapes: \e is ESC, \a BEL, \x9B the 8-bit CSI, \u202E right-to-left override.
    private const string HostileCase = """
        case: hostile
        title: "Hostile text \e[2J"
        sources:
          - id: s-hostile
            title: "A source \e[31mred\e[0m [bold]x[/]"
            date: 2010-01-01
        claims:
          - id: c-hostile
            source: s-hostile
            locator: "p. 1 \a"
            text: "Claim \e]0;owned\a text \e[31mred\e[0m \x9B2J [red]markup[/] \u202Egnp.exe\u202C and \u2066iso\u2069 \r overwritten"
            grade: B2
            grade-reason: "a test of hostile text"
        actors:
          - id: evil-group
            name: "Evil\e[5m [link=http://x]Group[/] \u202Eevil\u202C \a"
            kind: armed-group
            aliases: ["=HYPERLINK(\"http://x\")", "+1+2"]
            active: {from: 2005}
            claims: [c-hostile]
        ties:
          - id: t-evil-taliban
            kind: alliance
            from: evil-group
            to: taliban
            period: {from: 2008}
            claims: [c-hostile]
        events:
          - id: e-hostile
            date: 2009-05
            kind: attack
            title: "Event \e[1mbold\e[0m"
            actors: [evil-group, taliban]
            claims: [c-hostile]
        """;

    private const string ShownName = @"Evil\x1B[5m [link=http://x]Group[/] \u202Eevil\u202C \x07";

    private readonly CliRunner cli = new();

    public HostileTextTests()
    {
        File.WriteAllText(cli.File("hostile.yaml"), HostileCase);
        var (code, output) = cli.Run("import", "case", cli.File("hostile.yaml"));
        Assert.True(code == 0, output);
    }

    public void Dispose() => cli.Dispose();

    private const string ShownClaim = @"Claim \x1B]0;owned\x07 text \x1B[31mred\x1B[0m \x9B2J [red]markup[/] \u202Egnp.exe\u202C and \u2066iso\u2069 \x0D overwritten";

    [Theory]
    [InlineData("", "actors")]
    [InlineData(ShownClaim, "actor", "evil-group")]
    [InlineData("", "ties")]
    [InlineData(@"Event \x1B[1mbold\x1B[0m", "timeline", "evil-group")]
    [InlineData(ShownClaim, "dyad", "evil-group", "Taliban")]
    [InlineData(ShownClaim, "assess", "evil-group", "Taliban")]
    public void EveryRenderer_ShowsHostileTextVisiblyAndInert(string alsoShown, params string[] args)
    {
        foreach (var ansi in new[] { false, true })
        {
            // With ANSI on, Spectre writes its own styling sequences; the record's must still come out escaped.
            var output = new TestConsole().Width(400);
            output.Profile.Capabilities.Ansi = ansi;
            var errors = new TestConsole().Width(400);
            var code = WedgeApp.Create(output, errors: errors).Run([.. args, "--db", cli.Db]);
            Assert.True(code == 0, output.Output + errors.Output);
            var text = output.Output;

            Assert.Contains(ShownName, text, StringComparison.Ordinal); // visible, markup literal
            Assert.DoesNotContain("\u202E", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\u2066", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\a", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\r", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\u009b", text, StringComparison.Ordinal);
            Assert.DoesNotContain("\u001b]", text, StringComparison.Ordinal); // no OSC (window title) sequence at all
            Assert.DoesNotContain("\u001b[5m", text, StringComparison.Ordinal); // the record's blink never reaches the terminal
            if (!ansi)
            {
                Assert.DoesNotContain(text, c => c < ' ' && c != '\n'); // not one raw control character
            }

            Assert.Contains(alsoShown, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ErrorMessages_NameTheHostileInputVisibly()
    {
        var (code, stdout, stderr) = cli.RunApart("actor", "Evil\u001b[5m\u202E");
        Assert.Equal(1, code);
        Assert.Equal("", stdout);
        Assert.StartsWith(@"error: no actor named 'Evil\x1B[5m\u202E'", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain(stderr, c => c < ' ' && c != '\n');
    }

    [Fact]
    public void Csv_HostileAliasNeutralised_ControlCharactersEscaped()
    {
        var (code, stdout, stderr) = cli.RunApart("actors", "--format", "csv");
        Assert.Equal(0, code);
        var row = stdout.Split('\n').Single(l => l.StartsWith("evil-group,", StringComparison.Ordinal));
        Assert.Equal(@"evil-group,Evil\x1B[5m [link=http://x]Group[/] \u202Eevil\u202C \x07,armed-group,,""'=HYPERLINK(""""http://x""""), +1+2"",2005 – ongoing", row);
        var actors = cli.Json("actors").GetArrayLength();
        Assert.StartsWith($"{actors} actors", stderr, StringComparison.Ordinal); // the heading goes to stderr: stdout is only the table
    }

    [Fact]
    public void Json_KeepsTheTextExactly()
    {
        // JSON is data for programs: the name comes back as recorded (its serialiser escapes control characters).
        var actor = cli.Json("actor", "evil-group");
        Assert.Equal("Evil\u001b[5m [link=http://x]Group[/] \u202Eevil\u202C \a", actor.GetProperty("name").GetString());
    }
}
