using System.Text;

namespace Wedge.Data.Files;

/// <summary>
/// The one way Wedge writes a file: into a temporary file with a unique name beside the target, then
/// moved into place in one step. A failure, a full disk or a kill never leaves a half-written target
/// (an earlier file stays intact), two writers never share a temporary file, and the temporary file is
/// removed in every case.
/// </summary>
public static class AtomicFile
{
    /// <summary>
    /// Lets <paramref name="writeTemporary"/> write the file at the temporary path it is given (by any
    /// means: a stream, a database engine, another program), then moves it to <paramref name="path"/>.
    /// </summary>
    /// <param name="overwrite">False: an existing target is left alone and the call returns false.</param>
    /// <returns>True when the written file is now at <paramref name="path"/>.</returns>
    /// <exception cref="IOException">Writing or moving failed; the target is as it was.</exception>
    /// <exception cref="UnauthorizedAccessException">The directory cannot be written; the target is as it was.</exception>
    public static bool Write(string path, Action<string> writeTemporary, bool overwrite = true)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(writeTemporary);
        var target = Path.GetFullPath(path);
        var temporary = TemporaryPathFor(target);
        try
        {
            writeTemporary(temporary);
            if (!overwrite && File.Exists(target))
            {
                return false;
            }

            try
            {
                File.Move(temporary, target, overwrite);
            }
            catch (IOException) when (!overwrite && File.Exists(target))
            {
                // Another writer put the file in place between the check and the move.
                return false;
            }

            return true;
        }
        finally
        {
            DeleteQuietly(temporary);
        }
    }

    /// <summary>Writes bytes through <paramref name="write"/> and moves the file into place.</summary>
    public static void Write(string path, Action<Stream> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Write(path, temporary =>
        {
            using var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            write(stream);
        });
    }

    /// <summary>Writes text (UTF-8, no byte-order mark) through <paramref name="write"/> and moves the file into place.</summary>
    public static void WriteText(string path, Action<TextWriter> write)
    {
        ArgumentNullException.ThrowIfNull(write);
        Write(path, (Stream stream) =>
        {
            using var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            write(writer);
        });
    }

    /// <summary>A name beside the target that no other writer will pick: the target's name, a random part, and <c>.tmp</c>.</summary>
    internal static string TemporaryPathFor(string target) => $"{target}.{Guid.NewGuid():N}.tmp";

    private static void DeleteQuietly(string temporary)
    {
        try
        {
            File.Delete(temporary);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The write's own outcome matters more than a leftover temporary file; File.Delete ignores a missing one.
        }
    }
}
