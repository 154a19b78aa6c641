using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;
using Wedge.Cli.Infrastructure;
using Wedge.Core.Model;
using Wedge.Data.Cases;

namespace Wedge.Cli.Commands.Journal;

/// <summary>
/// Options of every `wedge add` verb: why the fact is added (its id comes from each verb). Each verb's own options are
/// the case format's keys (docs/case-format.md), so what the import would say about a key it says about the option.
/// </summary>
public abstract class AddSettings : WriteSettings
{
    [CommandOption("--why <TEXT>")]
    [Description("Why it is added (recorded in the journal; default: \"added TYPE:ID\").")]
    public string? Why { get; set; }

    /// <summary>The kind of fact this verb adds.</summary>
    public abstract FactType Type { get; }

    /// <summary>The new fact's id.</summary>
    public abstract string FactId { get; }

    /// <summary>The entry as the case format spells it: the id, then each option given.</summary>
    public IReadOnlyList<CaseField> Fields() => [CaseField.Text("id", FactId), .. OwnFields().Where(f => f is not null).Select(f => f!)];

    /// <summary>With `add claim --about FACT`: the fact the claim backs.</summary>
    public virtual string? About => null;

    protected abstract IEnumerable<CaseField?> OwnFields();

    /// <summary>Dates typed here are ISO 8601 only, like every date on the command line.</summary>
    protected virtual IEnumerable<(string Option, string? Value)> Dates => [];

    public override ValidationResult Validate()
        => CommandLine.CheckDates([.. Dates.SelectMany(d => PeriodParts(d.Option, d.Value))]) ?? ValidationResult.Success();

    protected static CaseField? Field(string key, string? value) => value is null ? null : CaseField.Text(key, value);

    protected static CaseField? Flag(string key, bool value) => value ? CaseField.Text(key, "true") : null;

    protected static CaseField? List(string key, string[] values) => values.Length == 0 ? null : CaseField.List(key, values);

    /// <summary>"2008..2015-07" as the case format's period {from: 2008, until: 2015-07}; "2008.." or "2008" from only, "..2001" until only.</summary>
    protected static CaseField? PeriodField(string key, string? text)
    {
        if (text is null)
        {
            return null;
        }

        var (from, until) = Split(text);
        List<KeyValuePair<string, string>> entries = [];
        if (from is not null)
        {
            entries.Add(new("from", from));
        }

        if (until is not null)
        {
            entries.Add(new("until", until));
        }

        return CaseField.Mapping(key, entries);
    }

    private static (string? From, string? Until) Split(string text)
    {
        var dots = text.IndexOf("..", StringComparison.Ordinal);
        var from = dots < 0 ? text : text[..dots];
        var until = dots < 0 ? "" : text[(dots + 2)..];
        return (from.Trim() is { Length: > 0 } f ? f : null, until.Trim() is { Length: > 0 } u ? u : null);
    }

    /// <summary>A period option's dates, each to be checked; a plain date option as it is.</summary>
    private static IEnumerable<(string, string?)> PeriodParts(string option, string? value)
    {
        if (value is null || !value.Contains("..", StringComparison.Ordinal))
        {
            return [(option, value)];
        }

        var (from, until) = Split(value);
        return [(option, from), (option, until)];
    }
}

/// <summary>`wedge add source ID`.</summary>
public sealed class AddSourceSettings : AddSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The new fact's id (unique among facts of its kind).")]
    public string Id { get; set; } = "";

    public override string FactId => Id;

    [CommandOption("--title <TEXT>")]
    [Description("The source's title (required).")]
    public string? Title { get; set; }

    [CommandOption("--written-by <NAME>")]
    [Description("Its author (the case format's 'author'; --author is who records the change).")]
    public string? WrittenBy { get; set; }

    [CommandOption("--publisher <NAME>")]
    public string? Publisher { get; set; }

    [CommandOption("--date <DATE>")]
    [Description("Publication date (YYYY, YYYY-MM or YYYY-MM-DD); the default public date of its claims.")]
    public string? Date { get; set; }

    [CommandOption("--url <URL>")]
    public string? Url { get; set; }

    public override FactType Type => FactType.Source;

    protected override IEnumerable<(string, string?)> Dates => [("--date", Date)];

    protected override IEnumerable<CaseField?> OwnFields()
        => [Field("title", Title), Field("author", WrittenBy), Field("publisher", Publisher), Field("date", Date), Field("url", Url)];
}

/// <summary>The options of a claim: `wedge add claim ID` and `wedge dispute FACT`.</summary>
public abstract class ClaimFieldSettings : AddSettings
{
    [CommandOption("--source <ID>")]
    [Description("The source it comes from (required).")]
    public string? Source { get; set; }

    [CommandOption("--text <TEXT>")]
    [Description("What the source says, in our words (required).")]
    public string? Text { get; set; }

    [CommandOption("--grade <GRADE>")]
    [Description("Admiralty grade: reliability A–F and credibility 1–6, e.g. B2 (required).")]
    public string? Grade { get; set; }

    [CommandOption("--grade-reason <TEXT>")]
    public string? GradeReason { get; set; }

    [CommandOption("--locator <TEXT>")]
    [Description("Where in the source: a section, page or record id.")]
    public string? Locator { get; set; }

    [CommandOption("--public-since <DATE>")]
    [Description("When it became public, if not the source's date.")]
    public string? PublicSince { get; set; }

    [CommandOption("--reports <WHAT>")]
    [Description("unstated (default), declaration or conduct.")]
    public string? Reports { get; set; }

    [CommandOption("--context")]
    [Description("Shown and cited, not counted when evidence is weighed.")]
    public bool Context { get; set; }

    public override FactType Type => FactType.Claim;

    protected override IEnumerable<(string, string?)> Dates => [("--public-since", PublicSince)];

    protected override IEnumerable<CaseField?> OwnFields()
        => [Field("source", Source), Field("text", Text), Field("grade", Grade), Field("grade-reason", GradeReason), Field("locator", Locator),
            Field("public-since", PublicSince), Field("reports", Reports), Flag("context", Context)];
}

/// <summary>`wedge add claim ID`.</summary>
public sealed class AddClaimSettings : ClaimFieldSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The new fact's id (unique among facts of its kind).")]
    public string Id { get; set; } = "";

    public override string FactId => Id;

    [CommandOption("--stance <STANCE>")]
    [Description("supports (default) or disputes (see also wedge dispute).")]
    public string? Stance { get; set; }

    [CommandOption("--about <FACT>")]
    [Description("The fact it backs (TYPE:ID or a unique id): the claim is added to its claims in the same change.")]
    public string? AboutFact { get; set; }

    public override string? About => AboutFact;

    protected override IEnumerable<CaseField?> OwnFields() => [.. base.OwnFields(), Field("stance", Stance)];
}

/// <summary>`wedge add actor ID`.</summary>
public sealed class AddActorSettings : AddSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The new fact's id (unique among facts of its kind).")]
    public string Id { get; set; } = "";

    public override string FactId => Id;

    [CommandOption("--name <NAME>")]
    [Description("The actor's name (required).")]
    public string? Name { get; set; }

    [CommandOption("--kind <KIND>")]
    [Description("armed-group, faction, state, person or other (required).")]
    public string? Kind { get; set; }

    [CommandOption("--alias <NAME>")]
    [Description("Another name it goes by (repeatable).")]
    public string[] Aliases { get; set; } = [];

    [CommandOption("--parent <ID>")]
    [Description("Factions: the movement they belong to.")]
    public string? Parent { get; set; }

    [CommandOption("--ideology <TAG>")]
    [Description("An ideology tag (repeatable).")]
    public string[] Ideology { get; set; } = [];

    [CommandOption("--home-base <PLACE>")]
    public string? HomeBase { get; set; }

    [CommandOption("--active <FROM..UNTIL>")]
    [Description("When it was active, e.g. 1994.. or 1996..2001-12.")]
    public string? Active { get; set; }

    [CommandOption("--description <TEXT>")]
    public string? Description { get; set; }

    [CommandOption("--claim <ID>")]
    [Description("A claim on record that backs it (repeatable).")]
    public string[] Claims { get; set; } = [];

    public override FactType Type => FactType.Actor;

    protected override IEnumerable<(string, string?)> Dates => [("--active", Active)];

    protected override IEnumerable<CaseField?> OwnFields()
        => [Field("name", Name), Field("kind", Kind), List("aliases", Aliases), Field("parent", Parent), List("ideology", Ideology),
            Field("home-base", HomeBase), PeriodField("active", Active), Field("description", Description), List("claims", Claims)];
}

/// <summary>`wedge add tie ID`.</summary>
public sealed class AddTieSettings : AddSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The new fact's id (unique among facts of its kind).")]
    public string Id { get; set; } = "";

    public override string FactId => Id;

    [CommandOption("--kind <KIND>")]
    [Description("alliance, affiliation, sponsorship, rivalry, split, merger or leadership (required).")]
    public string? Kind { get; set; }

    [CommandOption("--from <ACTOR>")]
    [Description("An actor's id; for directed kinds the pledger, sponsor, splinter or leader (required).")]
    public string? From { get; set; }

    [CommandOption("--to <ACTOR>")]
    [Description("The other actor's id (required).")]
    public string? To { get; set; }

    [CommandOption("--period <FROM..UNTIL>")]
    [Description("When it held, e.g. 2008.. or 1996..2001-12.")]
    public string? Period { get; set; }

    [CommandOption("--stance <STANCE>")]
    [Description("unstated (default), public or private.")]
    public string? Stance { get; set; }

    [CommandOption("--acknowledgement <A>")]
    [Description("unstated, acknowledged, acknowledged-then-withdrawn, not-endorsed or denied.")]
    public string? Acknowledgement { get; set; }

    [CommandOption("--note <TEXT>")]
    public string? Note { get; set; }

    [CommandOption("--start-only")]
    [Description("Only its beginning was observed: an open end means no end seen, not still holding.")]
    public bool StartOnly { get; set; }

    [CommandOption("--claim <ID>")]
    [Description("A claim on record that backs it (repeatable).")]
    public string[] Claims { get; set; } = [];

    public override FactType Type => FactType.Tie;

    protected override IEnumerable<(string, string?)> Dates => [("--period", Period)];

    protected override IEnumerable<CaseField?> OwnFields()
        => [Field("kind", Kind), Field("from", From), Field("to", To), PeriodField("period", Period), Field("stance", Stance),
            Field("acknowledgement", Acknowledgement), Field("note", Note), Flag("start-only", StartOnly), List("claims", Claims)];
}

/// <summary>`wedge add event ID`.</summary>
public sealed class AddEventSettings : AddSettings
{
    [CommandArgument(0, "<ID>")]
    [Description("The new fact's id (unique among facts of its kind).")]
    public string Id { get; set; } = "";

    public override string FactId => Id;

    [CommandOption("--date <DATE>")]
    [Description("When it happened (YYYY, YYYY-MM or YYYY-MM-DD; required).")]
    public string? Date { get; set; }

    [CommandOption("--kind <KIND>")]
    [Description("leader-death, revelation, leader-change, attack, invasion, recognition, designation, pledge, statement, talks, joint-operation or other (required).")]
    public string? Kind { get; set; }

    [CommandOption("--title <TEXT>")]
    [Description("What happened, in a line (required).")]
    public string? Title { get; set; }

    [CommandOption("--actor <ID>")]
    [Description("An actor involved (repeatable).")]
    public string[] Actors { get; set; } = [];

    [CommandOption("--claim <ID>")]
    [Description("A claim on record that backs it (repeatable).")]
    public string[] Claims { get; set; } = [];

    public override FactType Type => FactType.Event;

    protected override IEnumerable<(string, string?)> Dates => [("--date", Date)];

    protected override IEnumerable<CaseField?> OwnFields()
        => [Field("date", Date), Field("kind", Kind), Field("title", Title), List("actors", Actors), List("claims", Claims)];
}
