using Wedge.Data.Files;

namespace Wedge.Data.Tests.Files;

public sealed class AtomicFileTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("wedge-atomic-").FullName;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string[] Entries() => [.. Directory.GetFileSystemEntries(dir).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    [Fact]
    public void WriteText_NewFile_WrittenAndNoTemporaryLeft()
    {
        var path = Path.Combine(dir, "out.csv");
        AtomicFile.WriteText(path, w => w.Write("a,b\n1,2\n"));
        Assert.Equal("a,b\n1,2\n", File.ReadAllText(path));
        Assert.Equal(["out.csv"], Entries());
        // UTF-8 without a byte-order mark, as File.WriteAllText writes.
        Assert.Equal((byte)'a', File.ReadAllBytes(path)[0]);
    }

    [Fact]
    public void WriteText_WriterThrows_EarlierFileIntactAndTemporaryRemoved()
    {
        // A failure halfway through (here an exception after some text) must leave the old file as it was.
        var path = Path.Combine(dir, "out.csv");
        File.WriteAllText(path, "old");
        Assert.Throws<InvalidOperationException>(() => AtomicFile.WriteText(path, w =>
        {
            w.Write("half");
            throw new InvalidOperationException("disk full, say");
        }));
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Equal(["out.csv"], Entries());
    }

    [Fact]
    public void Write_TemporaryNamesAreUnique()
    {
        // Two writers of one target never share a temporary file.
        var path = Path.Combine(dir, "x.bin");
        var seen = new List<string>();
        AtomicFile.Write(path, temporary => { seen.Add(temporary); File.WriteAllBytes(temporary, [1]); });
        AtomicFile.Write(path, temporary => { seen.Add(temporary); File.WriteAllBytes(temporary, [2]); });
        Assert.Equal(2, seen.Distinct().Count());
        Assert.All(seen, t => Assert.StartsWith(path + ".", t, StringComparison.Ordinal));
        Assert.Equal(new byte[] { 2 }, File.ReadAllBytes(path));
        Assert.Equal(["x.bin"], Entries());
    }

    [Fact]
    public void Write_NoOverwrite_LeavesAnExistingFileAndSaysSo()
    {
        var path = Path.Combine(dir, "db");
        File.WriteAllText(path, "first");
        Assert.False(AtomicFile.Write(path, temporary => File.WriteAllText(temporary, "second"), overwrite: false));
        Assert.Equal("first", File.ReadAllText(path));
        Assert.Equal(["db"], Entries());
    }

    [Fact]
    public void Write_MissingDirectory_ThrowsAndCreatesNothing()
    {
        var path = Path.Combine(dir, "missing", "out.txt");
        Assert.ThrowsAny<IOException>(() => AtomicFile.WriteText(path, w => w.Write("x")));
        Assert.Empty(Entries());
    }
}
