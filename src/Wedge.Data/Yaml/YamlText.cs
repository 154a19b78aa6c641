using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Wedge.Data.Yaml;

/// <summary>Loads YAML text into nodes, with every failure of the text reported as a <see cref="YamlException"/> at a position.</summary>
public static class YamlText
{
    /// <summary>
    /// As <see cref="YamlStream.Load(TextReader)"/>. YamlDotNet's scanner also throws <see cref="InvalidOperationException"/>
    /// (and, on odd input, argument and format exceptions) on text it cannot read — the two lines <c>:</c>, <c>[</c>, <c>r</c>
    /// are enough; those are caught here and reported where the scanner stood, so every reader refuses bad YAML the same
    /// located way.
    /// </summary>
    public static YamlStream Load(TextReader text)
    {
        var scanner = new Scanner(text);
        var stream = new YamlStream();
        try
        {
            stream.Load(new Parser(scanner));
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            var at = scanner.CurrentPosition;
            // The scanner's own message ("Operation is not valid due to the current state of the object") says nothing to a user.
            throw new YamlException(at, at, "unexpected text: the YAML cannot be read from here on");
        }

        return stream;
    }
}
