namespace Wedge.Core.Model;

/// <summary>
/// A Traffic Light Protocol 2.0 marking on a source or claim: who may see it. Ordered from the least to the most
/// restricted, so a reader cleared for one level sees everything at or below it. Unmarked material is CLEAR.
/// </summary>
public enum Marking
{
    Clear,
    Green,
    Amber,
    AmberStrict,
    Red,
}

public static class Markings
{
    /// <summary>The label as TLP 2.0 writes it: TLP:CLEAR, TLP:GREEN, TLP:AMBER, TLP:AMBER+STRICT, TLP:RED.</summary>
    public static string Label(this Marking marking) => marking switch
    {
        Marking.Clear => "TLP:CLEAR",
        Marking.Green => "TLP:GREEN",
        Marking.Amber => "TLP:AMBER",
        Marking.AmberStrict => "TLP:AMBER+STRICT",
        _ => "TLP:RED",
    };

    /// <summary>A marking as people write it: TLP:AMBER+STRICT, amber+strict, amber-strict, AMBER (any case); null when it is none.</summary>
    public static Marking? Parse(string? text)
    {
        var t = text?.Trim().ToUpperInvariant().Replace("TLP:", "", StringComparison.Ordinal).Replace('-', '+').Replace('_', '+');
        return t switch
        {
            "CLEAR" or "WHITE" => Marking.Clear,
            "GREEN" => Marking.Green,
            "AMBER" => Marking.Amber,
            "AMBER+STRICT" => Marking.AmberStrict,
            "RED" => Marking.Red,
            _ => null,
        };
    }

    /// <summary>The marking a claim is seen under: its own, or its source's when that is stricter.</summary>
    public static Marking Effective(Marking? own, Marking? source) => (Marking)Math.Max((int)(own ?? Marking.Clear), (int)(source ?? Marking.Clear));
}
