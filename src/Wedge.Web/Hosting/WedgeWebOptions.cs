namespace Wedge.Web.Hosting;

/// <summary>How the web host runs: which database, how large an upload may be. Bound from the "Wedge" configuration section.</summary>
public sealed class WedgeWebOptions
{
    /// <summary>The largest upload accepted, in bytes (the whole multipart body): 64 MiB, room for MMP's CSV files several times over.</summary>
    public const long DefaultMaxUploadBytes = 64L * 1024 * 1024;

    /// <summary>The database file; null: $WEDGE_DB, else the default in the user's data directory (as the command line).</summary>
    public string? Database { get; set; }

    public long MaxUploadBytes { get; set; } = DefaultMaxUploadBytes;
}
