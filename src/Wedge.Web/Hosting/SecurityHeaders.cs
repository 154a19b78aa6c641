namespace Wedge.Web.Hosting;

/// <summary>
/// Headers every response carries, even on a server only its user reaches: no content-type sniffing, no framing, no
/// referrer, and a Content-Security-Policy that allows no inline script (JSON needs nothing; the API reference page
/// loads its script from this server only).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>For JSON, problems and briefs: nothing may load but inline styles and images carried in the document itself.</summary>
    public const string DocumentPolicy = "default-src 'none'; img-src data:; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>For the API reference (Scalar): its script and styles from this server, no inline script, no framing.</summary>
    public const string ReferencePolicy = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; font-src 'self' data:; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

    /// <summary>For the analyst's pages: scripts, styles and data from this server only, no inline script or style, forms posted only here.</summary>
    public const string PagePolicy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public static IApplicationBuilder UseWedgeSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            h.ContentSecurityPolicy = Pages.WedgePages.IsPage(context.Request.Path) ? PagePolicy
                : context.Request.Path.StartsWithSegments("/scalar") || context.Request.Path.StartsWithSegments("/reference") ? ReferencePolicy : DocumentPolicy;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            h["Cross-Origin-Resource-Policy"] = "same-origin";
            return Task.CompletedTask;
        });

        // A browser on another site may send a form here (a simple request needs no preflight); a write never comes from
        // there. Writes also need If-Match, which a cross-site form cannot set: this refuses such posts before they are read.
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
            && context.Request.Headers["Sec-Fetch-Site"] is [var site] && site is "cross-site")
        {
            await ProblemResponses.Result(Application.Problems.Problem.Refused("cross-site-request", "requests that change or upload are refused from other sites"),
                StatusCodes.Status403Forbidden).ExecuteAsync(context);
            return;
        }

        await next(context);
    });
}
