using System.Buffers.Binary;

namespace Wedge.Data.Store;

/// <summary>
/// Where an opened checkpoint's bytes come from: an array read whole, or the database, a section at a time as a command
/// asks for them (<see cref="WedgeStore.ReadCheckpointOnDemand"/>). A command that lists actors then reads a megabyte of a
/// record's checkpoint instead of all of it (350 MB after the 1M-observation benchmark).
/// </summary>
internal abstract class CheckpointBytes
{
    public abstract long Length { get; }

    /// <summary>Reads now every part not yet read (a no-op for bytes read whole).</summary>
    public virtual void ReadAll()
    {
    }

    /// <summary>Told where the sections begin and end once the header is read (a source read on demand reads a section at a time).</summary>
    public virtual void DivideAt(long[] sectionOffsets)
    {
    }

    /// <summary>Copies the bytes at <paramref name="offset"/> into <paramref name="destination"/>.</summary>
    /// <exception cref="InvalidDataException">The range lies past the end.</exception>
    public abstract void Read(long offset, Span<byte> destination);

    /// <summary>A range as a read-only stream (positions relative to <paramref name="offset"/>).</summary>
    public virtual Stream Open(long offset, long length) => new RangeStream(this, offset, length);

    /// <summary>A range read at once into memory, as a stream (for decoding a whole section).</summary>
    public Stream OpenWhole(long offset, long length)
        => System.Runtime.InteropServices.MemoryMarshal.TryGetArray(Range(offset, checked((int)length)), out var bytes)
            ? new MemoryStream(bytes.Array!, bytes.Offset, bytes.Count, writable: false)
            : throw new InvalidOperationException("checkpoint bytes are held in arrays");

    /// <summary>A range as memory, for decoding a section at once.</summary>
    public virtual ReadOnlyMemory<byte> Range(long offset, int length)
    {
        var bytes = new byte[length];
        Read(offset, bytes);
        return bytes;
    }

    public int Int32At(long offset)
    {
        Span<byte> four = stackalloc byte[4];
        Read(offset, four);
        return BinaryPrimitives.ReadInt32LittleEndian(four);
    }

    public long Int64At(long offset)
    {
        Span<byte> eight = stackalloc byte[8];
        Read(offset, eight);
        return BinaryPrimitives.ReadInt64LittleEndian(eight);
    }

    protected void CheckRange(long offset, int count)
    {
        if (offset < 0 || count < 0 || offset + count > Length)
        {
            throw new InvalidDataException("The checkpoint is shorter than its sections say.");
        }
    }

    /// <summary>A checkpoint read whole into one array (the server, small records, PostgreSQL).</summary>
    internal sealed class Whole(byte[] data) : CheckpointBytes
    {
        public override long Length => data.Length;

        public override void Read(long offset, Span<byte> destination)
        {
            CheckRange(offset, destination.Length);
            data.AsSpan((int)offset, destination.Length).CopyTo(destination);
        }

        public override Stream Open(long offset, long length)
        {
            CheckRange(offset, checked((int)length));
            return new MemoryStream(data, (int)offset, (int)length, writable: false);
        }

        public override ReadOnlyMemory<byte> Range(long offset, int length)
        {
            CheckRange(offset, length);
            return data.AsMemory((int)offset, length);
        }
    }

    /// <summary>
    /// A read-only, seekable window onto a range of the bytes, read ahead in small blocks: the codec reads a fact a few
    /// bytes at a time, and each of those going to the source would cost more than the bytes.
    /// </summary>
    private sealed class RangeStream(CheckpointBytes bytes, long origin, long length) : Stream
    {
        private const int BlockBytes = 8 << 10;
        private readonly byte[] block = new byte[(int)Math.Min(BlockBytes, Math.Max(1, length))];
        private long blockStart = -1;
        private int blockLength;
        private long position;

        public override bool CanRead => true;

        public override bool CanSeek => true;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position
        {
            get => position;
            set => position = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value));
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var total = 0;
            while (total < buffer.Length && position < length)
            {
                if (position < blockStart || position >= blockStart + blockLength)
                {
                    blockStart = position;
                    blockLength = (int)Math.Min(block.Length, length - position);
                    bytes.Read(origin + position, block.AsSpan(0, blockLength));
                }

                var at = (int)(position - blockStart);
                var n = Math.Min(buffer.Length - total, blockLength - at);
                block.AsSpan(at, n).CopyTo(buffer[total..]);
                total += n;
                position += n;
            }

            return total;
        }

        public override int ReadByte()
        {
            if (position >= blockStart && position < blockStart + blockLength)
            {
                return block[(int)(position++ - blockStart)];
            }

            Span<byte> one = stackalloc byte[1];
            return Read(one) == 1 ? one[0] : -1;
        }

        public override long Seek(long offset, SeekOrigin origin) => Position = origin switch
        {
            SeekOrigin.Begin => offset,
            SeekOrigin.Current => position + offset,
            _ => length + offset,
        };

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
