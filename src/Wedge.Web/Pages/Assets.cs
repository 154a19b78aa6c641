using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;

namespace Wedge.Web.Pages;

/// <summary>
/// The pages' scripts, styles and pinned libraries (wwwroot, embedded in the assembly) under <c>/assets</c>. Nothing is
/// fetched from another site: the pages work offline.
/// </summary>
public static class Assets
{
    public const string Prefix = "/assets";

    /// <summary>The embedded wwwroot: resource names keep the path, folders joined by dots (see Wedge.Web.csproj).</summary>
    public static IFileProvider Files { get; } = new EmbeddedFileProvider(typeof(Assets).Assembly, "Wedge.Web.wwwroot");

    public static IApplicationBuilder UseWedgeAssets(this IApplicationBuilder app)
    {
        var types = new FileExtensionContentTypeProvider();
        // Cytoscape ships as an ES module with the .mjs extension.
        types.Mappings[".mjs"] = "text/javascript";
        return app.UseStaticFiles(new StaticFileOptions
        {
            RequestPath = Prefix,
            FileProvider = Files,
            ContentTypeProvider = types,
            // Revalidate each time (the ETag makes that cheap): an upgraded server must not run yesterday's scripts.
            OnPrepareResponse = c => c.Context.Response.Headers.CacheControl = "no-cache",
        });
    }
}
