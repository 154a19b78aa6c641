using System.Collections.Immutable;
using System.Globalization;

namespace Wedge.Analysis.Assessment;

/// <summary>One tunable number of the assessment: its key (as written in a parameter file), default, allowed range and why the default.</summary>
/// <param name="Key">Dotted key, e.g. <c>magnitude.major</c>; a parameter file nests it (<c>magnitude: {major: 8}</c>) or writes it flat.</param>
/// <param name="Min">Smallest allowed value (inclusive).</param>
/// <param name="Max">Largest allowed value (inclusive).</param>
/// <param name="IsInteger">True when only whole numbers make sense (years, runs).</param>
public sealed record ParameterDefinition(string Key, double Default, double Min, double Max, bool IsInteger, string Why)
{
    public string Format(double value) => IsInteger ? ((long)value).ToString(CultureInfo.InvariantCulture) : value.ToString("0.###", CultureInfo.InvariantCulture);
}

/// <summary>
/// Every number the assessment uses, by key. The defaults live only in <see cref="Definitions"/>;
/// docs/methods/assessment.md lists the same table and a test keeps the two equal. Immutable:
/// <see cref="With"/> returns a changed copy after checking the value's range.
/// </summary>
public sealed class AssessmentParameters
{
    /// <summary>The single home of the defaults. Order is the order of the method document's table.</summary>
    public static IReadOnlyList<ParameterDefinition> Definitions { get; } =
    [
        new("magnitude.negligible", 1, 0, 1000, false, "Ordinal step 1. Each step doubles the one below: a 'major' flow is read as twice a 'moderate' one, not one unit more."),
        new("magnitude.minor", 2, 0, 1000, false, "Ordinal step 2 (doubling scale)."),
        new("magnitude.moderate", 4, 0, 1000, false, "Ordinal step 3 (doubling scale)."),
        new("magnitude.major", 8, 0, 1000, false, "Ordinal step 4 (doubling scale)."),
        new("magnitude.critical", 16, 0, 1000, false, "Ordinal step 5: losing power or a state's invasion dwarfs a training course."),
        new("reliability.A", 0.95, 0, 1, false, "Completely reliable source: wrong about 1 time in 20."),
        new("reliability.B", 0.85, 0, 1, false, "Usually reliable (a scholar, an official record)."),
        new("reliability.C", 0.65, 0, 1, false, "Fairly reliable."),
        new("reliability.D", 0.45, 0, 1, false, "Not usually reliable."),
        new("reliability.E", 0.2, 0, 1, false, "Unreliable."),
        new("reliability.F", 0.5, 0, 1, false, "Cannot be judged: a coin toss, neither trusted nor dismissed."),
        new("credibility.1", 0.95, 0, 1, false, "Confirmed by other sources."),
        new("credibility.2", 0.85, 0, 1, false, "Probably true."),
        new("credibility.3", 0.7, 0, 1, false, "Possibly true."),
        new("credibility.4", 0.45, 0, 1, false, "Doubtful."),
        new("credibility.5", 0.15, 0, 1, false, "Improbable."),
        new("credibility.6", 0.5, 0, 1, false, "Cannot be judged."),
        new("unsourced-weight", 0.5, 0, 1, false, "A fact with no claim behind it counts as a coin toss: shown, never trusted."),
        new("balance-band", 0.1, 0, 1, false, "A side whose net is within 10% of its gross flows is called 'roughly balanced'."),
        new("sustained-years", 5, 1, 100, true, "Five consecutive years of negative net is longer than any single shock; below that a bad year is noise."),
        new("recent-years", 10, 1, 100, true, "Dependence is measured over the last ten years of the series: patrons change."),
        new("dependence.pivotal", 0.5, 0, 1, false, "A partner supplying half or more of a resource is pivotal to it."),
        new("dependence.small", 0.25, 0, 1, false, "A partner supplying under a quarter of a resource is a small share: not pivotal."),
        new("evidence.threshold", 0.5, 0, 1, false, "A relation takes a sign (the alliance holds) when that sign is at least as likely as not; below that it reads 'none'."),
        new("evidence.declaration-weight", 0.5, 0, 1, false, "A claim that reports a declaration (a statement, pledge, denial) counts half: parties say what suits them, conduct shows what they do."),
        new("evidence.contested-share", 0.2, 0, 0.5, false, "A relation is contested when the weaker sign holds at least a fifth of the probability the two signs share."),
        new("bond.shared-rival", 1, 0, 10, false, "A common enemy is the classic reason allies stay together."),
        new("bond.pledge", 1, 0, 10, false, "A pledge of allegiance binds in religious and personal terms the ledger cannot price."),
        new("bond.years-allied", 1, 0, 10, false, "Long alliances build trust and sunk investment."),
        new("bond.joint-fighting", 1, 0, 10, false, "Years of fighting side by side build personal ties between commanders."),
        new("bond.champion", 1, 0, 10, false, "A faction close to the partner whose leader ranks high blocks a break from inside."),
        new("bond.legitimacy", 0.5, 0, 10, false, "A leader with weak legitimacy has little room to reverse a predecessor's commitment; half weight: it constrains, it does not attract."),
        new("bond.ideology", 0.5, 0, 10, false, "Shared ideology eases cooperation but does not by itself hold allies together; half weight."),
        new("bond.years-full", 20, 1, 100, true, "Twenty years allied (or fighting together) counts as a full-strength bond; fewer scale down linearly."),
        new("pledge.acknowledged", 1, 0, 1, false, "A pledge the receiver accepted in public binds fully."),
        new("pledge.unstated", 0.7, 0, 1, false, "A pledge whose reception is unknown binds most of the way."),
        new("pledge.acknowledged-then-withdrawn", 0.6, 0, 1, false, "Accepted, then the announcement removed: binding in private, deniable in public."),
        new("pledge.not-endorsed", 0.5, 0, 1, false, "Not endorsed in public: half."),
        new("pledge.denied", 0.2, 0, 1, false, "Publicly denied: little binding force left."),
        new("pledge.lapsed", 0.5, 0, 1, false, "A pledge that no longer holds (its giver died) still counts half: it set the terms."),
        new("champion.leader", 1, 0, 1, false, "The faction's leader leads the whole movement."),
        new("champion.deputy", 0.8, 0, 1, false, "The faction's leader is the movement's deputy (second in command)."),
        new("champion.unranked", 0.3, 0, 1, false, "The faction is close to the partner but its leader holds no rank in the movement."),
        new("legitimacy.low", 1, 0, 1, false, "A leader with low legitimacy cannot afford to break a tie the founder kept."),
        new("legitimacy.moderate", 0.6, 0, 1, false, "Moderate legitimacy constrains less."),
        new("legitimacy.high", 0.3, 0, 1, false, "A revered leader could break the tie, and carry the ranks with him."),
        new("monte-carlo.runs", 2000, 10, 1000000, true, "Enough runs for stable 5th–95th percentiles on a case of a few hundred facts in well under a second."),
        new("monte-carlo.seed", 20180911, 0, int.MaxValue, true, "Fixed so that two runs on the same record print the same intervals."),
        new("interval", 0.9, 0.5, 0.99, false, "Report the central 90% of the simulated values."),
        new("sensitivity.top", 5, 1, 100, true, "Name the five claims that move the verdict most."),
    ];

    private static readonly ImmutableDictionary<string, ParameterDefinition> ByKey =
        Definitions.ToImmutableDictionary(d => d.Key, StringComparer.Ordinal);

    private readonly ImmutableDictionary<string, double> values;

    private AssessmentParameters(ImmutableDictionary<string, double> values) => this.values = values;

    public static AssessmentParameters Default { get; } = new(Definitions.ToImmutableDictionary(d => d.Key, d => d.Default, StringComparer.Ordinal));

    public static ParameterDefinition? Find(string key) => ByKey.GetValueOrDefault(key);

    /// <summary>The value of a parameter; throws for an unknown key (a caller bug).</summary>
    public double this[string key] => values.TryGetValue(key, out var v) ? v : throw new ArgumentException($"No assessment parameter '{key}'.", nameof(key));

    /// <summary>Returns a copy with one value changed, or the reason it is refused (unknown key, out of range, not whole).</summary>
    public (AssessmentParameters? Result, string? Error) With(string key, double value)
    {
        if (Find(key) is not { } def)
        {
            return (null, $"unknown parameter '{key}'");
        }

        if (double.IsNaN(value) || value < def.Min || value > def.Max)
        {
            return (null, $"'{key}' is {value.ToString(CultureInfo.InvariantCulture)}, outside {def.Format(def.Min)}..{def.Format(def.Max)}");
        }

        if (def.IsInteger && value != Math.Floor(value))
        {
            return (null, $"'{key}' must be a whole number, not {value.ToString(CultureInfo.InvariantCulture)}");
        }

        return (new AssessmentParameters(values.SetItem(key, value)), null);
    }

    /// <summary>Checks rules between values (the magnitude scale must rise); null when consistent.</summary>
    public string? CheckConsistency()
    {
        var scale = Enumerable.Range(1, 5).Select(MagnitudeValue).ToList();
        for (var i = 1; i < scale.Count; i++)
        {
            if (scale[i] < scale[i - 1])
            {
                return $"the magnitude scale must not fall: {MagnitudeKeys[i]} ({scale[i]}) is below {MagnitudeKeys[i - 1]} ({scale[i - 1]})";
            }
        }

        return this["dependence.small"] > this["dependence.pivotal"] ? "dependence.small must not exceed dependence.pivotal" : null;
    }

    internal static readonly string[] MagnitudeKeys = ["magnitude.negligible", "magnitude.minor", "magnitude.moderate", "magnitude.major", "magnitude.critical"];

    /// <summary>The value of ordinal level 1–5 on the scale.</summary>
    public double MagnitudeValue(int level) => this[MagnitudeKeys[level - 1]];

    /// <summary>The probability that a claim of this grade is right: source reliability times information credibility.</summary>
    public double ClaimProbability(Wedge.Core.Model.Grade grade)
        => this[$"reliability.{grade.Reliability}"] * this[$"credibility.{grade.Credibility}"];

    public int Int(string key) => (int)this[key];

    /// <summary>Every key with its current value, in definition order.</summary>
    public IEnumerable<(ParameterDefinition Definition, double Value)> All => Definitions.Select(d => (d, values[d.Key]));
}
