using Wedge.Application.Accounts;
using Wedge.Application.Problems;
using Wedge.Core.Accounts;

namespace Wedge.Web.Hosting;

/// <summary>An endpoint's access rule: the capability it needs, or none (<see cref="Capability"/> null: open to anyone).</summary>
public sealed record AccessRule(Capability? Capability);

/// <summary>
/// Who may call what, enforced on the server for every endpoint once the database holds accounts: the caller is
/// proved by a session cookie (the pages) or an API token (<c>Authorization: Bearer wedge_…</c>), and the endpoint's
/// <see cref="AccessRule"/> is checked against their role. An endpoint without a rule is refused (fail closed): a test
/// walks every endpoint to make sure none lacks one. A server whose database holds no accounts serves everyone, as a
/// personal server on localhost does.
/// </summary>
public static class Access
{
    public const string SessionCookie = "wedge_session";
    private const string UserKey = "wedge.user";

    /// <summary>How often a server without accounts looks again whether some were added (then it asks everyone to sign in).</summary>
    private static readonly TimeSpan AccountsRecheck = TimeSpan.FromSeconds(5);

    public static TBuilder Requires<TBuilder>(this TBuilder builder, Capability capability)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new AccessRule(capability));

    public static TBuilder Public<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder => builder.WithMetadata(new AccessRule(null));

    /// <summary>The signed-in caller of this request; null when accounts are off or the endpoint is open and no one signed in.</summary>
    public static SignedInUser? User(HttpContext context) => context.Items.TryGetValue(UserKey, out var u) ? u as SignedInUser : null;

    /// <summary>The check, after routing (so the endpoint and its rule are known) and before the endpoint runs.</summary>
    public static IApplicationBuilder UseWedgeAccess(this IApplicationBuilder app)
    {
        var state = new AccountsState();
        return app.Use(async (context, next) =>
        {
            var endpoint = context.GetEndpoint();
            if (endpoint is null)
            {
                await next(context);
                return;
            }

            var accounts = context.RequestServices.GetRequiredService<AccountService>();
            if (!state.On(accounts))
            {
                await next(context);
                return;
            }

            // Routing's own answers (405, 415) are endpoints without a route or a rule: they need a signed-in caller, so
            // they tell no one else which endpoints exist.
            var rule = endpoint.Metadata.GetMetadata<AccessRule>() ?? (endpoint is RouteEndpoint ? null : new AccessRule(Capability.Read));
            var user = Authenticate(context, accounts);
            context.Items[UserKey] = user;
            var where = $"{context.Request.Method} {context.Request.Path}";
            if (rule is null)
            {
                throw Problem.Internal("no-access-rule", $"{where} has no access rule (a defect): refused").Exception();
            }

            if (rule.Capability is not { } needed)
            {
                await next(context);
                return;
            }

            if (user is null)
            {
                accounts.Refused(null, $"{where}: not signed in");
                if (HttpMethods.IsGet(context.Request.Method) && Pages.WedgePages.IsPage(context.Request.Path))
                {
                    context.Response.Redirect("/login?return=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
                    return;
                }

                throw Problem.Unauthenticated("sign-in-required",
                    "sign in first: POST /api/session with your name and password (the pages: /login), or send an API token as 'Authorization: Bearer wedge_…'").Exception();
            }

            if (!user.Role.Can(needed))
            {
                accounts.Refused(user.Name, $"{where}: needs {needed} as {user.Role.Name()}");
                throw Problem.Forbidden("role-not-allowed", $"{user.Name} is signed in as {user.Role.Name()}; {where} needs a role that may {Verb(needed)}").Exception();
            }

            if (user.Via == "session" && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method) && CrossSite(context))
            {
                accounts.Refused(user.Name, $"{where}: a cross-site request");
                throw Problem.Forbidden("cross-site-request", "a change sent from another site is refused; use Wedge's own pages").Exception();
            }

            await next(context);
        });
    }

    private static string Verb(Capability c) => c switch
    {
        Capability.Read => "read",
        Capability.Write => "write facts and import",
        Capability.Review => "retract and review",
        _ => "manage users",
    };

    /// <summary>A bearer token if one is sent (a bad one is refused outright, never downgraded to the cookie), else the session cookie.</summary>
    private static SignedInUser? Authenticate(HttpContext context, AccountService accounts)
    {
        var authorization = context.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return accounts.FromToken(authorization["Bearer ".Length..].Trim())
                   ?? throw Problem.Unauthenticated("token-refused", "the API token is unknown, revoked, or its user is disabled").Exception();
        }

        return context.Request.Cookies.TryGetValue(SessionCookie, out var id) && !string.IsNullOrEmpty(id) ? accounts.FromSession(id) : null;
    }

    /// <summary>
    /// True when a browser says the request came from another site. The session cookie is SameSite=Strict, so browsers do
    /// not send it on such requests anyway; this second check covers older browsers and lax proxies.
    /// </summary>
    private static bool CrossSite(HttpContext context)
    {
        var site = context.Request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0)
        {
            return site is not ("same-origin" or "none");
        }

        var origin = context.Request.Headers.Origin.ToString();
        return origin.Length > 0 && !string.Equals(origin, $"{context.Request.Scheme}://{context.Request.Host}", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether accounts exist: once they do, for good (until restart); until then looked up again every few seconds.</summary>
    private sealed class AccountsState
    {
        private bool on;
        private DateTimeOffset checkedAt = DateTimeOffset.MinValue;

        public bool On(AccountService accounts)
        {
            if (on || DateTimeOffset.UtcNow - checkedAt < AccountsRecheck)
            {
                return on;
            }

            on = accounts.AccountsExist();
            checkedAt = DateTimeOffset.UtcNow;
            return on;
        }
    }
}
