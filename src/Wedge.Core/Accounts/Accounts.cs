namespace Wedge.Core.Accounts;

/// <summary>What a team member may do on the server; each role can do everything the roles before it can.</summary>
public enum Role
{
    /// <summary>Reads the record and runs analyses.</summary>
    Reader,

    /// <summary>Also writes facts and imports (with a dry run first).</summary>
    Analyst,

    /// <summary>Also retracts facts and accepts what others imported.</summary>
    Reviewer,

    /// <summary>Also manages users, roles and sessions.</summary>
    Admin,
}

/// <summary>What an endpoint needs; <see cref="Roles.Can"/> says which roles have it.</summary>
public enum Capability
{
    Read,
    Write,
    Review,
    Administer,
}

public static class Roles
{
    private static readonly Dictionary<Role, string> Names = new()
    {
        [Role.Reader] = "reader",
        [Role.Analyst] = "analyst",
        [Role.Reviewer] = "reviewer",
        [Role.Admin] = "admin",
    };

    /// <summary>True when <paramref name="role"/> has <paramref name="capability"/>: the roles are ordered, each adding one capability.</summary>
    public static bool Can(this Role role, Capability capability) => capability switch
    {
        Capability.Read => true,
        Capability.Write => role >= Role.Analyst,
        Capability.Review => role >= Role.Reviewer,
        Capability.Administer => role == Role.Admin,
        _ => false,
    };

    /// <summary>The role's stored and shown name (fixed here, not the C# member's).</summary>
    public static string Name(this Role role) => Names[role];

    /// <summary>The role named <paramref name="name"/> (any case), or null.</summary>
    public static Role? Parse(string? name)
        => Names.FirstOrDefault(p => string.Equals(p.Value, name?.Trim(), StringComparison.OrdinalIgnoreCase)) is { Value: not null } found ? found.Key : null;

    public static IEnumerable<string> AllNames => Names.Values;
}

/// <summary>A team member's account. The password is kept only as a slow salted hash.</summary>
public sealed record UserAccount(string Name, Role Role, string PasswordHash, bool Disabled, int FailedLogins, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt);

/// <summary>A signed-in session, kept on the server; the browser holds only its id, the store only the id's hash.</summary>
public sealed record SessionRecord(string IdHash, string User, DateTimeOffset CreatedAt, DateTimeOffset LastSeen, bool Ended);

/// <summary>An API token for scripts: shown once, stored as a hash of its secret, revocable.</summary>
public sealed record ApiToken(string Id, string User, string Label, string SecretHash, DateTimeOffset CreatedAt, bool Revoked);

/// <summary>One security event (sign-in, refusal, token use, a change to an account), with its UTC time.</summary>
public sealed record AuditEvent(DateTimeOffset At, string Kind, string? User, string Detail);

/// <summary>
/// Where accounts, sessions, tokens and the audit log are kept (beside the journal, in the same database); Wedge.Data
/// implements it on SQLite and PostgreSQL.
/// </summary>
public interface IAccountStore : IDisposable
{
    bool AnyUsers();

    IReadOnlyList<UserAccount> Users();

    UserAccount? FindUser(string name);

    /// <summary>Adds a user; false when the name is taken (nothing changed).</summary>
    bool AddUser(UserAccount user);

    void UpdateUser(UserAccount user);

    void AddSession(SessionRecord session);

    SessionRecord? FindSession(string idHash);

    void TouchSession(string idHash, DateTimeOffset at);

    void EndSession(string idHash);

    /// <summary>Ends every open session of <paramref name="user"/>; returns how many.</summary>
    int EndSessionsOf(string user);

    void AddToken(ApiToken token);

    ApiToken? FindToken(string id);

    IReadOnlyList<ApiToken> TokensOf(string user);

    void RevokeToken(string id);

    void Log(AuditEvent auditEvent);

    /// <summary>The newest <paramref name="last"/> events, oldest first.</summary>
    IReadOnlyList<AuditEvent> Audit(int last);
}
