using System.Globalization;
using Wedge.Analysis.Assessment;
using Wedge.Core.Collections;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;
using Wedge.Reports.Charts;

namespace Wedge.Reports.Briefs;

/// <summary>
/// What the brief's components read: the snapshot and assessment, the options, the optional durability and
/// hypotheses sections, and the notes (each cited claim numbered once, in the order the body first cites it).
/// The components render the markup; this holds the figures and the choices behind it.
/// </summary>
public sealed class BriefModel
{
    private readonly Dictionary<string, (int Number, ClaimRef Claim)> notes = [];
    private readonly Dictionary<string, string> shortCites = [];
    private readonly List<string> unavailable = [];

    public BriefModel(Snapshot snapshot, AllianceAssessment assessment, BriefOptions options, DurabilitySection? durability, HypothesesSection? hypotheses)
    {
        S = snapshot;
        R = assessment;
        O = options;
        Durability = durability;
        Hypotheses = hypotheses;
        A = new ActorId(assessment.A.Id);
        B = new ActorId(assessment.B.Id);
    }

    public Snapshot S { get; }

    public AllianceAssessment R { get; }

    public BriefOptions O { get; }

    public DurabilitySection? Durability { get; }

    public HypothesesSection? Hypotheses { get; }

    public ActorId A { get; }

    public ActorId B { get; }

    /// <summary>
    /// True on the first of the two renderings: it only numbers the notes (the provenance block, which comes first,
    /// counts them), so charts are not drawn.
    /// </summary>
    public bool Numbering { get; set; }

    /// <summary>Charts that could not be drawn, with the reason (empty when all were).</summary>
    public IReadOnlyList<string> Unavailable => unavailable;

    public void ForgetUnavailable() => unavailable.Clear();

    public string Title => O.Title ?? $"{R.A.Name} and {R.B.Name}";

    /// <summary>Every cited claim with its number, in number order.</summary>
    public IEnumerable<(int Number, ClaimRef Claim)> Notes => notes.Values.OrderBy(n => n.Number);

    public int NoteCount => notes.Count;

    /// <summary>The note numbers of these claims, numbering any not cited before.</summary>
    public IReadOnlyList<int> Number(IEnumerable<ClaimRef> claims)
    {
        var numbers = new SortedSet<int>();
        foreach (var c in claims)
        {
            if (!notes.TryGetValue(c.Id, out var n))
            {
                n = (notes.Count + 1, c);
                notes[c.Id] = n;
            }

            numbers.Add(n.Number);
        }

        return [.. numbers];
    }

    /// <summary>Footnote numbers with runs folded (1,2,3,5 → 1–3 and 5): each run as its first and last number.</summary>
    public static IEnumerable<(int First, int Last)> Runs(IReadOnlyList<int> sorted)
    {
        for (var i = 0; i < sorted.Count; i++)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1)
            {
                j++;
            }

            if (j - i >= 2)
            {
                yield return (sorted[i], sorted[j]);
            }
            else
            {
                for (var k = i; k <= j; k++)
                {
                    yield return (sorted[k], sorted[k]);
                }
            }

            i = j;
        }
    }

    /// <summary>The chart, or null with its reason kept for <see cref="Unavailable"/>; not drawn while numbering.</summary>
    public ChartImage? Draw(Func<ChartImage> chart)
    {
        if (Numbering)
        {
            return null;
        }

        var image = chart();
        if (image.DataUri is null)
        {
            unavailable.Add(image.Unavailable!);
        }

        return image;
    }

    public ClaimRef Ref(Claim c)
    {
        var source = S.Source(c.Source);
        return new ClaimRef(c.Id.Value, c.Grade.ToString(), 0, c.Stance, c.Source.Value, source?.Citation ?? c.Source.Value, c.Locator, c.Text);
    }

    public static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>One decimal, negatives with the minus sign (U+2212), as everywhere in the brief.</summary>
    public static string N(double v) => Minus(v.ToString("0.0", CultureInfo.InvariantCulture));

    /// <summary>Hyphen-minus to the minus sign, for numbers formatted elsewhere.</summary>
    public static string Minus(string number) => number.Replace('-', '\u2212');

    public static string Pct(double v) => v.ToString("0%", CultureInfo.InvariantCulture);

    public static string Ratio(double v) => v.ToString(v >= 100 ? "0" : "0.##", CultureInfo.InvariantCulture);

    public static string PageCss(PaperSize paper) => paper == PaperSize.Letter ? "@page { size: letter; }" : "@page { size: A4; }";

    public string Generated() => O.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>"current to September 2018", in the precision the record's last dated entry has.</summary>
    public string CoverageWords() => O.CoverageEnd is { } end ? $"current to {Month(end)}" : "no dated entry on record";

    public static string Month(FuzzyDate d) => d.Month is { } m
        ? $"{CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(m)} {d.Year}"
        : d.Year.ToString(CultureInfo.InvariantCulture);

    /// <summary>When the read date lies past the record's last dated entry: "at 2021" or "now (2026-12-03)"; otherwise null.</summary>
    public string? ReadPastCoverage()
    {
        var readPast = O.CoverageEnd is { } last && (O.At is { } at ? last.IsCertainlyBefore(at) : DateOnly.FromDateTime(O.GeneratedAt.UtcDateTime) > last.Latest);
        return !readPast ? null : O.At is { } a1 ? $"at {a1}" : $"now ({O.GeneratedAt.UtcDateTime:yyyy-MM-dd})";
    }

    public int SourcesCited => notes.Values.Select(n => n.Claim.Source).Distinct().Count();

    public int UnpublishedCited => notes.Values.Count(n => IsUnpublished(n.Claim.Source));

    /// <summary>Parameters changed from their defaults, in words ("" when all are at their defaults).</summary>
    public string ChangedParameters()
        => string.Join(", ", R.Parameters.Where(x => AssessmentParameters.Find(x.Key) is { } d && d.Default != x.Value)
            .Select(x => $"{x.Key} = {x.Value.ToString(CultureInfo.InvariantCulture)}"));

    public string Parameter(string key) => R.Parameters.TryGetValue(key, out var v) ? v.ToString("0.##", CultureInfo.InvariantCulture) : "?";

    /// <summary>How many ties the timeline draws.</summary>
    public const int TimelineTies = 18;

    /// <summary>
    /// The timeline's ties: between the two blocs, and the rivalries and splits of either with others (people only
    /// when between the blocs). A chart stays legible up to about eighteen rows: the pair's own ties first, then the
    /// rest, each group by start; <paramref name="all"/> is what the record holds, so what is left out can be said.
    /// </summary>
    public (List<Tie> Shown, int All, List<Event> Events) TimelineSelection()
    {
        var blocA = S.Bloc(A);
        var blocB = S.Bloc(B);
        var pair = blocA.Concat(blocB).ToHashSet();
        bool Between(Tie t) => (blocA.Contains(t.From) && blocB.Contains(t.To)) || (blocA.Contains(t.To) && blocB.Contains(t.From));
        var all = S.Ties.Where(t => t.Kind != TieKind.Leadership && (Between(t) || (t.Kind is TieKind.Rivalry or TieKind.Split && (pair.Contains(t.From) || pair.Contains(t.To)))))
            .Where(t => S.Actor(t.From)?.Kind != ActorKind.Person || Between(t)).ToList();
        var ties = all.OrderBy(t => Between(t) ? 0 : 1).ThenBy(t => t.Period.Start?.Earliest ?? DateOnly.MinValue).ThenBy(t => t.Id, StringComparer.Ordinal)
            .Take(TimelineTies).OrderBy(t => t.Period.Start?.Earliest ?? DateOnly.MinValue).ThenBy(t => t.Id, StringComparer.Ordinal).ToList();
        var events = S.Events.Where(e => e.Actors.Any(pair.Contains)).OrderBy(e => e.Date).ToList();
        return (ties, all.Count, events);
    }

    /// <summary>Actors tied to either bloc at the read date (people left out), as ally, rival or patron.</summary>
    public List<Neighbour> Neighbours()
    {
        var blocA = S.Bloc(A);
        var blocB = S.Bloc(B);
        var links = new Dictionary<ActorId, List<NeighbourLink>>();
        var ties = new Dictionary<ActorId, int>();
        void Link(ActorId other, ActorId side, string relation, string via)
        {
            if (blocA.Contains(other) || blocB.Contains(other) || S.Actor(other) is not { } actor || actor.Kind == ActorKind.Person)
            {
                return;
            }

            ties[other] = ties.GetValueOrDefault(other) + 1;

            if (!links.TryGetValue(other, out var list))
            {
                links[other] = list = [];
            }

            if (!list.Any(l => l.SideId == side.Value && l.Relation == relation))
            {
                list.Add(new NeighbourLink(side.Value, relation, via));
            }
        }

        foreach (var (bloc, id) in new[] { (blocA, A), (blocB, B) })
        {
            foreach (var t in S.Ties.Where(t => S.HoldsAt(t.Period) && t.Kind != TieKind.Leadership))
            {
                var other = bloc.Contains(t.From) ? t.To : bloc.Contains(t.To) ? t.From : (ActorId?)null;
                if (other is not { } o)
                {
                    continue;
                }

                var relation = t.Kind.Sign() < 0 ? "rival" : t.Kind == TieKind.Sponsorship && bloc.Contains(t.To) ? "patron" : "ally";
                Link(o, id, relation, t.Id);
            }

            foreach (var l in S.Ledger.Where(l => !l.Category.IsCost() && bloc.Contains(l.Recipient) && S.HoldsAt(l.Period)))
            {
                Link(l.Provider, id, "patron", l.Id);
            }
        }

        return links.Select(kv =>
            {
                var sides = kv.Value.Select(l => l.SideId).Distinct().ToList();
                var side = sides.Count > 1 ? "both" : sides[0] == A.Value ? "a" : "b";
                var ordered = kv.Value.OrderBy(l => l.Relation == "rival" ? 0 : l.Relation == "ally" ? 1 : 2).ToList();
                return new Neighbour(kv.Key.Value, AssessmentCharts.Name(S, kv.Key), side, ordered.ToEquatableList(), ties.GetValueOrDefault(kv.Key));
            })
            .OrderBy(n => n.Links[0].Relation == "rival" ? 0 : n.Links[0].Relation == "ally" ? 1 : 2).ThenByDescending(n => n.Ties).ThenBy(n => n.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static readonly Dictionary<char, string> Reliability = new()
    {
        ['A'] = "completely reliable",
        ['B'] = "usually reliable",
        ['C'] = "fairly reliable",
        ['D'] = "not usually reliable",
        ['E'] = "unreliable",
        ['F'] = "reliability cannot be judged",
    };

    private static readonly string[] Credibility = ["confirmed", "probably true", "possibly true", "doubtful", "improbable", "truth cannot be judged"];

    /// <summary>"usually reliable, probably true" for B2; "" for anything that is not a grade.</summary>
    public static string GradeWords(string grade)
        => grade.Length == 2 && Reliability.TryGetValue(grade[0], out var rel) && grade[1] is >= '1' and <= '6' ? $"{rel}, {Credibility[grade[1] - '1']}" : "";

    /// <summary>A source with neither a publisher nor an address: our own notes, or anything a reader cannot look up.</summary>
    public bool IsUnpublished(string sourceId) => S.Source(new SourceId(sourceId)) is not { } src || (src.Url is null && src.Publisher is null);

    /// <summary>The sources the notes cite, each once, in the order of their short cites.</summary>
    public List<string> CitedSources() => notes.Values.GroupBy(n => n.Claim.Source, StringComparer.Ordinal).Select(g => g.Key).OrderBy(ShortCite, StringComparer.Ordinal).ToList();

    /// <summary>"Bacon 2018": a person's surname (or the author or title as given) and the year; "a", "b" added when two would read alike.</summary>
    public string ShortCite(string sourceId)
    {
        if (shortCites.Count == 0)
        {
            var cited = notes.Values.Select(n => n.Claim.Source).Distinct(StringComparer.Ordinal).ToList();
            var raw = cited.ToDictionary(id => id, id => S.Source(new SourceId(id)) is { } src ? BaseCite(src) : id, StringComparer.Ordinal);
            foreach (var group in raw.GroupBy(kv => kv.Value, StringComparer.Ordinal))
            {
                var k = 0;
                foreach (var (id, cite) in group.OrderBy(kv => kv.Key, StringComparer.Ordinal))
                {
                    shortCites[id] = group.Count() == 1 ? cite : $"{cite}{(char)('a' + k++)}";
                }
            }
        }

        return shortCites.GetValueOrDefault(sourceId) ?? sourceId;
    }

    private static string BaseCite(Source src)
    {
        var words = (src.Author ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // "Tricia Bacon" or "John F. Smith": a person, cited by surname; anything else (an organisation, "Wedge contributors") as given.
        var person = words.Length is 2 or 3 && words.All(w => char.IsUpper(w[0])) && (words.Length == 2 || words[1].EndsWith('.'));
        var who = person ? words[^1] : src.Author is { Length: > 0 } a ? a : Shorten(src.Title.Split(':')[0], 48);
        return src.Date is { } d ? $"{who} {d.Year}" : who;
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)].TrimEnd() + "…";

    /// <summary>An address a reader may follow: http or https only (anything else is shown as text).</summary>
    public static bool IsWebAddress(string url)
        => Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp);

    public const string Css = """
        :root { --ink:#1f2933; --muted:#616e7c; --rule:#e4e7eb; --benefit:#2f855a; --cost:#c53030; --flag:#b7791f; --accent:#2b6cb0; }
        * { box-sizing: border-box; }
        body { margin:0; background:#f5f7fa; color:var(--ink); font:15px/1.55 "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; }
        main { max-width:1080px; margin:0 auto; background:#fff; padding:40px 48px 56px; }
        header { border-bottom:3px solid var(--ink); margin-bottom:24px; padding-bottom:12px; }
        .kicker { text-transform:uppercase; letter-spacing:.12em; font-size:12px; color:var(--accent); margin:0; font-weight:700; }
        h1 { font-family:"DejaVu Serif", Georgia, serif; font-size:34px; margin:4px 0 6px; }
        h2 { font-family:"DejaVu Serif", Georgia, serif; font-size:22px; margin:34px 0 10px; border-bottom:1px solid var(--rule); padding-bottom:4px; }
        h3 { font-size:16px; margin:18px 0 6px; }
        .meta, .note, .small { color:var(--muted); font-size:13px; }
        .verdict { background:#f0f4f8; border-left:5px solid var(--ink); padding:6px 22px 10px; }
        .verdict h2 { border:0; margin-top:12px; }
        .verdict p { font-size:16px; margin:8px 0; }
        .flag { background:#fffaf0; border:1px solid #f6e05e; border-left:5px solid var(--flag); padding:10px 14px; }
        .figures { display:grid; grid-template-columns:repeat(4, 1fr); gap:12px; margin:22px 0 6px; }
        .card { border:1px solid var(--rule); border-radius:6px; padding:12px 14px; display:flex; flex-direction:column; gap:2px; }
        .card .label { font-size:12px; color:var(--muted); text-transform:uppercase; letter-spacing:.05em; }
        .card .big { font-size:26px; font-weight:700; }
        .card .range { font-size:12px; color:var(--muted); }
        .pos { color:var(--benefit); } .neg { color:var(--cost); }
        .pair { display:grid; grid-template-columns:1fr 1fr; gap:18px; }
        img.chart { width:100%; height:auto; display:block; margin:10px 0; }
        img.half { width:100%; }
        table { width:100%; border-collapse:collapse; margin:8px 0 14px; font-size:14px; }
        th, td { text-align:left; padding:6px 8px; border-bottom:1px solid var(--rule); vertical-align:top; }
        th { font-size:12px; text-transform:uppercase; letter-spacing:.04em; color:var(--muted); }
        td.num, th.num { text-align:right; white-space:nowrap; }
        table.ach td.rating { text-align:center; font-weight:600; }
        td.r-cc { background:#c6f6d5; } td.r-c { background:#e6f9ec; } td.r-n { background:#f7fafc; }
        td.r-i { background:#fde2e2; } td.r-ii { background:#f9b4b4; } td.r-na { background:#edf2f7; color:#718096; }
        tr.cost td:first-child { color:var(--cost); } tr.benefit td:first-child { color:var(--benefit); }
        tr.total td { font-weight:700; border-top:2px solid var(--ink); }
        sup { font-size:10px; margin-left:1px; } sup a { color:var(--accent); text-decoration:none; }
        sup.unsourced { color:var(--cost); }
        .meter { display:inline-block; width:70px; height:8px; background:var(--rule); border-radius:4px; vertical-align:middle; overflow:hidden; }
        .meter span { display:block; height:100%; background:var(--accent); }
        .events { columns:2; column-gap:56px; font-size:13px; padding-left:28px; } .events li { break-inside:avoid; margin-bottom:3px; }
        .date { font-weight:700; font-variant-numeric:tabular-nums; }
        .ties { font-size:13px; list-style:none; padding-left:0; columns:2; } .ties li { break-inside:avoid; margin-bottom:3px; }
        .swatch { display:inline-block; width:10px; height:10px; border-radius:2px; margin-right:6px; }
        .sensitivity li { margin-bottom:8px; } .sensitivity li.changes { font-weight:600; }
        .claimtext { font-weight:400; color:var(--muted); font-size:13px; }
        .unavailable { border:1px dashed var(--cost); color:var(--cost); padding:12px; font-size:13px; margin:10px 0; }
        .bibliography { font-size:13px; padding-left:0; list-style:none; } .bibliography li { margin-bottom:6px; padding-left:1.5em; text-indent:-1.5em; overflow-wrap:anywhere; }
        .notes ol { font-size:13px; padding-left:3.2em; } .notes li { margin-bottom:5px; break-inside:avoid; }
        a.cite { color:var(--ink); text-decoration:none; font-weight:600; }
        .tag { display:inline-block; text-indent:0; font-size:10px; text-transform:uppercase; letter-spacing:.05em; border:1px solid var(--flag); color:var(--flag); border-radius:3px; padding:0 4px; }
        .byline { margin:0 0 4px; font-size:14px; }
        .provenance { border:1px solid var(--rule); border-radius:6px; padding:2px 16px 8px; margin:0 0 22px; }
        .provenance h2 { font-size:15px; border:0; margin:10px 0 4px; font-family:inherit; text-transform:uppercase; letter-spacing:.06em; color:var(--muted); }
        .provenance dl { display:grid; grid-template-columns:max-content 1fr; gap:2px 14px; margin:0; font-size:13px; }
        .provenance dt { color:var(--muted); } .provenance dd { margin:0; }
        .method p { font-size:14px; }
        .grade { display:inline-block; min-width:26px; text-align:center; font-weight:700; background:var(--ink); color:#fff; border-radius:3px; font-size:11px; padding:0 3px; }
        h2, h3 { break-after:avoid; page-break-after:avoid; }
        h2 + *, h3 + * { break-before:avoid; page-break-before:avoid; }
        .card, tr, .events li, .ties li { break-inside:avoid; }
        @media print { body { background:#fff; } main { padding:0; max-width:none; } section { break-inside:auto; } img.chart { break-inside:avoid; } }
        @page { margin:16mm 14mm; }
        """;
}
