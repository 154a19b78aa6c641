using System.Globalization;
using System.Net;
using System.Text;
using Wedge.Analysis.Assessment;
using Wedge.Analysis.Evidence;
using Wedge.Core.Collections;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;
using Wedge.Reports.Charts;

namespace Wedge.Reports.Briefs;

/// <summary>
/// A self-contained HTML brief on an alliance: provenance, the verdict, the ledger per side over time,
/// dependence, bonds, the timeline, the neighbourhood, uncertainty, a short method appendix, the sources
/// (a bibliography with short cites) and a note for every claim with its grade.
/// All text from the record is HTML-encoded; charts are SVG images embedded as data URIs. Claim texts
/// are our paraphrases, so they are never set as quotations (no quotation marks, no italics).
/// </summary>
public sealed class AllianceBrief
{
    private readonly Snapshot s;
    private readonly AllianceAssessment r;
    private readonly ActorId a;
    private readonly ActorId b;
    private readonly Dictionary<string, (int Number, ClaimRef Claim)> notes = [];
    private readonly List<string> unavailable = [];
    private readonly BriefOptions o;
    private readonly Dictionary<string, string> shortCites = [];
    private readonly DurabilitySection? durability;
    private readonly HypothesesSection? hypotheses;

    private AllianceBrief(Snapshot snapshot, AllianceAssessment assessment, BriefOptions options, DurabilitySection? durability, HypothesesSection? hypotheses)
    {
        this.hypotheses = hypotheses;
        s = snapshot;
        r = assessment;
        o = options;
        this.durability = durability;
        a = new ActorId(assessment.A.Id);
        b = new ActorId(assessment.B.Id);
    }

    /// <summary>Charts that could not be drawn, with the reason (empty when all were).</summary>
    public IReadOnlyList<string> Unavailable => unavailable;

    /// <param name="durability">The "How long will it hold?" section, when the record's durability model could be fitted.</param>
    /// <param name="hypotheses">The competing-hypotheses section, when a matrix asks about the pair.</param>
    public static (string Html, IReadOnlyList<string> Unavailable) Render(Snapshot snapshot, AllianceAssessment assessment, BriefOptions options,
        DurabilitySection? durability = null, HypothesesSection? hypotheses = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var brief = new AllianceBrief(snapshot, assessment, options, durability, hypotheses);
        var html = brief.Build();
        return (html, brief.Unavailable);
    }

    private static string E(string? text) => WebUtility.HtmlEncode(text ?? "");

    private static string Capitalise(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    /// <summary>Footnote numbers with runs folded: 1,2,3,5 → 1–3,5.</summary>
    private static string Runs(IReadOnlyList<int> sorted)
    {
        var parts = new List<string>();
        for (var i = 0; i < sorted.Count; i++)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1)
            {
                j++;
            }

            parts.Add(j - i >= 2 ? $"<a href=\"#n{sorted[i]}\">{sorted[i]}</a>–<a href=\"#n{sorted[j]}\">{sorted[j]}</a>"
                : string.Join(",", Enumerable.Range(sorted[i], j - i + 1).Select(n => $"<a href=\"#n{n}\">{n}</a>")));
            i = j;
        }

        return string.Join(",", parts);
    }

    /// <summary>One decimal, negatives with the minus sign (U+2212), as everywhere in the brief.</summary>
    private static string N(double v) => Minus(v.ToString("0.0", CultureInfo.InvariantCulture));

    /// <summary>Hyphen-minus to the minus sign, for numbers formatted elsewhere.</summary>
    internal static string Minus(string number) => number.Replace('-', '\u2212');

    private static string Pct(double v) => v.ToString("0%", CultureInfo.InvariantCulture);

    private string Cite(IEnumerable<ClaimRef> claims)
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

        return numbers.Count == 0 ? "<sup class=\"unsourced\">unsourced</sup>"
            : "<sup>" + Runs(numbers.ToList()) + "</sup>";
    }

    private string Cite(IEnumerable<FactRef> facts) => Cite(facts.SelectMany(f => f.Claims));

    private string Chart(ChartImage chart, string alt, string css = "chart")
    {
        if (chart.DataUri is { } uri)
        {
            return $"<img class=\"{css}\" alt=\"{E(alt)}\" src=\"{uri}\">";
        }

        unavailable.Add(chart.Unavailable!);
        return $"<div class=\"unavailable\">{E(alt)}: {E(chart.Unavailable)}</div>";
    }

    private string Build()
    {
        // The body first: the provenance block counts the notes the body cites.
        var body = new StringBuilder();
        Verdict(body);
        KeyFigures(body);
        Ledger(body);
        Dependence(body);
        Bonds(body);
        Timeline(body);
        Neighbourhood(body);
        Durability(body);
        Hypotheses(body);
        Uncertainty(body);
        Method(body);
        Sources(body);

        var h = new StringBuilder();
        var title = o.Title ?? $"{r.A.Name} and {r.B.Name}";
        h.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">");
        h.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        h.Append($"<title>{E(title)}: alliance brief</title><style>{Css}{PageCss(o.Paper)}</style></head><body><main>");
        h.Append($"<header><p class=\"kicker\">Wedge alliance brief</p><h1>{E(title)}</h1>");
        if (o.Author is { Length: > 0 } author)
        {
            h.Append($"<p class=\"byline\">Prepared by {E(author)}</p>");
        }

        h.Append($"<p class=\"meta\">Record read {E(o.Slice)} · {E(CoverageWords())} · generated {E(Generated())}</p></header>");
        Provenance(h);
        h.Append(body);
        h.Append("</main></body></html>");
        return h.ToString();
    }

    private string Generated() => o.GeneratedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>"current to September 2018", in the precision the record's last dated entry has.</summary>
    private string CoverageWords() => o.CoverageEnd is { } end ? $"current to {Month(end)}" : "no dated entry on record";

    private static string Month(FuzzyDate d) => d.Month is { } m
        ? $"{CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(m)} {d.Year}"
        : d.Year.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Where the brief comes from: when and by which Wedge it was generated, which version of the record it read, the three
    /// reading dates, and how late the record follows the world, with a warning when the read date lies past it.
    /// </summary>
    private void Provenance(StringBuilder h)
    {
        h.Append("<section class=\"provenance\" id=\"provenance\"><h2>Provenance</h2><dl>");
        void Row(string term, string html) => h.Append($"<dt>{E(term)}</dt><dd>{html}</dd>");
        Row("Generated", E(Generated()));
        Row("Wedge version", E(o.WedgeVersion));
        Row("Record version", $"journal version {s.Version}" + (o.RecordedBy is { } rb ? E($", the journal as recorded by {rb.UtcDateTime:yyyy-MM-dd HH:mm} UTC") : ", the journal as it stood when generated"));
        Row("Valid time", o.At is { } at ? E($"the world at {at}") : "now (the latest state on record)");
        Row("Public time", o.KnownAt is { } k ? E($"only what was public by {k}: a hindsight-free reading") : "everything on record, whenever it became public");
        var coverage = o.CoverageEnd is { } end ? E($"The record is {CoverageWords()}: its latest dated entry or published source is dated {end}.") : "Nothing on record is dated.";
        var readPast = o.CoverageEnd is { } last && (o.At is { } a0 ? last.IsCertainlyBefore(a0) : DateOnly.FromDateTime(o.GeneratedAt.UtcDateTime) > last.Latest);
        if (readPast)
        {
            var when = o.At is { } a1 ? $"at {a1}" : $"now ({o.GeneratedAt.UtcDateTime:yyyy-MM-dd})";
            coverage += $" <strong>Read {E(when)}: nothing after {E(Month(o.CoverageEnd!.Value))} is recorded, so this brief shows the alliance as last recorded, not as it stands {E(when)}.</strong>";
        }

        Row("Coverage", coverage);
        Row("Series", $"{r.FirstYear}–{r.LastYear}");
        Row("Simulation", r.Uncertainty is { } mu ? $"{mu.Runs} simulated worlds, seed {mu.Seed}" : "not run: point estimates only");
        var sources = notes.Values.Select(n => n.Claim.Source).Distinct().Count();
        var unpublished = notes.Values.Count(n => IsUnpublished(n.Claim.Source));
        Row("Evidence", $"{notes.Count} claims from {sources} source{(sources == 1 ? "" : "s")} cited"
            + (unpublished > 0 ? $"; {unpublished} of them rest only on unpublished notes (no publisher or address on record), marked <span class=\"tag\">unpublished</span> in the notes" : ""));
        h.Append("</dl></section>");
    }

    private static string PageCss(PaperSize paper) => paper == PaperSize.Letter ? "@page { size: letter; }" : "@page { size: A4; }";

    private void Verdict(StringBuilder h)
    {
        h.Append("<section class=\"verdict\"><h2>Verdict</h2>");
        foreach (var finding in r.Findings)
        {
            h.Append(finding.IsFlag ? $"<p class=\"flag\"><strong>Flag.</strong> {E(Capitalise(finding.Text))}</p>" : $"<p>{E(finding.Text)}</p>");
        }

        h.Append("</section>");
    }

    private void KeyFigures(StringBuilder h)
    {
        h.Append("<section class=\"figures\">");
        foreach (var (side, su) in new[] { (r.A, r.Uncertainty?.A), (r.B, r.Uncertainty?.B) })
        {
            var cls = side.Net < 0 ? "neg" : "pos";
            var interval = su is null ? "" : $"<span class=\"range\">{Pct(r.Uncertainty!.Level)} interval {N(su.Net.Low)} to {N(su.Net.High)}; P(net &lt; 0) {Pct(su.ProbabilityNetNegative)}</span>";
            h.Append($"<div class=\"card\"><span class=\"label\">{E(side.Name)}: net value, ledger points</span><span class=\"big {cls}\">{E(AllianceAssessor.Signed(side.Net))}</span>{interval}</div>");
        }

        h.Append($"<div class=\"card\"><span class=\"label\">Dependence on the partner</span><span class=\"big\">{Pct(r.A.Dependence)} / {Pct(r.B.Dependence)}</span><span class=\"range\">{E(r.A.Name)} / {E(r.B.Name)}</span></div>");
        var word = r.Relation.Contested ? "contested" : r.Holds ? "holds" : r.Relation.Sign == RelationSign.Hostile ? "broken" : "not shown";
        h.Append($"<div class=\"card\"><span class=\"label\">Alliance at {r.LastYear}</span><span class=\"big\">{word}</span><span class=\"range\">P(holds) {Pct(r.PHolds)}; bond index {Pct(r.BondIndex)}</span></div>");
        h.Append("</section>");
    }

    private void Ledger(StringBuilder h)
    {
        h.Append("<section><h2>What each side gives, gets and pays</h2>");
        h.Append("<p class=\"note\">Values are in <strong>ledger points</strong>: each ledger entry counts its magnitude on a doubling scale (negligible 1 … critical 16) times the probability its claims' grades give it (magnitude × evidence), for each year it held. Bars: benefits up, costs down; the line is the net.</p>");
        var all = r.A.Series.Concat(r.B.Series).ToList();
        var lo = Math.Min(0, all.Select(y => -y.Costs).DefaultIfEmpty(0).Min());
        var hi = Math.Max(1, all.Select(y => y.Benefits).DefaultIfEmpty(0).Max());
        h.Append("<div class=\"pair\">");
        foreach (var side in new[] { r.A, r.B })
        {
            h.Append($"<div>{Chart(AssessmentCharts.Ledger(side, lo, hi), $"{side.Name}: benefits and costs per year", "chart half")}</div>");
        }

        h.Append("</div><div class=\"pair\">");
        foreach (var side in new[] { r.A, r.B })
        {
            h.Append($"<div><h3>{E(side.Name)}</h3><table><thead><tr><th>category</th><th class=\"num\">ledger points</th><th>from</th></tr></thead><tbody>");
            foreach (var c in side.Benefits.Concat(side.Costs))
            {
                var entries = string.Join("<br>", c.Entries.Select(e => $"{E(e.Provider)}, {E(e.Magnitude)}, {E(e.Period)} {Cite([e.Entry])}"));
                h.Append($"<tr class=\"{(c.IsCost ? "cost" : "benefit")}\"><td>{(c.IsCost ? "cost" : "benefit")}: {E(AssessmentWords.CategoryWords(c.Category))}</td><td class=\"num\">{(c.IsCost ? "−" : "+")}{N(c.Total)}</td><td class=\"small\">{entries}</td></tr>");
            }

            h.Append($"<tr class=\"total\"><td>net ({E(side.Balance.Words())})</td><td class=\"num\">{E(AllianceAssessor.Signed(side.Net))}</td><td></td></tr></tbody></table></div>");
        }

        h.Append("</div></section>");
    }

    private void Dependence(StringBuilder h)
    {
        h.Append("<section><h2>Dependence</h2>");
        h.Append($"<p>In the resources each side receives from the other, {E(r.A.Name)} gets {Pct(r.A.Dependence)} of its supply from {E(r.B.Name)}; {E(r.B.Name)} gets {Pct(r.B.Dependence)} of its supply from {E(r.A.Name)}. ");
        h.Append($"Asymmetry: {N(r.Asymmetry * 100)} percentage points. Shares are measured over the last {(int)r.Parameters["recent-years"]} years of the series against every provider the record knows, the side's own capacity included; where the partner is the only provider on record, the share says what the record lacks as much as what the side needs (low confidence).</p>");
        foreach (var side in new[] { r.A, r.B }.Where(x => x.DependenceByResource.Count > 0))
        {
            // A chart only earns its place when some resource has more than one provider.
            if (side.DependenceByResource.Any(d => d.Providers.Count > 1))
            {
                h.Append(Chart(AssessmentCharts.Dependence(side), $"{side.Name}: providers of each resource"));
            }
            else
            {
                h.Append($"<h3>{E(side.Name)}</h3>");
            }

            h.Append("<table><thead><tr><th>resource</th><th class=\"num\">partner's share</th><th>reading</th><th>providers</th></tr></thead><tbody>");
            foreach (var d in side.DependenceByResource)
            {
                var providers = string.Join("; ", d.Providers.Select(p => $"{E(p.Label)} {Pct(p.Share)} {Cite(p.Entries)}"));
                h.Append($"<tr><td>{E(d.CategoryWords)}</td><td class=\"num\">{Pct(d.PartnerShare)}</td><td>{E(d.Confidence == DependenceConfidence.Low ? $"{d.Reading.Words()} (low confidence)" : d.Reading.Words())}</td><td class=\"small\">{providers}</td></tr>");
            }

            h.Append("</tbody></table>");
        }

        h.Append("</section>");
    }

    private void Bonds(StringBuilder h)
    {
        h.Append("<section><h2>Bonds the ledger misses</h2>");
        h.Append($"<p>Each bond is derived from the record (ties, roles, attributes, ideology), and weighed by the evidence behind it. Bond index {Pct(r.BondIndex)}");
        if (r.Uncertainty is { } u)
        {
            h.Append($" ({Pct(u.Level)} interval {Pct(u.BondIndex.Low)}–{Pct(u.BondIndex.High)})");
        }

        h.Append(".</p><table><thead><tr><th>bond</th><th>strength</th><th>what the record shows</th></tr></thead><tbody>");
        foreach (var bond in r.Bonds.OrderByDescending(x => x.Strength * x.Weight))
        {
            h.Append($"<tr><td><strong>{E(bond.Label)}</strong></td><td><span class=\"meter\"><span style=\"width:{(int)Math.Round(bond.Strength * 100)}%\"></span></span> {Pct(bond.Strength)}</td><td>{E(bond.Description)} {Cite(bond.Basis)}</td></tr>");
        }

        if (r.Bonds.Count == 0)
        {
            h.Append("<tr><td colspan=\"3\">The record shows no bond beyond the ledger.</td></tr>");
        }

        h.Append("</tbody></table></section>");
    }

    /// <summary>How many ties the timeline draws.</summary>
    private const int TimelineTies = 18;

    private void Timeline(StringBuilder h)
    {
        var blocA = s.Bloc(a);
        var blocB = s.Bloc(b);
        var pair = blocA.Concat(blocB).ToHashSet();
        bool Between(Tie t) => (blocA.Contains(t.From) && blocB.Contains(t.To)) || (blocA.Contains(t.To) && blocB.Contains(t.From));
        var all = s.Ties.Where(t => t.Kind != TieKind.Leadership && (Between(t) || (t.Kind is TieKind.Rivalry or TieKind.Split && (pair.Contains(t.From) || pair.Contains(t.To)))))
            .Where(t => s.Actor(t.From)?.Kind != ActorKind.Person || Between(t)).ToList();
        // A chart stays legible up to about eighteen rows: the pair's own ties first, then their rivalries and splits with
        // others, each group by start; what is left out is said, never dropped silently.
        var ties = all.OrderBy(t => Between(t) ? 0 : 1).ThenBy(t => t.Period.Start?.Earliest ?? DateOnly.MinValue).ThenBy(t => t.Id, StringComparer.Ordinal)
            .Take(TimelineTies).OrderBy(t => t.Period.Start?.Earliest ?? DateOnly.MinValue).ThenBy(t => t.Id, StringComparer.Ordinal).ToList();
        var events = s.Events.Where(e => e.Actors.Any(pair.Contains)).OrderBy(e => e.Date).ToList();
        h.Append("<section><h2>Timeline</h2>");
        h.Append(Chart(AssessmentCharts.Timeline(s, r, ties, events), "Ties and events over time"));
        if (events.Count > 0)
        {
            h.Append("<ol class=\"events\">");
            foreach (var e in events)
            {
                h.Append($"<li><span class=\"date\">{E(e.Date.ToString())}</span> {E(e.Title)} {Cite(e.Claims.Select(id => s.Claim(id)).OfType<Claim>().Select(Ref))}</li>");
            }

            h.Append("</ol>");
        }

        h.Append(all.Count > ties.Count
            ? $"<p class=\"note\">Ties: {ties.Count} of {all.Count} are drawn and listed, the pair's own first; <code>wedge timeline</code> lists them all.</p><ul class=\"ties\">"
            : "<p class=\"note\">Ties:</p><ul class=\"ties\">");
        foreach (var t in ties)
        {
            var fate = t.Acknowledgement == Acknowledgement.Unstated ? "" : $"; public fate: {t.Acknowledgement.Kebab().Replace('-', ' ')}";
            h.Append($"<li><span class=\"swatch\" style=\"background:{AssessmentCharts.KindColor(t.Kind).ToHex()}\"></span>{E(t.Kind.Kebab())}: {E(AssessmentCharts.Name(s, t.From))} {(t.Kind.IsDirected() ? "→" : "–")} {E(AssessmentCharts.Name(s, t.To))}, {E(t.Period.ToString())}{E(fate)} {Cite(s.ClaimsOf(t).Select(Ref))}</li>");
        }

        h.Append("</ul></section>");
    }

    private ClaimRef Ref(Claim c)
    {
        var source = s.Source(c.Source);
        return new ClaimRef(c.Id.Value, c.Grade.ToString(), 0, c.Stance, c.Source.Value, source?.Citation ?? c.Source.Value, c.Locator, c.Text);
    }

    private void Neighbourhood(StringBuilder h)
    {
        var neighbours = Neighbours();
        h.Append("<section><h2>Neighbourhood</h2>");
        if (neighbours.Count == 0)
        {
            h.Append("<p>The record shows no other actor tied to either side.</p></section>");
            return;
        }

        h.Append(Chart(AssessmentCharts.Neighbourhood(s, a, b, neighbours), "Allies, rivals and patrons of the pair"));
        h.Append("<p class=\"note\">Left: tied to ").Append(E(r.A.Name)).Append(" only; right: to ").Append(E(r.B.Name)).Append(" only; middle: to both. Patrons (purple) are third parties whose support flows to a side.</p>");
        var shown = AssessmentCharts.NeighboursShown(neighbours).Shown.Select(n => n.Id).ToHashSet(StringComparer.Ordinal);
        var rest = neighbours.Where(n => !shown.Contains(n.Id)).ToList();
        if (rest.Count > 0)
        {
            // The chart draws the first of each column; every other neighbour is named here, with how it is tied.
            h.Append($"<p class=\"note\">Not drawn ({rest.Count}): ");
            h.Append(string.Join("; ", rest.Select(n => $"{E(n.Name)} ({E(string.Join(", ", n.Links.Select(l => l.Relation).Distinct()))} of {E(n.Side == "both" ? "both" : n.Side == "a" ? r.A.Name : r.B.Name)})")));
            h.Append(".</p>");
        }

        h.Append("</section>");
    }

    /// <summary>Actors tied to either bloc at the read date (people left out), as ally, rival or patron.</summary>
    private List<Neighbour> Neighbours()
    {
        var blocA = s.Bloc(a);
        var blocB = s.Bloc(b);
        var links = new Dictionary<ActorId, List<NeighbourLink>>();
        var ties = new Dictionary<ActorId, int>();
        void Link(ActorId other, ActorId side, string relation, string via)
        {
            if (blocA.Contains(other) || blocB.Contains(other) || s.Actor(other) is not { } actor || actor.Kind == ActorKind.Person)
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

        foreach (var (bloc, id) in new[] { (blocA, a), (blocB, b) })
        {
            foreach (var t in s.Ties.Where(t => s.HoldsAt(t.Period) && t.Kind != TieKind.Leadership))
            {
                var other = bloc.Contains(t.From) ? t.To : bloc.Contains(t.To) ? t.From : (ActorId?)null;
                if (other is not { } o)
                {
                    continue;
                }

                var relation = t.Kind.Sign() < 0 ? "rival" : t.Kind == TieKind.Sponsorship && bloc.Contains(t.To) ? "patron" : "ally";
                Link(o, id, relation, t.Id);
            }

            foreach (var l in s.Ledger.Where(l => !l.Category.IsCost() && bloc.Contains(l.Recipient) && s.HoldsAt(l.Period)))
            {
                Link(l.Provider, id, "patron", l.Id);
            }
        }

        return links.Select(kv =>
            {
                var sides = kv.Value.Select(l => l.SideId).Distinct().ToList();
                var side = sides.Count > 1 ? "both" : sides[0] == a.Value ? "a" : "b";
                var ordered = kv.Value.OrderBy(l => l.Relation == "rival" ? 0 : l.Relation == "ally" ? 1 : 2).ToList();
                return new Neighbour(kv.Key.Value, AssessmentCharts.Name(s, kv.Key), side, ordered.ToEquatableList(), ties.GetValueOrDefault(kv.Key));
            })
            .OrderBy(n => n.Links[0].Relation == "rival" ? 0 : n.Links[0].Relation == "ally" ? 1 : 2).ThenByDescending(n => n.Ties).ThenBy(n => n.Name, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>How long will it hold: the record's alliances as a survival curve, what raises the hazard of a break, and the pair's outlook.</summary>
    private void Durability(StringBuilder h)
    {
        if (durability is not { } d)
        {
            return;
        }

        h.Append("<section class=\"durability\"><h2>How long will it hold?</h2>");
        h.Append($"<p>Across the record, {d.Spells} alliance spells, {d.Breaks} of them ended in a break (a split or a rivalry; spell rule: {E(d.Policy)}). " +
                 "The curve shows the share of alliances still holding after a number of years; the model asks what makes a break likelier.</p>");
        h.Append(Chart(DurabilityCharts.Survival(d.Curve, d.PairYears), "Share of alliances on record still holding, by years held"));
        if (d.PairReading is { } pair)
        {
            h.Append($"<p class=\"outlook\">{E(pair)}</p>");
        }

        if (d.Chances.Count > 0)
        {
            h.Append("<table><thead><tr><th>holds … more years</th><th class=\"num\">chance</th></tr></thead><tbody>");
            foreach (var c in d.Chances)
            {
                h.Append($"<tr><td>{c.Years}</td><td class=\"num\">{Pct(c.Probability)}</td></tr>");
            }

            h.Append("</tbody></table>");
        }

        if (d.LeaderDeathReading is { } leader)
        {
            h.Append($"<p>{E(leader)}</p>");
        }

        if (d.Hazards.Any(x => x.Estimable))
        {
            h.Append(Chart(DurabilityCharts.HazardRatios(d.Hazards), "Hazard ratios of a break with their intervals"));
        }

        h.Append("<table><thead><tr><th>what</th><th class=\"num\">hazard ratio</th><th class=\"num\">95% interval</th><th class=\"num\">breaks with it</th></tr></thead><tbody>");
        foreach (var x in d.Hazards)
        {
            var interval = x is { Estimable: true, Lower: { } lo, Upper: { } hi } ? $"{Ratio(lo)} to {Ratio(hi)}" : "";
            h.Append($"<tr><td>{E(x.Meaning)}</td><td class=\"num\">{(x.Estimable && x.HazardRatio is { } hr ? Ratio(hr) : "not estimable")}</td><td class=\"num\">{interval}</td><td class=\"num\">{x.BreaksWith}</td></tr>");
        }

        h.Append("</tbody></table><p class=\"note\">A Cox model of the hazard of a break, its standard errors robust to each spell's several years; a hazard ratio above 1 makes a break likelier. Spells follow the spell rule, not the weighed evidence of the verdict above.</p></section>");
    }

    /// <summary>Competing hypotheses: the matrix as a heat table (ratings coloured from very consistent to very inconsistent), the scores, the call and what to watch.</summary>
    private void Hypotheses(StringBuilder h)
    {
        if (hypotheses is not { } x)
        {
            return;
        }

        h.Append($"<section class=\"hypotheses\"><h2>Competing hypotheses: {E(x.Question)}</h2>");
        h.Append("<p>The Analysis of Competing Hypotheses rates every item of evidence against every hypothesis and prefers the one with least against it. " +
                 $"Matrix <code>{E(x.Matrix)}</code>; a claim's grade sets its credibility" + (x.LeftOut > 0 ? $"; {x.LeftOut} item(s) were not yet public at this reading and are left out" : "") + ".</p>");
        h.Append("<table><thead><tr><th>hypothesis</th><th class=\"num\">PARC</th><th class=\"num\">Open Synthesis</th><th class=\"num\">rank</th></tr></thead><tbody>");
        foreach (var row in x.Hypotheses)
        {
            h.Append($"<tr><td>{E(row.Id)}: {E(row.Title)}</td><td class=\"num\">{Minus(row.Parc.ToString("0.00", CultureInfo.InvariantCulture))}</td>" +
                     $"<td class=\"num\">{row.Inconsistency.ToString("0.00", CultureInfo.InvariantCulture)}</td><td class=\"num\">{row.ParcRank}</td></tr>");
        }

        h.Append("</tbody></table>");
        foreach (var line in x.Reading)
        {
            h.Append($"<p class=\"outlook\">{E(line)}</p>");
        }

        h.Append("<table class=\"ach\"><thead><tr><th>item</th><th>grade</th>");
        foreach (var id in x.HypothesisIds)
        {
            h.Append($"<th>{E(id)}</th>");
        }

        h.Append("</tr></thead><tbody>");
        foreach (var item in x.Items)
        {
            // The item's text is our paraphrase of its source: plain text, never a quotation.
            h.Append($"<tr><td>{E(item.What)}</td><td>{E(item.Grade ?? "")}</td>");
            foreach (var rating in item.Ratings)
            {
                h.Append($"<td class=\"rating r-{E(rating.ToLowerInvariant())}\">{E(rating)}</td>");
            }

            h.Append("</tr>");
        }

        h.Append("</tbody></table><p class=\"note\">CC very consistent, C consistent, N neutral, I inconsistent, II very inconsistent, NA not applicable; items by diagnosticity, the most telling first. PARC's score sums the inconsistencies weighted by credibility and relevance (0 is best); Open Synthesis's sums squared distances below neutral.</p>");
        if (x.Indicators.Count > 0)
        {
            h.Append("<h3>Indicators to watch</h3><ul>");
            foreach (var i in x.Indicators)
            {
                var fired = i.FiredBy.Count == 0 ? "not seen yet" : "seen: " + string.Join("; ", i.FiredBy);
                h.Append($"<li>{E(i.Description)} Would {(i.Confirms ? "confirm" : "refute")} {E(i.Hypothesis)} ({E(i.Window)}; {E(fired)}).</li>");
            }

            h.Append("</ul>");
        }

        h.Append("</section>");
    }

    private static string Ratio(double v) => v.ToString(v >= 100 ? "0" : "0.##", CultureInfo.InvariantCulture);

    private void Uncertainty(StringBuilder h)
    {
        h.Append("<section><h2>How sure: uncertainty and sensitivity</h2>");
        if (r.Uncertainty is { } u)
        {
            h.Append($"<p>{u.Runs} simulated worlds (seed {u.Seed}): in each, every claim is right or wrong with the probability its grade gives it, and every magnitude range is drawn over its levels.</p>");
            h.Append(Chart(AssessmentCharts.Uncertainty(r), "Net value with its interval"));
            h.Append($"<table><thead><tr><th>side</th><th class=\"num\">net, ledger points</th><th class=\"num\">{Pct(u.Level)} interval</th><th class=\"num\">P(net &lt; 0)</th><th class=\"num\">P(flagged)</th></tr></thead><tbody>");
            foreach (var (side, su) in new[] { (r.A, u.A), (r.B, u.B) })
            {
                h.Append($"<tr><td>{E(side.Name)}</td><td class=\"num\">{N(su.Net.Point)}</td><td class=\"num\">{N(su.Net.Low)} to {N(su.Net.High)}</td><td class=\"num\">{Pct(su.ProbabilityNetNegative)}</td><td class=\"num\">{Pct(su.ProbabilityFlag)}</td></tr>");
            }

            h.Append($"</tbody></table><p>The alliance holds at {r.LastYear} in {Pct(u.ShareHolds)} of the simulated worlds (P(holds) from the weighed evidence: {Pct(r.PHolds)}).</p>");
        }
        else
        {
            h.Append("<p>The simulation was not run (--runs 0): the figures are point estimates.</p>");
        }

        if (r.Sensitivity.Count > 0)
        {
            h.Append("<h3>The claims that move the verdict most</h3>");
            if (!r.Sensitivity.Any(x => x.ChangesVerdict))
            {
                h.Append("<p>No single claim, taken away, changes the verdict; these move it most.</p>");
            }

            h.Append("<ul class=\"sensitivity\">");
            foreach (var x in r.Sensitivity)
            {
                // The claim text is our paraphrase of the source: shown as plain text, never as a quotation.
                h.Append($"<li class=\"{(x.ChangesVerdict ? "changes" : "")}\">{E(x.Effect)} {Cite([x.Claim])}<br><span class=\"claimtext\">The claim: {E(x.Claim.Text)}</span></li>");
            }

            h.Append("</ul>");
        }

        h.Append("</section>");
    }

    /// <summary>A short method appendix in the reader's terms: how grades become weights, what a ledger point is, how the relation is weighed.</summary>
    private void Method(StringBuilder h)
    {
        var p = r.Parameters;
        string F2(string key) => p.TryGetValue(key, out var v) ? v.ToString("0.##", CultureInfo.InvariantCulture) : "?";
        var changed = p.Where(x => AssessmentParameters.Find(x.Key) is { } d && d.Default != x.Value).ToList();
        h.Append("<section class=\"method\"><h2>Method</h2>");
        h.Append("<p><strong>Grades.</strong> Every claim carries a NATO Admiralty grade: a letter for the source's reliability (A completely reliable … E unreliable, F cannot be judged) and a digit for the information's credibility (1 confirmed … 5 improbable, 6 cannot be judged). ");
        h.Append($"The chance a claim is right is reliability × credibility: A {F2("reliability.A")}, B {F2("reliability.B")}, C {F2("reliability.C")}, F {F2("reliability.F")}; 1 {F2("credibility.1")}, 2 {F2("credibility.2")}, 3 {F2("credibility.3")}; so B2 = {F2("reliability.B")} × {F2("credibility.2")}.</p>");
        h.Append("<p><strong>Ledger points.</strong> What each side gives, gets and pays is recorded as ledger entries with a magnitude (negligible 1, minor 2, moderate 4, major 8, critical 16). An entry counts its magnitude × the chance that at least one supporting claim is right and no disputing claim is, for each year it held (part-years pro rata). A side's net is its benefits minus its costs in these points.</p>");
        h.Append($"<p><strong>Does the alliance hold?</strong> The relation between the two sides is weighed from every claim on every tie between them, not taken from the latest one: one source's claims count as one witness (its strongest), independent sources combine, declarations count {F2("evidence.declaration-weight")} of conduct, and an observation that marks only when a relation began carries forward until later contrary evidence. The alliance holds when the weighed relation is friendly; P(holds) is that probability, and the evidence is called contested when the weaker reading keeps at least {Pct(p.GetValueOrDefault("evidence.contested-share"))} of it.</p>");
        h.Append("<p><strong>Dependence.</strong> For each resource a side receives, the partner's share of what every provider on record supplies in the recent years, the side's own capacity included. Where the partner is the only provider on record the brief says so, with low confidence, rather than call it pivotal.</p>");
        h.Append($"<p><strong>The flag.</strong> A side is flagged as keeping an alliance that persists against its ledger when its net has been negative for at least {(int)p["sustained-years"]} consecutive years while the alliance held.</p>");
        h.Append("<p><strong>How sure.</strong> The simulation draws every claim right or wrong with its grade's chance and every magnitude range over its levels, and reports intervals; sensitivity takes each claim away in turn.</p>");
        h.Append("<p class=\"note\">" + (changed.Count == 0 ? "All parameters at their defaults." : "Parameters changed from the defaults: " + E(string.Join(", ", changed.Select(x => $"{x.Key} = {x.Value.ToString(CultureInfo.InvariantCulture)}"))) + ".") + "</p>");
        h.Append("</section>");
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

    /// <summary>A source with neither a publisher nor an address: our own notes, or anything a reader cannot look up.</summary>
    private bool IsUnpublished(string sourceId) => s.Source(new SourceId(sourceId)) is not { } src || (src.Url is null && src.Publisher is null);

    /// <summary>"Bacon 2018": a person's surname (or the author or title as given) and the year; "a", "b" added when two would read alike.</summary>
    private string ShortCite(string sourceId)
    {
        if (shortCites.Count == 0)
        {
            var cited = notes.Values.Select(n => n.Claim.Source).Distinct(StringComparer.Ordinal).ToList();
            var raw = cited.ToDictionary(id => id, id => s.Source(new SourceId(id)) is { } src ? BaseCite(src) : id, StringComparer.Ordinal);
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

    /// <summary>The bibliography (each source once, with its address and date) and the notes (each claim once, cited short).</summary>
    private void Sources(StringBuilder h)
    {
        var cited = notes.Values.GroupBy(n => n.Claim.Source, StringComparer.Ordinal).Select(g => g.Key).OrderBy(ShortCite, StringComparer.Ordinal).ToList();
        h.Append("<section class=\"sources\"><h2>Sources</h2><ul class=\"bibliography\">");
        foreach (var id in cited)
        {
            var src = s.Source(new SourceId(id));
            h.Append($"<li id=\"src-{E(id)}\"><strong>{E(ShortCite(id))}</strong>. ");
            if (src is null)
            {
                h.Append($"{E(id)} (not on record).</li>");
                continue;
            }

            var parts = new List<string>();
            if (src.Author is { Length: > 0 } author)
            {
                parts.Add(E(author));
            }

            parts.Add($"<cite>{E(src.Title)}</cite>");
            if (src.Publisher is { Length: > 0 } publisher)
            {
                parts.Add(E(publisher));
            }

            parts.Add(src.Date is { } date ? E(date.ToString()) : "undated");
            h.Append(string.Join(". ", parts)).Append('.');
            if (src.Url is { Length: > 0 } url)
            {
                var safe = Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Scheme == Uri.UriSchemeHttps || u.Scheme == Uri.UriSchemeHttp);
                h.Append(safe ? $" <a href=\"{E(url)}\">{E(url)}</a>" : $" {E(url)}");
            }

            if (IsUnpublished(id))
            {
                h.Append(" <span class=\"tag\">unpublished</span> No publisher or address on record: a reader cannot check it, and its claims are graded accordingly.");
            }

            h.Append("</li>");
        }

        h.Append("</ul></section>");
        h.Append("<section class=\"notes\"><h2>Notes</h2><p class=\"note\">Each note gives the claim's grade, its source (short cite, then where in the source) and the claim in our own words: claim texts paraphrase their sources and are not quotations.</p><ol>");
        foreach (var (number, c) in notes.Values.OrderBy(n => n.Number))
        {
            var grade = c.Grade.Length == 2 && Reliability.TryGetValue(c.Grade[0], out var rel) && c.Grade[1] is >= '1' and <= '6'
                ? $"{rel}, {Credibility[c.Grade[1] - '1']}" : "";
            h.Append($"<li id=\"n{number}\"><span class=\"grade\" title=\"{E(grade)}\">{E(c.Grade)}</span> <a class=\"cite\" href=\"#src-{E(c.Source)}\">{E(ShortCite(c.Source))}</a>{(c.Locator is null ? "" : $", {E(c.Locator)}")}. ");
            h.Append($"{(c.Stance == ClaimStance.Disputes ? "<strong>Disputes:</strong> " : "")}{E(c.Text)} <span class=\"small\">({E(c.Id)}; {E(grade)})</span>");
            h.Append(IsUnpublished(c.Source) ? " <span class=\"tag\">unpublished</span></li>" : "</li>");
        }

        h.Append("</ol></section>");
    }

    private const string Css = """
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
