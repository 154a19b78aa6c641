using System.ComponentModel;
using Spectre.Console.Cli;
using Wedge.Cli.Infrastructure;

namespace Wedge.Cli.Commands.Journal;

/// <summary>Options of every command that appends to the journal.</summary>
public class WriteSettings : StoreSettings
{
    [CommandOption("--author <NAME>")]
    [Description("Who is recorded as making the change (default: $WEDGE_AUTHOR, else the login name).")]
    public string? Author { get; set; }

    [CommandOption("--expect-version <N>")]
    [Description("Refuse the change unless the journal is still at version N (optimistic concurrency).")]
    public long? ExpectVersion { get; set; }
}
