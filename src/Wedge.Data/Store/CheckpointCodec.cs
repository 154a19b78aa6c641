using System.Buffers.Binary;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;

namespace Wedge.Data.Store;

/// <summary>
/// The checkpoint's binary form of a projected record: every fact, field by field in a fixed order, with each distinct
/// string written once and referred to by number afterwards (ids, names, grade reasons and enum names repeat a great
/// deal). Reading it back costs a fraction of deserialising the same facts from the journal's JSON.
/// </summary>
/// <remarks>
/// Positional: adding, removing or reordering a field changes the format, so <see cref="Format"/> must then be bumped
/// (a stored checkpoint of another format is ignored and rebuilt from the journal). Enum members are written by their
/// payload names (<see cref="WireNames"/>), so reordering an enum cannot misread a checkpoint.
/// </remarks>
internal static class CheckpointCodec
{
    /// <summary>The format written; a checkpoint stored in any other is not read.</summary>
    public const int Format = 4;

    /// <summary>How many payload members of each fact type the codec writes (a test compares them with <see cref="WireNames.Members"/>).</summary>
    internal static readonly Dictionary<Type, int> FieldsWritten = new()
    {
        [typeof(Fact)] = 1,
        [typeof(Source)] = 7,
        [typeof(Claim)] = 11,
        [typeof(Actor)] = 11,
        [typeof(Role)] = 6,
        [typeof(Tie)] = 10,
        [typeof(LedgerEntry)] = 7,
        [typeof(Event)] = 6,
        [typeof(ActorAttribute)] = 6,
    };

    private enum Tag : byte
    {
        Source = 1,
        Claim = 2,
        Actor = 3,
        Role = 4,
        Tie = 5,
        Ledger = 6,
        Event = 7,
        Attribute = 8,
    }

    /// <summary>
    /// The record in sections: every fact but ties and claims (read whole), then the ties and the claims, each grouped in
    /// buckets by a hash of its id with an offset per fact (so one is found without reading the rest), an index of each
    /// actor's ties, and the table of repeated strings. Layout: format, section offsets, counts, the latest tie date, then
    /// the sections.
    /// </summary>
    public static byte[] Write(KnowledgeBase kb)
    {
        var table = new Dictionary<string, int>(StringComparer.Ordinal);
        var small = kb.Facts.Where(f => f is not (Tie or Claim)).ToList();
        var ties = kb.All<Tie>().ToList();
        var claims = kb.All<Claim>().ToList();
        var smallBytes = new MemoryStream();
        using (var w = new Writer(smallBytes, table))
        {
            foreach (var f in small)
            {
                w.Fact(f);
            }
        }

        var (tieBytes, tieIndex, tieOrder) = Bucketed(ties, t => t.Id, table);
        var (claimBytes, claimIndex, _) = Bucketed(claims, c => c.Id.Value, table);

        var actorIndex = new MemoryStream();
        using (var w = new Writer(actorIndex, table))
        {
            var byActor = new Dictionary<string, List<int>>(StringComparer.Ordinal);
            for (var ordinal = 0; ordinal < tieOrder.Count; ordinal++)
            {
                var t = tieOrder[ordinal];
                foreach (var end in t.From == t.To ? [t.From] : new[] { t.From, t.To })
                {
                    if (!byActor.TryGetValue(end.Value, out var list))
                    {
                        byActor[end.Value] = list = [];
                    }

                    list.Add(ordinal);
                }
            }

            w.Count(byActor.Count);
            foreach (var (actor, ordinals) in byActor)
            {
                w.Shared(actor);
                w.Count(ordinals.Count);
                var previous = 0;
                foreach (var o in ordinals)
                {
                    w.Count(o - previous);
                    previous = o;
                }
            }
        }

        var rows = TieRows(tieOrder, claims, table);

        var tableBytes = new MemoryStream();
        using (var w = new Writer(tableBytes, []))
        {
            w.Count(table.Count);
            foreach (var str in table.OrderBy(kv => kv.Value).Select(kv => kv.Key))
            {
                w.Write(str);
            }
        }

        var latest = kb.LatestTieDate();
        var sections = new[] { smallBytes, tieBytes, claimBytes, tieIndex, claimIndex, actorIndex, tableBytes, rows };
        using var output = new MemoryStream();
        using (var w = new BinaryWriter(output, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Format);
            long at = HeaderBytes;
            foreach (var section in sections)
            {
                w.Write(at);
                at += section.Length;
            }

            w.Write(at);
            w.Write(small.Count);
            w.Write(ties.Count);
            w.Write(claims.Count);
            w.Write((short)(latest?.Year ?? 0));
            w.Write((byte)(latest?.Month ?? 0));
            w.Write((byte)(latest?.Day ?? 0));
            if (output.Length != HeaderBytes)
            {
                throw new InvalidOperationException("The checkpoint header is not the length the reader expects.");
            }

            foreach (var section in sections)
            {
                section.Position = 0;
                section.CopyTo(output);
            }
        }

        return output.ToArray();
    }

    /// <summary>Format, nine section offsets, three counts and a date.</summary>
    private const int HeaderBytes = 4 + 9 * 8 + 3 * 4 + 4;

    private const int Sections = 8;

    /// <summary>Bytes of one tie row and of one claim in the rows section.</summary>
    private const int TieRowBytes = 4 + 4 + 1 + 1 + 3 * 4 + 4 + 4;

    private const int ClaimRowBytes = 4 + 1 + 1 + 1 + 1 + 1 + 4;

    /// <summary>
    /// The ties as fixed-width rows in ordinal order (<see cref="TieTable"/>), each followed in the claim part by the fields
    /// of its claims that weighing reads: actor and source ids as numbers in the string table, enum members as numbers in
    /// a list of their payload names at the head of the section, dates packed in four bytes (0: none).
    /// </summary>
    private static MemoryStream TieRows(List<Tie> ties, List<Claim> claims, Dictionary<string, int> table)
    {
        var claimById = new Dictionary<ClaimId, Claim>(claims.Count);
        foreach (var c in claims)
        {
            claimById[c.Id] = c;
        }

        int Shared(string s)
        {
            if (!table.TryGetValue(s, out var n))
            {
                table.Add(s, n = table.Count);
            }

            return n;
        }

        var rank = new int[ties.Count];
        var byId = Enumerable.Range(0, ties.Count).ToArray();
        var ids = ties.Select(t => t.Id).ToArray();
        Array.Sort(ids, byId, StringComparer.Ordinal); // tie ids are unique, so the order is the same as any ordinal sort
        for (var r = 0; r < byId.Length; r++)
        {
            rank[byId[r]] = r;
        }

        var claimRefs = ties.Sum(t => t.Claims.Count);
        var bytes = new MemoryStream(16 + ties.Count * TieRowBytes + claimRefs * ClaimRowBytes + 256);
        using var w = new BinaryWriter(bytes, System.Text.Encoding.UTF8, leaveOpen: true);
        w.Write(ties.Count);
        w.Write(claimRefs);
        var kinds = Names<TieKind>(w, Shared);
        var stances = Names<ClaimStance>(w, Shared);
        var reports = Names<ClaimReports>(w, Shared);
        for (var i = 0; i < ties.Count; i++)
        {
            var t = ties[i];
            w.Write(Shared(t.From.Value));
            w.Write(Shared(t.To.Value));
            w.Write(kinds[t.Kind]);
            w.Write(t.StartOnly);
            w.Write(Packed(t.Period.Start));
            w.Write(Packed(t.Period.End));
            w.Write(Packed(t.EndPublicSince));
            w.Write(rank[i]);
            w.Write(t.Claims.Count);
        }

        foreach (var t in ties)
        {
            foreach (var id in t.Claims)
            {
                var c = claimById.TryGetValue(id, out var found) ? found
                    : throw new InvalidOperationException($"Tie {t.Id} cites claim {id}, which is not on record.");
                w.Write(Shared(c.Source.Value));
                w.Write((byte)c.Grade.Reliability);
                w.Write((byte)c.Grade.Credibility);
                w.Write(stances[c.Stance]);
                w.Write(reports[c.Reports]);
                w.Write(c.Context);
                w.Write(Packed(c.PublicSince));
            }
        }

        return bytes;
    }

    /// <summary>Writes the payload names of an enum's members as string numbers and returns each member's number in that list.</summary>
    private static Dictionary<T, byte> Names<T>(BinaryWriter w, Func<string, int> shared)
        where T : struct, Enum
    {
        var names = WireNames.Enums[typeof(T)];
        w.Write((byte)names.Count);
        var numbers = new Dictionary<T, byte>();
        foreach (var (member, name) in names)
        {
            w.Write(shared(name));
            numbers[(T)member] = (byte)numbers.Count;
        }

        return numbers;
    }

    private static uint Packed(FuzzyDate? date) => date is { } d ? (uint)(d.Year << 16 | (d.Month ?? 0) << 8 | (d.Day ?? 0)) : 0;

    private static FuzzyDate? Unpacked(uint packed) => packed == 0 ? null : new FuzzyDate((int)(packed >> 16), (int)(packed >> 8) & 0xff, (int)packed & 0xff);

    /// <summary>Buckets per fact: about four facts are decoded to find one.</summary>
    private const int FactsPerBucket = 4;

    internal static int BucketCount(int facts) => Math.Max(1, facts / FactsPerBucket);

    /// <summary>A stable hash of an id (FNV-1a over its UTF-16 units): the same in every process, unlike string.GetHashCode.</summary>
    internal static int BucketOf(string id, int buckets)
    {
        var hash = 2166136261u;
        foreach (var ch in id)
        {
            hash = (hash ^ ch) * 16777619u;
        }

        return (int)(hash % (uint)buckets);
    }

    /// <summary>Facts written in bucket order; the index holds each bucket's first ordinal, then each fact's offset, as 32-bit integers.</summary>
    private static (MemoryStream Bytes, MemoryStream Index, List<T> Order) Bucketed<T>(List<T> facts, Func<T, string> id, Dictionary<string, int> table)
        where T : Fact
    {
        var buckets = BucketCount(facts.Count);
        // Bucket order, first-seen order within a bucket, by counting: one pass to count, one to place (a comparison sort
        // of a million facts took about a second of the checkpoint write).
        var bucketOf = new int[facts.Count];
        var bucketStarts = new int[buckets + 1];
        for (var i = 0; i < facts.Count; i++)
        {
            bucketOf[i] = BucketOf(id(facts[i]), buckets);
            bucketStarts[bucketOf[i] + 1]++;
        }

        for (var b = 0; b < buckets; b++)
        {
            bucketStarts[b + 1] += bucketStarts[b];
        }

        var order = new T[facts.Count];
        var next = bucketStarts[..^1];
        for (var i = 0; i < facts.Count; i++)
        {
            order[next[bucketOf[i]]++] = facts[i];
        }

        var bytes = new MemoryStream();
        var index = new MemoryStream();
        using var w = new Writer(bytes, table);
        using var ix = new BinaryWriter(index, System.Text.Encoding.UTF8, leaveOpen: true);
        foreach (var start in bucketStarts)
        {
            ix.Write(start);
        }

        foreach (var f in order)
        {
            w.Flush();
            ix.Write(checked((int)bytes.Length));
            w.Fact(f);
        }

        w.Flush();
        ix.Write(checked((int)bytes.Length));
        return (bytes, index, [.. order]);
    }

    /// <summary>Opens a checkpoint: the small facts now, the ties and claims when asked.</summary>
    /// <exception cref="InvalidDataException">The data is not a checkpoint of this format (or is cut short).</exception>
    public static (List<Fact> Facts, StoredCheckpoint Stored) Open(byte[] data) => Open(new CheckpointBytes.Whole(data));

    /// <inheritdoc cref="Open(byte[])"/>
    public static (List<Fact> Facts, StoredCheckpoint Stored) Open(CheckpointBytes data)
    {
        if (data.Length < HeaderBytes)
        {
            throw new InvalidDataException("The checkpoint is not in this build's format.");
        }

        var header = data.Range(0, HeaderBytes).Span;
        if (BinaryPrimitives.ReadInt32LittleEndian(header) != Format)
        {
            throw new InvalidDataException("The checkpoint is not in this build's format.");
        }

        var offsets = new long[Sections + 1];
        for (var k = 0; k <= Sections; k++)
        {
            offsets[k] = BinaryPrimitives.ReadInt64LittleEndian(header[(4 + 8 * k)..]);
            if (offsets[k] < HeaderBytes || offsets[k] > data.Length || (k > 0 && offsets[k] < offsets[k - 1]))
            {
                throw new InvalidDataException("The checkpoint's sections do not fit its length.");
            }
        }

        data.DivideAt(offsets);
        var counts = header[(4 + 8 * (Sections + 1))..];
        var smallCount = BinaryPrimitives.ReadInt32LittleEndian(counts);
        var tieCount = BinaryPrimitives.ReadInt32LittleEndian(counts[4..]);
        var claimCount = BinaryPrimitives.ReadInt32LittleEndian(counts[8..]);
        var year = BinaryPrimitives.ReadInt16LittleEndian(counts[12..]);
        FuzzyDate? latest = year == 0 ? null : new FuzzyDate(year, counts[14], counts[15]);

        string[] table;
        using (var r = new BinaryReader(WholeSection(data, offsets, 6)))
        {
            table = new string[r.Read7BitEncodedInt()];
            for (var i = 0; i < table.Length; i++)
            {
                table[i] = r.ReadString();
            }
        }

        var facts = new List<Fact>(smallCount);
        using (var r = new Reader(WholeSection(data, offsets, 0), table))
        {
            for (var i = 0; i < smallCount; i++)
            {
                facts.Add(r.Fact());
            }
        }

        return (facts, new StoredCheckpoint(data, offsets, table, tieCount, claimCount, latest));
    }

    /// <summary>A section for reading facts here and there (through its index).</summary>
    private static Stream Section(CheckpointBytes data, long[] offsets, int k) => data.Open(offsets[k], offsets[k + 1] - offsets[k]);

    /// <summary>A section for reading from start to end.</summary>
    private static Stream WholeSection(CheckpointBytes data, long[] offsets, int k) => data.OpenWhole(offsets[k], offsets[k + 1] - offsets[k]);

    /// <summary>The ties and claims of an opened checkpoint, decoded when asked (see <see cref="IStoredFacts"/>).</summary>
    internal sealed class StoredCheckpoint : IStoredFacts
    {
        private readonly CheckpointBytes data;
        private readonly long[] offsets;
        private readonly string[] table;
        private readonly Lazy<List<Tie>> allTies;
        private readonly Lazy<List<Claim>> allClaims;
        private readonly Lazy<Dictionary<string, int[]>> tiesByActor;
        private readonly Lazy<TieTable> tieTable;

        public StoredCheckpoint(CheckpointBytes data, long[] offsets, string[] table, int tieCount, int claimCount, FuzzyDate? latest)
        {
            this.data = data;
            this.offsets = offsets;
            this.table = table;
            TieCount = tieCount;
            ClaimCount = claimCount;
            LatestTieDate = latest;
            allTies = new(() => ReadAll<Tie>(1, tieCount));
            allClaims = new(() => ReadAll<Claim>(2, claimCount));
            tiesByActor = new(ReadActorIndex);
            tieTable = new(ReadTieTable);
        }

        public TieTable Table => tieTable.Value;

        public void ReadRest() => data.ReadAll();

        public int RowOf(string tieId)
        {
            if (TieCount == 0)
            {
                return -1;
            }

            var (from, to) = Bucket(3, TieCount, tieId);
            var r = new Reader(Section(data, offsets, 1), table);
            for (var o = from; o < to; o++)
            {
                var t = allTies.IsValueCreated ? allTies.Value[o] : At<Tie>(r, 3, TieCount, o);
                if (t.Id == tieId)
                {
                    return o;
                }
            }

            return -1;
        }

        private Tie TieAt(int ordinal)
            => allTies.IsValueCreated ? allTies.Value[ordinal] : At<Tie>(new Reader(Section(data, offsets, 1), table), 3, TieCount, ordinal);

        private TieTable ReadTieTable()
        {
            var span = data.Range(offsets[7], checked((int)(offsets[8] - offsets[7]))).Span;
            var count = BinaryPrimitives.ReadInt32LittleEndian(span);
            var claimRefs = BinaryPrimitives.ReadInt32LittleEndian(span[4..]);
            if (count != TieCount)
            {
                throw new InvalidDataException("The checkpoint's tie rows do not match its ties.");
            }

            var at = 8;
            var kinds = Members<TieKind>(span, ref at);
            var stances = Members<ClaimStance>(span, ref at);
            var reports = Members<ClaimReports>(span, ref at);
            if (span.Length != at + (long)count * TieRowBytes + (long)claimRefs * ClaimRowBytes)
            {
                throw new InvalidDataException("The checkpoint's tie rows are not the length their counts give.");
            }

            var t = new TieTable(count, claimRefs, table, table, TieAt);
            var c = 0;
            for (var i = 0; i < count; i++, at += TieRowBytes)
            {
                var row = span.Slice(at, TieRowBytes);
                t.From[i] = StringNumber(BinaryPrimitives.ReadInt32LittleEndian(row));
                t.To[i] = StringNumber(BinaryPrimitives.ReadInt32LittleEndian(row[4..]));
                t.Kind[i] = Member(kinds, row[8]);
                t.StartOnly[i] = row[9] != 0;
                t.Start[i] = Unpacked(BinaryPrimitives.ReadUInt32LittleEndian(row[10..]));
                t.End[i] = Unpacked(BinaryPrimitives.ReadUInt32LittleEndian(row[14..]));
                t.EndPublicSince[i] = Unpacked(BinaryPrimitives.ReadUInt32LittleEndian(row[18..]));
                t.IdRank[i] = BinaryPrimitives.ReadInt32LittleEndian(row[22..]);
                t.ClaimStart[i] = c;
                c += BinaryPrimitives.ReadInt32LittleEndian(row[26..]);
            }

            t.ClaimStart[count] = c;
            if (c != claimRefs)
            {
                throw new InvalidDataException("The checkpoint's tie rows cite more claims than they hold.");
            }

            for (var k = 0; k < claimRefs; k++, at += ClaimRowBytes)
            {
                var row = span.Slice(at, ClaimRowBytes);
                t.ClaimSource[k] = StringNumber(BinaryPrimitives.ReadInt32LittleEndian(row));
                t.Grade[k] = new Grade((char)row[4], row[5]);
                t.Stance[k] = Member(stances, row[6]);
                t.Reports[k] = Member(reports, row[7]);
                t.Context[k] = row[8] != 0;
                t.PublicSince[k] = Unpacked(BinaryPrimitives.ReadUInt32LittleEndian(row[9..]));
            }

            return t;
        }

        private int StringNumber(int n) => n >= 0 && n < table.Length ? n : throw new InvalidDataException("The checkpoint refers to a string it does not hold.");

        private T[] Members<T>(ReadOnlySpan<byte> span, ref int at)
            where T : struct, Enum
        {
            var members = new T[span[at++]];
            for (var k = 0; k < members.Length; k++, at += 4)
            {
                var name = table[StringNumber(BinaryPrimitives.ReadInt32LittleEndian(span[at..]))];
                members[k] = ByName<T>.Values.TryGetValue(name, out var m) ? (T)m : throw new InvalidDataException($"The checkpoint holds an unknown {typeof(T).Name} '{name}'.");
            }

            return members;
        }

        private static T Member<T>(T[] members, byte k) => k < members.Length ? members[k] : throw new InvalidDataException("The checkpoint's tie rows name a member it does not list.");

        public int TieCount { get; }

        public int ClaimCount { get; }

        public FuzzyDate? LatestTieDate { get; }

        public IEnumerable<Tie> Ties() => allTies.Value;

        public IEnumerable<Claim> Claims() => allClaims.Value;

        public IReadOnlyList<Tie> TiesOf(ActorId actor)
        {
            if (!tiesByActor.Value.TryGetValue(actor.Value, out var ordinals))
            {
                return [];
            }

            if (allTies.IsValueCreated)
            {
                return ordinals.Select(o => allTies.Value[o]).ToList();
            }

            var r = new Reader(Section(data, offsets, 1), table);
            return ordinals.Select(o => At<Tie>(r, 3, TieCount, o)).ToList();
        }

        // Lookups so far. A lookup decodes its bucket (about four facts), which suits a command reading a few facts; a reader
        // that looks up as many keys as the section holds (an import checks and compares every key it writes, most of them
        // new) would decode each fact many times over, so past that many lookups the section is decoded whole, once, and
        // later lookups compare ids only. `wedge import mmp` of 1M observations onto the built-in case looks up millions of
        // keys in a checkpoint of a few hundred ties and claims: its append allocated 18.5 GB instead of 4.5 GB and took
        // 48 s of CPU instead of 34 s (bench/mmp-import/README.md).
        private int tieLookups;
        private int claimLookups;

        public Tie? FindTie(string id)
            => allTies.IsValueCreated || Interlocked.Increment(ref tieLookups) > TieCount
                ? Find(allTies.Value, 3, TieCount, id, t => t.Id)
                : Find<Tie>(1, 3, TieCount, id, t => t.Id);

        public Claim? FindClaim(ClaimId id)
            => allClaims.IsValueCreated || Interlocked.Increment(ref claimLookups) > ClaimCount
                ? Find(allClaims.Value, 4, ClaimCount, id.Value, c => c.Id.Value)
                : Find<Claim>(2, 4, ClaimCount, id.Value, c => c.Id.Value);

        private int Int(int section, int k) => data.Int32At(offsets[section] + 4L * k);

        /// <summary>The ordinals of the bucket <paramref name="id"/> falls in.</summary>
        private (int From, int To) Bucket(int indexSection, int count, string id)
        {
            var buckets = BucketCount(count);
            var b = BucketOf(id, buckets);
            return (Int(indexSection, b), Int(indexSection, b + 1));
        }

        private T At<T>(Reader r, int indexSection, int count, int ordinal) where T : Fact
        {
            r.BaseStream.Position = Int(indexSection, BucketCount(count) + 1 + ordinal);
            return r.Fact() as T ?? throw new InvalidDataException("The checkpoint's index points at the wrong kind of fact.");
        }

        private T? Find<T>(int section, int indexSection, int count, string id, Func<T, string> idOf) where T : Fact
        {
            if (count == 0)
            {
                return null;
            }

            var (from, to) = Bucket(indexSection, count, id);
            var r = new Reader(Section(data, offsets, section), table);
            for (var o = from; o < to; o++)
            {
                var f = At<T>(r, indexSection, count, o);
                if (idOf(f) == id)
                {
                    return f;
                }
            }

            return null;
        }

        private T? Find<T>(List<T> all, int indexSection, int count, string id, Func<T, string> idOf) where T : Fact
        {
            if (count == 0)
            {
                return null;
            }

            var (from, to) = Bucket(indexSection, count, id);
            for (var o = from; o < to; o++)
            {
                if (idOf(all[o]) == id)
                {
                    return all[o];
                }
            }

            return null;
        }

        private List<T> ReadAll<T>(int section, int count) where T : Fact
        {
            var list = new List<T>(count);
            using var r = new Reader(WholeSection(data, offsets, section), table);
            for (var i = 0; i < count; i++)
            {
                list.Add(r.Fact() as T ?? throw new InvalidDataException("The checkpoint holds the wrong kind of fact in a section."));
            }

            return list;
        }

        private Dictionary<string, int[]> ReadActorIndex()
        {
            using var r = new Reader(WholeSection(data, offsets, 5), table);
            var n = r.Count();
            var index = new Dictionary<string, int[]>(n, StringComparer.Ordinal);
            for (var i = 0; i < n; i++)
            {
                var actor = r.Str() ?? throw new InvalidDataException("The checkpoint's actor index names no actor.");
                var ordinals = new int[r.Count()];
                var previous = 0;
                for (var k = 0; k < ordinals.Length; k++)
                {
                    ordinals[k] = previous += r.Count();
                }

                index[actor] = ordinals;
            }

            return index;
        }
    }

    private sealed class Writer(Stream stream, Dictionary<string, int> table) : BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)
    {
        public void Count(int n) => Write7BitEncodedInt(n);

        /// <summary>A string written in place (ids, texts, notes: mostly unique). 0: null; 1: the string follows.</summary>
        public void Str(string? s)
        {
            if (s is null)
            {
                Write7BitEncodedInt(0);
            }
            else
            {
                Write7BitEncodedInt(1);
                Write(s);
            }
        }

        /// <summary>A string that repeats (actor and source ids, enum names, grade reasons): n ≥ 2 refers to the table's (n-2)-th string.</summary>
        public void Shared(string? s)
        {
            if (s is null)
            {
                Write7BitEncodedInt(0);
                return;
            }

            if (!table.TryGetValue(s, out var n))
            {
                table.Add(s, n = table.Count);
            }

            Write7BitEncodedInt(n + 2);
        }

        public void Name<T>(T value) where T : struct, Enum => Shared(WireNames.Of(value));

        public void Date(FuzzyDate? date)
        {
            if (date is not { } d)
            {
                Write((short)0);
                return;
            }

            Write((short)d.Year);
            Write((byte)(d.Month ?? 0));
            Write((byte)(d.Day ?? 0));
        }

        public void Period(Period p)
        {
            Date(p.Start);
            Date(p.End);
        }

        public void Strs(IEnumerable<string> items)
        {
            var list = items as IReadOnlyCollection<string> ?? [.. items];
            Count(list.Count);
            foreach (var s in list)
            {
                Str(s);
            }
        }

        public void Fact(Fact fact)
        {
            Write((byte)TagOf(fact));
            Strs(fact.Claims.Select(c => c.Value));
            switch (fact)
            {
                case Source s:
                    Shared(s.Id.Value);
                    Str(s.Title);
                    Str(s.Author);
                    Str(s.Publisher);
                    Date(s.Date);
                    Str(s.Url);
                    Str(s.Marking is { } sm ? WireNames.Of(sm) : null);
                    break;
                case Claim c:
                    Str(c.Id.Value);
                    Shared(c.Source.Value);
                    Str(c.Text);
                    Write(c.Grade.Reliability);
                    Write((byte)c.Grade.Credibility);
                    Shared(c.GradeReason);
                    Str(c.Locator);
                    Date(c.PublicSince);
                    Name(c.Stance);
                    Name(c.Reports);
                    Write(c.Context);
                    Str(c.Marking is { } cm ? WireNames.Of(cm) : null);
                    break;
                case Actor a:
                    Shared(a.Id.Value);
                    Str(a.Name);
                    Name(a.Kind);
                    Strs(a.Aliases);
                    Shared(a.Parent?.Value);
                    Strs(a.Ideology);
                    Str(a.HomeBase);
                    Period(a.Active);
                    Date(a.EndPublicSince);
                    Count(a.ExternalIds.Count);
                    foreach (var (k, v) in a.ExternalIds)
                    {
                        Str(k);
                        Str(v);
                    }

                    Str(a.Description);
                    break;
                case Role r:
                    Str(r.Id);
                    Shared(r.Person.Value);
                    Shared(r.Organisation.Value);
                    Shared(r.Title.Value);
                    Period(r.Period);
                    Date(r.EndPublicSince);
                    break;
                case Tie t:
                    Str(t.Id);
                    Name(t.Kind);
                    Shared(t.From.Value);
                    Shared(t.To.Value);
                    Period(t.Period);
                    Date(t.EndPublicSince);
                    Name(t.Stance);
                    Name(t.Acknowledgement);
                    Str(t.Note);
                    Write(t.StartOnly);
                    break;
                case LedgerEntry l:
                    Str(l.Id);
                    Shared(l.Provider.Value);
                    Shared(l.Recipient.Value);
                    Name(l.Category);
                    Period(l.Period);
                    Write((byte)l.Magnitude.Low);
                    Write((byte)l.Magnitude.High);
                    Str(l.Note);
                    break;
                case Event e:
                    Str(e.Id);
                    Date(e.Date);
                    Name(e.Kind);
                    Str(e.Title);
                    Count(e.Actors.Count);
                    foreach (var x in e.Actors)
                    {
                        Shared(x.Value);
                    }

                    // -1: not known (a count is never negative).
                    Write(e.Fatalities ?? -1);
                    break;
                case ActorAttribute at:
                    Str(at.Id);
                    Shared(at.Actor.Value);
                    Shared(at.Name);
                    Str(at.Value);
                    Period(at.Period);
                    Date(at.EndPublicSince);
                    break;
            }
        }

        private static Tag TagOf(Fact fact) => fact switch
        {
            Source => Tag.Source,
            Claim => Tag.Claim,
            Actor => Tag.Actor,
            Role => Tag.Role,
            Tie => Tag.Tie,
            LedgerEntry => Tag.Ledger,
            Event => Tag.Event,
            ActorAttribute => Tag.Attribute,
            _ => throw new InvalidOperationException($"The checkpoint cannot hold a {fact.GetType().Name}."),
        };
    }

    private static class ByName<T>
        where T : struct, Enum
    {
        public static readonly IReadOnlyDictionary<string, Enum> Values = WireNames.EnumsByName[typeof(T)];
    }

    private sealed class Reader(Stream stream, string[] table) : BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true)
    {
        // Ids repeat (an actor is referred to by thousands of ties): each distinct one is checked and wrapped once.
        private readonly Dictionary<string, ActorId> actorIds = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ClaimId> claimIds = new(StringComparer.Ordinal);
        private readonly Dictionary<string, SourceId> sourceIds = new(StringComparer.Ordinal);

        public int Count() => Read7BitEncodedInt();

        public string? Str()
        {
            var n = Read7BitEncodedInt();
            return n switch
            {
                0 => null,
                1 => ReadString(),
                _ => n - 2 < table.Length ? table[n - 2] : throw new InvalidDataException("The checkpoint refers to a string it does not hold."),
            };
        }

        private string Req() => Str() ?? throw new InvalidDataException("The checkpoint lacks a required string.");

        private static Marking? MarkingOf(string? name)
            => name is null ? null : ByName<Marking>.Values.TryGetValue(name, out var m) ? (Marking)m : throw new InvalidDataException($"The checkpoint holds an unknown marking '{name}'.");

        public T Name<T>() where T : struct, Enum
        {
            var name = Req();
            return ByName<T>.Values.TryGetValue(name, out var value) ? (T)value : throw new InvalidDataException($"The checkpoint holds an unknown {typeof(T).Name} '{name}'.");
        }

        public FuzzyDate? Date()
        {
            var year = ReadInt16();
            return year == 0 ? null : new FuzzyDate(year, ReadByte(), ReadByte());
        }

        public Period Period()
        {
            var start = Date();
            var end = Date();
            return start is null && end is null ? Wedge.Core.Time.Period.Always : new Period(start, end);
        }

        private ActorId Actor() => Id(actorIds, Req(), s => new ActorId(s));

        private ActorId? OptionalActor() => Str() is { } s ? Id(actorIds, s, x => new ActorId(x)) : null;

        private static T Id<T>(Dictionary<string, T> cache, string s, Func<string, T> make)
        {
            if (!cache.TryGetValue(s, out var id))
            {
                id = make(s);
                cache.Add(s, id);
            }

            return id;
        }

        private string[] Strs()
        {
            var n = Count();
            if (n == 0)
            {
                return [];
            }

            var items = new string[n];
            for (var i = 0; i < n; i++)
            {
                items[i] = Req();
            }

            return items;
        }

        private IReadOnlyList<ClaimId> Claims()
        {
            var n = Count();
            if (n == 0)
            {
                return [];
            }

            var items = new ClaimId[n];
            for (var i = 0; i < n; i++)
            {
                items[i] = Id(claimIds, Req(), s => new ClaimId(s));
            }

            return items;
        }

        public Fact Fact()
        {
            var tag = (Tag)ReadByte();
            var claims = Claims();
            return tag switch
            {
                Tag.Source => new Source
                {
                    Claims = claims,
                    Id = Id(sourceIds, Req(), s => new SourceId(s)),
                    Title = Req(),
                    Author = Str(),
                    Publisher = Str(),
                    Date = Date(),
                    Url = Str(),
                    Marking = MarkingOf(Str()),
                },
                Tag.Claim => new Claim
                {
                    Claims = claims,
                    Id = Id(claimIds, Req(), s => new ClaimId(s)),
                    Source = Id(sourceIds, Req(), s => new SourceId(s)),
                    Text = Req(),
                    Grade = new Grade(ReadChar(), ReadByte()),
                    GradeReason = Str(),
                    Locator = Str(),
                    PublicSince = Date(),
                    Stance = Name<ClaimStance>(),
                    Reports = Name<ClaimReports>(),
                    Context = ReadBoolean(),
                    Marking = MarkingOf(Str()),
                },
                Tag.Actor => ReadActor(claims),
                Tag.Role => new Role
                {
                    Claims = claims,
                    Id = Req(),
                    Person = Actor(),
                    Organisation = Actor(),
                    Title = new RoleTitle(Req()),
                    Period = Period(),
                    EndPublicSince = Date(),
                },
                Tag.Tie => new Tie
                {
                    Claims = claims,
                    Id = Req(),
                    Kind = Name<TieKind>(),
                    From = Actor(),
                    To = Actor(),
                    Period = Period(),
                    EndPublicSince = Date(),
                    Stance = Name<TieStance>(),
                    Acknowledgement = Name<Acknowledgement>(),
                    Note = Str(),
                    StartOnly = ReadBoolean(),
                },
                Tag.Ledger => new LedgerEntry
                {
                    Claims = claims,
                    Id = Req(),
                    Provider = Actor(),
                    Recipient = Actor(),
                    Category = Name<LedgerCategory>(),
                    Period = Period(),
                    Magnitude = new Magnitude(ReadByte(), ReadByte()),
                    Note = Str(),
                },
                Tag.Event => new Event
                {
                    Claims = claims,
                    Id = Req(),
                    Date = Date() ?? throw new InvalidDataException("An event in the checkpoint has no date."),
                    Kind = Name<EventKind>(),
                    Title = Req(),
                    Actors = ReadActors(),
                    Fatalities = ReadInt32() is var killed and >= 0 ? killed : null,
                },
                Tag.Attribute => new ActorAttribute
                {
                    Claims = claims,
                    Id = Req(),
                    Actor = Actor(),
                    Name = Req(),
                    Value = Req(),
                    Period = Period(),
                    EndPublicSince = Date(),
                },
                _ => throw new InvalidDataException($"The checkpoint holds an unknown fact tag {(byte)tag}."),
            };
        }

        private Actor ReadActor(IReadOnlyList<ClaimId> claims)
        {
            var id = Actor();
            var name = Req();
            var kind = Name<ActorKind>();
            var aliases = Strs();
            var parent = OptionalActor();
            var ideology = Strs();
            var homeBase = Str();
            var active = Period();
            var endPublicSince = Date();
            var n = Count();
            var externalIds = new Dictionary<string, string>(n);
            for (var i = 0; i < n; i++)
            {
                externalIds.Add(Req(), Req());
            }

            return new Actor
            {
                Id = id,
                Name = name,
                Kind = kind,
                Aliases = aliases,
                Parent = parent,
                Ideology = ideology,
                HomeBase = homeBase,
                Active = active,
                EndPublicSince = endPublicSince,
                ExternalIds = externalIds,
                Description = Str(),
                Claims = claims,
            };
        }

        private ActorId[] ReadActors()
        {
            var n = Count();
            var items = new ActorId[n];
            for (var i = 0; i < n; i++)
            {
                items[i] = Actor();
            }

            return n == 0 ? [] : items;
        }
    }
}
