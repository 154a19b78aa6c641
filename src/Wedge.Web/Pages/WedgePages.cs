using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wedge.Application.Problems;
using Wedge.Web.Components;
using Wedge.Web.Hosting;

namespace Wedge.Web.Pages;

/// <summary>
/// The analyst's pages: Razor components rendered on the server (static rendering, no circuit), each filled by one
/// application service call, plus small module scripts under /assets for what must move in the browser (the explorer).
/// </summary>
public static class WedgePages
{
    /// <summary>Paths the pages own; they get <see cref="SecurityHeaders.PagePolicy"/> (scripts and styles from this server).</summary>
    private static readonly string[] Roots = [Assets.Prefix, "/explore", "/actors", "/dyads", "/record", "/negotiation"];

    public static bool IsPage(PathString path) => path == "/" || Roots.Any(r => path.StartsWithSegments(r));

    public static IServiceCollection AddWedgePages(this IServiceCollection services)
    {
        services.AddRazorComponents();
        return services;
    }

    public static IEndpointRouteBuilder MapWedgePages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/", () => TypedResults.Redirect("/explore"));
        pages.MapGet("/explore", (HttpContext http, [FromQuery] string? knownAt, [FromQuery] string? recordedBy, [FromQuery] string[]? kind, [FromQuery] int? year)
            => Render(http, () => Page<Explorer>(new() { ["Query"] = new ExplorerQuery(Set(knownAt), Set(recordedBy), kind ?? [], year).Checked() })));
        return routes;
    }

    /// <summary>A form's field as a value: a field left empty is not set (the API's parameters are simply absent).</summary>
    public static string? Set(string? field) => string.IsNullOrWhiteSpace(field) ? null : field.Trim();

    /// <summary>A page component with its parameters.</summary>
    public static RazorComponentResult Page<TPage>(Dictionary<string, object?> parameters) where TPage : Microsoft.AspNetCore.Components.IComponent
        => new RazorComponentResult<TPage>(parameters);

    /// <summary>Renders a page, or the problem its service reports as a page with the problem's status.</summary>
    public static IResult Render(HttpContext http, Func<IResult> page)
    {
        try
        {
            return page();
        }
        catch (ProblemException e)
        {
            var problem = Uploads.Describe(http, e.Problem);
            return new RazorComponentResult<ProblemPage>(new Dictionary<string, object?> { ["Problem"] = problem })
            {
                StatusCode = ProblemResponses.StatusOf(problem.Kind),
            };
        }
    }
}
