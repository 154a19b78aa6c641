namespace Wedge.Data.Scenarios;

/// <summary>
/// A scenario file that cannot be read: where (file, 1-based line, 1-based column or null when the whole line is at
/// fault) and why. The message reads "file:line:column: reason".
/// </summary>
public sealed class ScenarioFormatException(string file, int line, int? column, string reason)
    : Exception(Core.Text.MessageText.Cap(column is { } c ? $"{file}:{line}:{c}: {reason}" : $"{file}:{line}: {reason}"))
{
    public string File { get; } = file;

    public int Line { get; } = line;

    public int? Column { get; } = column;

    public string Reason { get; } = Core.Text.MessageText.Cap(reason);

    /// <summary>Reads a scenario file's text, turning I/O failures into a format error that names the file.</summary>
    public static string ReadText(string path)
    {
        try
        {
            return System.IO.File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ScenarioFormatException(path, 0, null, $"cannot read the file: {e.Message}");
        }
    }
}
