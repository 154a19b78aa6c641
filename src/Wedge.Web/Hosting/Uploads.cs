using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Wedge.Application.Problems;

namespace Wedge.Web.Hosting;

/// <summary>
/// Uploaded files, kept apart from every path a request could name: each is saved under a name the server chooses, in
/// a directory of its own under the system's temporary folder, handed to the application layer by that path, and
/// deleted when the request ends. The name the client gave is used only to describe problems (as data, never as a path).
/// </summary>
public static class Uploads
{
    private const string ItemsKey = "wedge.uploads";

    /// <summary>Saves the uploaded file as <paramref name="fixedName"/> (chosen by the server) and returns its path.</summary>
    public static async Task<string> SaveAsync(HttpContext context, IFormFile file, string fixedName)
    {
        var limit = context.RequestServices.GetRequiredService<IOptions<WedgeWebOptions>>().Value.MaxUploadBytes;
        if (file.Length > limit)
        {
            throw new BadHttpRequestException("upload too large", StatusCodes.Status413PayloadTooLarge);
        }

        var directory = Path.Combine(Path.GetTempPath(), "wedge-uploads", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, fixedName);
        List<(string Directory, string Path, string Shown)> saved = context.Items.TryGetValue(ItemsKey, out var list)
            ? (List<(string, string, string)>)list!
            : [];
        context.Items[ItemsKey] = saved;
        saved.Add((directory, path, DisplayName(file, fixedName)));
        context.Response.RegisterForDispose(new Cleanup(directory));
        await using var target = File.Create(path);
        await file.CopyToAsync(target, context.RequestAborted);
        return path;
    }

    /// <summary>The problem with every saved upload's server path replaced by the name it was uploaded under.</summary>
    public static Problem Describe(HttpContext context, Problem problem)
    {
        if (!context.Items.TryGetValue(ItemsKey, out var list))
        {
            return problem;
        }

        foreach (var (directory, path, shown) in (List<(string Directory, string Path, string Shown)>)list!)
        {
            problem = problem with
            {
                Message = problem.Message.Replace(path, shown, StringComparison.Ordinal).Replace(directory + Path.DirectorySeparatorChar, "", StringComparison.Ordinal),
                File = problem.File == path ? shown : problem.File?.Replace(directory + Path.DirectorySeparatorChar, "", StringComparison.Ordinal),
            };
        }

        return problem;
    }

    /// <summary>413 with a problem saying the limit.</summary>
    public static ProblemHttpResult TooLarge(HttpContext context)
    {
        var limit = context.RequestServices.GetRequiredService<IOptions<WedgeWebOptions>>().Value.MaxUploadBytes;
        return ProblemResponses.Result(Problem.Refused("upload-too-large", $"the upload is larger than this server accepts ({limit:N0} bytes); nothing was read or written"),
            StatusCodes.Status413PayloadTooLarge);
    }

    /// <summary>Refuses a request body larger than the upload limit before any of it is read (when its length is declared).</summary>
    public static IApplicationBuilder UseWedgeUploadLimit(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var limit = context.RequestServices.GetRequiredService<IOptions<WedgeWebOptions>>().Value.MaxUploadBytes;
        if (context.Request.ContentLength > limit)
        {
            await TooLarge(context).ExecuteAsync(context);
            return;
        }

        await next(context);
    });

    /// <summary>The client's file name without any directory part or control characters; the fixed name when none is left.</summary>
    public static string DisplayName(IFormFile file, string fallback)
    {
        var name = Path.GetFileName((file.FileName ?? "").Replace('\\', '/'));
        name = new string([.. name.Where(c => !char.IsControl(c))]).Trim();
        return name.Length is > 0 and <= 200 ? name : fallback;
    }

    private sealed class Cleanup(string directory) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
                // Best effort: the system cleans its temporary folder.
            }
        }
    }
}
