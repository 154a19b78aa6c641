using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Wedge.Data.Store;

/// <summary>
/// The journal's hash chain, the same on every backend: each entry stores SHA-256 over the previous entry's hash and
/// its own stored columns, so altering, inserting or removing any entry breaks every link after it, and
/// <see cref="JournalChainCheck"/> finds the first broken one. The first entry chains from 32 zero bytes.
/// </summary>
/// <remarks>
/// What is hashed is the stored text (the payload's JSON exactly as written), not a re-serialisation, so a later
/// build that writes facts differently still verifies old entries. The encoding: the previous hash, the version and
/// the recorded time (UTC ticks) as little-endian 64-bit integers, then author, reason, action, fact type, fact id and
/// payload as UTF-8, each preceded by its byte length as a little-endian 32-bit integer (-1 for a null payload).
/// </remarks>
public sealed class JournalChain : IDisposable
{
    public const int HashLength = 32;

    private readonly ArrayBufferWriter<byte> buffer = new(1024);

    // One hashing context for the whole chain: SHA256.HashData sets up and frees an OpenSSL context per call, which
    // cost about a quarter of the hashing time of a bulk import (two million entries of ~600 bytes each).
    private readonly IncrementalHash sha256 = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
    private byte[] previous;

    /// <summary>A chain that continues after an entry whose hash is <paramref name="previous"/> (null: the journal is empty).</summary>
    public JournalChain(byte[]? previous = null)
    {
        if (previous is not null && previous.Length != HashLength)
        {
            throw new ArgumentException($"a journal hash has {HashLength} bytes, not {previous.Length}", nameof(previous));
        }

        this.previous = previous is null ? new byte[HashLength] : (byte[])previous.Clone();
    }

    /// <summary>The hash of the last entry chained (32 zero bytes before the first).</summary>
    public ReadOnlySpan<byte> Last => previous;

    /// <summary>Chains the next entry and returns its hash (a new array; also the new <see cref="Last"/>).</summary>
    public byte[] Next(long version, long recordedAtTicks, string author, string reason, string action, string factType, string factId, string? payload)
        => Next(version, recordedAtTicks, Encoding.UTF8.GetBytes(author), Encoding.UTF8.GetBytes(reason), Encoding.UTF8.GetBytes(action),
            Encoding.UTF8.GetBytes(factType), factId, payload is null ? null : Encoding.UTF8.GetBytes(payload), hasPayload: payload is not null);

    /// <summary>As <see cref="Next(long, long, string, string, string, string, string, string?)"/>, with the repeated columns already encoded (the bulk path).</summary>
    public byte[] Next(long version, long recordedAtTicks, ReadOnlySpan<byte> author, ReadOnlySpan<byte> reason, ReadOnlySpan<byte> action,
        ReadOnlySpan<byte> factType, string factId, ReadOnlySpan<byte> payload, bool hasPayload = true)
    {
        var hash = new byte[HashLength];
        Next(version, recordedAtTicks, author, reason, action, factType, factId, payload, hasPayload, hash);
        return hash;
    }

    /// <summary>Chains the next entry, writing its hash into <paramref name="hash"/> (32 bytes) without allocating one.</summary>
    public void Next(long version, long recordedAtTicks, ReadOnlySpan<byte> author, ReadOnlySpan<byte> reason, ReadOnlySpan<byte> action,
        ReadOnlySpan<byte> factType, string factId, ReadOnlySpan<byte> payload, bool hasPayload, Span<byte> hash)
    {
        buffer.ResetWrittenCount();
        buffer.Write(previous);
        Int64(version);
        Int64(recordedAtTicks);
        Text(author);
        Text(reason);
        Text(action);
        Text(factType);
        var idLength = Encoding.UTF8.GetByteCount(factId);
        Int32(idLength);
        Encoding.UTF8.GetBytes(factId, buffer.GetSpan(idLength));
        buffer.Advance(idLength);
        if (hasPayload)
        {
            Text(payload);
        }
        else
        {
            Int32(-1);
        }

        sha256.AppendData(buffer.WrittenSpan);
        sha256.GetHashAndReset(hash);
        hash.CopyTo(previous);
    }

    public void Dispose() => sha256.Dispose();

    private void Int64(long value)
    {
        BinaryPrimitives.WriteInt64LittleEndian(buffer.GetSpan(8), value);
        buffer.Advance(8);
    }

    private void Int32(int value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(buffer.GetSpan(4), value);
        buffer.Advance(4);
    }

    private void Text(ReadOnlySpan<byte> utf8)
    {
        Int32(utf8.Length);
        buffer.Write(utf8);
    }
}
