namespace Wedge.Web.Apis;

/// <summary>
/// Interactive reference docs at <c>/reference</c>: Scalar, reading <c>/openapi/v1.json</c>. Scalar's own page starts
/// itself with an inline script, which the Content-Security-Policy forbids; this page loads the same script files from
/// this server and starts them from a script file of its own, so no inline script is needed.
/// </summary>
public static class ReferenceApi
{
    private const string Page = """
        <!doctype html>
        <html lang="en">
        <head>
          <meta charset="utf-8">
          <meta name="viewport" content="width=device-width, initial-scale=1">
          <title>Wedge API reference</title>
        </head>
        <body>
          <div id="app"></div>
          <script src="/scalar/scalar.js"></script>
          <script type="module" src="/reference/start.js"></script>
        </body>
        </html>
        """;

    private const string Start = """
        import { initialize } from '/scalar/scalar.aspnetcore.js'
        initialize('/reference', false, { sources: [{ title: 'Wedge API', url: '/openapi/v1.json' }] }, '')
        """;

    public static IEndpointRouteBuilder MapReferenceApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/reference", () => Results.Text(Page, "text/html; charset=utf-8")).ExcludeFromDescription();
        routes.MapGet("/reference/start.js", () => Results.Text(Start, "text/javascript; charset=utf-8")).ExcludeFromDescription();
        return routes;
    }

    /// <summary>Scalar's own page needs an inline script: readers are sent to the one above (its script files stay served).</summary>
    public static IApplicationBuilder UseReferenceRedirect(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Request.Path.Value is "/scalar" or "/scalar/" or "/scalar/v1")
        {
            context.Response.Redirect("/reference");
            return;
        }

        await next(context);
    });
}
