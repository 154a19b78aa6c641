namespace Wedge.Cli.Tests.Assess;

public sealed class BriefCommandTests : IDisposable
{
    private readonly string dir = Path.Combine(Path.GetTempPath(), "wedge-brief-tests", Guid.NewGuid().ToString("N"));

    public BriefCommandTests()
    {
        Directory.CreateDirectory(dir);

        // No PDF in unit tests: printing takes seconds and depends on the machine.
        Environment.SetEnvironmentVariable("WEDGE_CHROMIUM", "none");
    }

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
    public void Brief_WritesSelfContainedHtml_WithEscapedSourceText()
    {
        var source = new FakeSource(FakeSource.Small("Funds arrive <script>alert(1)</script> monthly."));
        var outDir = Path.Combine(dir, "out");
        var (code, output) = AssessCommandTests.Run(source, "brief", "north", "south", "--out", outDir, "--runs", "50");
        Assert.True(code == 0, output);
        Assert.Contains("no PDF", output);
        var html = File.ReadAllText(Path.Combine(outDir, "brief.html"));
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("Funds arrive &lt;script&gt;alert(1)&lt;/script&gt; monthly.", html);
        Assert.Contains("A &lt;b&gt;report&lt;/b&gt;", html);
        Assert.DoesNotContain("<link", html);
        Assert.DoesNotContain("src=\"http", html);
        Assert.Equal(["brief.html"], Directory.GetFiles(outDir).Select(Path.GetFileName));
        Assert.DoesNotContain(Directory.GetDirectories(dir), d => Path.GetFileName(d).StartsWith('.'));
    }

    [Fact]
    public void Brief_TitleAuthorPaperNoPdf_Honoured()
    {
        var outDir = Path.Combine(dir, "titled");
        var (code, output) = AssessCommandTests.Run(new FakeSource(FakeSource.Small()), "brief", "north", "south", "--out", outDir, "--runs", "0",
            "--title", "North & South", "--author", "Ana Analyst", "--paper", "letter", "--no-pdf");
        Assert.True(code == 0, output);
        Assert.Contains("no PDF: --no-pdf", output);
        var html = File.ReadAllText(Path.Combine(outDir, "brief.html"));
        Assert.Contains("<h1>North &amp; South</h1>", html);
        Assert.Contains("Prepared by Ana Analyst", html);
        Assert.Contains("@page { size: letter; }", html);
        Assert.Contains("id=\"provenance\"", html);
        Assert.Equal(["brief.html"], Directory.GetFiles(outDir).Select(Path.GetFileName));
    }

    [Fact]
    public void Brief_UnknownPaper_Refused()
    {
        var (code, output) = AssessCommandTests.Run(new FakeSource(FakeSource.Small()), "brief", "north", "south", "--out", Path.Combine(dir, "x"), "--paper", "a5");
        Assert.NotEqual(0, code);
        Assert.Contains("--paper: 'a5' is neither a4 nor letter", output);
        Assert.False(Directory.Exists(Path.Combine(dir, "x")));
    }

    [Fact]
    public void Brief_OutIsAFile_RefusedAndFileUntouched()
    {
        var file = Path.Combine(dir, "taken");
        File.WriteAllText(file, "keep me");
        var (code, output) = AssessCommandTests.Run(new FakeSource(FakeSource.Small()), "brief", "north", "south", "--out", file, "--runs", "0");
        Assert.Equal(1, code);
        Assert.Contains("is a file, not a directory", output);
        Assert.Equal("keep me", File.ReadAllText(file));
    }

    [Fact]
    public void Brief_UnwritableParent_RefusedWithNothingLeft()
    {
        if (Environment.UserName == "root" || OperatingSystem.IsWindows())
        {
            // root ignores directory permissions; use a path under a file instead, which no user can create.
            var blocker = Path.Combine(dir, "blocker");
            File.WriteAllText(blocker, "");
            var (code, output) = AssessCommandTests.Run(new FakeSource(FakeSource.Small()), "brief", "north", "south", "--out", Path.Combine(blocker, "out"), "--runs", "0");
            Assert.Equal(1, code);
            Assert.Contains("cannot write the brief there", output);
            Assert.Equal(["blocker"], Directory.GetFileSystemEntries(dir).Select(Path.GetFileName));
            return;
        }

        var locked = Path.Combine(dir, "locked");
        Directory.CreateDirectory(locked);
        File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserExecute);
        try
        {
            var (code, output) = AssessCommandTests.Run(new FakeSource(FakeSource.Small()), "brief", "north", "south", "--out", Path.Combine(locked, "out"), "--runs", "0");
            Assert.Equal(1, code);
            Assert.Contains("cannot write the brief there", output);
            Assert.Empty(Directory.GetFileSystemEntries(locked));
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    [Fact]
    public void Brief_WithoutOut_IsRefused()
    {
        var (code, output) = AssessCommandTests.Run(new FakeSource(FakeSource.Small()), "brief", "north", "south");
        Assert.NotEqual(0, code);
        Assert.Contains("--out DIR is required", output);
    }

    [Fact]
    public void Brief_UnknownActor_WritesNothing()
    {
        var outDir = Path.Combine(dir, "out");
        var (code, output) = AssessCommandTests.Run(new FakeSource(FakeSource.Small()), "brief", "nobody", "south", "--out", outDir);
        Assert.Equal(1, code);
        Assert.Contains("no actor named 'nobody'", output);
        Assert.False(Directory.Exists(outDir));
    }
}
