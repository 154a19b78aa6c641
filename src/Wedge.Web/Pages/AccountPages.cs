using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wedge.Application.Accounts;
using Wedge.Application.Problems;
using Wedge.Core.Accounts;
using Wedge.Web.Apis;
using Wedge.Web.Hosting;

namespace Wedge.Web.Pages;

/// <summary>Signing in and out from the pages: a form that starts the same server-side session as <c>POST /api/session</c>.</summary>
public static class AccountPages
{
    public static IEndpointRouteBuilder MapAccountPages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/login", ([FromQuery(Name = "return")] string? back) => Form(Local(back), null, null)).Public();
        pages.MapPost("/login", SignIn).Public().DisableAntiforgery();
        pages.MapPost("/logout", SignOut).Requires(Capability.Read).DisableAntiforgery();
        return routes;
    }

    private static IResult Form(string back, string? name, string? message, int status = StatusCodes.Status200OK)
        => new RazorComponentResult<LoginPage>(new Dictionary<string, object?> { ["Return"] = back, ["Name"] = name, ["Message"] = message }) { StatusCode = status };

    private static IResult SignIn(AccountService accounts, HttpContext http, [FromForm] string? name, [FromForm] string? password, [FromForm(Name = "return")] string? back)
    {
        try
        {
            var started = accounts.SignIn(name ?? "", password ?? "", http.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            AccountsApi.SetCookie(http, started);
            return TypedResults.Redirect(Local(back));
        }
        catch (ProblemException e) when (e.Problem.Kind is ProblemKind.Unauthenticated)
        {
            return Form(Local(back), name, e.Problem.Message, StatusCodes.Status401Unauthorized);
        }
    }

    private static IResult SignOut(AccountService accounts, HttpContext http)
    {
        if (http.Request.Cookies.TryGetValue(Access.SessionCookie, out var id) && !string.IsNullOrEmpty(id))
        {
            accounts.SignOut(id);
        }

        http.Response.Cookies.Delete(Access.SessionCookie, new CookieOptions { Path = "/", HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps });
        return TypedResults.Redirect("/login");
    }

    /// <summary>Where to go after signing in: a path on this server only (never another site: no open redirect).</summary>
    private static string Local(string? back)
        => back is { Length: > 1 } && back[0] == '/' && back[1] is not ('/' or '\\') && !back.Contains("://", StringComparison.Ordinal) ? back : "/explore";
}
