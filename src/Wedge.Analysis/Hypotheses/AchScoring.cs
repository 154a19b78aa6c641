using Wedge.Core.Collections;
using Wedge.Core.Hypotheses;
using Wedge.Core.Model;

namespace Wedge.Analysis.Hypotheses;

/// <summary>The team's reading of one cell: the consensus of its raters and how far they disagree.</summary>
/// <param name="Consensus">Null when no one rated the cell.</param>
/// <param name="Disagreement">The larger of the spread between NA and rated votes and the spread of the rated votes (sample standard deviations); 0 for one rater.</param>
public sealed record AchCell(string Item, string Hypothesis, Consistency? Consensus, double Disagreement, int Raters);

/// <summary>A hypothesis scored both ways. Lower inconsistency is better in both methods (PARC's score is ≤ 0: nearer 0 is better).</summary>
/// <param name="Parc">PARC's weighted inconsistency: Σ −1 (I) or −2 (II) × credibility × relevance weights.</param>
/// <param name="Inconsistency">Open Synthesis's: Σ (3 − m)² over items whose mean rating m (NA as neutral, on 1–5) is below 3.</param>
/// <param name="Consistency">Open Synthesis's tie-breaker: Σ (m − 3)² over items whose mean is above 3.</param>
public sealed record HypothesisScore(string Id, string Title, double Parc, double Inconsistency, double Consistency, int ParcRank, int OpenSynthesisRank);

/// <summary>An item's weights (and where they came from) and how well it tells the hypotheses apart.</summary>
/// <param name="Diagnosticity">Open Synthesis's: the population standard deviation, across hypotheses, of the item's mean rating (NA as neutral).</param>
public sealed record ItemScore(string Id, AchItemKind Kind, string? Claim, string? Grade, AchWeight Credibility, AchWeight Relevance, string WeightsFrom,
    double Diagnosticity, bool Diagnostic);

/// <summary>A change to one item that moves the call: the item taken away (it may be wrong), or its credibility set low or high.</summary>
public sealed record SensitivityFinding(string Item, string Change, string Leader, string NewLeader, EquatableList<string> NewRanking);

/// <summary>A matrix scored: hypotheses ranked by each method, items by diagnosticity, each cell's consensus, and what would move the call.</summary>
/// <param name="Excluded">Items left out: claims not on record or not yet public at the read date.</param>
public sealed record AchScores(EquatableList<HypothesisScore> Hypotheses, EquatableList<ItemScore> Items, EquatableList<AchCell> Cells,
    EquatableList<string> Excluded, EquatableList<SensitivityFinding> Sensitivity);

/// <summary>
/// Scores a matrix of competing hypotheses (docs/methods/hypotheses.md): PARC's weighted inconsistency and Open
/// Synthesis's inconsistency, diagnosticity and consensus of several raters; and the items whose removal or re-weighting
/// changes the ranking. Pure.
/// </summary>
public static class AchScoring
{
    /// <summary>PARC's weights for low, medium and high credibility or relevance.</summary>
    public static double WeightOf(AchWeight w) => w switch
    {
        AchWeight.Low => 1 / Math.Sqrt(2),
        AchWeight.High => Math.Sqrt(2),
        _ => 1,
    };

    /// <summary>A rating on Open Synthesis's 1–5 scale (II = 1 … CC = 5); NA counts as neutral (3) where a mean is taken.</summary>
    public static int Scale(Consistency c) => c switch
    {
        Consistency.VeryInconsistent => 1,
        Consistency.Inconsistent => 2,
        Consistency.Consistent => 4,
        Consistency.VeryConsistent => 5,
        _ => 3,
    };

    /// <summary>The credibility a claim's grade gives: high for a reliable source and a confirmed or probable report (A–B, 1–2), low for an unreliable source or a doubtful report (D–F or 4–6), medium otherwise.</summary>
    public static AchWeight CredibilityOf(Grade grade)
        => grade.Reliability is 'D' or 'E' or 'F' || grade.Credibility >= 4 ? AchWeight.Low
            : grade.Reliability is 'A' or 'B' && grade.Credibility <= 2 ? AchWeight.High
            : AchWeight.Medium;

    /// <param name="grades">The grade of every claim on record and public at the read date; an item whose claim is missing is left out.</param>
    public static AchScores Score(AchMatrix matrix, IReadOnlyDictionary<string, Grade> grades)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        ArgumentNullException.ThrowIfNull(grades);
        var excluded = matrix.Items.Where(i => i.Kind == AchItemKind.Claim && (i.Claim is null || !grades.ContainsKey(i.Claim))).Select(i => i.Id).ToList();
        var items = matrix.Items.Where(i => !excluded.Contains(i.Id)).ToList();
        var weighed = items.Select(i => Weigh(i, grades)).ToList();
        var cells = items.SelectMany(i => matrix.Hypotheses.Select(h => Cell(i, h.Id))).ToList();
        var consensus = cells.ToDictionary(c => (c.Item, c.Hypothesis), c => c.Consensus);
        var means = items.ToDictionary(i => i.Id, i => matrix.Hypotheses.ToDictionary(h => h.Id, h => MeanRating(i, h.Id)));

        var ranked = Rank(matrix, weighed.Select(w => (w.Item.Id, w.Credibility, w.Relevance)).ToList(), consensus, means);
        var itemScores = weighed.Select(w =>
        {
            var d = Diagnosticity(means[w.Item.Id].Values);
            return new ItemScore(w.Item.Id, w.Item.Kind, w.Item.Claim, w.Grade?.ToString(), w.Credibility, w.Relevance, w.From, d, d > 1e-12);
        }).OrderByDescending(s => s.Diagnosticity).ThenBy(s => s.Id, StringComparer.Ordinal).ToEquatableList();

        // Sensitivity: take each item away, or set its credibility low or high, and see whether PARC's call moves.
        var leader = Leaders(ranked);
        var baseline = Ranking(ranked);
        var findings = new List<SensitivityFinding>();
        foreach (var w in weighed)
        {
            var changes = new List<(string What, List<(string, AchWeight, AchWeight)> Weights)>
            {
                ("taken away (if it is wrong)", weighed.Where(x => x != w).Select(x => (x.Item.Id, x.Credibility, x.Relevance)).ToList()),
            };
            foreach (var level in new[] { AchWeight.Low, AchWeight.High }.Where(l => l != w.Credibility))
            {
                changes.Add(($"credibility {level.ToString().ToLowerInvariant()}", weighed.Select(x => (x.Item.Id, x == w ? level : x.Credibility, x.Relevance)).ToList()));
            }

            foreach (var (what, weights) in changes)
            {
                var again = Rank(matrix, weights, consensus, means);
                if (Ranking(again) != baseline)
                {
                    findings.Add(new SensitivityFinding(w.Item.Id, what, leader, Leaders(again), [.. again.Select(h => $"{h.ParcRank}. {h.Id}")]));
                }
            }
        }

        return new AchScores([.. ranked], itemScores, [.. cells], [.. excluded], [.. findings]);
    }

    /// <summary>The hypotheses ranked first by PARC (several when tied), joined with " = ".</summary>
    private static string Leaders(IEnumerable<HypothesisScore> ranked) => string.Join(" = ", ranked.Where(h => h.ParcRank == 1).Select(h => h.Id).Order(StringComparer.Ordinal));

    private static string Ranking(IEnumerable<HypothesisScore> ranked) => string.Join(",", ranked.OrderBy(h => h.Id, StringComparer.Ordinal).Select(h => $"{h.Id}:{h.ParcRank}"));

    private static (AchItem Item, Grade? Grade, AchWeight Credibility, AchWeight Relevance, string From) Weigh(AchItem item, IReadOnlyDictionary<string, Grade> grades)
    {
        Grade? grade = item.Claim is { } c && grades.TryGetValue(c, out var g) ? g : null;
        var credibility = item.Credibility ?? (grade is { } gr ? CredibilityOf(gr) : AchWeight.Medium);
        var from = item.Credibility is not null || item.Relevance is not null ? $"set: {item.WeightReason}"
            : grade is { } x ? $"grade {x}" : "an assumption: medium";
        return (item, grade, credibility, item.Relevance ?? AchWeight.Medium, from);
    }

    private static List<HypothesisScore> Rank(AchMatrix matrix, List<(string Item, AchWeight Credibility, AchWeight Relevance)> items,
        Dictionary<(string Item, string Hypothesis), Consistency?> consensus, Dictionary<string, Dictionary<string, double?>> means)
    {
        var scored = matrix.Hypotheses.Select(h =>
        {
            var parc = 0.0;
            double inconsistency = 0, consistency = 0;
            foreach (var (item, credibility, relevance) in items)
            {
                var rating = consensus[(item, h.Id)];
                var penalty = rating switch { Consistency.Inconsistent => -1, Consistency.VeryInconsistent => -2, _ => 0 };
                parc += penalty * WeightOf(credibility) * WeightOf(relevance);
                if (means[item][h.Id] is { } m)
                {
                    inconsistency += m < 3 ? (3 - m) * (3 - m) : 0;
                    consistency += m > 3 ? (m - 3) * (m - 3) : 0;
                }
            }

            return (h, parc, inconsistency, consistency);
        }).ToList();

        // Equal scores share a rank (1, 1, 3): a tie is reported as a tie, never broken by the order of the matrix.
        int ParcRank((AchHypothesis h, double parc, double inconsistency, double consistency) x) => 1 + scored.Count(o => Math.Round(o.parc, 12) > Math.Round(x.parc, 12));
        int OsRank((AchHypothesis h, double parc, double inconsistency, double consistency) x) => 1 + scored.Count(o =>
            Math.Round(o.inconsistency, 12) < Math.Round(x.inconsistency, 12)
            || (Math.Round(o.inconsistency, 12) == Math.Round(x.inconsistency, 12) && Math.Round(o.consistency, 12) > Math.Round(x.consistency, 12)));
        return [.. scored.Select(s => new HypothesisScore(s.h.Id, s.h.Title, s.parc, s.inconsistency, s.consistency, ParcRank(s), OsRank(s)))
            .OrderBy(s => s.ParcRank).ThenBy(s => s.OpenSynthesisRank).ThenBy(s => s.Id, StringComparer.Ordinal)];
    }

    /// <summary>
    /// The consensus of a cell's raters, as Open Synthesis takes it: NA when more raters said NA than rated it; otherwise
    /// the mean of the rated votes on the 1–5 scale, rounded, a half rounded toward neutral.
    /// </summary>
    public static AchCell Cell(AchItem item, string hypothesis)
    {
        ArgumentNullException.ThrowIfNull(item);
        var votes = item.Ratings.Where(r => r.Hypothesis == hypothesis).Select(r => r.Value).ToList();
        if (votes.Count == 0)
        {
            return new AchCell(item.Id, hypothesis, null, 0, 0);
        }

        var rated = votes.Where(v => v != Consistency.NotApplicable).Select(Scale).ToList();
        var na = votes.Count - rated.Count;
        Consistency consensus;
        if (na > rated.Count)
        {
            consensus = Consistency.NotApplicable;
        }
        else
        {
            var mean = rated.Average();
            var rounded = Math.Abs(mean - Math.Floor(mean) - 0.5) < 1e-12 ? (mean > 3 ? Math.Floor(mean) : Math.Ceiling(mean)) : Math.Round(mean);
            consensus = FromScale((int)rounded);
        }

        var naSpread = votes.Count > 1 ? SampleStdDev([.. Enumerable.Repeat(0.0, na), .. Enumerable.Repeat(1.0, rated.Count)]) : 0;
        var ratedSpread = rated.Count > 1 ? SampleStdDev([.. rated.Select(v => (double)v)]) : 0;
        return new AchCell(item.Id, hypothesis, consensus, Math.Max(naSpread, ratedSpread), votes.Count);
    }

    /// <summary>The mean of a cell's votes on the 1–5 scale with NA as neutral; null when no one rated it.</summary>
    public static double? MeanRating(AchItem item, string hypothesis)
    {
        ArgumentNullException.ThrowIfNull(item);
        var votes = item.Ratings.Where(r => r.Hypothesis == hypothesis).Select(r => (double)Scale(r.Value)).ToList();
        return votes.Count == 0 ? null : votes.Average();
    }

    /// <summary>Population standard deviation of the rated hypotheses' means (0 when fewer than one is rated).</summary>
    public static double Diagnosticity(IEnumerable<double?> means)
    {
        var values = means.OfType<double>().ToList();
        if (values.Count == 0)
        {
            return 0;
        }

        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Count);
    }

    private static Consistency FromScale(int value) => value switch
    {
        1 => Consistency.VeryInconsistent,
        2 => Consistency.Inconsistent,
        4 => Consistency.Consistent,
        5 => Consistency.VeryConsistent,
        _ => Consistency.Neutral,
    };

    private static double SampleStdDev(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }
}
