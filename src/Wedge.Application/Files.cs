using Wedge.Application.Problems;
using Wedge.Data.Files;

namespace Wedge.Application;

/// <summary>File writes every host shares, through <see cref="AtomicFile"/>, with failures as problems.</summary>
public static class Files
{
    /// <summary>
    /// Writes a text file beside its target, then moves it into place: a failure leaves no half-written
    /// file (and any earlier file intact), and is reported as a problem naming the path.
    /// </summary>
    public static void WriteAtomically(string path, Action<TextWriter> write)
    {
        try
        {
            AtomicFile.WriteText(path, write);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new Problem(ProblemKind.Refused, "cannot-write", $"{path}: cannot write: {ex.Message}", path).Exception();
        }
    }
}
