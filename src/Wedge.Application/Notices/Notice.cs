namespace Wedge.Application.Notices;

/// <summary>How much a <see cref="Notice"/> matters: a note is for information, a warning says a result may not be what was meant.</summary>
public enum NoticeLevel
{
    Note,
    Warning,
}

/// <summary>
/// Something the application layer tells its host while a call succeeds (a database was created, a read date lies
/// past the record): a stable machine-readable <see cref="Code"/> (kebab case) and a message for people.
/// </summary>
public sealed record Notice(NoticeLevel Level, string Code, string Message)
{
    public static Notice Note(string code, string message) => new(NoticeLevel.Note, code, message);

    public static Notice Warning(string code, string message) => new(NoticeLevel.Warning, code, message);
}

/// <summary>Where notices go: the command line prints them on standard error as they come; a web host may collect them per request.</summary>
public interface INoticeSink
{
    void Notify(Notice notice);
}

/// <summary>The default sink: keeps the notices, in order, for the host to read after the call.</summary>
public sealed class NoticeLog : INoticeSink
{
    private readonly List<Notice> notices = [];
    private readonly Lock gate = new();

    public IReadOnlyList<Notice> Notices
    {
        get
        {
            lock (gate)
            {
                return [.. notices];
            }
        }
    }

    public void Notify(Notice notice)
    {
        lock (gate)
        {
            notices.Add(notice);
        }
    }
}
