using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using Wedge.Core.Journal;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;

namespace Wedge.Data.Store.Postgres;

/// <summary>
/// The journal on a PostgreSQL server (<see cref="IJournalStore"/>), for a team: the same append-only, hash-chained
/// entries as the SQLite <see cref="WedgeStore"/>, passing the same contract tests. Writers serialise on a table lock
/// taken before the version check, so of two appends prepared against one version only the first lands; readers are
/// never blocked. Appends go in by binary <c>COPY</c>, one transaction per append.
/// </summary>
/// <remarks>
/// Triggers refuse updates, deletes and truncation of journal rows for every role; a deployment should also run the
/// server as a role granted only SELECT and INSERT on <c>journal</c> (docs/team-server.md), and the hash chain exposes
/// what a superuser changes behind both. Connection failures and server errors surface as <see cref="StoreException"/>s
/// naming the server, never with the password. One connection per store (from Npgsql's pool), or, given a primary and its
/// hot standbys (<c>Host=primary,standby</c>), a standby's for reads and the primary's for writes (<see cref="OpenForReading"/>;
/// docs/team-server.md, "More than one machine"); not thread-safe.
/// </remarks>
public sealed class PostgresJournalStore : IJournalStore, IStoredJournal, ICheckpointed
{
    /// <summary>Held while creating or migrating the schema, so two servers starting at once migrate it once.</summary>
    private const long MigrationLockKey = 0x5765646765_4d;

    private const string Columns = "version, recorded_at, author, reason, action, fact_type, fact_id, payload, hash";

    /// <summary>One data source per multi-host connection string, for the life of the process: it pools connections per host and remembers which host is the primary.</summary>
    private static readonly ConcurrentDictionary<string, NpgsqlMultiHostDataSource> MultiHostSources = new(StringComparer.Ordinal);

    private readonly string connectionString;
    private readonly TimeProvider clock;

    /// <summary>The primary's connection (writes, and reads that must see them); opened when first needed.</summary>
    private NpgsqlConnection? primary;

    /// <summary>Where reads go: the primary's connection, or a standby's whose journal has what the reader must see.</summary>
    private NpgsqlConnection reads;

    private PostgresJournalStore(string connectionString, NpgsqlConnection reads, bool readsArePrimary, string name, TimeProvider clock, bool created)
    {
        this.connectionString = connectionString;
        this.reads = reads;
        primary = readsArePrimary ? reads : null;
        Name = name;
        this.clock = clock;
        WasCreated = created;
    }

    /// <summary>The schema version this build writes and reads.</summary>
    public static int SchemaVersion => PostgresMigrations.Latest;

    /// <summary>The server and database, for messages (never the password).</summary>
    public string Name { get; }

    /// <summary>True when this call created Wedge's tables (the database or schema held none).</summary>
    public bool WasCreated { get; }

    /// <summary>A read refreshes the checkpoint after replaying at least this many entries past it (as on SQLite).</summary>
    public int CheckpointAfter { get; set; } = 10_000;

    /// <summary>True when <paramref name="location"/> is a PostgreSQL connection string (<c>Host=…;Database=…</c>) rather than a file path.</summary>
    public static bool IsConnectionString(string? location)
        => location is not null && location.Contains('=', StringComparison.Ordinal)
           && location.Split(';').Any(part => part.TrimStart().StartsWith("Host=", StringComparison.OrdinalIgnoreCase)
                                              || part.TrimStart().StartsWith("Server=", StringComparison.OrdinalIgnoreCase));

    /// <summary>How <paramref name="connectionString"/> is named in messages: host, port and database, without credentials.</summary>
    public static string NameOf(string connectionString)
    {
        try
        {
            var b = new NpgsqlConnectionStringBuilder(connectionString);
            var hosts = (b.Host ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(h => h.Contains(':', StringComparison.Ordinal) && !h.StartsWith('[') ? h : $"{h}:{b.Port}");
            return $"PostgreSQL {string.Join(',', hosts)}/{b.Database ?? b.Username}";
        }
        catch (ArgumentException)
        {
            return "PostgreSQL (an unreadable connection string)";
        }
    }

    /// <summary>True when <paramref name="connectionString"/> lists several hosts (a primary and its standbys, <c>Host=a,b</c>).</summary>
    public static bool IsMultiHost(string connectionString)
    {
        try
        {
            return new NpgsqlConnectionStringBuilder(connectionString).Host?.Contains(',', StringComparison.Ordinal) == true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// Connects and prepares the journal: creates Wedge's tables in an empty database (or schema), migrates an older
    /// one, and refuses — leaving it untouched — one written by a newer Wedge or one holding other tables. Everything
    /// goes to the primary: of several hosts (<c>Host=a,b</c>), the one not in recovery.
    /// </summary>
    public static PostgresJournalStore Open(string connectionString, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        var name = NameOf(connectionString);
        var conn = Connection(connectionString, name, TargetSessionAttributes.Primary);
        try
        {
            conn.Open();
            var created = Prepare(conn, name);
            return new PostgresJournalStore(connectionString, conn, readsArePrimary: true, name, clock ?? TimeProvider.System, created);
        }
        catch (NpgsqlException ex)
        {
            conn.Dispose();
            throw new StoreException($"{name}: cannot open the journal: {ex.Message}", ex);
        }
        catch
        {
            conn.Dispose();
            throw;
        }
    }

    /// <summary>
    /// As <see cref="Open"/>, for a reader that may be served by a hot standby: with several hosts, reads go to a
    /// standby (the connection string's <c>Target Session Attributes</c>, else <c>prefer-standby</c>) when its journal
    /// has reached <paramref name="readsAtLeast"/> — the version the reader last wrote, so a writer reads its own writes —
    /// and to the primary when it has not, when its schema is behind, or when no standby answers. Writes always go to
    /// the primary, and once this store has written, its reads do too. With one host this is <see cref="Open"/>.
    /// </summary>
    public static PostgresJournalStore OpenForReading(string connectionString, long readsAtLeast, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(connectionString);
        if (!IsMultiHost(connectionString))
        {
            return Open(connectionString, clock);
        }

        var name = NameOf(connectionString);
        var conn = Connection(connectionString, name, ReadTarget(connectionString));
        try
        {
            conn.Open();
            var standby = InRecovery(conn);
            if (SchemaVersionOf(conn, name, null) == SchemaVersion && (!standby || JournalVersionOf(conn) >= readsAtLeast))
            {
                return new PostgresJournalStore(connectionString, conn, readsArePrimary: !standby, name, clock ?? TimeProvider.System, created: false);
            }
        }
        catch (NpgsqlException)
        {
            // No usable standby (all down, or one mid-restart): the primary serves the read.
        }

        conn.Dispose();
        return Open(connectionString, clock);
    }

    /// <summary>Whether the reads of this store go to a hot standby (rather than to the primary).</summary>
    public bool ReadsFromStandby => Guard(() => InRecovery(reads));

    private static TargetSessionAttributes ReadTarget(string connectionString)
    {
        var asked = new NpgsqlConnectionStringBuilder(connectionString).TargetSessionAttributes;
        return string.IsNullOrEmpty(asked)
            ? TargetSessionAttributes.PreferStandby
            : Enum.Parse<TargetSessionAttributes>(asked.Replace("-", "", StringComparison.Ordinal), ignoreCase: true);
    }

    /// <summary>An unopened connection to the primary (of several hosts, the one not in recovery): for what is written beside the journal.</summary>
    public static NpgsqlConnection PrimaryConnection(string connectionString) => Connection(connectionString, NameOf(connectionString), TargetSessionAttributes.Primary);

    /// <summary>An unopened connection: with one host, from Npgsql's pool; with several, to a host of <paramref name="target"/>'s kind.</summary>
    private static NpgsqlConnection Connection(string connectionString, string name, TargetSessionAttributes target)
    {
        try
        {
            if (!IsMultiHost(connectionString))
            {
                return new NpgsqlConnection(connectionString);
            }

            var source = MultiHostSources.GetOrAdd(connectionString, cs =>
            {
                // The data source picks hosts by the attribute each connection asks for, not by the string's.
                var builder = new NpgsqlDataSourceBuilder(cs);
                builder.ConnectionStringBuilder.TargetSessionAttributes = null;
                return builder.BuildMultiHost();
            });
            return source.CreateConnection(target);
        }
        catch (ArgumentException ex)
        {
            throw new StoreException($"{name}: {ex.Message}", ex);
        }
    }

    private static bool InRecovery(NpgsqlConnection conn)
    {
        using var cmd = new NpgsqlCommand("SELECT pg_is_in_recovery()", conn);
        return cmd.ExecuteScalar() is true;
    }

    private static long JournalVersionOf(NpgsqlConnection conn)
    {
        using var cmd = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM journal", conn);
        return Convert.ToInt64(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>The primary's connection, opened on first use (a store reading from a standby needs it only to write).</summary>
    private NpgsqlConnection Primary
    {
        get
        {
            if (primary is null)
            {
                var conn = Connection(connectionString, Name, TargetSessionAttributes.Primary);
                try
                {
                    conn.Open();
                }
                catch
                {
                    conn.Dispose();
                    throw;
                }

                primary = conn;
            }

            return primary;
        }
    }

    /// <summary>After this store has written, its reads go to the primary, so they see the write.</summary>
    private void ReadOwnWrites()
    {
        if (!ReferenceEquals(reads, primary))
        {
            reads.Dispose();
            reads = primary!;
        }
    }

    /// <summary>Checks the schema is Wedge's and current, creating or migrating it when needed; true when it was created.</summary>
    private static bool Prepare(NpgsqlConnection conn, string name)
    {
        var version = SchemaVersionOf(conn, name, null);
        if (version == SchemaVersion)
        {
            return false;
        }

        if (version > SchemaVersion)
        {
            throw new StoreException($"{name}: written by a newer Wedge (schema version {version}; this one reads up to {SchemaVersion}); it was left untouched. Use a newer wedge to open it.");
        }

        using var tx = conn.BeginTransaction();
        Execute(conn, tx, $"SELECT pg_advisory_xact_lock({MigrationLockKey})");
        version = SchemaVersionOf(conn, name, tx); // another server may have migrated it while this one waited
        if (version == 0)
        {
            using var count = new NpgsqlCommand("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema()", conn, tx);
            if (Convert.ToInt64(count.ExecuteScalar(), CultureInfo.InvariantCulture) > 0)
            {
                throw new StoreException($"{name}: not a Wedge database (its schema holds other tables but not Wedge's); it was left untouched. Use an empty database or schema.");
            }
        }

        foreach (var step in PostgresMigrations.All.Where(m => m.Version > version))
        {
            Execute(conn, tx, step.Sql);
        }

        if (version == 0)
        {
            Execute(conn, tx, "INSERT INTO wedge_meta VALUES ('app', 'wedge')");
        }

        Execute(conn, tx, $"INSERT INTO wedge_meta VALUES ('schema_version', '{SchemaVersion}') ON CONFLICT (key) DO UPDATE SET value = excluded.value");
        tx.Commit();
        return version == 0;
    }

    /// <summary>The stored schema version; 0 when the schema holds no Wedge tables yet.</summary>
    private static int SchemaVersionOf(NpgsqlConnection conn, string name, NpgsqlTransaction? tx)
    {
        using var cmd = new NpgsqlCommand("SELECT to_regclass('wedge_meta') IS NOT NULL", conn, tx);
        if (cmd.ExecuteScalar() is not true)
        {
            return 0;
        }

        cmd.CommandText = "SELECT value FROM wedge_meta WHERE key = 'schema_version'";
        var text = cmd.ExecuteScalar() as string;
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) && version >= 1
            ? version
            : throw new StoreException($"{name}: a damaged Wedge database (its schema version is {(text is null ? "missing" : $"'{text}'")}); it was left untouched.");
    }

    private static void Execute(NpgsqlConnection conn, NpgsqlTransaction? tx, string sql)
    {
        using var cmd = new NpgsqlCommand(sql, conn, tx);
        cmd.ExecuteNonQuery();
    }

    public long Version => Guard(() => LastEntry(reads, null).Version);

    private IEnumerable<JournalEntry> ReadAfter(NpgsqlConnection connection, long afterVersion, DateTimeOffset? recordedBy, CancellationToken cancellationToken)
    {
        using var cmd = new NpgsqlCommand("SELECT version, recorded_at, author, reason, action, fact_type, fact_id, payload FROM journal WHERE version > @after"
                                          + (recordedBy is null ? "" : " AND recorded_at <= @by") + " ORDER BY version", connection);
        cmd.Parameters.AddWithValue("after", afterVersion);
        if (recordedBy is { } by)
        {
            cmd.Parameters.AddWithValue("by", by.UtcTicks);
        }

        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return ReadEntry(r, withFact: true);
        }
    }

    private JournalEntry ReadEntry(NpgsqlDataReader r, bool withFact)
    {
        var version = r.GetInt64(0);
        var key = new FactKey(JournalNames.Type(r.GetString(5)), r.GetString(6));
        var fact = withFact && !r.IsDBNull(7) ? FactJson.ReadStored(Name, version, r.GetString(7)) : null;
        return new JournalEntry(version, new DateTimeOffset(r.GetInt64(1), TimeSpan.Zero), r.GetString(2), r.GetString(3), JournalNames.Action(r.GetString(4)), key, fact);
    }

    /// <summary>The last entry's version, time and hash (0, 0, null for an empty journal).</summary>
    private static (long Version, long Ticks, byte[]? Hash) LastEntry(NpgsqlConnection connection, NpgsqlTransaction? tx)
    {
        using var cmd = new NpgsqlCommand("SELECT version, recorded_at, hash FROM journal ORDER BY version DESC LIMIT 1", connection, tx);
        using var r = cmd.ExecuteReader();
        return r.Read() ? (r.GetInt64(0), r.GetInt64(1), (byte[])r.GetValue(2)) : (0, 0, null);
    }

    /// <summary>The knowledge base as recorded by <paramref name="recordedBy"/> (null: now), from the checkpoint plus the tail when it is usable.</summary>
    public KnowledgeBase Current(DateTimeOffset? recordedBy = null, CancellationToken cancellationToken = default)
        => Project(reads, recordedBy, cancellationToken);

    private KnowledgeBase Project(NpgsqlConnection connection, DateTimeOffset? recordedBy, CancellationToken cancellationToken)
    {
        var header = ReadCheckpointHeader(connection);
        var usable = header is { } h && h.Format == CheckpointCodec.Format && (recordedBy is null || h.RecordedAt <= recordedBy.Value.UtcTicks);
        KnowledgeBase kb;
        if (usable && ReadCheckpoint(connection, header!.Value) is { } checkpoint)
        {
            kb = KnowledgeBase.Resume(checkpoint.Facts, checkpoint.Stored, header.Value.Version, ReadAfter(connection, header.Value.Version, recordedBy, cancellationToken), checkpoint.Facts.Count);
        }
        else
        {
            usable = false;
            kb = KnowledgeBase.Project(ReadAfter(connection, 0, recordedBy, cancellationToken));
        }

        if (recordedBy is null && kb.Version - (usable ? header!.Value.Version : 0) >= CheckpointAfter)
        {
            TryWriteCheckpoint(kb);
        }

        return kb;
    }

    /// <summary>Checks <paramref name="changes"/> against the record (or <paramref name="basedOn"/>) and appends them as one unit.</summary>
    public long Apply(IReadOnlyList<JournalChange> changes, string author, string reason, long? expectedVersion = null, KnowledgeBase? basedOn = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentNullException.ThrowIfNull(changes);
        if (changes.Count == 0)
        {
            var version = LastEntry(Primary, null).Version;
            return expectedVersion is { } e && e != version ? throw new JournalConflictException(e, version) : version;
        }

        // Checked against the primary's record: a standby may not have the latest entries yet.
        var current = basedOn ?? Project(Primary, null, cancellationToken);
        AppendRules.CheckBatch(current, changes, expectedVersion);

        // Already checked as a whole: the rows only need writing.
        return Write(current.Version, author, reason, changes, checker: null, basedOn: null, cancellationToken);
    }

    /// <summary>
    /// The bulk path (<see cref="IJournalStore.AppendStreamAsync"/>): each change is checked as it comes against
    /// <paramref name="basedOn"/> plus the changes before it and copied straight into the open transaction.
    /// </summary>
    public long AppendStream(long expectedVersion, string author, string reason, IEnumerable<JournalChange> changes, KnowledgeBase basedOn, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(author);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentNullException.ThrowIfNull(changes);
        ArgumentNullException.ThrowIfNull(basedOn);
        return basedOn.Version != expectedVersion
            ? throw new JournalConflictException(expectedVersion, basedOn.Version)
            : Write(expectedVersion, author, reason, changes, new ChangeChecker(basedOn), basedOn, cancellationToken);
    }

    /// <summary>
    /// Writes changes in one transaction by binary COPY: the table lock is taken before the version check, so two writers
    /// cannot both pass it. With a <paramref name="checker"/>, each change is checked on its way in and the first refused
    /// one rolls everything back.
    /// </summary>
    private long Write(long expectedVersion, string author, string reason, IEnumerable<JournalChange> changes, ChangeChecker? checker, KnowledgeBase? basedOn, CancellationToken cancellationToken)
    {
        var connection = Primary;
        using var tx = connection.BeginTransaction();
        try
        {
            // SHARE ROW EXCLUSIVE conflicts with itself and with every write, but not with reads.
            Execute(connection, tx, "LOCK TABLE journal IN SHARE ROW EXCLUSIVE MODE");
            var (actual, lastTicks, lastHash) = LastEntry(connection, tx);
            if (actual != expectedVersion)
            {
                throw new JournalConflictException(expectedVersion, actual);
            }

            var ticks = Math.Max(clock.GetUtcNow().UtcTicks, lastTicks);
            using var chain = new JournalChain(lastHash);
            var (authorBytes, reasonBytes) = (Encoding.UTF8.GetBytes(author), Encoding.UTF8.GetBytes(reason));
            var version = actual;
            var hash = new byte[JournalChain.HashLength];
            using (var copy = connection.BeginBinaryImport($"COPY journal ({Columns}) FROM STDIN (FORMAT BINARY)"))
            {
                var index = 0;
                foreach (var c in changes)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (checker is not null)
                    {
                        AppendRules.CheckStreamed(checker, index, c);
                    }

                    index++;
                    var action = JournalNames.Of(c.Action);
                    var type = JournalNames.Of(c.Key.Type);
                    var payload = c.Fact is null ? null : FactJson.SerializePayload(c.Fact);
                    chain.Next(++version, ticks, authorBytes, reasonBytes, Encoding.UTF8.GetBytes(action), Encoding.UTF8.GetBytes(type), c.Key.Id,
                        payload is null ? default : Encoding.UTF8.GetBytes(payload), payload is not null, hash);
                    copy.StartRow();
                    copy.Write(version, NpgsqlDbType.Bigint);
                    copy.Write(ticks, NpgsqlDbType.Bigint);
                    copy.Write(author, NpgsqlDbType.Text);
                    copy.Write(reason, NpgsqlDbType.Text);
                    copy.Write(action, NpgsqlDbType.Text);
                    copy.Write(type, NpgsqlDbType.Text);
                    copy.Write(c.Key.Id, NpgsqlDbType.Text);
                    if (payload is null)
                    {
                        copy.WriteNull();
                    }
                    else
                    {
                        copy.Write(payload, NpgsqlDbType.Text);
                    }

                    copy.Write(hash, NpgsqlDbType.Bytea);
                }

                cancellationToken.ThrowIfCancellationRequested();
                copy.Complete();
            }

            if (checker is { AnyRetraction: true })
            {
                CheckNothingRefersToRetracted(tx, actual, checker, basedOn!);
            }

            cancellationToken.ThrowIfCancellationRequested();
            tx.Commit();
            ReadOwnWrites();
            return version;
        }
        catch
        {
            // Disposing an unfinished COPY has already cancelled it; the transaction is rolled back as it is disposed.
            TryRollBack(tx);
            throw;
        }
    }

    private static void TryRollBack(NpgsqlTransaction tx)
    {
        try
        {
            tx.Rollback();
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
        {
            // The connection broke or the transaction already ended: the server rolls it back.
        }
    }

    /// <summary>As on SQLite: a retraction in a stream must leave nothing on record referring to the retracted fact.</summary>
    private void CheckNothingRefersToRetracted(NpgsqlTransaction tx, long actual, ChangeChecker checker, KnowledgeBase basedOn)
    {
        var written = new List<(FactKey, Fact?)>();
        using (var cmd = new NpgsqlCommand("SELECT version, recorded_at, author, reason, action, fact_type, fact_id, payload FROM journal WHERE version > @v ORDER BY version", Primary, tx))
        {
            cmd.Parameters.AddWithValue("v", actual);
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                var entry = ReadEntry(r, withFact: true);
                written.Add((entry.Key, entry.Fact));
            }
        }

        AppendRules.CheckNothingRefersToRetracted(checker, basedOn, written);
    }

    /// <summary>The journal's entries without their facts, oldest first, filtered by <paramref name="query"/> on the server.</summary>
    public IReadOnlyList<JournalEntry> ReadLog(LogQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        using var cmd = new NpgsqlCommand { Connection = reads };
        var where = new List<string>();
        void Filter(string sql, string parameter, object value)
        {
            where.Add(sql);
            cmd.Parameters.AddWithValue(parameter, value);
        }

        if (query.Type is { } type)
        {
            Filter("fact_type = @type", "type", JournalNames.Of(type));
        }

        if (query.FactId is { } id)
        {
            Filter("fact_id = @id", "id", id);
        }

        if (query.Author is { } author)
        {
            Filter("author = @author", "author", author);
        }

        if (query.Since is { } since)
        {
            Filter("recorded_at >= @since", "since", since.UtcTicks);
        }

        if (query.Until is { } until)
        {
            Filter("recorded_at <= @until", "until", until.UtcTicks);
        }

        cmd.CommandText = "SELECT version, recorded_at, author, reason, action, fact_type, fact_id, NULL::text FROM journal"
                          + (where.Count == 0 ? "" : " WHERE " + string.Join(" AND ", where))
                          + " ORDER BY version DESC" + (query.Last is { } last ? $" LIMIT {last.ToString(CultureInfo.InvariantCulture)}" : "");
        var list = new List<JournalEntry>();
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                list.Add(ReadEntry(r, withFact: false));
            }
        }

        list.Reverse();
        return list;
    }

    /// <summary>Every row as stored, in version order (for the hash chain and for copying a journal).</summary>
    public IEnumerable<StoredJournalRow> StoredRows()
    {
        using var cmd = new NpgsqlCommand($"SELECT {Columns} FROM journal ORDER BY version", reads);
        using var r = cmd.ExecuteReader();
        while (r.Read())
        {
            yield return new StoredJournalRow(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), r.GetString(6),
                r.IsDBNull(7) ? null : r.GetString(7), r.IsDBNull(8) ? null : (byte[])r.GetValue(8));
        }
    }

    public JournalVerification Verify(CancellationToken cancellationToken = default) => JournalChainCheck.Verify(StoredRows(), cancellationToken);

    public long CopyIn(IEnumerable<StoredJournalRow> rows, string sourceName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return Guard(() =>
        {
            var connection = Primary;
            using var tx = connection.BeginTransaction();
            try
            {
                Execute(connection, tx, "LOCK TABLE journal IN SHARE ROW EXCLUSIVE MODE");
                if (LastEntry(connection, tx).Version != 0)
                {
                    throw new StoreException($"{Name}: the journal already holds entries; a journal is copied only into an empty one. Nothing was copied");
                }

                long version = 0;
                using (var copy = connection.BeginBinaryImport($"COPY journal ({Columns}) FROM STDIN (FORMAT BINARY)"))
                {
                    foreach (var row in JournalChainCheck.Verified(rows, sourceName))
                    {
                        cancellationToken.ThrowIfCancellationRequested();
                        copy.StartRow();
                        copy.Write(row.Version, NpgsqlDbType.Bigint);
                        copy.Write(row.RecordedAtTicks, NpgsqlDbType.Bigint);
                        copy.Write(row.Author, NpgsqlDbType.Text);
                        copy.Write(row.Reason, NpgsqlDbType.Text);
                        copy.Write(row.Action, NpgsqlDbType.Text);
                        copy.Write(row.FactType, NpgsqlDbType.Text);
                        copy.Write(row.FactId, NpgsqlDbType.Text);
                        if (row.Payload is null)
                        {
                            copy.WriteNull();
                        }
                        else
                        {
                            copy.Write(row.Payload, NpgsqlDbType.Text);
                        }

                        copy.Write(row.Hash!, NpgsqlDbType.Bytea);
                        version = row.Version;
                    }

                    copy.Complete();
                }

                tx.Commit();
                ReadOwnWrites();
                return version;
            }
            catch
            {
                TryRollBack(tx);
                throw;
            }
        });
    }

    private readonly record struct CheckpointHeader(long Version, long RecordedAt, int Format, int Facts);

    private static CheckpointHeader? ReadCheckpointHeader(NpgsqlConnection connection)
    {
        using var cmd = new NpgsqlCommand("SELECT version, recorded_at, format, facts FROM checkpoint WHERE id = 1", connection);
        using var r = cmd.ExecuteReader();
        return r.Read() ? new CheckpointHeader(r.GetInt64(0), r.GetInt64(1), r.GetInt32(2), r.GetInt32(3)) : null;
    }

    private static (List<Fact> Facts, IStoredFacts Stored)? ReadCheckpoint(NpgsqlConnection connection, CheckpointHeader header)
    {
        using var buffer = new MemoryStream();
        using (var cmd = new NpgsqlCommand("SELECT data FROM checkpoint_part ORDER BY part", connection))
        using (var r = cmd.ExecuteReader())
        {
            while (r.Read())
            {
                buffer.Write((byte[])r.GetValue(0));
            }
        }

        try
        {
            var (facts, stored) = CheckpointCodec.Open(buffer.ToArray());
            return facts.Count + stored.TieCount + stored.ClaimCount == header.Facts ? (facts, stored) : null;
        }
        catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>Stores <paramref name="kb"/> as the checkpoint; a shortcut only, so a failure to write it is ignored.</summary>
    public void SaveCheckpoint(KnowledgeBase knowledge)
    {
        ArgumentNullException.ThrowIfNull(knowledge);
        try
        {
            if (knowledge.Version == LastEntry(Primary, null).Version && knowledge.Version > (ReadCheckpointHeader(Primary)?.Version ?? 0))
            {
                TryWriteCheckpoint(knowledge);
            }
        }
        catch (NpgsqlException)
        {
            // The primary cannot be reached (reads may still be served by a standby): the checkpoint is only a shortcut.
        }
    }

    private void TryWriteCheckpoint(KnowledgeBase kb)
    {
        const int partBytes = 16 << 20;
        try
        {
            var data = CheckpointCodec.Write(kb);
            var connection = Primary;
            using var tx = connection.BeginTransaction();
            using var cmd = new NpgsqlCommand("SELECT recorded_at FROM journal WHERE version = @v", connection, tx);
            cmd.Parameters.AddWithValue("v", kb.Version);
            var recordedAt = cmd.ExecuteScalar() is long t ? t : 0;
            cmd.Parameters.Clear();
            cmd.CommandText = "DELETE FROM checkpoint; DELETE FROM checkpoint_part; INSERT INTO checkpoint VALUES (1, @v, @t, @format, @facts)";
            cmd.Parameters.AddWithValue("v", kb.Version);
            cmd.Parameters.AddWithValue("t", recordedAt);
            cmd.Parameters.AddWithValue("format", CheckpointCodec.Format);
            cmd.Parameters.AddWithValue("facts", kb.Count);
            cmd.ExecuteNonQuery();
            cmd.Parameters.Clear();
            cmd.CommandText = "INSERT INTO checkpoint_part VALUES (@part, @data)";
            var part = cmd.Parameters.Add("part", NpgsqlDbType.Integer);
            var bytes = cmd.Parameters.Add("data", NpgsqlDbType.Bytea);
            for (var (i, at) = (0, 0); at < data.Length || i == 0; i++, at += partBytes)
            {
                part.Value = i;
                bytes.Value = data.AsMemory(at, Math.Min(partBytes, data.Length - at)).ToArray();
                cmd.ExecuteNonQuery();
            }

            tx.Commit();
        }
        catch (NpgsqlException)
        {
            // Read-only role, a full disk or a lost connection: keep answering from the journal.
        }
    }

    // The port. Reads that build a knowledge base consume rows as they arrive (the projection is synchronous); the small
    // reads are truly asynchronous. Every failure of the server comes back as a StoreException naming it.
    public async Task<long> GetVersionAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await using var cmd = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM journal", reads);
            return Convert.ToInt64(await cmd.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false), CultureInfo.InvariantCulture);
        }
        catch (NpgsqlException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw Failed(ex);
        }
    }

    public async IAsyncEnumerable<JournalEntry> ReadAsync(DateTimeOffset? recordedBy = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        foreach (var entry in Guard(() => ReadAfter(reads, 0, recordedBy, cancellationToken).ToList()))
        {
            yield return entry;
        }
    }

    public async IAsyncEnumerable<JournalEntry> ReadAfterAsync(long version, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        foreach (var entry in Guard(() => ReadAfter(reads, version, null, cancellationToken).ToList()))
        {
            yield return entry;
        }
    }

    public Task<KnowledgeBase> ReadKnowledgeAsync(DateTimeOffset? recordedBy = null, CancellationToken cancellationToken = default)
        => Run(() => Current(recordedBy, cancellationToken), cancellationToken);

    public Task<IReadOnlyList<JournalEntry>> ReadLogAsync(LogQuery query, CancellationToken cancellationToken = default)
        => Run(() => ReadLog(query), cancellationToken);

    public Task<long> AppendAsync(long expectedVersion, string author, string reason, IReadOnlyList<JournalChange> changes, CancellationToken cancellationToken = default)
        => Run(() => Apply(changes, author, reason, expectedVersion, null, cancellationToken), cancellationToken);

    public Task<long> AppendStreamAsync(long expectedVersion, string author, string reason, IEnumerable<JournalChange> changes, KnowledgeBase basedOn, CancellationToken cancellationToken = default)
        => Run(() => AppendStream(expectedVersion, author, reason, changes, basedOn, cancellationToken), cancellationToken);

    public Task<JournalVerification> VerifyAsync(CancellationToken cancellationToken = default)
        => Run(() => Verify(cancellationToken), cancellationToken);

    private T Guard<T>(Func<T> work)
    {
        try
        {
            return work();
        }
        catch (NpgsqlException ex)
        {
            throw Failed(ex);
        }
    }

    private StoreException Failed(NpgsqlException ex) => new($"{Name}: {(ex is PostgresException pg ? pg.MessageText : ex.Message)}", ex);

    private Task<T> Run<T>(Func<T> work, CancellationToken cancellationToken)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(Guard(work));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }
        catch (Exception ex)
        {
            return Task.FromException<T>(ex);
        }
    }

    public void Dispose()
    {
        reads.Dispose();
        if (!ReferenceEquals(primary, reads))
        {
            primary?.Dispose();
        }
    }
}
