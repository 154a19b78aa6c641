using System.Globalization;

namespace Wedge.Core.Events;

/// <summary>
/// How many people an incident killed, as an event's title carries it: the title ends with <c>[killed: 12]</c>, or
/// <c>[killed: unknown]</c> when the dataset leaves it blank. One writer and one reader, both here.
/// </summary>
/// <remarks>
/// An interim carrier: an <see cref="Model.Event"/> has no number field yet, and adding one means a new payload member
/// in the journal's wire names and the checkpoint codec (Wedge.Data.Store, owned by the store work in progress). When
/// it lands, importers write the field and this reader stays only for journals written before.
/// </remarks>
public static class IncidentFatalities
{
    private const string Prefix = " [killed: ";

    /// <summary>The suffix for a title: <c> [killed: 12]</c> or <c> [killed: unknown]</c>.</summary>
    public static string Suffix(int? killed)
    {
        if (killed is < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(killed), killed, "A count of people killed is not negative.");
        }

        return killed is { } n ? $"{Prefix}{n.ToString(CultureInfo.InvariantCulture)}]" : $"{Prefix}unknown]";
    }

    /// <summary>Reads the suffix: <c>Known</c> false when the title carries none or says unknown.</summary>
    public static (bool Known, int Killed) Read(string title)
    {
        ArgumentNullException.ThrowIfNull(title);
        if (!title.EndsWith(']'))
        {
            return (false, 0);
        }

        var start = title.LastIndexOf(Prefix, StringComparison.Ordinal);
        if (start < 0)
        {
            return (false, 0);
        }

        var number = title.AsSpan(start + Prefix.Length, title.Length - start - Prefix.Length - 1);
        return int.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? (true, n) : (false, 0);
    }
}
