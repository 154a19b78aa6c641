using System.Globalization;

namespace Wedge.Cli.Infrastructure;

/// <summary>
/// How wide output may be. $COLUMNS when set (the user's word, on a terminal or not); else the terminal's width; else,
/// for output into a pipe or file, no limit: a line per table row, nothing wrapped, no id cut in two (Spectre would
/// otherwise assume 80 columns and fold every cell to fit).
/// </summary>
public static class TerminalWidth
{
    /// <summary>The width used when nothing limits it: wide enough for any row Wedge writes.</summary>
    public const int Unlimited = 32_767;

    public static int For(string? columns, bool redirected, Func<int> terminalWidth)
    {
        if (int.TryParse(columns, NumberStyles.None, CultureInfo.InvariantCulture, out var fromEnvironment) && fromEnvironment > 0)
        {
            return fromEnvironment;
        }

        if (redirected)
        {
            return Unlimited;
        }

        try
        {
            return terminalWidth() is > 0 and var width ? width : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }
}
