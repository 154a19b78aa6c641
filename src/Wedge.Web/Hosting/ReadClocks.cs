using System.ComponentModel;
using Microsoft.AspNetCore.Mvc;
using Wedge.Application;
using Wedge.Application.Problems;
using Wedge.Core.Knowledge;

namespace Wedge.Web.Hosting;

/// <summary>
/// The three clocks every read takes, as query parameters: <c>at</c> (valid time), <c>knownAt</c> (public time) and
/// <c>recordedBy</c> (recorded time). Dates are ISO 8601 only, read by the same rules as the command line's options.
/// </summary>
public sealed record ReadClocks(
    [property: Description("Read the world as it stood at this date (valid time): YYYY, YYYY-MM or YYYY-MM-DD.")]
    [FromQuery(Name = "at")] string? At = null,
    [property: Description("Use only what was public by this date (public time): YYYY, YYYY-MM or YYYY-MM-DD.")]
    [FromQuery(Name = "knownAt")] string? KnownAt = null,
    [property: Description("Read the journal as it stood at this time (recorded time): ISO 8601, e.g. 2026-11-28T12:00:00Z (UTC when no offset).")]
    [FromQuery(Name = "recordedBy")] string? RecordedBy = null)
{
    /// <summary>The slice the clocks select; a malformed date is a usage problem naming the parameter.</summary>
    public ReadSlice Slice()
    {
        DateTimeOffset? recordedBy = null;
        if (RecordedBy is not null)
        {
            recordedBy = DateInput.TryParseInstant(RecordedBy, out var instant, out var error)
                ? instant
                : throw Problem.Usage("bad-date", $"recordedBy: {error}").Exception();
        }

        return new ReadSlice(Date("at", At), Date("knownAt", KnownAt), recordedBy);
    }

    /// <summary>A date parameter, or null when absent; a malformed one is a usage problem.</summary>
    public static Core.Time.FuzzyDate? Date(string name, string? text)
    {
        if (text is null)
        {
            return null;
        }

        var parsed = DateInput.ParseDate(text);
        return parsed.IsSuccess ? parsed.Value : throw Problem.Usage("bad-date", $"{name}: {parsed.Error}").Exception();
    }
}
