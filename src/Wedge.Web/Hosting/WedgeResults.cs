using System.Reflection;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Wedge.Application;

namespace Wedge.Web.Hosting;

/// <summary>Results as the command line's <c>--json</c> writes them: the application layer's records, with <see cref="WedgeJson.Options"/>.</summary>
public static class WedgeResults
{
    public static WedgeJsonResult<T> Json<T>(T value) => new(value);
}

/// <summary>
/// A 200 response holding <typeparamref name="T"/> written exactly as <see cref="WedgeJson.Serialize{T}"/> writes it (by
/// the value's own type, indented, kebab-case enums), and described as such in the OpenAPI document.
/// </summary>
public sealed class WedgeJsonResult<T>(T value) : IResult, IEndpointMetadataProvider, IStatusCodeHttpResult, IValueHttpResult<T>, IValueHttpResult
{
    public T Value { get; } = value;

    object? IValueHttpResult.Value => Value;

    public int? StatusCode => StatusCodes.Status200OK;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        await JsonSerializer.SerializeAsync(httpContext.Response.Body, Value, Value?.GetType() ?? typeof(T), WedgeJson.Options, httpContext.RequestAborted);
    }

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder)
        => builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
}
