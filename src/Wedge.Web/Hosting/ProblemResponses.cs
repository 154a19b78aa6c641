using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wedge.Application.Problems;

namespace Wedge.Web.Hosting;

/// <summary>
/// Failures as RFC 9457 problem details, carrying the application layer's problem <c>code</c> and <c>kind</c>, and
/// <c>file</c>, <c>line</c> and <c>column</c> when the problem lies in an uploaded file (named as it was uploaded, never
/// by the server's path).
/// </summary>
public static class ProblemResponses
{
    /// <summary>The status of each kind: refused input is 422 (understood, and refused), a clash with the record 409.</summary>
    public static int StatusOf(ProblemKind kind) => kind switch
    {
        ProblemKind.NotFound => StatusCodes.Status404NotFound,
        ProblemKind.Refused => StatusCodes.Status422UnprocessableEntity,
        ProblemKind.Usage => StatusCodes.Status400BadRequest,
        ProblemKind.Conflict => StatusCodes.Status409Conflict,
        ProblemKind.Unauthenticated => StatusCodes.Status401Unauthorized,
        ProblemKind.Forbidden => StatusCodes.Status403Forbidden,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>The problem as a response; <paramref name="status"/> overrides the kind's (a stale If-Match is 412).</summary>
    public static ProblemHttpResult Result(Problem problem, int? status = null)
    {
        var details = new ProblemDetails
        {
            Status = status ?? StatusOf(problem.Kind),
            Title = Titles.GetValueOrDefault(problem.Kind, "Error"),
            Type = $"urn:wedge:problem:{problem.Code}",
            Detail = problem.Message,
        };
        details.Extensions["code"] = problem.Code;
        details.Extensions["kind"] = Kebab(problem.Kind);
        if (problem.File is not null)
        {
            details.Extensions["file"] = problem.File;
        }

        if (problem.Line is not null)
        {
            details.Extensions["line"] = problem.Line;
        }

        if (problem.Column is not null)
        {
            details.Extensions["column"] = problem.Column;
        }

        return TypedResults.Problem(details);
    }

    /// <summary>Catches what a request fails with and answers with problem details; a defect is logged and answered without its stack trace.</summary>
    public static IApplicationBuilder UseWedgeProblems(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        try
        {
            await next(context);
        }
        catch (Exception ex) when (!context.Response.HasStarted && Translate(context, ex) is { } answer)
        {
            context.Response.Clear();
            await answer.ExecuteAsync(context);
        }
    });

    private static ProblemHttpResult? Translate(HttpContext context, Exception ex)
    {
        switch (ex)
        {
            case ProblemException or IOException when DiskFull.Caused(ex):
                // Uploads, briefs and charts are written to the server's temporary folder: when it is full the client
                // is told so (507), not shown a defect or the server's paths; what the request wrote is removed with
                // its folder when the response ends.
                return Result(Problem.Refused("disk-full", "the server's disk is full; nothing was written (ask its administrator to free space)"),
                    StatusCodes.Status507InsufficientStorage);
            case ProblemException p:
                var problem = Uploads.Describe(context, p.Problem);
                // A write whose If-Match the journal moved past while it ran is refused like a stale If-Match.
                var stale = problem.Kind == ProblemKind.Conflict && problem.Code is "journal-moved" or "conflict" && context.Request.Headers.IfMatch.Count > 0;
                return Result(problem, stale ? StatusCodes.Status412PreconditionFailed : null);
            case BadHttpRequestException bad when bad.StatusCode == StatusCodes.Status413PayloadTooLarge:
                return Uploads.TooLarge(context);
            case InvalidDataException when context.Request.HasFormContentType:
                // The form reader's limits (multipart body length, section count): the upload is too large or malformed.
                return Result(Problem.Usage("upload-malformed", $"the upload could not be read as a form: {ex.Message}"), StatusCodes.Status400BadRequest);
            case BadHttpRequestException bad:
                return Result(Problem.Usage("bad-request", bad.Message), bad.StatusCode);
            case OperationCanceledException when context.RequestAborted.IsCancellationRequested:
                return null; // the client went away; there is no one to answer
            default:
                context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Wedge.Web").LogError(ex, "Unhandled failure in {Path}", context.Request.Path);
                return Result(Problem.Internal("internal", "a defect in Wedge itself; the server log has the details (please report it)"));
        }
    }

    private static readonly Dictionary<ProblemKind, string> Titles = new()
    {
        [ProblemKind.NotFound] = "Not found",
        [ProblemKind.Refused] = "Refused",
        [ProblemKind.Usage] = "Bad request",
        [ProblemKind.Conflict] = "Conflict",
        [ProblemKind.Internal] = "Internal error",
        [ProblemKind.Unauthenticated] = "Sign-in required",
        [ProblemKind.Forbidden] = "Forbidden",
    };

    private static string Kebab(ProblemKind kind) => Core.Model.EnumNames.Kebab(kind.ToString());
}
