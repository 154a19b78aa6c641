using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace Wedge.Reliability.Tests.Crash;

/// <summary>
/// A full disk, for real: a tmpfs a little larger than what is on it (mounting one needs root; CI runs as root). An
/// import, a new database and a brief that run out of space are refused in words, and leave nothing half-written.
/// </summary>
public sealed class FullDiskTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(2);
    private readonly TempDir dir = new("wedge-full-disk");

    public void Dispose() => dir.Dispose();

    private string Pristine()
    {
        var db = dir.File("pristine.db");
        Assert.Equal(0, WedgeCli.Run(Limit, "init", "--db", db).Code);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return db;
    }

    private static void RefusedForSpace(WedgeRun run)
    {
        Assert.True(run.Code == 1, run.Transcript);
        Assert.Matches("disk is full|No space left on device", run.Err);
        Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected error", run.Err, StringComparison.Ordinal);
    }

    [RootFact]
    public void ImportMmp_RunningOutOfSpace_IsRefusedInWords_AndTheStoreIsAsItWas()
    {
        var pristine = Pristine();
        var (key, relationships) = MmpFiles.Generate(dir.File("mmp"), observations: 20_000);
        using var disk = SmallDisk.Mount(dir.File("disk"), new FileInfo(pristine).Length + 300 * 1024);
        var db = Path.Combine(disk.Path, "wedge.db");
        File.Copy(pristine, db);
        var before = Contents(db);

        RefusedForSpace(WedgeCli.Run(Limit, "import", "mmp", "--key", key, "--relationships", relationships, "--db", db));
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        // Row for row as before (the bytes may differ: SQLite does not journal free pages it reuses, so a rolled-back
        // transaction can leave other bytes in pages that are free again).
        Assert.Equal(before, Contents(db));
        Assert.Equal(["wedge.db"], Directory.GetFiles(disk.Path).Select(Path.GetFileName));
        Assert.Equal(0, WedgeCli.Run(Limit, "assess", "Taliban", "al-Qaeda", "--runs", "0", "--db", db).Code);
    }

    /// <summary>Every row of every table, in rowid order, with the integrity check's verdict.</summary>
    private static List<string> Contents(string db)
    {
        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={db};Pooling=False;Mode=ReadOnly");
        connection.Open();
        var rows = new List<string>();
        using (var check = connection.CreateCommand())
        {
            check.CommandText = "PRAGMA integrity_check";
            rows.Add((string)check.ExecuteScalar()!);
        }

        var tables = new List<string>();
        using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            using var reader = list.ExecuteReader();
            while (reader.Read())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            using var reader = select.ExecuteReader();
            while (reader.Read())
            {
                rows.Add(table + ": " + string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i => reader.IsDBNull(i) ? "null" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
            }
        }

        return rows;
    }

    [RootFact]
    public void Init_OnAFullDisk_IsRefusedInWords_AndLeavesNoFile()
    {
        using var disk = SmallDisk.Mount(dir.File("disk"), 64 * 1024);
        disk.Fill();
        var db = Path.Combine(disk.Path, "new.db");
        RefusedForSpace(WedgeCli.Run(Limit, "init", "--db", db));
        Assert.False(File.Exists(db), "a database the disk could not hold was left behind");
        Assert.Equal(["filler"], Directory.GetFiles(disk.Path).Select(System.IO.Path.GetFileName));
    }

    [RootFact]
    public void Brief_OnAFullDisk_IsRefusedInWords_AndLeavesNoPartialFile()
    {
        var db = Pristine();
        using var disk = SmallDisk.Mount(dir.File("disk"), 64 * 1024);
        disk.Fill();
        var folder = Path.Combine(disk.Path, "brief");
        RefusedForSpace(WedgeCli.Run(Limit, "brief", "Taliban", "al-Qaeda", "--runs", "0", "--out", folder, "--db", db));
        Assert.False(Directory.Exists(folder), "the brief's folder, made for it and left empty, was left behind");
    }

    // The web server writes uploads, briefs and charts to its temporary folder. On a full one, an upload was answered
    // 500 ("a defect in Wedge") and a brief 422 naming the server's own paths; both are now 507 with a problem that
    // says the disk is full, and each request's folder is gone when the response ends.
    [RootFact]
    public async Task Pages_OnAFullTemporaryDisk_AnswerInsufficientStorage_AndLeaveNothing()
    {
        var db = Pristine();
        using var disk = SmallDisk.Mount(dir.File("tmp"), 256 * 1024);
        var port = FreePort();
        var errors = new StringBuilder();
        using var server = WedgeProcess.Start(errors, new Dictionary<string, string> { ["TMPDIR"] = disk.Path + "/" },
            "serve", "--port", port.ToString(CultureInfo.InvariantCulture), "--db", db);
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri($"http://localhost:{port}"), Timeout = Limit };
            await WaitUntilServing(http, server, errors);
            // Filled once the server runs: the runtime keeps its diagnostic sockets in the same folder.
            disk.Fill();
            var before = Contents(db);

            var edges = "source,target,sign\n" + string.Concat(Enumerable.Range(0, 500).Select(i => $"a{i},b{i},1\n"));
            await ExpectDiskFull(await http.PostAsync("/api/network/file/balance", Upload(edges, "edges.csv")), disk.Path);
            using var import = new HttpRequestMessage(HttpMethod.Post, "/api/imports/case")
            {
                Content = Upload(File.ReadAllText(Repository.File("fuzz", "seeds", "case-yaml", "gtd-actors.yaml")), "case.yaml"),
            };
            import.Headers.TryAddWithoutValidation("If-Match", "*");
            await ExpectDiskFull(await http.SendAsync(import), disk.Path);
            await ExpectDiskFull(await http.GetAsync("/api/briefs/Taliban/al-Qaeda?format=html&runs=0"), disk.Path);

            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Assert.Equal(before, Contents(db));
            var left = Directory.GetFileSystemEntries(disk.Path, "*", SearchOption.AllDirectories)
                .Where(p => p.Contains("wedge-", StringComparison.Ordinal))
                .Select(p => Path.GetRelativePath(disk.Path, p)).Order(StringComparer.Ordinal);
            // The shared parent folders may stay; nothing inside them.
            Assert.All(left, p => Assert.DoesNotContain(Path.DirectorySeparatorChar, p));
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            server.WaitForExit();
        }
    }

    private static MultipartFormDataContent Upload(string text, string name)
        => new() { { new ByteArrayContent(Encoding.UTF8.GetBytes(text)), "file", name } };

    private static async Task ExpectDiskFull(HttpResponseMessage response, string diskPath)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.InsufficientStorage, $"{(int)response.StatusCode} {response.RequestMessage?.RequestUri}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(body);
        Assert.Equal("disk-full", problem.RootElement.GetProperty("code").GetString());
        Assert.Contains("disk is full", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(diskPath, body, StringComparison.Ordinal);
    }

    private static async Task WaitUntilServing(HttpClient http, Process server, StringBuilder errors)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < Limit)
        {
            if (server.HasExited)
            {
                throw new InvalidOperationException($"wedge serve exited with {server.ExitCode}: {errors}");
            }

            try
            {
                if ((await http.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // not listening yet
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"wedge serve did not answer within {Limit.TotalSeconds:F0} s: {errors}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>A small tmpfs mounted for one test, unmounted (and emptied) when disposed.</summary>
public sealed class SmallDisk : IDisposable
{
    private SmallDisk(string path) => Path = path;

    public string Path { get; }

    public static SmallDisk Mount(string path, long bytes)
    {
        Directory.CreateDirectory(path);
        Run("mount", "-t", "tmpfs", "-o", $"size={(bytes + 1023) / 1024}k", "tmpfs", path);
        return new SmallDisk(path);
    }

    /// <summary>Fills the disk to its last few blocks.</summary>
    public void Fill()
    {
        using var filler = new FileStream(System.IO.Path.Combine(Path, "filler"), FileMode.Create);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                filler.Write(block);
                filler.Flush();
            }
        }
        catch (IOException)
        {
            // full
        }
    }

    public void Dispose() => Run("umount", Path);

    private static void Run(string command, params string[] args)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{command} {string.Join(' ', args)}: exit {process.ExitCode.ToString(CultureInfo.InvariantCulture)}: {error}");
        }
    }
}

/// <summary>A test that mounts a filesystem: skipped with a reason unless run as root (CI runs as root, and fails on any skip).</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
        {
            Skip = "needs root on Linux to mount a small tmpfs (CI runs as root)";
        }
    }
}
