using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Wedge.Application.Problems;
using Wedge.Application.Store;
using Wedge.Core.Accounts;
using Wedge.Data.Accounts;

namespace Wedge.Application.Accounts;

/// <summary>How long sessions live and how sign-in failures are throttled (OWASP ASVS 5.0, V6–V7, level 2).</summary>
public sealed class AccountPolicy
{
    /// <summary>A session unused this long ends.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A session ends this long after sign-in, however busy.</summary>
    public TimeSpan AbsoluteLifetime { get; set; } = TimeSpan.FromHours(12);

    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a locked account stays locked.</summary>
    public TimeSpan LockOut { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>The shortest password accepted (ASVS asks for at least 8; longer is better, and any characters go).</summary>
    public int MinPasswordLength { get; set; } = 12;
}

/// <summary>The user a session or token proved; what the server authorises against.</summary>
public sealed record SignedInUser(string Name, Role Role, string Via);

/// <summary>A session just started: its id goes to the browser once (the server keeps only its hash).</summary>
public sealed record StartedSession(string Id, SignedInUser User, DateTimeOffset ExpiresAt);

/// <summary>A token just made: its full text is shown once and never again.</summary>
public sealed record CreatedToken(string Id, string User, string Label, string Token);

/// <summary>A user as listed: never the password hash.</summary>
public sealed record UserView(string Name, string Role, bool Disabled, bool Locked, DateTimeOffset CreatedAt);

/// <summary>
/// Accounts for a team server: users with roles, passwords kept as slow salted hashes (ASP.NET Core Identity's
/// PBKDF2 hasher), server-side sessions with an idle timeout and an absolute lifetime, API tokens for scripts, lock-out
/// after repeated failures, and an audit log of sign-ins, refusals, token use and account changes.
/// </summary>
/// <remarks>
/// Every failure to sign in answers the same "name or password is wrong", whether the name exists or not, so the answer
/// does not tell which names are users. Names in the audit log are recorded as given, with control characters escaped,
/// so a crafted name cannot forge a log line.
/// </remarks>
public sealed class AccountService(JournalRecordStore journal, WorkspaceOptions options, AccountPolicy policy)
{
    public const string TokenPrefix = "wedge_";

    private static readonly PasswordHasher<UserAccount> Hasher = new();

    /// <summary>The database whose schema this service has already brought up to date (a server asks on every request).</summary>
    private volatile string? preparedFor;

    private DateTimeOffset Now => options.Clock.GetUtcNow();

    /// <summary>Opens the accounts beside the journal (creating the database as any command would); the caller disposes it.</summary>
    private IAccountStore Open()
    {
        var location = journal.Path;
        try
        {
            if (preparedFor == location)
            {
                return SqlAccountStore.Connect(location);
            }

            journal.Use(store => 0); // creates a missing database (with the built-in case) exactly as the first command does
            var store = SqlAccountStore.Open(location);
            preparedFor = location;
            return store;
        }
        catch (Data.Store.StoreException ex)
        {
            throw Problem.Refused("database-unusable", ex.Message).Exception();
        }
    }

    private T With<T>(Func<IAccountStore, T> work)
    {
        using var store = Open();
        return work(store);
    }

    /// <summary>True when the database holds any account: a server then asks every caller to sign in.</summary>
    public bool AccountsExist() => With(s => s.AnyUsers());

    public IReadOnlyList<UserView> Users() => With(s => s.Users().Select(View).ToList());

    private UserView View(UserAccount u) => new(u.Name, u.Role.Name(), u.Disabled, u.LockedUntil > Now, u.CreatedAt);

    public UserView AddUser(string name, string role, string password, string? by = null) => With(s =>
    {
        var checkedName = CheckName(name);
        var user = new UserAccount(checkedName, ParseRole(role), Hash(CheckPassword(password)), false, 0, null, Now);
        if (!s.AddUser(user))
        {
            throw Problem.Refused("user-exists", $"a user named '{checkedName}' exists already; nothing was changed").Exception();
        }

        Audit(s, "user-added", by, $"{Safe(checkedName)} as {user.Role.Name()}");
        return View(user);
    });

    /// <summary>Disables a user and ends their sessions; their tokens stop working while they are disabled.</summary>
    public UserView Disable(string name, string? by = null) => With(s =>
    {
        var user = Find(s, name) with { Disabled = true };
        s.UpdateUser(user);
        var ended = s.EndSessionsOf(user.Name);
        Audit(s, "user-disabled", by, $"{Safe(user.Name)}; {ended} session(s) ended");
        return View(user);
    });

    public UserView Enable(string name, string? by = null) => With(s =>
    {
        var user = Find(s, name) with { Disabled = false, FailedLogins = 0, LockedUntil = null };
        s.UpdateUser(user);
        Audit(s, "user-enabled", by, Safe(user.Name));
        return View(user);
    });

    /// <summary>Sets a new password, lifts a lock-out and ends the user's sessions.</summary>
    public UserView ResetPassword(string name, string password, string? by = null) => With(s =>
    {
        var user = Find(s, name) with { PasswordHash = Hash(CheckPassword(password)), FailedLogins = 0, LockedUntil = null };
        s.UpdateUser(user);
        var ended = s.EndSessionsOf(user.Name);
        Audit(s, "password-reset", by, $"{Safe(user.Name)}; {ended} session(s) ended");
        return View(user);
    });

    public UserView SetRole(string name, string role, string? by = null) => With(s =>
    {
        var user = Find(s, name) with { Role = ParseRole(role) };
        s.UpdateUser(user);
        Audit(s, "role-changed", by, $"{Safe(user.Name)} to {user.Role.Name()}");
        return View(user);
    });

    /// <summary>Checks a name and password and starts a session; refused alike for an unknown name and a wrong password.</summary>
    public StartedSession SignIn(string name, string password, string from) => With(s =>
    {
        var wrong = Problem.Unauthenticated("sign-in-failed", "the name or password is wrong").Exception();
        var user = s.FindUser(name ?? "");
        if (user is null)
        {
            Hasher.VerifyHashedPassword(Placeholder, Placeholder.PasswordHash, password ?? ""); // the same work as for a real user
            Audit(s, "sign-in-failed", null, $"unknown name {Safe(name ?? "")} from {Safe(from)}");
            throw wrong;
        }

        if (user.LockedUntil is { } until && until > Now)
        {
            Audit(s, "sign-in-refused", user.Name, $"locked until {until:u} from {Safe(from)}");
            throw Problem.Unauthenticated("account-locked", $"too many failed sign-ins: the account is locked until {until:u}; try again later or ask an admin").Exception();
        }

        var result = Hasher.VerifyHashedPassword(user, user.PasswordHash, password ?? "");
        if (result == PasswordVerificationResult.Failed)
        {
            var failed = user.FailedLogins + 1;
            var locked = failed >= policy.MaxFailedSignIns ? Now + policy.LockOut : (DateTimeOffset?)null;
            s.UpdateUser(user with { FailedLogins = locked is null ? failed : 0, LockedUntil = locked ?? user.LockedUntil });
            Audit(s, locked is null ? "sign-in-failed" : "account-locked", user.Name, $"wrong password ({failed} in a row) from {Safe(from)}");
            throw wrong;
        }

        if (user.Disabled)
        {
            Audit(s, "sign-in-refused", user.Name, $"disabled account from {Safe(from)}");
            throw Problem.Unauthenticated("account-disabled", "this account is disabled; ask an admin").Exception();
        }

        s.UpdateUser(user with
        {
            FailedLogins = 0,
            LockedUntil = null,
            PasswordHash = result == PasswordVerificationResult.SuccessRehashNeeded ? Hash(password!) : user.PasswordHash,
        });
        var id = Secret();
        s.AddSession(new SessionRecord(Sha256(id), user.Name, Now, Now, false));
        Audit(s, "sign-in", user.Name, $"from {Safe(from)}");
        return new StartedSession(id, new SignedInUser(user.Name, user.Role, "session"), Now + policy.AbsoluteLifetime);
    });

    /// <summary>The user of a session id, or null when it is unknown, ended, idle too long, too old, or its user is disabled.</summary>
    public SignedInUser? FromSession(string sessionId) => With(s =>
    {
        var hash = Sha256(sessionId);
        if (s.FindSession(hash) is not { Ended: false } session)
        {
            return null;
        }

        if (Now - session.LastSeen > policy.IdleTimeout || Now - session.CreatedAt > policy.AbsoluteLifetime)
        {
            s.EndSession(hash);
            Audit(s, "session-expired", session.User, Now - session.CreatedAt > policy.AbsoluteLifetime ? "absolute lifetime reached" : "idle timeout");
            return null;
        }

        if (s.FindUser(session.User) is not { Disabled: false } user)
        {
            s.EndSession(hash);
            return null;
        }

        // Written at most once a minute: a busy page would otherwise write on every request.
        if (Now - session.LastSeen > TimeSpan.FromMinutes(1))
        {
            s.TouchSession(hash, Now);
        }

        return new SignedInUser(user.Name, user.Role, "session");
    });

    public void SignOut(string sessionId) => With(s =>
    {
        var hash = Sha256(sessionId);
        if (s.FindSession(hash) is { Ended: false } session)
        {
            s.EndSession(hash);
            Audit(s, "sign-out", session.User, "");
        }

        return 0;
    });

    /// <summary>Makes an API token for <paramref name="user"/>; its text is returned once and kept only as a hash.</summary>
    public CreatedToken CreateToken(string user, string label, string? by = null) => With(s =>
    {
        var owner = Find(s, user);
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Secret();
        s.AddToken(new ApiToken(id, owner.Name, string.IsNullOrWhiteSpace(label) ? "token" : label.Trim(), Sha256(secret), Now, false));
        Audit(s, "token-created", by ?? owner.Name, $"{id} for {Safe(owner.Name)} ({Safe(label)})");
        return new CreatedToken(id, owner.Name, label, $"{TokenPrefix}{id}_{secret}");
    });

    public IReadOnlyList<ApiToken> Tokens(string user) => With(s => s.TokensOf(Find(s, user).Name).Select(t => t with { SecretHash = "" }).ToList());

    public void RevokeToken(string id, string? by = null) => With(s =>
    {
        var token = s.FindToken(id) ?? throw Problem.NotFound("token-not-found", $"no token with id '{id}'").Exception();
        s.RevokeToken(token.Id);
        Audit(s, "token-revoked", by, $"{token.Id} of {Safe(token.User)}");
        return 0;
    });

    /// <summary>The user of an API token (<c>wedge_ID_SECRET</c>), or null when it is malformed, unknown, revoked or its user disabled; each use is logged.</summary>
    public SignedInUser? FromToken(string token) => With(s =>
    {
        var parts = token.StartsWith(TokenPrefix, StringComparison.Ordinal) ? token[TokenPrefix.Length..].Split('_', 2) : [];
        if (parts.Length != 2 || s.FindToken(parts[0]) is not { Revoked: false } found
            || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(found.SecretHash), Encoding.ASCII.GetBytes(Sha256(parts[1]))))
        {
            Audit(s, "token-refused", null, parts.Length == 2 ? $"token {Safe(parts[0])}" : "a malformed token");
            return null;
        }

        if (s.FindUser(found.User) is not { Disabled: false } user)
        {
            Audit(s, "token-refused", found.User, $"token {found.Id}: the user is disabled");
            return null;
        }

        Audit(s, "token-used", user.Name, $"token {found.Id}");
        return new SignedInUser(user.Name, user.Role, "token");
    });

    /// <summary>Records that <paramref name="user"/> was refused <paramref name="what"/> (a role without the capability, or no sign-in).</summary>
    public void Refused(string? user, string what) => With(s =>
    {
        Audit(s, "authorisation-refused", user, Safe(what));
        return 0;
    });

    public IReadOnlyList<AuditEvent> AuditLog(int last = 100) => With(s => s.Audit(last));

    private void Audit(IAccountStore s, string kind, string? user, string detail) => s.Log(new AuditEvent(Now, kind, user is null ? null : Safe(user), detail));

    private static UserAccount Find(IAccountStore s, string name)
        => s.FindUser(name) ?? throw Problem.NotFound("user-not-found", $"no user named '{name}'").Exception();

    private static Role ParseRole(string role)
        => Roles.Parse(role) ?? throw Problem.Usage("bad-role", $"'{role}' is not a role; the roles are {string.Join(", ", Roles.AllNames)}").Exception();

    private static string CheckName(string name)
    {
        var trimmed = name?.Trim() ?? "";
        return trimmed.Length is >= 1 and <= 64 && trimmed.All(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' or '@')
            ? trimmed
            : throw Problem.Usage("bad-user-name", $"'{Safe(name ?? "")}' is not a user name: 1 to 64 letters, digits, '.', '-', '_' or '@'").Exception();
    }

    private string CheckPassword(string password)
        => password is { Length: > 0 } && password.Length >= policy.MinPasswordLength && password.Length <= 256
            ? password
            : throw Problem.Usage("weak-password", $"a password must have {policy.MinPasswordLength} to 256 characters (any characters; a passphrase is best)").Exception();

    private static string Hash(string password) => Hasher.HashPassword(Placeholder, password);

    /// <summary>A fixed account whose hash is checked when the name is unknown, so both failures take the same time.</summary>
    private static readonly UserAccount Placeholder = new("", Role.Reader, new PasswordHasher<UserAccount>().HashPassword(null!, "placeholder password"), true, 0, null, DateTimeOffset.UnixEpoch);

    private static string Secret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '.');

    private static string Sha256(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    /// <summary>Text from a request, made safe for a log line: control characters (new lines above all) escaped, length capped.</summary>
    public static string Safe(string text)
    {
        var sb = new StringBuilder(Math.Min(text.Length, 200));
        foreach (var c in text.Take(200))
        {
            sb.Append(char.IsControl(c) || c is '\u2028' or '\u2029' ? $"\\u{(int)c:x4}" : c);
        }

        return sb.ToString();
    }
}
