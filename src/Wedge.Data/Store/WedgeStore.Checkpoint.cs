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
        if (recordedBy is null && replayed >= CheckpointAfter)
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

        try
        {
            var (facts, stored) = CheckpointCodec.Open(data);
            return facts.Count + stored.TieCount + stored.ClaimCount == header.Facts ? (facts, stored) : null;
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or ArgumentException)
        {
            return null;
        }
    }

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
}
