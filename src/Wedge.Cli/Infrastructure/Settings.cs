using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Core.Knowledge;
using Wedge.Core.Time;

namespace Wedge.Cli.Infrastructure;

/// <summary>Options every command that touches the database takes.</summary>
public class StoreSettings : CommandSettings
{
    [CommandOption("--db <PATH>")]
    [Description("Database file (default: $WEDGE_DB, else wedge.db in the user's data directory).")]
    public string? Db { get; set; }

    [CommandOption("--json")]
    [Description("Write JSON instead of tables.")]
    public bool Json { get; set; }
}

/// <summary>Options of every read: the three clocks.</summary>
public class ReadSettings : StoreSettings
{
    [CommandOption("--at <DATE>")]
    [Description("Read the world as it stood at DATE (valid time).")]
    public string? At { get; set; }

    [CommandOption("--known-at <DATE>")]
    [Description("Use only what was public by DATE (public time): a hindsight-free view.")]
    public string? KnownAt { get; set; }

    [CommandOption("--recorded-by <DATETIME>")]
    [Description("Read the journal as it stood at DATETIME (recorded time, ISO 8601, UTC if no offset).")]
    public string? RecordedBy { get; set; }

    public ReadOptions ReadOptions => Slice.Options;

    /// <summary>The slice of the record the three clocks select.</summary>
    public ReadSlice Slice => new(ParseDate(At), ParseDate(KnownAt), RecordedByTime);

    public DateTimeOffset? RecordedByTime => RecordedBy is null ? null : ParseInstant(RecordedBy);

    public override ValidationResult Validate()
    {
        foreach (var (name, value) in new[] { ("--at", At), ("--known-at", KnownAt) })
        {
            if (value is not null && FuzzyDate.TryParse(value) is { IsSuccess: false } bad)
            {
                return ValidationResult.Error($"{name}: {bad.Error}");
            }
        }

        if (RecordedBy is not null && !TryParseInstant(RecordedBy, out _))
        {
            return ValidationResult.Error($"--recorded-by: '{RecordedBy}' is not a date-time (e.g. 2026-11-28T12:00:00Z)");
        }

        return ValidationResult.Success();
    }

    private static FuzzyDate? ParseDate(string? text) => text is null ? null : FuzzyDate.Parse(text);

    private static DateTimeOffset ParseInstant(string text) => TryParseInstant(text, out var t) ? t : throw new FormatException(text);

    private static bool TryParseInstant(string text, out DateTimeOffset instant)
        => DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out instant);
}
