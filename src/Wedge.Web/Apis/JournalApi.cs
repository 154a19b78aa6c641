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

/// <summary>Adding one fact, given by the case format's fields (docs/case-format.md) as a JSON object.</summary>
public sealed record AddBody(
    [property: Description("The kind of fact: source, claim, actor, role, tie, ledger, event or attribute.")] string Type,
    [property: Description("The fact's fields, keyed as in a case file: strings, lists of strings, or for a period {\"from\": …, \"until\": …}.")] System.Text.Json.JsonElement Fields,
    [property: Description("Claims only: the fact this claim backs (TYPE:ID); the claim is attached to it.")] string? About = null,
    [property: Description("Why it is added (recorded in the journal).")] string? Why = null,
    [property: Description("Who adds it.")] string? Author = null);

/// <summary>Disputing a fact: the fields of a claim that says it is wrong (its stance is set to disputes).</summary>
public sealed record DisputeBody(
    [property: Description("The fact disputed: TYPE:ID or an id unique across kinds.")] string Fact,
    [property: Description("The disputing claim's fields, keyed as in a case file (id, source, text, grade, …).")] System.Text.Json.JsonElement Claim,
    [property: Description("Why it is disputed (recorded in the journal).")] string? Why = null,
    [property: Description("Who disputes it.")] string? Author = null);

/// <summary>The journal: its history, and the writes that append to it (retract, correct).</summary>
public static class JournalApi
{
    public static IEndpointRouteBuilder MapJournalApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/journal").WithTags("Journal").RefuseUnknownQuery();
        group.MapGet("/", History).ReadsJournal().WithName("History")
            .WithSummary("The journal: every change, when, by whom and why; as `wedge history --json`.");
        group.MapPost("/retract", Retract).WritesJournal().Requires(Wedge.Core.Accounts.Capability.Review).WithName("Retract")
            .WithSummary("Retract a fact (it stays in the journal's history); needs If-Match. As `wedge retract`.");
        group.MapPost("/correct", Correct).WritesJournal().WithName("Correct")
            .WithSummary("Correct fields of a fact; needs If-Match. As `wedge correct`.");
        group.MapPost("/add", Add).WritesJournal().WithName("Add")
            .WithSummary("Add one fact, checked exactly as an imported case entry (same messages); needs If-Match. As `wedge add TYPE`.");
        group.MapPost("/dispute", Dispute).WritesJournal().WithName("Dispute")
            .WithSummary("Dispute a fact: add a claim that says it is wrong, attached to it; needs If-Match. As `wedge dispute`.");
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

    private static WedgeJsonResult<FactChanged> Add(JournalService journal, HttpContext http, AddBody body)
    {
        var type = Required(body.Type, "type", "say which kind of fact") is var t && Kinds.TryGetValue(t.ToLowerInvariant(), out var kind)
            ? kind
            : throw Problem.Usage("bad-value", $"type: '{body.Type}' is not one of: {string.Join(", ", Kinds.Keys)}").Exception();
        var done = journal.Add(type, Fields(body.Fields, "fields"), new ChangeContext(body.Author, body.Why ?? "", JournalVersion.Expected(http)), body.About);
        JournalVersion.Written(http, done.Version);
        return WedgeResults.Json(done);
    }

    private static WedgeJsonResult<FactChanged> Dispute(JournalService journal, HttpContext http, DisputeBody body)
    {
        var done = journal.Dispute(Required(body.Fact, "fact", "name the fact disputed"), Fields(body.Claim, "claim"),
            new ChangeContext(body.Author, body.Why ?? "", JournalVersion.Expected(http)));
        JournalVersion.Written(http, done.Version);
        return WedgeResults.Json(done);
    }

    private static readonly Dictionary<string, Core.Model.FactType> Kinds = new()
    {
        ["source"] = Core.Model.FactType.Source,
        ["claim"] = Core.Model.FactType.Claim,
        ["actor"] = Core.Model.FactType.Actor,
        ["role"] = Core.Model.FactType.Role,
        ["tie"] = Core.Model.FactType.Tie,
        ["ledger"] = Core.Model.FactType.Ledger,
        ["event"] = Core.Model.FactType.Event,
        ["attribute"] = Core.Model.FactType.Attribute,
    };

    /// <summary>A JSON object of case fields: strings (numbers and booleans as their text), lists of strings, or a mapping of strings.</summary>
    private static List<Data.Cases.CaseField> Fields(System.Text.Json.JsonElement json, string name)
    {
        if (json.ValueKind != System.Text.Json.JsonValueKind.Object)
        {
            throw Problem.Usage("bad-value", $"{name}: give the fact's fields as a JSON object").Exception();
        }

        string Scalar(System.Text.Json.JsonElement v, string key) => v.ValueKind switch
        {
            System.Text.Json.JsonValueKind.String => v.GetString()!,
            System.Text.Json.JsonValueKind.Number or System.Text.Json.JsonValueKind.True or System.Text.Json.JsonValueKind.False => v.GetRawText(),
            _ => throw Problem.Usage("bad-value", $"{name}.{key}: a text, a list of texts or a mapping of texts is expected").Exception(),
        };

        return [.. json.EnumerateObject().Select(p => p.Value.ValueKind switch
        {
            System.Text.Json.JsonValueKind.Array => Data.Cases.CaseField.List(p.Name, [.. p.Value.EnumerateArray().Select(v => Scalar(v, p.Name))]),
            System.Text.Json.JsonValueKind.Object => Data.Cases.CaseField.Mapping(p.Name, [.. p.Value.EnumerateObject().Select(e => KeyValuePair.Create(e.Name, Scalar(e.Value, p.Name)))]),
            _ => Data.Cases.CaseField.Text(p.Name, Scalar(p.Value, p.Name)),
        })];
    }

    private static string Required(string? value, string field, string what)
        => string.IsNullOrWhiteSpace(value) ? throw Problem.Usage("missing-field", $"{field} is required: {what}").Exception() : value;
}
