using System.Globalization;
using System.Text;

namespace Wedge.Core.Text;

/// <summary>
/// Keeps messages that quote outside data to a readable size. A message quotes what it found ("unknown type code
/// '…'"), and a field can be a megabyte long: shown whole it buries the message, and wrapping one unbroken line that
/// long in a terminal took seconds per 100,000 characters. Each line longer than <see cref="MaxLine"/> keeps its start
/// (where the file, line and the quote begin) and its end (what was expected), and says how much it left out.
/// </summary>
public static class MessageText
{
    /// <summary>The longest line a message keeps whole.</summary>
    public const int MaxLine = 400;

    private const int Head = 240;
    private const int Tail = 120;

    /// <summary>The message with every overlong line shortened; the message itself when no line is too long.</summary>
    public static string Cap(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Length <= MaxLine)
        {
            return message;
        }

        var result = new StringBuilder(Math.Min(message.Length, 4 * MaxLine));
        var start = 0;
        while (start <= message.Length)
        {
            var end = message.IndexOf('\n', start);
            var line = message.AsSpan(start, (end < 0 ? message.Length : end) - start);
            if (line.Length <= MaxLine)
            {
                result.Append(line);
            }
            else
            {
                var omitted = line.Length - Head - Tail;
                result.Append(line[..Head])
                    .Append(CultureInfo.InvariantCulture, $"…[{omitted:N0} characters left out]…")
                    .Append(line[^Tail..]);
            }

            if (end < 0)
            {
                break;
            }

            result.Append('\n');
            start = end + 1;
        }

        return result.ToString();
    }
}
