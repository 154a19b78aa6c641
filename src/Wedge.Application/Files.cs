using Wedge.Application.Problems;

namespace Wedge.Application;

/// <summary>File writes every host shares.</summary>
public static class Files
{
    /// <summary>
    /// Writes a file beside its target, then moves it into place: a failure leaves no half-written
    /// file (and any earlier file intact), and is reported as a problem naming the path.
    /// </summary>
    public static void WriteAtomically(string path, Action<TextWriter> write)
    {
        var full = Path.GetFullPath(path);
        var temp = $"{full}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var file = new StreamWriter(temp))
            {
                write(file);
            }

            File.Move(temp, full, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new Problem(ProblemKind.Refused, "cannot-write", $"{path}: cannot write: {ex.Message}", path).Exception();
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
