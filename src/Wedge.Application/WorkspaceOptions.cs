namespace Wedge.Application;

/// <summary>How a host configures Wedge: which database, which clock, where settings come from.</summary>
/// <remarks>
/// The command line sets <see cref="Database"/> from --db after parsing, before the use case runs;
/// services read it when they open the store, never at construction.
/// </remarks>
public sealed class WorkspaceOptions
{
    /// <summary>The database file; null means $WEDGE_DB, else wedge.db in the user's data directory.</summary>
    public string? Database { get; set; }

    /// <summary>Reads environment variables (replaced in tests).</summary>
    public Func<string, string?> Environment { get; set; } = System.Environment.GetEnvironmentVariable;

    /// <summary>
    /// Read a large record's checkpoint a piece at a time, as a use case asks for it, rather than whole: for hosts that
    /// answer one question and exit (the command line). A host that keeps records in memory between requests (the
    /// server) leaves it off, since a piece read later may find the checkpoint replaced by a newer one.
    /// </summary>
    public bool ReadCheckpointOnDemand { get; set; }

    /// <summary>The clock that stamps journal entries.</summary>
    public TimeProvider Clock { get; set; } = TimeProvider.System;

    /// <summary>Who is recorded as the author of changes when none is given: $WEDGE_AUTHOR, else the login name.</summary>
    public string DefaultAuthor => Environment("WEDGE_AUTHOR") is { Length: > 0 } a ? a : System.Environment.UserName;

    /// <summary>
    /// The strictest marking the caller may see, when the host restricts what callers see (the team server with
    /// accounts); null: everything (the command line, a server without accounts).
    /// </summary>
    public Func<Core.Model.Marking?> Clearance { get; set; } = () => null;

    /// <summary>The signed-in user of the call under way, when the host authenticates its callers (the team server); else null.</summary>
    public Func<string?> SignedInUser { get; set; } = () => null;

    /// <summary>
    /// Who a change is recorded as made by: the signed-in user when there is one (a different name in the request is
    /// refused, never recorded), else the name asked for, else <see cref="DefaultAuthor"/>.
    /// </summary>
    public string AuthorOf(string? requested)
    {
        if (SignedInUser() is not { } user)
        {
            return requested ?? DefaultAuthor;
        }

        return requested is null || requested == user
            ? user
            : throw Problems.Problem.Forbidden("author-not-yours", $"a change is recorded as made by the signed-in user ({user}), not '{requested}': leave the author out").Exception();
    }
}
