using Microsoft.Data.Sqlite;
using Wedge.Application.Notices;
using Wedge.Application.Problems;
using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Data.Cases;
using Wedge.Data.Store;
using Wedge.Data.Store.Postgres;

namespace Wedge.Application.Store;

/// <summary>
/// The record kept in the journal store (<see cref="IJournalStore"/>) the options name: an SQLite file
/// (<see cref="WedgeStore"/>) or, given a connection string (<c>Host=…;Database=…</c>), a PostgreSQL server
/// (<see cref="PostgresJournalStore"/>). Failures to open or use it become <see cref="Problem"/>s naming the file or
/// server (never a password).
/// A database is created where none exists (with a notice), but never in a directory that does not exist, unless it is
/// the default location: a mistyped path is refused rather than silently becoming a new, separate record.
/// </summary>
/// <remarks>
/// Given a primary and its hot standbys (<c>Host=primary,standby</c>), reads may be served by a standby and writes go to
/// the primary; this store remembers the version each writer last wrote, so that writer's reads go to the primary while
/// the standby has not replayed it (read-your-writes; docs/team-server.md, "More than one machine").
/// The application's services are synchronous today (the command line is their only host); this adapter waits on the
/// port's asynchronous calls. A web host will want asynchronous services: that change starts here.
/// </remarks>
public sealed class JournalRecordStore(WorkspaceOptions options, INoticeSink notices) : IRecordStore
{
    /// <summary>The database in use (options, else $WEDGE_DB, else the default): a file path or a connection string.</summary>
    public string Path => Workspace.ResolvePath(options.Database, options.Environment);

    /// <summary>True when the record is kept on a PostgreSQL server rather than in a file.</summary>
    public bool IsServer => PostgresJournalStore.IsConnectionString(Path);

    /// <summary>How the database is named to users: the file's path, or the server and database without credentials.</summary>
    public string DisplayName => IsServer ? PostgresJournalStore.NameOf(Path) : Path;

    /// <summary>True when reads may be served by a hot standby, which can be behind the primary (several hosts in the connection string).</summary>
    public bool ReadsMayLag => IsServer && PostgresJournalStore.IsMultiHost(Path);

    /// <summary>The journal version each writer (the author, who is the signed-in user on the team server) last wrote through this process.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, long> lastWritten = new(StringComparer.Ordinal);

    private long lastWrittenByAnyone;

    /// <summary>
    /// The journal version the caller's reads must include: what the signed-in user last wrote, or, where callers are not
    /// told apart (no accounts, the command line), what anyone last wrote through this process.
    /// </summary>
    public long ReadsAtLeast()
        => options.SignedInUser() is { } user ? lastWritten.GetValueOrDefault(user) : Interlocked.Read(ref lastWrittenByAnyone);

    /// <summary>Notes that <paramref name="author"/> wrote the journal up to <paramref name="version"/>, so their next reads include it.</summary>
    public void Wrote(string author, long version)
    {
        lastWritten.AddOrUpdate(author, version, (_, known) => Math.Max(known, version));
        for (var known = Interlocked.Read(ref lastWrittenByAnyone); known < version; known = Interlocked.Read(ref lastWrittenByAnyone))
        {
            if (Interlocked.CompareExchange(ref lastWrittenByAnyone, version, known) == known)
            {
                break;
            }
        }
    }

    /// <remarks>
    /// Refused when <paramref name="recordedBy"/> lies before the journal's first entry: the record was empty then, and
    /// saying so beats every question about it failing with "no actor named …".
    /// </remarks>
    public KnowledgeBase Knowledge(DateTimeOffset? recordedBy = null) => Knowledge(recordedBy, atLeast: 0);

    /// <summary>As <see cref="Knowledge(DateTimeOffset?)"/>, from a server whose journal has at least <paramref name="atLeast"/> entries.</summary>
    public KnowledgeBase Knowledge(DateTimeOffset? recordedBy, long atLeast)
        => Use(store =>
        {
            var knowledge = store.ReadKnowledgeAsync(recordedBy).GetAwaiter().GetResult();
            if (recordedBy is { } cut && knowledge.Version == 0 && store.ReadAsync().ToBlockingEnumerable().FirstOrDefault() is { } first)
            {
                throw Problem.NotFound("nothing-recorded-yet",
                    $"nothing was recorded by {cut:u}: the journal of {DisplayName} begins at {first.RecordedAt.ToUniversalTime():u}").Exception();
            }

            return knowledge;
        }, atLeast);

    /// <summary>
    /// <paramref name="held"/> brought up to the journal as it is now: only the entries after its version are read, and the
    /// facts they leave alone are shared with it (<see cref="KnowledgeBase.Advance"/>).
    /// </summary>
    public KnowledgeBase Advance(KnowledgeBase held)
        => Use(store => held.Advance(store.ReadAfterAsync(held.Version).ToBlockingEnumerable()), atLeast: held.Version);

    /// <summary>The record read on all three clocks, with a warning when the read date lies past every date on record.</summary>
    public Snapshot Read(ReadSlice slice)
    {
        var knowledge = Knowledge(slice.RecordedBy);
        if (ReadChecks.PastTheRecord(knowledge, slice) is { } warning)
        {
            notices.Notify(warning);
        }

        return Snapshot.Of(knowledge, slice.Options);
    }

    public IReadOnlyList<JournalEntry> Log(string? fact = null, int? last = null)
        => Log(fact is null ? new LogQuery(Last: last) : LogQuery.ForFact(fact, last));

    public IReadOnlyList<JournalEntry> Log(LogQuery query)
        => Use(store => store.ReadLogAsync(query).GetAwaiter().GetResult());

    public long Append(IReadOnlyList<JournalChange> changes, string author, string reason, long? expectedVersion = null, KnowledgeBase? basedOn = null)
    {
        var written = UsePrimary(store =>
        {
            // Without an expected version the change is checked against the journal as it is now.
            var version = expectedVersion ?? basedOn?.Version ?? store.GetVersionAsync().GetAwaiter().GetResult();
            // A writer that did not ask for a version check is rebased when another writer got in first: its changes
            // are checked again against the record as it now stands (the store re-reads it) and written if they still
            // hold, refused with the reason if they do not. Only additions and retractions: a correction replaces the
            // whole fact as its writer saw it, so JournalService.Correct re-applies its fields instead.
            var rebase = expectedVersion is null && changes.All(c => c.Action != JournalAction.Correct);
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    return store.AppendAsync(version, author, reason, changes).GetAwaiter().GetResult();
                }
                catch (JournalConflictException) when (rebase && attempt < MaxRebases)
                {
                    version = store.GetVersionAsync().GetAwaiter().GetResult();
                }
            }
        });
        Wrote(author, written);
        return written;
    }

    public void Remember(KnowledgeBase knowledge)
        => UsePrimary(store =>
        {
            (store as ICheckpointed)?.SaveCheckpoint(knowledge);
            return 0;
        });

    /// <summary>How many times a write without a version check is rebased before it is refused as a conflict.</summary>
    private const int MaxRebases = 8;

    public long AppendStream(IEnumerable<JournalChange> changes, string author, string reason, long expectedVersion, KnowledgeBase basedOn, CancellationToken cancellationToken = default)
    {
        var written = UsePrimary(store => store.AppendStreamAsync(expectedVersion, author, reason, changes, basedOn, cancellationToken).GetAwaiter().GetResult());
        Wrote(author, written);
        return written;
    }

    /// <summary>
    /// Opens the store for reading, runs <paramref name="work"/> and closes it, mapping store failures to problems. The
    /// reads may be served by a hot standby that has at least <paramref name="atLeast"/> and <see cref="ReadsAtLeast"/>.
    /// </summary>
    public T Use<T>(Func<IJournalStore, T> work, long atLeast = 0)
    {
        using var store = Open(Math.Max(atLeast, ReadsAtLeast()));
        return Guard(() => work(store));
    }

    /// <summary>As <see cref="Use"/>, with every read and write on the primary (writes, and reads a write is checked against).</summary>
    public T UsePrimary<T>(Func<IJournalStore, T> work)
    {
        using var store = Open();
        return Guard(() => work(store));
    }

    /// <summary>Opens the store on the primary (a new database is loaded with the built-in case, and a notice says so); the caller disposes it.</summary>
    public IJournalStore Open() => Open(readsAtLeast: null);

    private IJournalStore Open(long? readsAtLeast) => Guard<IJournalStore>(() =>
    {
        var path = Path;
        if (IsServer)
        {
            var server = Workspace.OpenServer(path, options.Clock, readsAtLeast: readsAtLeast);
            if (server.WasCreated)
            {
                notices.Notify(Notice.Note("database-created", $"created Wedge's tables on {server.Name} and loaded the built-in case into them"));
            }

            return server;
        }

        PrepareDirectory(path);
        var store = Workspace.Open(path, options.Clock);
        store.ReadCheckpointOnDemand = options.ReadCheckpointOnDemand;
        if (store.WasCreated)
        {
            notices.Notify(Notice.Note("database-created", $"created a new database at {store.Path} and loaded the built-in case into it"));
        }

        return store;
    });

    /// <summary>Opens the store without loading anything into a new one (for copying a journal into it); the caller disposes it.</summary>
    public IJournalStore OpenBare() => Guard<IJournalStore>(() =>
    {
        if (IsServer)
        {
            return PostgresJournalStore.Open(Path, options.Clock);
        }

        PrepareDirectory(Path);
        return WedgeStore.Open(Path, options.Clock);
    });

    /// <summary>Creates the database, with the built-in case or empty; refused when one exists already.</summary>
    public DatabaseCreated Create(bool withBuiltInCase)
    {
        var path = Path;
        var exists = Problem.Refused("database-exists", $"{DisplayName}: a database already exists there; nothing was changed").Exception();
        if (IsServer)
        {
            return Guard(() =>
            {
                using var server = Workspace.OpenServer(path, options.Clock, withBuiltInCase);
                return server.WasCreated ? new DatabaseCreated(server.Name, server.GetVersionAsync().GetAwaiter().GetResult(), withBuiltInCase) : throw exists;
            });
        }

        if (File.Exists(path))
        {
            throw exists;
        }

        return Guard(() =>
        {
            PrepareDirectory(path);
            using var store = withBuiltInCase ? Workspace.Open(path, options.Clock) : WedgeStore.Open(path, options.Clock);
            return store.WasCreated
                ? new DatabaseCreated(store.Path, store.GetVersionAsync().GetAwaiter().GetResult(), withBuiltInCase)
                : throw exists; // another process created it between the check and the create
        });
    }

    /// <summary>Recomputes the journal's hash chain (the primary's, where there are standbys) and reports the first broken link, if any.</summary>
    public JournalVerification Verify(CancellationToken cancellationToken = default)
        => UsePrimary(store => store.VerifyAsync(cancellationToken).GetAwaiter().GetResult());

    /// <summary>
    /// Copies this journal, entry for entry (versions, recorded times, authors, reasons and hashes), into the empty
    /// journal at <paramref name="destination"/> (a file or a connection string), checking the hash chain as it goes.
    /// Refused, writing nothing, when the destination holds entries or the chain is broken; a file this call created
    /// for the copy is removed again then.
    /// </summary>
    public JournalCopied CopyTo(string destination, CancellationToken cancellationToken = default)
    {
        var target = new JournalRecordStore(new WorkspaceOptions { Database = destination, Clock = options.Clock, Environment = options.Environment }, notices);
        if (target.IsServer == IsServer && (IsServer ? target.Path == Path : System.IO.Path.GetFullPath(target.Path) == System.IO.Path.GetFullPath(Path)))
        {
            throw Problem.Usage("same-database", $"{DisplayName}: the copy would go into the journal it is copied from").Exception();
        }

        return Guard(() =>
        {
            using var source = Open();
            using var to = target.OpenBare();
            try
            {
                var version = ((IStoredJournal)to).CopyIn(((IStoredJournal)source).StoredRows(), DisplayName, cancellationToken);
                return new JournalCopied(DisplayName, target.DisplayName, version);
            }
            catch when (to is WedgeStore { WasCreated: true } created)
            {
                created.Dispose();
                SqliteConnection.ClearAllPools();
                File.Delete(created.Path);
                throw;
            }
        });
    }

    /// <summary>True when no path was given (options or $WEDGE_DB): the user's data directory, which Wedge may create.</summary>
    private bool IsDefaultPath => string.IsNullOrWhiteSpace(options.Database) && options.Environment(Workspace.DbVariable) is not { Length: > 0 };

    /// <summary>Creates the default location's directory; refuses a new database in any other directory that does not exist.</summary>
    private void PrepareDirectory(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        var directory = System.IO.Path.GetDirectoryName(full);
        if (File.Exists(full) || string.IsNullOrEmpty(directory) || Directory.Exists(directory))
        {
            return;
        }

        if (!IsDefaultPath)
        {
            throw Problem.Refused("database-directory-missing",
                $"{path}: the directory {directory} does not exist (a mistyped path?); create it first to keep a database there. Nothing was created").Exception();
        }

        Directory.CreateDirectory(directory);
    }

    private T Guard<T>(Func<T> work)
    {
        var path = DisplayName;
        try
        {
            return work();
        }
        catch (ChangesRefusedException ex)
        {
            throw Problem.Refused("changes-refused", ex.Message).Exception();
        }
        catch (JournalConflictException ex)
        {
            throw Problem.Conflict("journal-moved", ex.Message).Exception();
        }
        catch (StoreException ex)
        {
            throw Problem.Refused("database-unusable", ex.Message).Exception();
        }
        catch (CaseRefusedException ex)
        {
            throw Problem.Internal("built-in-case-invalid", $"the built-in case is invalid (a build defect):{Environment.NewLine}{ex.Message}").Exception();
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 8)
        {
            throw Problem.Refused("database-read-only", $"{path}: the database is read-only (check the file's permissions); nothing was written").Exception();
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode is 13)
        {
            throw Problem.Refused("disk-full", $"{path}: the disk is full; nothing was written").Exception();
        }
        catch (SqliteException ex)
        {
            throw Problem.Refused("database-unusable", $"{path}: {ex.Message}").Exception();
        }
        catch (IOException ex)
        {
            throw Problem.Refused("database-unusable", $"{path}: {ex.Message}").Exception();
        }
        catch (UnauthorizedAccessException ex)
        {
            throw Problem.Refused("database-unusable", $"{path}: {ex.Message}").Exception();
        }
    }
}

/// <summary>A journal copied by `copy`: from where, to where, and the version (entries) copied.</summary>
public sealed record JournalCopied(string From, string To, long Version);

/// <summary>A database created by `init`: where, at which journal version, and whether it holds the built-in case.</summary>
public sealed record DatabaseCreated(string Path, long Version, bool BuiltInCase);
