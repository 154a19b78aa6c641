using System.Diagnostics;
using Wedge.Data.Files;

namespace Wedge.Application.Assessment;

/// <summary>What writing a brief produced: the files, and whether a PDF was made (or why not).</summary>
public sealed record BriefOutput(string Directory, string HtmlPath, string? PdfPath, string PdfNote);

/// <summary>A brief could not be written where asked; nothing was left behind.</summary>
public sealed class BriefWriteException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Writes a brief into a directory: the HTML, then the PDF when a headless Chromium is found, each
/// through <see cref="AtomicFile"/>, so a failure leaves the file it was writing as it was. Reports
/// renders the brief; writing it (and running a browser) is I/O and lives here.
/// </summary>
public static class BriefWriter
{
    public const string HtmlName = "brief.html";
    public const string PdfName = "brief.pdf";

    /// <summary>Where a headless Chromium is looked for, in order; $WEDGE_CHROMIUM first when set.</summary>
    public static IReadOnlyList<string> ChromiumCandidates { get; } =
        ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome", "/usr/bin/google-chrome-stable"];

    public static string? FindChromium(Func<string, string?> environment)
    {
        if (environment("WEDGE_CHROMIUM") is { Length: > 0 } explicitPath)
        {
            return explicitPath == "none" ? null : File.Exists(explicitPath) ? explicitPath : null;
        }

        return ChromiumCandidates.FirstOrDefault(File.Exists);
    }

    /// <param name="chromium">Path of a Chromium to print the PDF with, or null to skip the PDF.</param>
    public static BriefOutput Write(string directory, string html, string? chromium, TimeSpan? pdfTimeout = null)
    {
        var target = Path.GetFullPath(directory);
        if (File.Exists(target))
        {
            throw new BriefWriteException($"{directory}: is a file, not a directory");
        }

        var htmlPath = Path.Combine(target, HtmlName);
        var pdfPath = Path.Combine(target, PdfName);
        var created = !Directory.Exists(target);
        try
        {
            Directory.CreateDirectory(target);
            AtomicFile.WriteText(htmlPath, w => w.Write(html));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A folder made for this brief and left empty (a full disk, say) is taken away again: nothing is left behind.
            if (created && Directory.Exists(target) && !Directory.EnumerateFileSystemEntries(target).Any())
            {
                Directory.Delete(target);
            }

            throw new BriefWriteException($"{directory}: cannot write the brief there: {ex.Message}", ex);
        }

        var note = "no PDF: no headless Chromium found (install one, e.g. apt-get install -y chromium, or set WEDGE_CHROMIUM)";
        string? pdf = null;
        if (chromium is not null)
        {
            try
            {
                // Chromium prints into the temporary file; only a complete PDF is moved into place.
                AtomicFile.Write(pdfPath, temporary =>
                {
                    var printed = PrintPdf(chromium, htmlPath, temporary, pdfTimeout ?? TimeSpan.FromSeconds(90));
                    note = printed.Note;
                    if (printed.Pdf is null)
                    {
                        throw new PdfNotPrinted();
                    }
                });
                pdf = pdfPath;
            }
            catch (PdfNotPrinted)
            {
                // The note says why; the HTML brief stands on its own.
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                note = $"no PDF: cannot write {pdfPath}: {ex.Message}";
            }
        }

        return new BriefOutput(target, htmlPath, pdf, note);
    }

    /// <summary>Abandons the PDF's atomic write when Chromium printed nothing usable.</summary>
    private sealed class PdfNotPrinted : Exception;

    private static (string? Pdf, string Note) PrintPdf(string chromium, string html, string pdf, TimeSpan timeout)
    {
        // A fresh profile per print, outside the brief's directory, removed afterwards.
        var profile = Path.Combine(Path.GetTempPath(), $"wedge-chromium-{Guid.NewGuid():N}");
        var start = new ProcessStartInfo(chromium)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", $"--user-data-dir={profile}", $"--print-to-pdf={pdf}", new Uri(html).AbsoluteUri })
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start) ?? throw new InvalidOperationException("the process did not start");
            var stderr = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return (null, $"no PDF: {chromium} did not finish within {timeout.TotalSeconds:0} s");
            }

            return File.Exists(pdf) && new FileInfo(pdf).Length > 0
                ? (pdf, $"PDF printed with {chromium}")
                : (null, $"no PDF: {chromium} exited with code {process.ExitCode}: {FirstLine(stderr.Result)}");
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return (null, $"no PDF: could not run {chromium}: {ex.Message}");
        }
        finally
        {
            TryDelete(profile);
        }
    }

    private static string FirstLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "";

    private static void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover browser profile in the temporary directory is harmless; the brief itself is complete.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
