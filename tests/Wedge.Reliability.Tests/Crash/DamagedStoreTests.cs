using Microsoft.Data.Sqlite;

namespace Wedge.Reliability.Tests.Crash;

/// <summary>
/// A database file damaged outside Wedge (cut short by a failed copy, or written by a newer Wedge) is refused by every
/// command with a message naming the file, and left exactly as it was: no repair, no migration, no stack trace.
/// (A file that is not SQLite, another program's database, an empty file and a missing schema version are covered in
/// Wedge.Data.Tests and Wedge.Cli.Tests.)
/// </summary>
public sealed class DamagedStoreTests : IDisposable
{
    private static readonly TimeSpan Limit = TimeSpan.FromMinutes(1);
    private readonly TempDir dir = new("wedge-damaged");

    public void Dispose() => dir.Dispose();

    private string BuiltIn(string name)
    {
        var db = dir.File(name);
        Assert.Equal(0, WedgeCli.Run(Limit, "init", "--db", db).Code);
        SqliteConnection.ClearAllPools();
        return db;
    }

    private static void RefusedUntouched(string db, byte[] before, string why, params string[] command)
    {
        foreach (var args in new[] { command, ["actors"], ["assess", "Taliban", "al-Qaeda"] })
        {
            var run = WedgeCli.Run(Limit, [.. args, "--db", db]);
            Assert.True(run.Code is 1 or 3, run.Transcript);
            Assert.Contains(db, run.Err.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
            Assert.Contains(why, run.Err, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", run.Err, StringComparison.Ordinal);
            Assert.Equal(before, File.ReadAllBytes(db));
        }
    }

    [Theory]
    [InlineData(0.5)]
    [InlineData(0.1)]
    public void TruncatedDatabase_IsRefused_AndLeftAsItWas(double kept)
    {
        var db = BuiltIn("cut.db");
        var whole = File.ReadAllBytes(db);
        var cut = whole[..(int)(whole.Length * kept)];
        File.WriteAllBytes(db, cut);
        RefusedUntouched(db, cut, "damaged", "add", "actor", "x-new", "--name", "New", "--kind", "armed-group");
    }

    [Fact]
    public void DatabaseOfANewerSchema_IsRefused_AndLeftAsItWas()
    {
        var db = BuiltIn("newer.db");
        using (var connection = new SqliteConnection($"Data Source={db};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "UPDATE wedge_meta SET value = '999' WHERE key = 'schema_version'";
            Assert.Equal(1, command.ExecuteNonQuery());
        }

        RefusedUntouched(db, File.ReadAllBytes(db), "newer Wedge", "add", "actor", "x-new", "--name", "New", "--kind", "armed-group");
    }
}
