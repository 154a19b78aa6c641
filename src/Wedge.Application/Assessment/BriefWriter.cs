using System.Diagnostics;

namespace Wedge.Reports.Briefs;

/// <summary>What writing a brief produced: the files, and whether a PDF was made (or why not).</summary>
public sealed record BriefOutput(string Directory, string HtmlPath, string? PdfPath, string PdfNote);

/// <summary>A brief could not be written where asked; nothing was left behind.</summary>
public sealed class BriefWriteException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Writes a brief into a directory all at once: the HTML (and the PDF, when a headless Chromium is
/// found) are made in a temporary directory beside the target, then moved into place. A failure
/// leaves the target as it was.
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

        var parent = Path.GetDirectoryName(target) ?? throw new BriefWriteException($"{directory}: has no parent directory");
        var staging = Path.Combine(parent, $".{Path.GetFileName(target)}.wedge-{Guid.NewGuid():N}");
        try
        {
            Directory.CreateDirectory(staging);
            var html1 = Path.Combine(staging, HtmlName);
            File.WriteAllText(html1, html);
            var (pdf, note) = chromium is null
                ? (null, "no PDF: no headless Chromium found (install one, e.g. apt-get install -y chromium, or set WEDGE_CHROMIUM)")
                : PrintPdf(chromium, html1, Path.Combine(staging, PdfName), pdfTimeout ?? TimeSpan.FromSeconds(90));

            Directory.CreateDirectory(target);
            var moved = new List<string>();
            foreach (var file in Directory.GetFiles(staging))
            {
                var to = Path.Combine(target, Path.GetFileName(file));
                File.Move(file, to, overwrite: true);
                moved.Add(to);
            }

            return new BriefOutput(target, Path.Combine(target, HtmlName), pdf is null ? null : Path.Combine(target, PdfName), note);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new BriefWriteException($"{directory}: cannot write the brief there: {ex.Message}", ex);
        }
        finally
        {
            TryDelete(staging);
        }
    }

    private static (string? Pdf, string Note) PrintPdf(string chromium, string html, string pdf, TimeSpan timeout)
    {
        var profile = Path.Combine(Path.GetDirectoryName(pdf)!, ".chromium-profile");
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

            TryDelete(profile);
            return File.Exists(pdf) && new FileInfo(pdf).Length > 0
                ? (pdf, $"PDF printed with {chromium}")
                : (null, $"no PDF: {chromium} exited with code {process.ExitCode}: {FirstLine(stderr.Result)}");
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return (null, $"no PDF: could not run {chromium}: {ex.Message}");
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
            // A leftover staging directory is hidden (dot-name) and harmless; the brief itself is complete.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
