using Wedge.Cli.Infrastructure;

namespace Wedge.Cli.Tests.Rendering;

public sealed class TerminalTextTests
{
    [Theory]
    [InlineData("plain text, Ḥaqqānī, القاعدة", "plain text, Ḥaqqānī, القاعدة")] // letters of any script pass
    [InlineData("two\nlines", "two\nlines")] // line feeds stay: multi-line claims are shown as lines
    [InlineData("\u001b[31mred", @"\x1B[31mred")] // ESC: colours, cursor moves, window titles
    [InlineData("ring\a", @"ring\x07")] // BEL
    [InlineData("over\rwrite", @"over\x0Dwrite")] // CR would overwrite what came before
    [InlineData("tab\there", @"tab\x09here")]
    [InlineData("nul\0", @"nul\x00")]
    [InlineData("del\u007f", @"del\x7F")]
    [InlineData("csi\u009b2J", @"csi\x9B2J")] // C1: the 8-bit CSI
    [InlineData("\u202Egnp.exe", @"\u202Egnp.exe")] // right-to-left override
    [InlineData("a\u202Ab\u202Bc\u202Cd\u202De", @"a\u202Ab\u202Bc\u202Cd\u202De")]
    [InlineData("\u2066iso\u2069", @"\u2066iso\u2069")] // isolates
    [InlineData("[red]markup[/]", "[red]markup[/]")] // markup is not this function's business (Output.Esc and Cell keep it literal)
    public void Safe_EscapesControlAndBidi_KeepsText(string text, string expected)
        => Assert.Equal(expected, TerminalText.Safe(text));

    [Fact]
    public void Safe_Null_Empty()
    {
        Assert.Equal("", TerminalText.Safe(null));
        Assert.Equal("", TerminalText.Safe(""));
    }

    [Fact]
    public void Safe_AnyString_LeavesNoCharacterThatNeedsEscaping()
    {
        // Every UTF-16 code unit from U+0000 to U+FFFF, in one string: nothing that drives a terminal survives.
        var all = new string([.. Enumerable.Range(0, 0x10000).Select(i => (char)i)]);
        Assert.DoesNotContain(TerminalText.Safe(all), TerminalText.NeedsEscape);
    }
}

/// <summary>The commands reach the terminal only through Output's sanitising helpers: no command escapes or builds text on its own.</summary>
public sealed class OneSanitiserTests
{
    [Theory]
    [InlineData("Markup.Escape(")]
    [InlineData("new Text(")]
    public void Commands_DoNotBypassOutput(string bypass)
    {
        var offenders = Directory.EnumerateFiles(Repository.File("src", "Wedge.Cli", "Commands"), "*.cs", SearchOption.AllDirectories)
            .Where(f => File.ReadAllText(f).Contains(bypass, StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Repository.Root, f))
            .ToList();
        Assert.True(offenders.Count == 0, $"{bypass} in {string.Join(", ", offenders)}: use Output.Esc or Output.Cell, which escape control characters");
    }
}
