using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Application;
using Wedge.Application.Problems;
using Wedge.Core.Knowledge;
using Wedge.Core.Time;

namespace Wedge.Cli.Infrastructure;

/// <summary>Options of every command: how results are written.</summary>
/// <remarks>Checked before the command runs, whatever its own validation does (see WedgeApp's interceptor).</remarks>
public class OutputSettings : CommandSettings
{
    [CommandOption("--json")]
    [Description("Write JSON instead of tables.")]
    public bool Json { get; set; }

    [CommandOption("--format <FORMAT>")]
    [Description("How tables are written: table (default), csv or tsv (tables on standard output, other text on standard error).")]
    public string Format { get; set; } = "table";

    /// <summary>The format asked for, or a usage problem naming what is wrong.</summary>
    public TableFormat TableFormat => DelimitedText.Parse(Format) switch
    {
        null => throw Problem.Usage("bad-option-value", $"--format: '{Format}' is not one of: table, csv, tsv").Exception(),
        not TableFormat.Table when Json => throw Problem.Usage("bad-option-value", $"--json and --format {Format} exclude each other: choose one").Exception(),
        { } format => format,
    };
}

/// <summary>Options every command that touches the database takes.</summary>
public class StoreSettings : OutputSettings
{
    [CommandOption("--db|--store <PATH>")]
    [Description("Database file, or a PostgreSQL connection string (\"Host=…;Database=…\") for a team's server (default: $WEDGE_DB, else wedge.db in the user's data directory).")]
    public string? Db { get; set; }
}

/// <summary>Options of every read: the three clocks.</summary>
public class ReadSettings : StoreSettings
{
    [CommandOption("--at <DATE>")]
    [Description("Read the world as it stood at DATE (valid time; YYYY, YYYY-MM or YYYY-MM-DD).")]
    public string? At { get; set; }

    [CommandOption("--known-at <DATE>")]
    [Description("Use only what was public by DATE (public time; YYYY, YYYY-MM or YYYY-MM-DD): a hindsight-free view.")]
    public string? KnownAt { get; set; }

    [CommandOption("--recorded-by <DATETIME>")]
    [Description("Read the journal as it stood at DATETIME (recorded time, ISO 8601, e.g. 2026-11-28T12:00:00Z; UTC if no offset).")]
    public string? RecordedBy { get; set; }

    public ReadOptions ReadOptions => Slice.Options;

    /// <summary>The slice of the record the three clocks select.</summary>
    public ReadSlice Slice => new(CommandLine.Date(At), CommandLine.Date(KnownAt), RecordedByTime);

    public DateTimeOffset? RecordedByTime => CommandLine.Instant(RecordedBy);

    public override ValidationResult Validate()
        => CommandLine.CheckDates(("--at", At), ("--known-at", KnownAt))
           ?? CommandLine.CheckInstant("--recorded-by", RecordedBy)
           ?? ValidationResult.Success();
}

/// <summary>
/// Values typed on the command line, read one way everywhere: dates in ISO 8601 only (<see cref="DateInput"/>), so
/// `--at 11/09/2018` is refused with both of its readings rather than silently read as one of them.
/// </summary>
public static class CommandLine
{
    /// <summary>The first bad date among the options, as a validation error naming the option; null when all are good (or absent).</summary>
    public static ValidationResult? CheckDates(params (string Option, string? Value)[] options)
    {
        foreach (var (option, value) in options)
        {
            if (value is not null && DateInput.ParseDate(value) is { IsSuccess: false } bad)
            {
                return ValidationResult.Error($"{option}: {bad.Error}");
            }
        }

        return null;
    }

    public static ValidationResult? CheckInstant(string option, string? value)
        => value is not null && !DateInput.TryParseInstant(value, out _, out var error) ? ValidationResult.Error($"{option}: {error}") : null;

    /// <summary>A date option already checked by <see cref="CheckDates"/>.</summary>
    public static FuzzyDate? Date(string? value) => value is null ? null : DateInput.ParseDate(value).Value;

    /// <summary>A date-time option already checked by <see cref="CheckInstant"/>.</summary>
    public static DateTimeOffset? Instant(string? value)
        => value is null ? null : DateInput.TryParseInstant(value, out var instant, out var error) ? instant : throw new FormatException(error);
}
