using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.Json;
using Scalar.AspNetCore;
using Wedge.Application;
using Wedge.Application.Notices;
using Wedge.Application.Store;
using Wedge.Core.Accounts;
using Wedge.Web.Apis;
using Wedge.Web.Hosting;
using Wedge.Web.Pages;

namespace Wedge.Web;

/// <summary>
/// The web host: the application layer's services over HTTP. Endpoints call one service each and return its typed
/// result, serialised as the command line's <c>--json</c>; failures are problem details.
/// </summary>
public static class WedgeWeb
{
    /// <summary>Where the server listens unless told otherwise: this machine only.</summary>
    public const string DefaultUrl = "http://localhost:5173";

    /// <summary>Builds the app; <paramref name="configure"/> may set the database and limits (the command line's options).</summary>
    public static WebApplication Build(string[] args, Action<WedgeWebOptions>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var options = new WedgeWebOptions();
        builder.Configuration.GetSection("Wedge").Bind(options);
        configure?.Invoke(options);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            // A little over the upload limit: the multipart framing around the files.
            k.Limits.MaxRequestBodySize = options.MaxUploadBytes + 64 * 1024;
        });
        builder.Services.AddWedgeWeb(options);
        var app = builder.Build();
        app.UseWedgeWeb();
        return app;
    }

    /// <summary>Wedge's services with the web host's record store (shared projections), notices and JSON.</summary>
    public static IServiceCollection AddWedgeWeb(this IServiceCollection services, WedgeWebOptions options)
    {
        services.AddWedge(new WorkspaceOptions { Database = options.Database });
        services.AddSingleton(Microsoft.Extensions.Options.Options.Create(options));
        services.AddHttpContextAccessor();
        services.AddSingleton<INoticeSink, RequestNotices>();
        services.AddSingleton<SharedKnowledgeStore>();
        services.AddSingleton<IRecordStore>(p => p.GetRequiredService<SharedKnowledgeStore>());
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<Microsoft.AspNetCore.Http.Features.FormOptions>(o => o.MultipartBodyLengthLimit = options.MaxUploadBytes);
        // The schema the OpenAPI document describes is the one WedgeJson writes: camelCase, kebab-case enums, nulls left out.
        services.Configure<JsonOptions>(o =>
        {
            var wedge = WedgeJson.Options;
            o.SerializerOptions.PropertyNamingPolicy = wedge.PropertyNamingPolicy;
            o.SerializerOptions.DefaultIgnoreCondition = wedge.DefaultIgnoreCondition;
            o.SerializerOptions.NumberHandling = wedge.NumberHandling;
            o.SerializerOptions.Encoder = wedge.Encoder;
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.KebabCaseLower));
        });
        services.AddProblemDetails();
        services.AddWedgePages();
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Wedge API";
            document.Info.Description = "Wedge's analyses of alliances between armed groups over HTTP: the same services and JSON as the `wedge` command. See docs/api.md.";
            // The document describes the API, not one server's address: it is committed as docs/openapi.json.
            document.Servers?.Clear();
            return Task.CompletedTask;
        }));
        return services;
    }

    /// <summary>The request pipeline: security headers, problems, the upload limit, then the endpoints.</summary>
    public static WebApplication UseWedgeWeb(this WebApplication app)
    {
        // The journal's author is the signed-in user of the request when accounts are on, never a name the request gives
        // (set on whichever workspace options the host registered).
        var http = app.Services.GetRequiredService<IHttpContextAccessor>();
        app.Services.GetRequiredService<WorkspaceOptions>().SignedInUser = () => http.HttpContext is { } context ? Access.User(context)?.Name : null;
        app.UseWedgeSecurityHeaders();
        app.UseWedgeProblems();
        app.UseStatusCodePages();
        app.UseWedgeUploadLimit();
        app.UseReferenceRedirect();
        app.UseWedgeAssets();
        // Routing after the problem handler, so that a routing failure is answered as a problem too.
        app.UseRouting();
        // Every endpoint has an access rule: open ones here, the rest read by default, writes and admin raised where mapped.
        app.UseWedgeAccess();
        var open = app.MapGroup("").Public();
        open.MapOpenApi();
        open.MapScalarApiReference();
        open.MapReferenceApi();
        open.MapHealthApi();
        var signedIn = app.MapGroup("").Requires(Capability.Read);
        signedIn.MapActorsApi();
        signedIn.MapTiesApi();
        signedIn.MapTimelineApi();
        signedIn.MapDyadApi();
        signedIn.MapAssessmentApi();
        signedIn.MapNetworkApi();
        signedIn.MapNetworkWebApi();
        signedIn.MapJournalApi();
        signedIn.MapImportsApi();
        signedIn.MapExportsApi();
        signedIn.MapDurabilityApi();
        signedIn.MapBriefApi();
        signedIn.MapNegotiationApi();
        signedIn.MapHypothesesApi();
        signedIn.MapWedgePages();
        app.MapAccountsApi();
        app.MapAccountPages();
        return app;
    }
}
