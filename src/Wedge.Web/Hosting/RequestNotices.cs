using Wedge.Application.Notices;

namespace Wedge.Web.Hosting;

/// <summary>
/// Notices the application layer gives while a request succeeds (a read date past the record), sent back as
/// <c>Wedge-Notice</c> response headers: <c>warning; code=read-date-past-record; message=…</c>, the message
/// percent-encoded (header values are ASCII). Outside a request (at start-up) they go to the log.
/// </summary>
public sealed class RequestNotices(IHttpContextAccessor accessor, ILogger<RequestNotices> log) : INoticeSink
{
    public const string Header = "Wedge-Notice";

    public void Notify(Notice notice)
    {
        if (accessor.HttpContext is not { } context || context.Response.HasStarted)
        {
            log.LogInformation("{Level} {Code}: {Message}", notice.Level, notice.Code, notice.Message);
            return;
        }

        var value = $"{Core.Model.EnumNames.Kebab(notice.Level.ToString())}; code={notice.Code}; message={Uri.EscapeDataString(notice.Message)}";
        if (!context.Response.Headers[Header].Contains(value))
        {
            context.Response.Headers.Append(Header, value);
        }
    }
}
