using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Cli.Commands.Journal;
using Wedge.Cli.Infrastructure;

namespace Wedge.Cli.Commands.Events;

/// <summary>The options every event-dataset import shares (`import ucdp`, `import acled`); each verb adds its FILE argument.</summary>
public abstract class EventImportSettings : WriteSettings
{
    [CommandOption("--map <FILE>")]
    [Description("CSV with columns name,actor_id (or YAML \"name\": actor-id): the dataset's actor names to send to actors on record, before any name matching.")]
    public string? Map { get; set; }

    [CommandOption("--strict")]
    [Description("Write nothing and exit non-zero if any row is refused or any name is ambiguous.")]
    public bool Strict { get; set; }

    [CommandOption("--dry-run")]
    [Description("Plan only: print the report and what the import would change in the judgements on record; write nothing.")]
    public bool DryRun { get; set; }

    [CommandOption("--at <DATE>")]
    [Description("Read date at which the import's impact on relations and verdicts is weighed (default: the record read now).")]
    public string? At { get; set; }

    [CommandOption("--why <TEXT>")]
    [Description("Reason recorded in the journal.")]
    public string? Why { get; set; }

    public override ValidationResult Validate() => CommandLine.CheckDates(("--at", At)) ?? base.Validate();
}

public sealed class ImportUcdpSettings : EventImportSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("A file in the UCDP Georeferenced Event Dataset's CSV layout (docs/import-events.md says where to get it).")]
    public string File { get; set; } = "";
}

public sealed class ImportAcledSettings : EventImportSettings
{
    [CommandArgument(0, "<FILE>")]
    [Description("A CSV export of ACLED data in its published layout (docs/import-events.md says where to get it).")]
    public string File { get; set; } = "";
}
