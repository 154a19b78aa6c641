using System.ComponentModel;
using Wedge.Application.Accounts;
using Wedge.Application.Problems;
using Wedge.Core.Accounts;
using Wedge.Core.Collections;
using Wedge.Web.Hosting;

namespace Wedge.Web.Apis;

/// <summary>Signing in: a name and password.</summary>
public sealed record SignInBody(
    [property: Description("The user's name.")] string Name,
    [property: Description("The user's password.")] string Password);

/// <summary>A new user: name, role (reader, analyst, reviewer, admin) and first password.</summary>
public sealed record NewUserBody(
    [property: Description("1 to 64 letters, digits, '.', '-', '_' or '@'.")] string Name,
    [property: Description("reader, analyst, reviewer or admin.")] string Role,
    [property: Description("At least 12 characters.")] string Password);

/// <summary>A role to give a user.</summary>
public sealed record RoleBody([property: Description("reader, analyst, reviewer or admin.")] string Role);

/// <summary>Who is signed in, with which role, by what (a session or a token), and until when a session lasts at most.</summary>
public sealed record SessionView(string Name, string Role, string Via, DateTimeOffset? ExpiresAt = null);

/// <summary>Sessions (sign in, who am I, sign out) and, for admins, users and the audit log.</summary>
public static class AccountsApi
{
    public static IEndpointRouteBuilder MapAccountsApi(this IEndpointRouteBuilder routes)
    {
        var session = routes.MapGroup("/api/session").WithTags("Accounts");
        session.MapPost("/", SignIn).Public().WithName("SignIn")
            .WithSummary("Sign in with a name and password: starts a server-side session (an HttpOnly, SameSite=Strict cookie). Fails alike for an unknown name and a wrong password; repeated failures lock the account.");
        session.MapGet("/", (HttpContext http) => Who(http)).Requires(Capability.Read).WithName("WhoAmI").WithSummary("Who is signed in, with which role.");
        session.MapDelete("/", SignOut).Requires(Capability.Read).WithName("SignOut").WithSummary("Sign out: the session ends on the server.");

        var users = routes.MapGroup("/api/users").WithTags("Accounts").Requires(Capability.Administer);
        users.MapGet("/", (AccountService accounts) => WedgeResults.Json(accounts.Users().ToEquatableList())).WithName("Users").WithSummary("Every user, with role and state (admins only).");
        users.MapPost("/", (AccountService accounts, HttpContext http, NewUserBody body) => WedgeResults.Json(accounts.AddUser(body.Name, body.Role, body.Password, By(http))))
            .WithName("AddUser").WithSummary("Add a user (admins only).");
        users.MapPost("/{name}/disable", (AccountService accounts, HttpContext http, string name) => WedgeResults.Json(accounts.Disable(name, By(http))))
            .WithName("DisableUser").WithSummary("Disable a user and end their sessions; their tokens stop working (admins only).");
        users.MapPost("/{name}/enable", (AccountService accounts, HttpContext http, string name) => WedgeResults.Json(accounts.Enable(name, By(http))))
            .WithName("EnableUser").WithSummary("Enable a user again and lift a lock-out (admins only).");
        users.MapPost("/{name}/role", (AccountService accounts, HttpContext http, string name, RoleBody body) => WedgeResults.Json(accounts.SetRole(name, body.Role, By(http))))
            .WithName("SetRole").WithSummary("Give a user another role (admins only).");
        routes.MapGet("/api/audit", (AccountService accounts, [Description("The newest N events (default 100).")] int? last) => WedgeResults.Json(accounts.AuditLog(last is > 0 ? last.Value : 100).ToEquatableList()))
            .WithTags("Accounts").Requires(Capability.Administer).WithName("AuditLog")
            .WithSummary("Security events, oldest first: sign-ins and failures, refusals, token use, account changes (admins only).");
        return routes;
    }

    private static string? By(HttpContext http) => Access.User(http)?.Name;

    private static WedgeJsonResult<SessionView> SignIn(AccountService accounts, HttpContext http, SignInBody body)
    {
        if (!accounts.AccountsExist())
        {
            throw Problem.NotFound("accounts-off", "this server has no accounts: everyone who can reach it may use it (see docs/team-server.md to add users)").Exception();
        }

        var started = accounts.SignIn(body.Name, body.Password, http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
        SetCookie(http, started);
        return WedgeResults.Json(new SessionView(started.User.Name, started.User.Role.Name(), "session", started.ExpiresAt));
    }

    /// <summary>The session cookie: HttpOnly (no script reads it), SameSite=Strict (no other site sends it), Secure over HTTPS.</summary>
    public static void SetCookie(HttpContext http, StartedSession started)
        => http.Response.Cookies.Append(Access.SessionCookie, started.Id, new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            Path = "/",
            Expires = started.ExpiresAt,
        });

    private static WedgeJsonResult<SessionView> Who(HttpContext http)
        => Access.User(http) is { } user
            ? WedgeResults.Json(new SessionView(user.Name, user.Role.Name(), user.Via))
            : throw Problem.NotFound("accounts-off", "this server has no accounts: no one signs in").Exception();

    private static IResult SignOut(AccountService accounts, HttpContext http)
    {
        if (http.Request.Cookies.TryGetValue(Access.SessionCookie, out var id) && !string.IsNullOrEmpty(id))
        {
            accounts.SignOut(id);
        }

        http.Response.Cookies.Delete(Access.SessionCookie, new CookieOptions { Path = "/", HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps });
        return TypedResults.NoContent();
    }
}
