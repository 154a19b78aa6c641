using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Wedge.Application;
using Wedge.Application.Imports;
using Wedge.Application.Journal;
using Wedge.Application.Problems;
using Wedge.Application.Store;
using Wedge.Core.Model;
using Wedge.Data.Cases;
using Wedge.Web.Hosting;

namespace Wedge.Web.Pages;

/// <summary>
/// The record pages beside the case import: the journal's history with the command line's filters, a form that adds or
/// disputes a claim through the same service call as `wedge add claim` and `wedge dispute`, and the MMP import with a
/// dry run. Writes expect the journal version the form was loaded at, so nothing lands over changes the user has not seen.
/// </summary>
public static class RecordPages
{
    /// <summary>How many entries the history shows when no filter narrows it.</summary>
    public const int DefaultLast = 200;

    public static IEndpointRouteBuilder MapRecordPages(this IEndpointRouteBuilder routes)
    {
        var pages = routes.MapGroup("/record").ExcludeFromDescription();
        pages.MapGet("/history", History);
        pages.MapGet("/claim", (SharedKnowledgeStore store, string? fact, string? mode) => WedgePages.Page<ClaimPage>(new()
        {
            ["Form"] = new ClaimForm { Fact = WedgePages.Set(fact), Dispute = mode == "dispute" },
            ["Version"] = store.Version(),
        }));
        // The form is posted from this server's own page; the journal version it carries refuses a stale or replayed post.
        pages.MapPost("/claim", Claim).Requires(Wedge.Core.Accounts.Capability.Write).DisableAntiforgery();
        pages.MapGet("/import/mmp", (SharedKnowledgeStore store) => WedgePages.Page<MmpImportPage>(new() { ["Version"] = store.Version() }));
        pages.MapPost("/import/mmp", ImportMmp).Requires(Wedge.Core.Accounts.Capability.Write).DisableAntiforgery();
        return routes;
    }

    private static IResult History(HttpContext http, JournalService journal, string? fact, string? author, string? since, string? until, string? last)
    {
        var query = new HistoryQuery(WedgePages.Set(fact), WedgePages.Set(author), WedgePages.Set(since), WedgePages.Set(until), WedgePages.Set(last));
        return WedgePages.Render(http, () => WedgePages.Page<HistoryPage>(new()
        {
            ["Query"] = query,
            ["Entries"] = journal.History(query.Filter()),
        }));
    }

    private static async Task<IResult> Claim(HttpContext http, JournalService journal, SharedKnowledgeStore store, CancellationToken cancellationToken)
    {
        var posted = await http.Request.ReadFormAsync(cancellationToken);
        string? Field(string name) => WedgePages.Set(posted[name]);
        var form = new ClaimForm
        {
            Dispute = posted["mode"] == "dispute",
            Fact = Field("fact"),
            Id = Field("id"),
            Source = Field("source"),
            Text = Field("text"),
            Grade = Field("grade"),
            GradeReason = Field("gradeReason"),
            Locator = Field("locator"),
            PublicSince = Field("publicSince"),
            Reports = Field("reports"),
            Context = posted["context"] == "true",
            Why = Field("why"),
            Author = Field("author"),
        };
        var page = new Dictionary<string, object?> { ["Form"] = form };
        try
        {
            var version = long.TryParse(posted["version"], out var v) ? v
                : throw Problem.Usage("missing-field", "the form lost the journal version it was loaded at: load the page again").Exception();
            var change = new ChangeContext(form.Author, form.Why ?? "", version);
            FactChanged done;
            if (form.Dispute)
            {
                var fact = form.Fact ?? throw Problem.Usage("missing-field", "fact: name the fact the claim disputes (TYPE:ID, e.g. tie:t-aq-taliban-alliance)").Exception();
                done = journal.Dispute(fact, form.Fields(JournalService.DefaultDisputeId(fact, DateTime.UtcNow)), change);
            }
            else
            {
                done = journal.Add(FactType.Claim, form.Fields(null), change, form.Fact);
            }

            page["Done"] = done;
            page["Form"] = new ClaimForm { Fact = form.Fact, Dispute = form.Dispute, Source = form.Source, Author = form.Author };
            page["Version"] = done.Version;
            return WedgePages.Page<ClaimPage>(page);
        }
        catch (ProblemException e)
        {
            page["Problem"] = e.Problem;
            page["Version"] = store.Version();
            return new RazorComponentResult<ClaimPage>(page) { StatusCode = ProblemResponses.StatusOf(e.Problem.Kind) };
        }
    }

    /// <summary>The MMP form's post: the same service call as the API's and `wedge import mmp`, a dry run unless unticked.</summary>
    private static async Task<IResult> ImportMmp(HttpContext http, ImportService imports, SharedKnowledgeStore store, IFormFile? key, IFormFile? relationships,
        [FromForm] string? author, [FromForm] string? why, [FromForm] bool? dryRun, [FromForm] bool? strict, [FromForm] bool? asContext,
        [FromForm] string? grade, [FromForm] long? version, CancellationToken cancellationToken)
    {
        var plan = dryRun == true;
        var page = new Dictionary<string, object?>
        {
            ["DryRun"] = plan,
            ["Strict"] = strict == true,
            ["AsContext"] = asContext == true,
            ["Grade"] = WedgePages.Set(grade),
            ["Author"] = WedgePages.Set(author),
            ["Why"] = WedgePages.Set(why),
        };
        try
        {
            if (key is null || relationships is null)
            {
                throw Problem.Usage("no-file", "choose both of MMP's files: the group key and the relationships").Exception();
            }

            Grade? parsed = WedgePages.Set(grade) is not { } g ? null
                : Grade.TryParse(g, out var value, out var gradeError) ? value : throw Problem.Usage("bad-value", $"grade: {gradeError}").Exception();
            var keyPath = await Uploads.SaveAsync(http, key, "Militant-Group-Key.csv");
            var relationshipsPath = await Uploads.SaveAsync(http, relationships, "Militant-Group-Relationships.csv");
            var done = imports.ImportMmp(new MmpImportRequest(keyPath, relationshipsPath, null, strict == true, parsed, asContext == true),
                WedgePages.Set(author), WedgePages.Set(why) ?? "imported the Mapping Militants Project's data from the import page", plan ? null : version,
                cancellationToken, plan);
            if (!done.Written && done.Refusal is { } refusal)
            {
                throw refusal.Exception();
            }

            page["Result"] = done;
            page["Version"] = done.Version;
            return WedgePages.Page<MmpImportPage>(page);
        }
        catch (ProblemException e)
        {
            page["Problem"] = Uploads.Describe(http, e.Problem);
            page["Version"] = store.Version();
            return new RazorComponentResult<MmpImportPage>(page) { StatusCode = ProblemResponses.StatusOf(e.Problem.Kind) };
        }
    }
}

/// <summary>The history page's filters as typed; checked as `wedge history` checks its options.</summary>
public sealed record HistoryQuery(string? Fact, string? Author, string? Since, string? Until, string? Last)
{
    public HistoryFilter Filter()
    {
        DateTimeOffset? since = null, until = null;
        if (Since is not null)
        {
            since = DateInput.TryParseInstant(Since, out var s, out var error) ? s : throw Problem.Usage("bad-date", $"since: {error}").Exception();
        }

        if (Until is not null)
        {
            until = DateInput.TryParseUntil(Until, out var u, out var error) ? u : throw Problem.Usage("bad-date", $"until: {error}").Exception();
        }

        int? last = Last is null ? (Fact ?? Author ?? Since ?? Until) is null ? RecordPages.DefaultLast : null
            : int.TryParse(Last, out var n) && n >= 1 ? n : throw Problem.Usage("bad-value", $"last: '{Last}' is not a whole number of 1 or more").Exception();
        return new HistoryFilter(Fact, Author, since, until, last);
    }
}

/// <summary>What the claim form holds: the case format's claim fields (docs/case-format.md), as typed.</summary>
public sealed record ClaimForm
{
    /// <summary>True: the claim disputes <see cref="Fact"/>; false: it backs it (or stands alone when no fact is named).</summary>
    public bool Dispute { get; init; }

    public string? Fact { get; init; }

    public string? Id { get; init; }

    public string? Source { get; init; }

    public string? Text { get; init; }

    public string? Grade { get; init; }

    public string? GradeReason { get; init; }

    public string? Locator { get; init; }

    public string? PublicSince { get; init; }

    public string? Reports { get; init; }

    public bool Context { get; init; }

    public string? Why { get; init; }

    public string? Author { get; init; }

    /// <summary>The entry as the case format spells it, the keys `wedge add claim` writes; a missing id is the default given.</summary>
    public IReadOnlyList<CaseField> Fields(string? defaultId)
    {
        // Dates typed in a form are ISO 8601 only, as on the command line: 11/09/2018 is refused with both readings.
        if (PublicSince is not null && DateInput.ParseDate(PublicSince) is { IsSuccess: false } bad)
        {
            throw Problem.Usage("bad-date", $"public since: {bad.Error}").Exception();
        }

        var fields = new List<CaseField>();
        void Add(string key, string? value)
        {
            if (value is not null)
            {
                fields.Add(CaseField.Text(key, value));
            }
        }

        Add("id", Id ?? defaultId);
        Add("source", Source);
        Add("text", Text);
        Add("grade", Grade);
        Add("grade-reason", GradeReason);
        Add("locator", Locator);
        Add("public-since", PublicSince);
        Add("reports", Reports);
        Add("context", Context ? "true" : null);
        return fields;
    }
}
