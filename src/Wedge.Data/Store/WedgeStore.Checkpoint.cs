using Microsoft.Data.Sqlite;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;

namespace Wedge.Data.Store;

public sealed partial class WedgeStore
{
    /// <summary>Checkpoint parts are at most this long (SQLite refuses a value over 1 GB; smaller parts also keep each write modest).</summary>
    private const int CheckpointPartBytes = 16 << 20;

    /// <summary>
    /// A read refreshes the checkpoint when it had to replay at least this many journal entries past it (10,000 JSON
    /// entries replay in about 0.1 s, while rewriting the checkpoint of a large record takes seconds). Tests lower it.
    /// </summary>
    public int CheckpointAfter { get; set; } = 10_000;

    /// <summary>
    /// A journal up to this long gets a checkpoint after any replay: writing one takes milliseconds, while the next
    /// read's replay would pay for setting up the JSON reader (about 0.1 s, most of <c>wedge actors</c> on the built-in
    /// case) however few entries it read.
    /// </summary>
    public int SmallJournal { get; set; } = 5_000;

    private sealed record CheckpointHeader(long Version, long RecordedAt, int Format, int Facts);

    /// <summary>
    /// The current record, or the record as it stood at <paramref name="recordedBy"/>, from the checkpoint plus the
    /// entries past it when the checkpoint is usable (taken at or before that time, in this build's format), else by
    /// replaying the whole journal. Recorded times never run backwards, so the entries up to a time are a prefix of the
    /// journal: a checkpoint recorded before it plus the tail up to it is exactly a full replay up to it.
    /// </summary>
    private KnowledgeBase Project(DateTimeOffset? recordedBy, CancellationToken cancellationToken)
    {
        var header = ReadCheckpointHeader();
        var usable = header is not null && header.Format == CheckpointCodec.Format && (recordedBy is null || header.RecordedAt <= recordedBy.Value.UtcTicks);
        KnowledgeBase kb;
        if (usable && ReadCheckpoint(header!) is { } checkpoint)
        {
            kb = KnowledgeBase.Resume(checkpoint.Facts, checkpoint.Stored, header!.Version, ReadAfter(header.Version, recordedBy, cancellationToken), checkpoint.Facts.Count);
        }
        else
        {
            usable = false;
            kb = KnowledgeBase.Project(ReadAfter(0, recordedBy, cancellationToken));
        }

        var replayed = kb.Version - (usable ? header!.Version : 0);
        if (recordedBy is null && (replayed >= CheckpointAfter || (replayed > 0 && kb.Version <= SmallJournal)))
        {
            TryWriteCheckpoint(kb);
        }

        return kb;
    }

    private CheckpointHeader? ReadCheckpointHeader()
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT version, recorded_at, format, facts FROM checkpoint WHERE id = 1";
        using var r = cmd.ExecuteReader();
        return r.Read() ? new CheckpointHeader(r.GetInt64(0), r.GetInt64(1), r.GetInt32(2), r.GetInt32(3)) : null;
    }

    /// <summary>The checkpoint, opened (its ties and claims are decoded when asked); null when its parts do not add up (it is then ignored, and rebuilt by the next full replay).</summary>
    private (List<Fact> Facts, IStoredFacts Stored)? ReadCheckpoint(CheckpointHeader header)
    {
        // Each part is read straight into its place through SQLite's incremental blob I/O: reading a part as a column
        // value would copy it whole first, doubling the memory a large checkpoint takes.
        var parts = new List<(long Part, long Length)>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT part, length(data) FROM checkpoint_part ORDER BY part";
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                parts.Add((r.GetInt64(0), r.GetInt64(1)));
            }
        }

        var total = parts.Sum(p => p.Length);
        if (total is <= 0 or > int.MaxValue)
        {
            return null;
        }

        CheckpointBytes data;
        if (ReadCheckpointOnDemand && total > ReadWholeBelow)
        {
            data = new OnDemandCheckpoint(Path, header, parts);
        }
        else if (ReadWhole(parts, total) is { } whole)
        {
            data = new CheckpointBytes.Whole(whole);
        }
        else
        {
            return null;
        }

        try
        {
            var (facts, stored) = CheckpointCodec.Open(data);
            return facts.Count + stored.TieCount + stored.ClaimCount == header.Facts ? (facts, stored) : null;
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or ArgumentException or StoreException)
        {
            return null;
        }
    }

    /// <summary>Every part of the checkpoint in one array; null when another writer replaced it meanwhile.</summary>
    private byte[]? ReadWhole(List<(long Part, long Length)> parts, long total)
    {
        // Each part is read straight into its place through SQLite's incremental blob I/O: reading a part as a column
        // value would copy it whole first, doubling the memory a large checkpoint takes.
        var data = new byte[total];
        try
        {
            var at = 0;
            foreach (var (part, length) in parts)
            {
                using var blob = new SqliteBlob(connection, "checkpoint_part", "data", part, readOnly: true);
                if (blob.Length != length)
                {
                    return null;
                }

                blob.ReadExactly(data, at, (int)length);
                at += (int)length;
            }
        }
        catch (SqliteException)
        {
            // Another writer replaced the checkpoint while it was read: the read replays instead.
            return null;
        }

        return data;
    }

    /// <summary>
    /// Read a large checkpoint a section at a time, as the command asks for it, instead of whole (see
    /// <see cref="CheckpointBytes"/>). For hosts that read a record once and exit (the command line); a host that keeps
    /// records in memory (the server) must read them whole, since a section read later may find the checkpoint replaced.
    /// </summary>
    public bool ReadCheckpointOnDemand { get; set; }

    /// <summary>A checkpoint smaller than this is read whole even on demand: there is too little in it to save.</summary>
    internal long ReadWholeBelow { get; set; } = 4 << 20;

    private static string ReadOnlyConnectionString(string path)
        => new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();

    /// <summary>
    /// Stores <paramref name="kb"/> as the checkpoint, in one transaction. A checkpoint is only a shortcut, so when it
    /// cannot be written (a read-only file, a full disk, another writer holding the lock) the read goes on without it.
    /// </summary>
    public void SaveCheckpoint(KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        if (knowledge.Version == Version && knowledge.Version > (ReadCheckpointHeader()?.Version ?? 0))
        {
            TryWriteCheckpoint(knowledge);
        }
    }

    private void TryWriteCheckpoint(KnowledgeBase kb)
    {
        // A record read from the checkpoint on demand must hold all of it before the checkpoint is replaced.
        kb.ReadRestOfStored();
        try
        {
            var data = CheckpointCodec.Write(kb);
            using var tx = connection.BeginTransaction(deferred: false);
            using var cmd = connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "SELECT recorded_at FROM journal WHERE version = $v";
            cmd.Parameters.AddWithValue("$v", kb.Version);
            var recordedAt = cmd.ExecuteScalar() is long t ? t : 0;
            cmd.Parameters.Clear();
            cmd.CommandText = "DELETE FROM checkpoint; DELETE FROM checkpoint_part;";
            cmd.ExecuteNonQuery();
            cmd.CommandText = "INSERT INTO checkpoint VALUES (1, $v, $t, $format, $facts)";
            cmd.Parameters.AddWithValue("$v", kb.Version);
            cmd.Parameters.AddWithValue("$t", recordedAt);
            cmd.Parameters.AddWithValue("$format", CheckpointCodec.Format);
            cmd.Parameters.AddWithValue("$facts", kb.Count);
            cmd.ExecuteNonQuery();
            cmd.Parameters.Clear();
            cmd.CommandText = "INSERT INTO checkpoint_part VALUES ($part, $data)";
            var part = cmd.Parameters.Add("$part", SqliteType.Integer);
            var bytes = cmd.Parameters.Add("$data", SqliteType.Blob);
            for (var (i, at) = (0, 0); at < data.Length || i == 0; i++, at += CheckpointPartBytes)
            {
                part.Value = i;
                bytes.Value = data.AsMemory(at, Math.Min(CheckpointPartBytes, data.Length - at)).ToArray();
                cmd.ExecuteNonQuery();
            }

            tx.Commit();
        }
        catch (SqliteException)
        {
            // Read-only, full or busy: keep answering from the journal.
        }
    }

    /// <summary>
    /// A checkpoint in the database, read a section at a time as the command first needs it (the actors, the ties, the
    /// claims, the tie rows, an index) and kept. Each section is read in one transaction that first checks the checkpoint
    /// is still the one opened: another process may replace it meanwhile (a read that replayed a long journal tail), and
    /// a command must then stop rather than mix two records.
    /// </summary>
    private sealed class OnDemandCheckpoint : CheckpointBytes
    {
        private readonly string path;
        private readonly CheckpointHeader header;
        private readonly long[] partIds;
        private readonly long[] starts;
        private readonly Lock gate = new();
        private long[] sections = [];
        private byte[]?[] loaded = [];
        private SqliteConnection? connection;

        public OnDemandCheckpoint(string path, CheckpointHeader header, List<(long Part, long Length)> parts)
        {
            this.path = path;
            this.header = header;
            partIds = parts.Select(p => p.Part).ToArray();
            starts = new long[parts.Count + 1];
            for (var i = 0; i < parts.Count; i++)
            {
                starts[i + 1] = starts[i] + parts[i].Length;
            }

            Length = starts[^1];
        }

        public override long Length { get; }

        public override void ReadAll()
        {
            for (var k = 0; k < loaded.Length; k++)
            {
                _ = Volatile.Read(ref loaded[k]) ?? Load(k);
            }
        }

        public override void DivideAt(long[] sectionOffsets)
        {
            sections = sectionOffsets;
            loaded = new byte[]?[sectionOffsets.Length - 1];
        }

        public override void Read(long offset, Span<byte> destination)
        {
            CheckRange(offset, destination.Length);
            while (!destination.IsEmpty)
            {
                var k = SectionAt(offset);
                if (k < 0)
                {
                    // Before the sections are known (the header) or outside them: straight from the database.
                    Range(offset, destination.Length).Span.CopyTo(destination);
                    return;
                }

                var section = Volatile.Read(ref loaded[k]) ?? Load(k);
                var at = (int)(offset - sections[k]);
                var n = Math.Min(destination.Length, section.Length - at);
                section.AsSpan(at, n).CopyTo(destination);
                destination = destination[n..];
                offset += n;
            }
        }

        public override ReadOnlyMemory<byte> Range(long offset, int length)
        {
            CheckRange(offset, length);
            var k = SectionAt(offset);
            if (k >= 0 && offset + length <= sections[k + 1])
            {
                return (Volatile.Read(ref loaded[k]) ?? Load(k)).AsMemory((int)(offset - sections[k]), length);
            }

            var bytes = new byte[length];
            lock (gate)
            {
                ReadFromDatabase(offset, bytes);
            }

            return bytes;
        }

        /// <summary>The section holding <paramref name="offset"/>; -1 before the sections are known or outside them.</summary>
        private int SectionAt(long offset)
        {
            if (sections.Length == 0 || offset < sections[0] || offset >= sections[^1])
            {
                return -1;
            }

            var k = Array.BinarySearch(sections, offset);
            k = k >= 0 ? k : ~k - 1;
            while (k + 1 < sections.Length - 1 && sections[k + 1] == offset)
            {
                k++; // an empty section starts where the next one does
            }

            return k;
        }

        private byte[] Load(int k)
        {
            lock (gate)
            {
                if (loaded[k] is { } done)
                {
                    return done;
                }

                var section = new byte[sections[k + 1] - sections[k]];
                ReadFromDatabase(sections[k], section);
                Volatile.Write(ref loaded[k], section);
                return section;
            }
        }

        private void ReadFromDatabase(long offset, Span<byte> destination)
        {
            if (connection is null)
            {
                connection = new SqliteConnection(ReadOnlyConnectionString(path));
                connection.Open();
                Execute(connection, "PRAGMA busy_timeout = 5000;");
            }

            using var tx = connection.BeginTransaction(deferred: true);
            using (var cmd = connection.CreateCommand())
            {
                cmd.Transaction = tx;
                cmd.CommandText = "SELECT version, recorded_at FROM checkpoint WHERE id = 1";
                using var r = cmd.ExecuteReader();
                if (!r.Read() || r.GetInt64(0) != header.Version || r.GetInt64(1) != header.RecordedAt)
                {
                    throw new StoreException($"{path}: the record's checkpoint was replaced by another process while this command read it: run the command again");
                }
            }

            var i = Array.BinarySearch(starts, offset);
            for (i = i >= 0 ? i : ~i - 1; !destination.IsEmpty; i++)
            {
                using var blob = new SqliteBlob(connection, "checkpoint_part", "data", partIds[i], readOnly: true);
                blob.Seek(offset - starts[i], SeekOrigin.Begin);
                var n = (int)Math.Min(destination.Length, starts[i + 1] - offset);
                blob.ReadExactly(destination[..n]);
                destination = destination[n..];
                offset += n;
            }

            tx.Commit();
        }
    }
}
