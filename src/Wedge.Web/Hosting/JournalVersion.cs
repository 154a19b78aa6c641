using System.Globalization;
using Microsoft.Net.Http.Headers;
using Wedge.Application.Problems;
using Wedge.Application.Store;

namespace Wedge.Web.Hosting;

/// <summary>
/// The journal version as an HTTP entity tag. A read answers with the version it read as its <c>ETag</c> (and
/// <c>304</c> when <c>If-None-Match</c> names it); a write must say which version it was prepared against in
/// <c>If-Match</c> (<c>*</c>: whatever the journal holds), is refused with <c>412</c> when the journal has moved past it,
/// and answers with the new version as its <c>ETag</c>.
/// </summary>
/// <remarks>
/// Requiring <c>If-Match</c> also guards against cross-site forgery: a form on another site cannot set that header.
/// Dry runs write nothing and need no <c>If-Match</c>.
/// </remarks>
public static class JournalVersion
{
    private const string ExpectedKey = "wedge.expected-version";

    public static string Tag(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>For reads: pins one journal version for the request, sets it as the ETag, answers 304 when the client has it.</summary>
    public static RouteHandlerBuilder ReadsJournal(this RouteHandlerBuilder builder) => builder.AddEndpointFilter(async (context, next) =>
    {
        var store = context.HttpContext.RequestServices.GetRequiredService<SharedKnowledgeStore>();
        using var pin = store.Pin();
        var tag = Tag(pin.Knowledge.Version);
        context.HttpContext.Response.Headers.ETag = tag;
        context.HttpContext.Response.Headers.CacheControl = "no-cache";
        if (context.HttpContext.Request.Headers.IfNoneMatch.Any(v => v is not null && v.Split(',').Any(t => t.Trim() == tag || t.Trim() == "W/" + tag)))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return await next(context);
    }).ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>For writes: requires If-Match (unless a dry run), refuses a stale one with 412 before anything is read or written.</summary>
    /// <remarks>Also the endpoint's access rule: writing facts needs a role that may write (analyst or above).</remarks>
    public static RouteHandlerBuilder WritesJournal(this RouteHandlerBuilder builder) => builder.Requires(Wedge.Core.Accounts.Capability.Write).AddEndpointFilter(async (context, next) =>
    {
        var http = context.HttpContext;
        var dryRun = http.Request.Query.TryGetValue("dryRun", out var d) && bool.TryParse(d, out var isDry) && isDry;
        var ifMatch = http.Request.Headers.IfMatch.ToString().Trim();
        if (ifMatch.Length == 0)
        {
            if (dryRun)
            {
                return await next(context);
            }

            return ProblemResponses.Result(Problem.Usage("precondition-required",
                "a write must say which journal version it expects: send If-Match with the ETag of your last read (or * for any version)"),
                StatusCodes.Status428PreconditionRequired);
        }

        if (ifMatch != "*")
        {
            var expected = EntityTagHeaderValue.TryParse(ifMatch, out var tag) && !tag.IsWeak
                && long.TryParse(tag.Tag.AsSpan().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : (long?)null;
            if (expected is null)
            {
                return ProblemResponses.Result(Problem.Usage("bad-if-match", $"If-Match: '{ifMatch}' is not a journal version; send the ETag of a read, e.g. \"42\""));
            }

            var current = http.RequestServices.GetRequiredService<SharedKnowledgeStore>().WriteVersion();
            if (current != expected)
            {
                http.Response.Headers.ETag = Tag(current);
                return ProblemResponses.Result(Problem.Conflict("journal-moved",
                    $"the journal is at version {current}, not {expected} as If-Match expects: someone wrote meanwhile; read again and retry. Nothing was written"),
                    StatusCodes.Status412PreconditionFailed);
            }

            http.Items[ExpectedKey] = expected;
        }

        return await next(context);
    }).ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired)
      .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status422UnprocessableEntity);

    /// <summary>The version the request's If-Match expects; null for <c>*</c> (or a dry run without If-Match).</summary>
    public static long? Expected(HttpContext context) => context.Items.TryGetValue(ExpectedKey, out var v) ? (long?)v : null;

    /// <summary>Sets the ETag of a write's response: the journal's version after it.</summary>
    public static void Written(HttpContext context, long version) => context.Response.Headers.ETag = Tag(version);
}
