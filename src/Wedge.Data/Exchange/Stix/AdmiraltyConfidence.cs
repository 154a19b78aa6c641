using Wedge.Core.Model;

namespace Wedge.Data.Exchange.Stix;

/// <summary>
/// The Admiralty Credibility scale of STIX 2.1 Appendix A ("Confidence Scales"): the information-credibility
/// digit of a grade maps to a STIX <c>confidence</c> value and back. The source-reliability letter has no place
/// in STIX's scale, so exports keep the whole grade in <c>x_wedge_grade</c> as well.
/// </summary>
/// <remarks>
/// Export: 1 → 90, 2 → 70, 3 → 50, 4 → 30, 5 → 10, 6 ("truth cannot be judged") → no confidence property.
/// Import: 80–100 → 1, 60–79 → 2, 40–59 → 3, 20–39 → 4, 0–19 → 5, absent → 6. Every exported value
/// falls back onto the digit it came from.
/// </remarks>
public static class AdmiraltyConfidence
{
    /// <summary>The STIX confidence for a grade, or null when its credibility is 6 (the spec leaves the property out).</summary>
    public static int? ToConfidence(Grade grade) => grade.Credibility switch
    {
        1 => 90,
        2 => 70,
        3 => 50,
        4 => 30,
        5 => 10,
        _ => null,
    };

    /// <summary>The credibility digit a STIX confidence stands for (6 when there is none).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is outside 0–100.</exception>
    public static int ToCredibility(int? confidence) => confidence switch
    {
        null => 6,
        < 0 or > 100 => throw new ArgumentOutOfRangeException(nameof(confidence), $"STIX confidence {confidence} is outside 0–100."),
        >= 80 => 1,
        >= 60 => 2,
        >= 40 => 3,
        >= 20 => 4,
        _ => 5,
    };

    /// <summary>
    /// The grade of an object imported without Wedge's own grade: STIX's confidence speaks only to the information,
    /// so the source's reliability is F (cannot be judged).
    /// </summary>
    public static Grade ToGrade(int? confidence) => new('F', ToCredibility(confidence));
}
