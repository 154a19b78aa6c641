using Wedge.Analysis.Hypotheses;
using Wedge.Application.Problems;
using Wedge.Application.Store;
using Wedge.Core.Collections;
using Wedge.Core.Hypotheses;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Data.Hypotheses;

namespace Wedge.Application.Hypotheses;

/// <summary>A matrix available by name.</summary>
public sealed record MatrixName(string Name, string Question, int Hypotheses, int Items);

/// <summary>`hypotheses score`: the matrix scored at a read slice, with the sensitivity of its call.</summary>
/// <param name="Reading">The call in words: which hypothesis leads by each method, and what would move it.</param>
public sealed record HypothesesReport(string Matrix, string Question, string Slice, AchScores Scores, EquatableList<string> Reading);

/// <summary>`hypotheses show`: the matrix as written, with each cell's consensus and each item's weights and diagnosticity at a read slice.</summary>
public sealed record MatrixView(AchMatrix Matrix, string Slice, EquatableList<AchCell> Cells, EquatableList<ItemScore> Items, EquatableList<string> Excluded);

/// <summary>An indicator and the facts on record that fire it (ties of its kind between its actors, started within its window).</summary>
public sealed record IndicatorState(string Id, string Hypothesis, bool Confirms, string Description, string Window, EquatableList<string> FiredBy);

/// <summary>An indicator that a write has just fired: which matrix and hypothesis, and the fact that fired it.</summary>
public sealed record FiredIndicator(string Matrix, string Indicator, string Hypothesis, bool Confirms, string Description, string Fact)
{
    /// <summary>"indicator fired: …" as a person reads it.</summary>
    public string Describe() => $"indicator fired: {Matrix} {Indicator} — {(Confirms ? "confirming" : "refuting")} {Hypothesis}: {Fact}";
}

/// <summary>`hypotheses watch`: each indicator, fired or not, at a read slice.</summary>
public sealed record WatchReport(string Matrix, string Slice, EquatableList<IndicatorState> Indicators);

/// <summary>The competing-hypotheses verbs: list, score (with sensitivity), watch.</summary>
public sealed class HypothesesService(IRecordStore store)
{
    public static EquatableList<MatrixName> List()
        => [.. AchYaml.BuiltInNames.Select(n => AchYaml.BuiltIn(n)!).Select(m => new MatrixName(m.Id, m.Question, m.Hypotheses.Count, m.Items.Count))];

    /// <summary>A built-in matrix by name, or a matrix file (the command line's path); refused in words when it cannot be read.</summary>
    /// <summary>A built-in matrix by name only (never a path: a server must not read its own files for a caller).</summary>
    public static AchMatrix BuiltIn(string name)
        => AchYaml.BuiltIn(name) ?? throw Problem.NotFound("matrix-not-found", $"no built-in matrix '{name}' (built-in: {string.Join(", ", AchYaml.BuiltInNames)}); to score your own, upload it").Exception();

    public static AchMatrix Load(string nameOrPath)
    {
        try
        {
            return AchYaml.BuiltIn(nameOrPath)
                ?? (File.Exists(nameOrPath) ? AchYaml.ReadFile(nameOrPath)
                    : throw Problem.NotFound("matrix-not-found", $"no matrix file '{nameOrPath}', and no built-in matrix of that name (built-in: {string.Join(", ", AchYaml.BuiltInNames)})").Exception());
        }
        catch (AchFormatException e)
        {
            throw Problem.Refused("matrix-invalid", e.Message).Exception();
        }
    }

    /// <summary>Scores the matrix on the record read at <paramref name="slice"/>: claims not yet public then are left out.</summary>
    public HypothesesReport Score(ReadSlice slice, AchMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var whole = store.Knowledge(slice.RecordedBy);
        var unknown = matrix.Items.Where(i => i.Claim is { } c && whole.FindClaim(new ClaimId(c)) is null).Select(i => $"{i.Id} ({i.Claim})").ToList();
        if (unknown.Count > 0)
        {
            throw Problem.Refused("unknown-claim", $"{matrix.Id}: these items name claims that are not on record: {string.Join(", ", unknown)}").Exception();
        }

        var snapshot = store.Read(slice);
        var grades = matrix.Items.Where(i => i.Claim is not null).Select(i => snapshot.Claim(new ClaimId(i.Claim!))).OfType<Claim>()
            .ToDictionary(c => c.Id.Value, c => c.Grade);
        var scores = AchScoring.Score(matrix, grades);
        return new HypothesesReport(matrix.Id, matrix.Question, Slices.Describe(slice), scores, Reading(matrix, scores));
    }

    /// <summary>
    /// The brief's competing-hypotheses section for a pair: the built-in matrix whose indicators watch both actors, scored at
    /// the brief's slice; null when no matrix asks about the pair.
    /// </summary>
    public Reports.Briefs.HypothesesSection? BriefSection(ReadSlice slice, Core.Model.ActorId a, Core.Model.ActorId b)
    {
        var matrix = AchYaml.BuiltInNames.Select(n => AchYaml.BuiltIn(n)!)
            .FirstOrDefault(m => m.Indicators.Any(i => i.Actors.Contains(a.Value) && i.Actors.Contains(b.Value)));
        return matrix is null ? null : Section(slice, matrix);
    }

    /// <summary>A matrix scored at <paramref name="slice"/> as the brief and the hypotheses page show it: scores, the call, the heat table's rows, indicators.</summary>
    public Reports.Briefs.HypothesesSection Section(ReadSlice slice, AchMatrix matrix)
    {
        var report = Score(slice, matrix);
        var watch = Watch(slice, matrix);
        var snapshot = store.Read(slice);
        var items = report.Scores.Items.Select(i =>
        {
            var item = matrix.Items.Single(x => x.Id == i.Id);
            var what = item.Claim is { } c ? snapshot.Claim(new ClaimId(c))?.Text ?? item.Id : $"{(item.Kind == AchItemKind.Absence ? "Absence" : "Assumption")}: {item.Text}";
            var ratings = matrix.Hypotheses.Select(h => Letters(report.Scores.Cells.Single(x => x.Item == i.Id && x.Hypothesis == h.Id).Consensus)).ToEquatableList();
            return new Reports.Briefs.MatrixRow(i.Id, what, i.Grade, ratings, i.Diagnosticity);
        }).ToEquatableList();
        return new Reports.Briefs.HypothesesSection(matrix.Id, matrix.Question, [.. matrix.Hypotheses.Select(h => h.Id)],
            [.. report.Scores.Hypotheses.Select(h => new Reports.Briefs.HypothesisRow(h.Id, h.Title, h.Parc, h.Inconsistency, h.ParcRank, h.OpenSynthesisRank))],
            items, report.Reading, [.. watch.Indicators.Select(i => new Reports.Briefs.IndicatorRow(i.Hypothesis, i.Confirms, i.Description, i.Window, i.FiredBy))],
            report.Scores.Excluded.Count);
    }

    /// <summary>A rating as the matrix writes it: CC, C, N, I, II or NA (empty when no one rated the cell).</summary>
    public static string Letters(Consistency? c) => c switch
    {
        Consistency.VeryConsistent => "CC",
        Consistency.Consistent => "C",
        Consistency.Neutral => "N",
        Consistency.Inconsistent => "I",
        Consistency.VeryInconsistent => "II",
        Consistency.NotApplicable => "NA",
        _ => "",
    };

    /// <summary>The matrix with its cells read at <paramref name="slice"/>.</summary>
    public MatrixView Show(ReadSlice slice, AchMatrix matrix)
    {
        var report = Score(slice, matrix);
        return new MatrixView(matrix, report.Slice, report.Scores.Cells, report.Scores.Items, report.Scores.Excluded);
    }

    /// <summary>Which indicators the record read at <paramref name="slice"/> fires.</summary>
    public WatchReport Watch(ReadSlice slice, AchMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        var snapshot = store.Read(slice);
        var states = Firing(snapshot, matrix).Select(f => new IndicatorState(f.Indicator.Id, f.Indicator.Hypothesis, f.Indicator.Confirms, f.Indicator.Description,
            $"{f.Indicator.From?.ToString() ?? "…"} to {f.Indicator.Until?.ToString() ?? "…"}", [.. f.Facts.Select(x => x.Text)])).ToEquatableList();
        return new WatchReport(matrix.Id, Slices.Describe(slice), states);
    }

    /// <summary>
    /// The indicators of the built-in matrices that a write fired: facts that fire them in the record after it and did not
    /// before. Firing is read from the journal's facts, so it is the same after a restart, and a fact fires an indicator once.
    /// </summary>
    public static EquatableList<FiredIndicator> NewlyFired(KnowledgeBase before, KnowledgeBase after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var (then, now) = (Snapshot.Of(before, ReadOptions.Now), Snapshot.Of(after, ReadOptions.Now));
        var fired = new List<FiredIndicator>();
        foreach (var matrix in AchYaml.BuiltInNames.Select(n => AchYaml.BuiltIn(n)!))
        {
            var earlier = Firing(then, matrix).ToDictionary(f => f.Indicator.Id, f => f.Facts.Select(x => x.Key).ToHashSet(StringComparer.Ordinal));
            foreach (var (indicator, facts) in Firing(now, matrix))
            {
                fired.AddRange(facts.Where(x => !earlier[indicator.Id].Contains(x.Key))
                    .Select(x => new FiredIndicator(matrix.Id, indicator.Id, indicator.Hypothesis, indicator.Confirms, indicator.Description, x.Text)));
            }
        }

        return [.. fired];
    }

    /// <summary>
    /// Each indicator with the facts that fire it, in its window: ties of its kind between its actors (by their start),
    /// events of its kind involving all its actors (by their date), or claims whose text matches its pattern (by the
    /// date they became public).
    /// </summary>
    private static List<(AchIndicator Indicator, List<(string Key, string Text)> Facts)> Firing(Snapshot snapshot, AchMatrix matrix)
        => [.. matrix.Indicators.Select(i =>
        {
            bool InWindow(Core.Time.FuzzyDate? d) => d is { } x && (i.From is not { } from || x.Latest >= from.Earliest) && (i.Until is not { } until || x.Earliest <= until.Latest);
            var actors = i.Actors.Select(a => snapshot.Actor(new ActorId(a))?.Id).OfType<ActorId>().ToList();
            var facts = new List<(string Key, string Text)>();
            if (i.TieKind is { } kind && actors.Count >= 2 && actors.Count == i.Actors.Count)
            {
                facts.AddRange(snapshot.TiesBetween(new HashSet<ActorId> { actors[0] }, new HashSet<ActorId>(actors.Skip(1)))
                    .Where(t => t.Kind.Kebab() == kind && InWindow(t.Period.Start))
                    .Select(t => ($"tie:{t.Id}", $"{t.Kind.Kebab()} {t.Id} ({t.Period}{Best(snapshot, t)})")));
            }

            if (i.EventKind is { } eventKind && actors.Count == i.Actors.Count)
            {
                facts.AddRange(snapshot.Events.Where(e => e.Kind.Kebab() == eventKind && actors.All(e.Actors.Contains) && InWindow(e.Date))
                    .Select(e => ($"event:{e.Id}", $"{e.Kind.Kebab()} {e.Id} ({e.Date}): {e.Title}")));
            }

            if (i.ClaimPattern is { } pattern)
            {
                var regex = new System.Text.RegularExpressions.Regex(pattern, System.Text.RegularExpressions.RegexOptions.IgnoreCase, TimeSpan.FromMilliseconds(100));
                facts.AddRange(snapshot.AllClaims.Where(c => InWindow(snapshot.PublicDate(c)) && regex.IsMatch(c.Text))
                    .OrderBy(c => c.Id.Value, StringComparer.Ordinal)
                    .Select(c => ($"claim:{c.Id.Value}", $"claim {c.Id.Value} ({c.Grade}): {c.Text}")));
            }

            return (i, facts);
        })];

    private static string Best(Snapshot snapshot, Tie tie)
        => snapshot.ClaimsOf(tie).Select(c => c.Grade).OrderBy(g => g.Reliability).ThenBy(g => g.Credibility).Select(g => $", {g}").FirstOrDefault() ?? "";

    private static EquatableList<string> Reading(AchMatrix matrix, AchScores scores)
    {
        string Named(IEnumerable<HypothesisScore> hs) => string.Join(" and ", hs.Select(h => $"{h.Id} ({matrix.Hypotheses.Single(x => x.Id == h.Id).Title.TrimEnd('.')})"));
        var parc = scores.Hypotheses.Where(h => h.ParcRank == 1).ToList();
        var os = scores.Hypotheses.Where(h => h.OpenSynthesisRank == 1).ToList();
        var lines = new List<string>
        {
            (parc.Count == 1 ? $"Least inconsistent by PARC's weighted score: {Named(parc)}." : $"By PARC's weighted score {parc.Count} hypotheses tie as least inconsistent: {Named(parc)}.")
            + (os.Select(h => h.Id).SequenceEqual(parc.Select(h => h.Id)) ? " Open Synthesis agrees." : $" Open Synthesis, which breaks ties by consistency, puts first {Named(os)}."),
        };
        if (scores.Excluded.Count > 0)
        {
            lines.Add($"{scores.Excluded.Count} item(s) left out: their claims were not yet public ({string.Join(", ", scores.Excluded)}).");
        }

        var movers = scores.Sensitivity.Where(f => f.NewLeader != f.Leader).ToList();
        lines.Add(movers.Count == 0
            ? "No single item, taken away or re-weighted, changes which hypothesis leads."
            : $"The lead rests on: {string.Join("; ", movers.Select(f => $"{f.Item} {f.Change} → {f.NewLeader}"))}.");
        return [.. lines];
    }
}
