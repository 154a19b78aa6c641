using System.Globalization;
using Wedge.Core.Model;
using Wedge.Core.Time;

namespace Wedge.Data.Mmp;

/// <summary>MMP's relationship type codes, as the codebook and the website's definitions page use them.</summary>
public enum MmpType
{
    /// <summary><c>all</c>: allies.</summary>
    Allies,

    /// <summary><c>aff</c>: affiliates.</summary>
    Affiliates,

    /// <summary><c>mer</c>: merger.</summary>
    Merger,

    /// <summary><c>spl</c>: split.</summary>
    Split,

    /// <summary><c>riv</c>: rivals.</summary>
    Rivals,
}

/// <summary>How MMP's type codes map to Wedge's tie kinds (see docs/import-mmp.md).</summary>
public static class MmpTypes
{
    public static bool TryParse(string code, out MmpType type)
    {
        switch (code.Trim().ToLowerInvariant())
        {
            case "all": type = MmpType.Allies; return true;
            case "aff": type = MmpType.Affiliates; return true;
            case "mer": type = MmpType.Merger; return true;
            case "spl": type = MmpType.Split; return true;
            case "riv": type = MmpType.Rivals; return true;
            default: type = default; return false;
        }
    }

    public static string Code(this MmpType type) => type switch
    {
        MmpType.Allies => "all",
        MmpType.Affiliates => "aff",
        MmpType.Merger => "mer",
        MmpType.Split => "spl",
        _ => "riv",
    };

    /// <summary>
    /// all → alliance, aff → affiliation, mer → merger, spl → split, riv → rivalry. Direction: the tie runs
    /// from group1 to group2 as MMP lists them, for every code; for the directed kinds (affiliation, split)
    /// that order is MMP's, not verified (MMP is not consistent about it), and the tie's note says so.
    /// </summary>
    public static TieKind ToTieKind(this MmpType type) => type switch
    {
        MmpType.Allies => TieKind.Alliance,
        MmpType.Affiliates => TieKind.Affiliation,
        MmpType.Merger => TieKind.Merger,
        MmpType.Split => TieKind.Split,
        _ => TieKind.Rivalry,
    };
}

/// <summary>A row of MMP's group key, cleaned.</summary>
/// <param name="Id">MMP's group_id as written (a whole number; MMP uses -99 for groups not yet on a map).</param>
public sealed record MmpGroup(int Line, string Id, string Name);

/// <summary>A row of MMP's relationships file, cleaned and checked.</summary>
/// <param name="Date">When the relation was observed to begin; null when MMP gives no date (<c>0000-00-00</c> or empty).</param>
/// <param name="DateText">The date as MMP wrote it.</param>
public sealed record MmpObservation(
    int Line,
    string UniqueId,
    MmpType Type,
    string Group1,
    string Group2,
    FuzzyDate? Date,
    string DateText,
    string Description,
    string Group1Name,
    string Group2Name);

/// <summary>A row read: a value, or the problem that refused it.</summary>
public readonly record struct MmpRow<T>(T? Value, MmpProblem? Problem)
    where T : class;

/// <summary>
/// Streams MMP's two CSV files row by row, repairing their known quirks (<see cref="MmpText"/>) and refusing
/// rows that cannot be read, each with file, line and reason. Whole-file problems (missing, empty, binary,
/// a column absent) throw <see cref="MmpFileException"/> when enumeration starts.
/// </summary>
public static class MmpReader
{
    public static IReadOnlyList<string> KeyColumns { get; } = ["group_id", "name"];

    public static IReadOnlyList<string> RelationshipColumns { get; } =
        ["unique_id", "type", "group1_id", "group2_id", "date", "description", "group1_name", "group2_name"];

    /// <param name="displayName">How to name the file in messages (default: the path).</param>
    public static IEnumerable<MmpRow<MmpGroup>> ReadKey(string path, string? displayName = null)
    {
        var name = displayName ?? path;
        using var csv = MmpCsv.Open(path, name, KeyColumns);
        var idCol = csv.Columns["group_id"];
        var nameCol = csv.Columns["name"];
        foreach (var row in csv.Rows())
        {
            if (row.Fields is not { } f)
            {
                yield return new(null, new MmpProblem(name, row.Line, row.Error!));
                continue;
            }

            var id = f[idCol].Trim();
            var groupName = MmpText.CleanName(f[nameCol]);
            if (!IsWholeNumber(id))
            {
                yield return new(null, new MmpProblem(name, row.Line, $"group_id '{id}' is not a whole number"));
            }
            else if (groupName.Length == 0)
            {
                yield return new(null, new MmpProblem(name, row.Line, $"group {id} has no name"));
            }
            else
            {
                yield return new(new MmpGroup(row.Line, id, groupName), null);
            }
        }
    }

    public static IEnumerable<MmpRow<MmpObservation>> ReadRelationships(string path, string? displayName = null)
    {
        var name = displayName ?? path;
        using var csv = MmpCsv.Open(path, name, RelationshipColumns);
        var c = RelationshipColumns.Select(col => csv.Columns[col]).ToArray();
        foreach (var row in csv.Rows())
        {
            if (row.Fields is not { } f)
            {
                yield return new(null, new MmpProblem(name, row.Line, row.Error!));
                continue;
            }

            var (observation, reason) = Parse(row.Line, f[c[0]], f[c[1]], f[c[2]], f[c[3]], f[c[4]], f[c[5]], f[c[6]], f[c[7]]);
            yield return observation is not null ? new(observation, null) : new(null, new MmpProblem(name, row.Line, reason!));
        }
    }

    private static (MmpObservation?, string?) Parse(int line, string uniqueId, string type, string g1, string g2, string date, string description, string n1, string n2)
    {
        uniqueId = uniqueId.Trim();
        g1 = g1.Trim();
        g2 = g2.Trim();
        if (!IsWholeNumber(uniqueId))
        {
            return (null, uniqueId.Length == 0 ? "unique_id is empty" : $"unique_id '{uniqueId}' is not a whole number");
        }

        if (!MmpTypes.TryParse(type, out var mmpType))
        {
            return (null, $"unknown type code '{type.Trim()}' (expected all, aff, mer, spl or riv)");
        }

        if (!IsWholeNumber(g1))
        {
            return (null, $"group1_id '{g1}' is not a whole number");
        }

        if (!IsWholeNumber(g2))
        {
            return (null, $"group2_id '{g2}' is not a whole number");
        }

        if (g1 == g2)
        {
            return (null, $"group {g1} is related to itself");
        }

        var parsed = FuzzyDate.TryParse(date);
        FuzzyDate? when = null;
        if (parsed.IsSuccess)
        {
            when = parsed.Value;
        }
        else if (!parsed.IsUnknown)
        {
            return (null, $"bad date: {parsed.Error}");
        }

        return (new MmpObservation(line, uniqueId, mmpType, g1, g2, when, date.Trim(), MmpText.CleanText(description),
            MmpText.CleanName(n1), MmpText.CleanName(n2)), null);
    }

    private static bool IsWholeNumber(string s)
        => s.Length is > 0 and < 12 && long.TryParse(s, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
}
