using Wedge.Application.Notices;
using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;

namespace Wedge.Application.Store;

/// <summary>
/// The record for a long-running host (the web server): the journal is projected once per journal version and the
/// knowledge base shared by every request; snapshots are kept per read slice, at most <see cref="SnapshotCapacity"/> of
/// them (the least recently used go first). Writes pass straight through to the journal; the next read sees the new
/// version and projects again.
/// </summary>
/// <remarks>
/// Every read still asks the journal for its version (one small query), so a change made by another process (the
/// command line on the same file) is seen by the next request. Knowledge bases and snapshots are immutable, so sharing
/// them between threads is safe. A host may <see cref="Pin"/> the current knowledge for the length of a request, so that
/// all of a request's reads (and the version it reports as its ETag) come from one journal version.
/// </remarks>
public sealed class SharedKnowledgeStore(JournalRecordStore journal, INoticeSink notices, WorkspaceOptions options) : IRecordStore
{
    /// <summary>How many snapshots (one per journal version and read slice) are kept.</summary>
    public const int SnapshotCapacity = 128;

    /// <summary>How many knowledge bases read as recorded by a past time are kept (the current one is kept apart).</summary>
    public const int PastCapacity = 16;

    private readonly Lock gate = new();
    private readonly AsyncLocal<KnowledgeBase?> pinned = new();
    private readonly Lru<(long Version, DateTimeOffset RecordedBy), KnowledgeBase> past = new(PastCapacity);
    private readonly Lru<(long Version, ReadSlice Slice, Marking? Clearance), (Snapshot Snapshot, Notice? Warning)> snapshots = new(SnapshotCapacity);
    private KnowledgeBase? current;

    /// <summary>Views of a record for one clearance (the record as a reader cleared to it sees it), and each view's whole record.</summary>
    private readonly Lru<(long Version, DateTimeOffset? Cut, Marking Clearance), KnowledgeBase> views = new(PastCapacity);
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<KnowledgeBase, KnowledgeBase> wholeOf = [];

    /// <summary>How many times the journal was projected (for tests and diagnostics: a shared read projects once).</summary>
    public int Projections { get; private set; }

    /// <summary>The journal versions whose projections are held in the caches (for tests and diagnostics).</summary>
    public IReadOnlySet<long> KeptVersions
    {
        get
        {
            lock (gate)
            {
                return past.Keys.Select(k => k.Version).Concat(snapshots.Keys.Select(k => k.Version)).Concat(views.Keys.Select(k => k.Version)).ToHashSet();
            }
        }
    }

    /// <summary>The journal's version now, as the caller's reads see it (a standby may serve it, never behind the caller's own writes).</summary>
    public long Version() => journal.Use(store => store.GetVersionAsync().GetAwaiter().GetResult());

    /// <summary>The journal's version on the primary, which every write is checked against.</summary>
    public long WriteVersion() => journal.UsePrimary(store => store.GetVersionAsync().GetAwaiter().GetResult());

    /// <summary>
    /// Fixes the current knowledge base for the calling flow (a request) until the scope is disposed, and returns it:
    /// every read in the scope then sees this one journal version.
    /// </summary>
    public PinScope Pin()
    {
        var knowledge = Current();
        pinned.Value = knowledge;
        return new PinScope(this, knowledge);
    }

    /// <remarks>
    /// What the caller may see (<see cref="WorkspaceOptions.Clearance"/>): the whole record, or its view for their
    /// clearance, so every service and analysis computes on only that.
    /// </remarks>
    public KnowledgeBase Knowledge(DateTimeOffset? recordedBy = null) => Visible(Whole(recordedBy), recordedBy);

    private KnowledgeBase Visible(KnowledgeBase whole, DateTimeOffset? recordedBy)
    {
        if (options.Clearance() is not { } clearance)
        {
            return whole;
        }

        var key = (whole.Version, recordedBy, clearance);
        lock (gate)
        {
            if (views.TryGet(key, out var hit))
            {
                return hit;
            }
        }

        var view = whole.VisibleTo(clearance);
        lock (gate)
        {
            views.Set(key, view);
            if (!ReferenceEquals(view, whole))
            {
                wholeOf.AddOrUpdate(view, whole);
            }
        }

        return view;
    }

    /// <summary>A write is checked against the whole record, never a reader's view of it (which lacks what they may not see).</summary>
    private KnowledgeBase? Whole(KnowledgeBase? basedOn)
    {
        lock (gate)
        {
            return basedOn is not null && wholeOf.TryGetValue(basedOn, out var whole) ? whole : basedOn;
        }
    }

    private KnowledgeBase Whole(DateTimeOffset? recordedBy)
    {
        var now = pinned.Value ?? Current();
        if (recordedBy is not { } cut)
        {
            return now;
        }

        // What was recorded by a past time cannot change; a cut later than the newest entry grows as entries come, hence
        // the version in the key.
        var key = (now.Version, cut);
        lock (gate)
        {
            if (past.TryGet(key, out var hit))
            {
                return hit;
            }
        }

        // From a server that has every entry the key's version counts (a standby may be behind it).
        var knowledge = journal.Knowledge(cut, atLeast: now.Version);
        lock (gate)
        {
            Projections++;
            past.Set(key, knowledge);
        }

        return knowledge;
    }

    /// <summary>The snapshot for the slice, shared while the journal stays at one version; the read's warnings are said again on every read.</summary>
    public Snapshot Read(ReadSlice slice)
    {
        var knowledge = Knowledge(slice.RecordedBy);
        var key = (knowledge.Version, slice, options.Clearance());
        (Snapshot Snapshot, Notice? Warning) entry;
        bool found;
        lock (gate)
        {
            found = snapshots.TryGet(key, out entry);
        }

        if (!found)
        {
            entry = (Snapshot.Of(knowledge, slice.Options), ReadChecks.PastTheRecord(knowledge, slice));
            lock (gate)
            {
                snapshots.Set(key, entry);
            }
        }

        if (entry.Warning is { } warning)
        {
            notices.Notify(warning);
        }

        return entry.Snapshot;
    }

    public IReadOnlyList<JournalEntry> Log(string? fact = null, int? last = null) => journal.Log(fact, last);

    public void Remember(KnowledgeBase knowledge) => journal.Remember(knowledge);

    public long Append(IReadOnlyList<JournalChange> changes, string author, string reason, long? expectedVersion = null, KnowledgeBase? basedOn = null)
        => journal.Append(changes, author, reason, expectedVersion, Whole(basedOn));

    public long AppendStream(IEnumerable<JournalChange> changes, string author, string reason, long expectedVersion, KnowledgeBase basedOn, CancellationToken cancellationToken = default)
        => journal.AppendStream(changes, author, reason, expectedVersion, Whole(basedOn)!, cancellationToken);

    /// <summary>The knowledge base at the journal's version now: projected only when the version moved since the last read.</summary>
    /// <remarks>
    /// Where reads are served by a standby that is behind what this server has already projected (from the primary, for
    /// a writer reading their own writes), the newer knowledge is served: it is committed, and the journal only grows.
    /// </remarks>
    private KnowledgeBase Current()
    {
        var version = Version();
        KnowledgeBase? held;
        lock (gate)
        {
            held = current;
            if (held is { } known && (known.Version == version || (known.Version > version && journal.ReadsMayLag)))
            {
                return known;
            }
        }

        // Projected outside the lock: a slow projection must not hold up reads of other slices. Two requests that see a
        // new version at once may both project it; the result is the same.
        var knowledge = held is not null && version > held.Version ? Advanced(held) : journal.Knowledge();
        lock (gate)
        {
            Projections++;
            if (current is null || knowledge.Version >= current.Version)
            {
                if (current is not null && knowledge.Version > current.Version)
                {
                    ForgetBefore(knowledge.Version);
                }

                current = knowledge;
            }
        }

        return knowledge;
    }

    /// <summary>
    /// The journal's new entries replayed onto the version held: reads only the tail, and every request still on the held
    /// version shares the facts the tail left alone. The journal only grows (its rows cannot be updated or deleted by the
    /// application); should the entries not continue the held version, the whole journal is projected again.
    /// </summary>
    private KnowledgeBase Advanced(KnowledgeBase held)
    {
        try
        {
            return journal.Advance(held);
        }
        catch (InvalidOperationException)
        {
            return journal.Knowledge();
        }
    }

    /// <summary>
    /// Drops what was kept for versions before <paramref name="version"/>: every entry holds its own projection of the
    /// record, so keeping the snapshots of many past versions would hold as many whole records (on a large record, gigabytes
    /// under steady writes). A request pinned to a past version still gets its reads; they are computed again.
    /// </summary>
    private void ForgetBefore(long version)
    {
        past.RemoveWhere(key => key.Version < version);
        snapshots.RemoveWhere(key => key.Version < version);
        views.RemoveWhere(key => key.Version < version);
    }

    /// <summary>Ends a <see cref="Pin"/>: reads after it see the journal as it is then.</summary>
    public sealed class PinScope(SharedKnowledgeStore owner, KnowledgeBase knowledge) : IDisposable
    {
        /// <summary>The knowledge base every read in the scope sees.</summary>
        public KnowledgeBase Knowledge { get; } = knowledge;

        public void Dispose() => owner.pinned.Value = null;
    }

    /// <summary>A small least-recently-used map; not thread-safe (the store locks around it).</summary>
    private sealed class Lru<TKey, TValue>(int capacity)
        where TKey : notnull
    {
        private readonly Dictionary<TKey, LinkedListNode<(TKey Key, TValue Value)>> map = [];
        private readonly LinkedList<(TKey Key, TValue Value)> order = new();

        public IEnumerable<TKey> Keys => map.Keys;

        public bool TryGet(TKey key, out TValue value)
        {
            if (map.TryGetValue(key, out var node))
            {
                order.Remove(node);
                order.AddFirst(node);
                value = node.Value.Value;
                return true;
            }

            value = default!;
            return false;
        }

        public void Set(TKey key, TValue value)
        {
            if (map.Remove(key, out var old))
            {
                order.Remove(old);
            }

            map[key] = order.AddFirst((key, value));
            while (map.Count > capacity)
            {
                map.Remove(order.Last!.Value.Key);
                order.RemoveLast();
            }
        }

        public void RemoveWhere(Func<TKey, bool> stale)
        {
            for (var node = order.First; node is not null;)
            {
                var next = node.Next;
                if (stale(node.Value.Key))
                {
                    map.Remove(node.Value.Key);
                    order.Remove(node);
                }

                node = next;
            }
        }
    }
}
