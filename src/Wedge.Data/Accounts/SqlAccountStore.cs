using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;
using Wedge.Core.Accounts;
using Wedge.Data.Store;
using Wedge.Data.Store.Postgres;
using Marking = Wedge.Core.Model.Marking;
using Markings = Wedge.Core.Model.Markings;

namespace Wedge.Data.Accounts;

/// <summary>
/// Accounts, sessions, tokens and the audit log in the journal's database (<see cref="IAccountStore"/>): the same SQL
/// on SQLite and PostgreSQL (both take <c>@name</c> parameters), over the tables their migrations create.
/// </summary>
public sealed class SqlAccountStore : IAccountStore
{
    private readonly DbConnection connection;

    private SqlAccountStore(DbConnection connection) => this.connection = connection;

    /// <summary>
    /// Opens the accounts of the database at <paramref name="location"/> (a file or a connection string). The journal
    /// store is opened first, so its migrations have made the tables (a new database is created empty, without the case).
    /// </summary>
    public static SqlAccountStore Open(string location)
    {
        if (PostgresJournalStore.IsConnectionString(location))
        {
            PostgresJournalStore.Open(location).Dispose();
        }
        else
        {
            WedgeStore.Open(location).Dispose();
        }

        return Connect(location);
    }

    /// <summary>As <see cref="Open"/>, for a database already opened (and so migrated) once by this process: only connects.</summary>
    public static SqlAccountStore Connect(string location)
    {
        DbConnection conn = PostgresJournalStore.IsConnectionString(location)
            ? PostgresJournalStore.PrimaryConnection(location) // sessions and the audit log are written on every sign-in: never to a standby
            : new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = location, Pooling = false, DefaultTimeout = 5 }.ToString());

        try
        {
            conn.Open();
            if (conn is SqliteConnection)
            {
                Execute(conn, "PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;");
            }

            return new SqlAccountStore(conn);
        }
        catch (DbException ex)
        {
            conn.Dispose();
            throw new StoreException($"{(PostgresJournalStore.IsConnectionString(location) ? PostgresJournalStore.NameOf(location) : location)}: cannot open the accounts: {ex.Message}", ex);
        }
    }

    private static void Execute(DbConnection conn, string sql)
    {
        using var cmd = conn.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private DbCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var p = cmd.CreateParameter();
            p.ParameterName = name;
            p.Value = value ?? DBNull.Value;
            cmd.Parameters.Add(p);
        }

        return cmd;
    }

    private int Run(string sql, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(sql, parameters);
        return cmd.ExecuteNonQuery();
    }

    private List<T> Query<T>(string sql, Func<DbDataReader, T> read, params (string Name, object? Value)[] parameters)
    {
        using var cmd = Command(sql, parameters);
        using var r = cmd.ExecuteReader();
        var list = new List<T>();
        while (r.Read())
        {
            list.Add(read(r));
        }

        return list;
    }

    private static DateTimeOffset Time(long ticks) => new(ticks, TimeSpan.Zero);

    private static UserAccount ReadUser(DbDataReader r)
        => new(r.GetString(0), Roles.Parse(r.GetString(1)) ?? Role.Reader, r.GetString(2), r.GetInt32(3) != 0, r.GetInt32(4),
            r.IsDBNull(5) ? null : Time(r.GetInt64(5)), Time(r.GetInt64(6)), Markings.Parse(r.GetString(7)) ?? Marking.Clear);

    private const string UserColumns = "name, role, password_hash, disabled, failed_logins, locked_until, created_at, clearance";

    public bool AnyUsers() => Query("SELECT 1 FROM users LIMIT 1", _ => true).Count > 0;

    public IReadOnlyList<UserAccount> Users() => Query($"SELECT {UserColumns} FROM users ORDER BY name", ReadUser);

    public UserAccount? FindUser(string name) => Query($"SELECT {UserColumns} FROM users WHERE name = @name", ReadUser, ("name", name)).FirstOrDefault();

    public bool AddUser(UserAccount user)
        => Run($"INSERT INTO users ({UserColumns}) VALUES (@name, @role, @hash, @disabled, @failed, @locked, @created, @clearance) ON CONFLICT (name) DO NOTHING",
            ("name", user.Name), ("role", user.Role.Name()), ("hash", user.PasswordHash), ("disabled", user.Disabled ? 1 : 0), ("failed", user.FailedLogins),
            ("locked", user.LockedUntil?.UtcTicks), ("created", user.CreatedAt.UtcTicks), ("clearance", WireNames.Of(user.Clearance))) == 1;

    public void UpdateUser(UserAccount user)
        => Run("UPDATE users SET role = @role, password_hash = @hash, disabled = @disabled, failed_logins = @failed, locked_until = @locked, clearance = @clearance WHERE name = @name",
            ("name", user.Name), ("role", user.Role.Name()), ("hash", user.PasswordHash), ("disabled", user.Disabled ? 1 : 0), ("failed", user.FailedLogins),
            ("locked", user.LockedUntil?.UtcTicks), ("clearance", WireNames.Of(user.Clearance)));

    public void AddSession(SessionRecord session)
        => Run("INSERT INTO sessions (id_hash, user_name, created_at, last_seen, ended) VALUES (@id, @user, @created, @seen, 0)",
            ("id", session.IdHash), ("user", session.User), ("created", session.CreatedAt.UtcTicks), ("seen", session.LastSeen.UtcTicks));

    public SessionRecord? FindSession(string idHash)
        => Query("SELECT id_hash, user_name, created_at, last_seen, ended FROM sessions WHERE id_hash = @id",
            r => new SessionRecord(r.GetString(0), r.GetString(1), Time(r.GetInt64(2)), Time(r.GetInt64(3)), r.GetInt32(4) != 0), ("id", idHash)).FirstOrDefault();

    public void TouchSession(string idHash, DateTimeOffset at) => Run("UPDATE sessions SET last_seen = @at WHERE id_hash = @id", ("id", idHash), ("at", at.UtcTicks));

    public void EndSession(string idHash) => Run("UPDATE sessions SET ended = 1 WHERE id_hash = @id", ("id", idHash));

    public int EndSessionsOf(string user) => Run("UPDATE sessions SET ended = 1 WHERE user_name = @user AND ended = 0", ("user", user));

    public void AddToken(ApiToken token)
        => Run("INSERT INTO api_tokens (id, user_name, label, secret_hash, created_at, revoked) VALUES (@id, @user, @label, @hash, @created, 0)",
            ("id", token.Id), ("user", token.User), ("label", token.Label), ("hash", token.SecretHash), ("created", token.CreatedAt.UtcTicks));

    private static ApiToken ReadToken(DbDataReader r) => new(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), Time(r.GetInt64(4)), r.GetInt32(5) != 0);

    public ApiToken? FindToken(string id)
        => Query("SELECT id, user_name, label, secret_hash, created_at, revoked FROM api_tokens WHERE id = @id", ReadToken, ("id", id)).FirstOrDefault();

    public IReadOnlyList<ApiToken> TokensOf(string user)
        => Query("SELECT id, user_name, label, secret_hash, created_at, revoked FROM api_tokens WHERE user_name = @user ORDER BY created_at", ReadToken, ("user", user));

    public void RevokeToken(string id) => Run("UPDATE api_tokens SET revoked = 1 WHERE id = @id", ("id", id));

    public void Log(AuditEvent auditEvent)
        => Run("INSERT INTO audit_log (at, kind, user_name, detail) VALUES (@at, @kind, @user, @detail)",
            ("at", auditEvent.At.UtcTicks), ("kind", auditEvent.Kind), ("user", auditEvent.User), ("detail", auditEvent.Detail));

    public IReadOnlyList<AuditEvent> Audit(int last)
    {
        var list = Query("SELECT at, kind, user_name, detail FROM audit_log ORDER BY id DESC LIMIT @n",
            r => new AuditEvent(Time(r.GetInt64(0)), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3)), ("n", last));
        list.Reverse();
        return list;
    }

    public void Dispose() => connection.Dispose();
}
