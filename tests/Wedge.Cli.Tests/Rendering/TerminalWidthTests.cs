using Wedge.Cli.Infrastructure;

namespace Wedge.Cli.Tests.Rendering;

public sealed class TerminalWidthTests
{
    [Theory]
    [InlineData("120", false, 200, 120)] // COLUMNS wins on a terminal
    [InlineData("100", true, 0, 100)] // and in a pipe
    [InlineData(null, false, 150, 150)] // else the terminal's width
    [InlineData(null, true, 150, TerminalWidth.Unlimited)] // a pipe: no limit, nothing wrapped
    [InlineData("", true, 0, TerminalWidth.Unlimited)]
    [InlineData("wide", false, 90, 90)] // nonsense in COLUMNS is ignored
    [InlineData("0", false, 90, 90)]
    [InlineData("-5", true, 0, TerminalWidth.Unlimited)]
    [InlineData(null, false, 0, 80)] // a terminal that reports no width
    public void For(string? columns, bool redirected, int terminal, int expected)
        => Assert.Equal(expected, TerminalWidth.For(columns, redirected, () => terminal));
}
