using System.ComponentModel;
using Wedge.Application;
using Wedge.Application.Journal;
using Wedge.Application.Problems;
using Wedge.Core.Collections;
using Wedge.Web.Hosting;

namespace Wedge.Web.Apis;

/// <summary>Retracting a fact: which one, and why (recorded in the journal).</summary>
public sealed record RetractBody(
    [property: Description("The fact: TYPE:ID (tie:t-x) or an id unique across kinds.")] string Fact,
    [property: Description("Why it is retracted (required; recorded in the journal).")] string Why,
    [property: Description("Who retracts it (default: the server's $WEDGE_AUTHOR, else its login name).")] string? Author = null);

/// <summary>Correcting fields of a fact: FIELD=VALUE assignments on its JSON form (dotted for nested fields; an empty value removes).</summary>
public sealed record CorrectBody(
    [property: Description("The fact: TYPE:ID or an id unique across kinds.")] string Fact,
    [property: Description("Assignments FIELD=VALUE, e.g. period.end=2015-07.")] EquatableList<string> Set,
    [property: Description("Why it is corrected (required; recorded in the journal).")] string Why,
    [property: Description("Who corrects it (default: the server's $WEDGE_AUTHOR, else its login name).")] string? Author = null);

/// <summary>The journal: its history, and the writes that append to it (retract, correct).</summary>
public static class JournalApi
{
    public static IEndpointRouteBuilder MapJournalApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/journal").WithTags("Journal").RefuseUnknownQuery();
        group.MapGet("/", History).ReadsJournal().WithName("History")
            .WithSummary("The journal: every change, when, by whom and why; as `wedge history --json`.");
        group.MapPost("/retract", Retract).WritesJournal().WithName("Retract")
            .WithSummary("Retract a fact (it stays in the journal's history); needs If-Match. As `wedge retract`.");
        group.MapPost("/correct", Correct).WritesJournal().WithName("Correct")
            .WithSummary("Correct fields of a fact; needs If-Match. As `wedge correct`.");
        return routes;
    }

    private static WedgeJsonResult<EquatableList<HistoryEntry>> History(JournalService journal,
        [Description("Only entries about this fact: TYPE:ID or an id.")] string? fact = null,
        [Description("Only the newest N entries.")] int? last = null)
    {
        if (last is < 1)
        {
            throw Problem.Usage("bad-value", "last: must be 1 or more").Exception();
        }

        return WedgeResults.Json(journal.History(fact, last));
    }

    private static WedgeJsonResult<FactChanged> Retract(JournalService journal, HttpContext http, RetractBody body)
    {
        var why = Required(body.Why, "why", "say why the fact is retracted");
        var done = journal.Retract(Required(body.Fact, "fact", "name the fact"), new ChangeContext(body.Author, why, JournalVersion.Expected(http)));
        JournalVersion.Written(http, done.Version);
        return WedgeResults.Json(done);
    }

    private static WedgeJsonResult<FactChanged> Correct(JournalService journal, HttpContext http, CorrectBody body)
    {
        var why = Required(body.Why, "why", "say why the fact is corrected");
        if (body.Set is null || body.Set.Count == 0 || body.Set.Any(s => s is null || !s.Contains('=', StringComparison.Ordinal)))
        {
            throw Problem.Usage("bad-value", "set: give at least one FIELD=VALUE").Exception();
        }

        foreach (var assignment in body.Set)
        {
            if (DateInput.RefuseSlashedDate(assignment[(assignment.IndexOf('=', StringComparison.Ordinal) + 1)..]) is { } ambiguous)
            {
                throw Problem.Usage("bad-date", $"set {assignment}: {ambiguous}").Exception();
            }
        }

        var done = journal.Correct(Required(body.Fact, "fact", "name the fact"), body.Set, new ChangeContext(body.Author, why, JournalVersion.Expected(http)));
        JournalVersion.Written(http, done.Version);
        return WedgeResults.Json(done);
    }

    private static string Required(string? value, string field, string what)
        => string.IsNullOrWhiteSpace(value) ? throw Problem.Usage("missing-field", $"{field} is required: {what}").Exception() : value;
}
