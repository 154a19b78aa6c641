using Wedge.Application.Assessment;

namespace Wedge.Application.Tests.Assessment;

public sealed class BriefWriterTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "wedge-brief-writer", Guid.NewGuid().ToString("N"));

    public BriefWriterTests() => Directory.CreateDirectory(dir);

    public void Dispose()
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
            // Best effort.
        }
    }

    [Fact]
    public void Write_NewDirectory_HtmlOnly_SaysWhyNoPdf()
    {
        var target = Path.Combine(dir, "a", "b");
        Directory.CreateDirectory(Path.Combine(dir, "a"));
        var output = BriefWriter.Write(target, "<p>hi</p>", chromium: null);
        Assert.Equal("<p>hi</p>", File.ReadAllText(output.HtmlPath));
        Assert.Null(output.PdfPath);
        Assert.Contains("no headless Chromium", output.PdfNote);
        Assert.Equal(["b"], Directory.GetFileSystemEntries(Path.Combine(dir, "a")).Select(Path.GetFileName));
    }

    [Fact]
    public void Write_ExistingDirectory_ReplacesTheBriefKeepsOtherFiles()
    {
        var target = Path.Combine(dir, "out");
        Directory.CreateDirectory(target);
        File.WriteAllText(Path.Combine(target, "brief.html"), "old");
        File.WriteAllText(Path.Combine(target, "notes.txt"), "mine");
        BriefWriter.Write(target, "new", chromium: null);
        Assert.Equal("new", File.ReadAllText(Path.Combine(target, "brief.html")));
        Assert.Equal("mine", File.ReadAllText(Path.Combine(target, "notes.txt")));
    }

    [Fact]
    public void Write_ChromiumThatFails_StillWritesHtmlAndSaysWhy()
    {
        var fake = Path.Combine(dir, "fake-chromium");
        File.WriteAllText(fake, "#!/bin/sh\necho broken >&2\nexit 3\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var output = BriefWriter.Write(Path.Combine(dir, "out"), "x", fake);
        Assert.True(File.Exists(output.HtmlPath));
        Assert.Null(output.PdfPath);
        Assert.Contains("exited with code 3: broken", output.PdfNote);
    }

    [Fact]
    public void Write_UnderAFile_FailsAndLeavesNothing()
    {
        var file = Path.Combine(dir, "f");
        File.WriteAllText(file, "");
        var ex = Assert.Throws<BriefWriteException>(() => BriefWriter.Write(Path.Combine(file, "out"), "x", null));
        Assert.Contains("cannot write the brief there", ex.Message);
        Assert.Equal(["f"], Directory.GetFileSystemEntries(dir).Select(Path.GetFileName));
    }

    [Fact]
    public void FindChromium_HonoursEnvironment()
    {
        Assert.Null(BriefWriter.FindChromium(k => k == "WEDGE_CHROMIUM" ? "none" : null));
        Assert.Null(BriefWriter.FindChromium(k => k == "WEDGE_CHROMIUM" ? Path.Combine(dir, "missing") : null));
    }
}
