using System.Globalization;
using Wedge.Core.Collections;
using Wedge.Core.Model;
using Wedge.Core.Text;
using Wedge.Data.Mmp;

namespace Wedge.Data.Events;

/// <summary>A row of a dyad-year dataset, read and checked through its mapping.</summary>
/// <param name="RowId">The dataset's id for the row; null when the mapping names no row-id column.</param>
/// <param name="AId">The first group's id in the dataset, when the mapping names an id column and the row fills it.</param>
/// <param name="Relationship">The value in the relationship column, as the file writes it.</param>
/// <param name="Flags">The ledger categories the row's set flags record, in the mapping's order.</param>
public sealed record DyadYearRow(int Line, string? RowId, string A, string? AId, string B, string? BId, int Year, string Relationship,
    DyadYearCategory Category, EquatableList<LedgerCategory> Flags);

/// <summary>
/// Reads a dyad-year CSV (MGAR, ViNSAR, BAAD and the like) through a <see cref="DyadYearMapping"/>, row by row, refusing
/// rows that cannot be read with file, line and reason. Whole-file problems (missing, empty, binary, a mapped column
/// absent from the header) throw <see cref="MmpFileException"/> when enumeration starts.
/// </summary>
public static class DyadYearReader
{
    /// <param name="displayName">How to name the file in messages (default: the path).</param>
    public static IEnumerable<MmpRow<DyadYearRow>> Read(string path, DyadYearMapping mapping, string? displayName = null)
    {
        ArgumentNullException.ThrowIfNull(mapping);
        var name = displayName ?? path;
        var c = mapping.Columns;
        var wanted = c.All.Concat(mapping.Categories.Select(k => k.Column).OfType<string>()).Concat(mapping.Flags.Select(f => f.Column)).Distinct().ToList();
        using var csv = MmpCsv.Open(path, name, wanted);
        var at = wanted.ToDictionary(w => w, w => csv.Columns[w]);
        foreach (var row in csv.Rows(at.Values))
        {
            if (row.Fields is not { } f)
            {
                yield return new(null, new MmpProblem(name, row.Line, row.Error!));
                continue;
            }

            var (value, reason) = Parse(row.Line, column => f[at[column]].Trim(), mapping);
            yield return value is not null ? new(value, null) : new(null, new MmpProblem(name, row.Line, reason!));
        }
    }

    private static (DyadYearRow?, string?) Parse(int line, Func<string, string> field, DyadYearMapping mapping)
    {
        var c = mapping.Columns;
        var (a, b) = (field(c.A), field(c.B));
        foreach (var (column, value) in new[] { (c.A, a), (c.B, b) })
        {
            if (value.Length == 0)
            {
                return (null, $"{column} is empty (no group named)");
            }

            if (value.Any(char.IsControl))
            {
                return (null, $"{column} holds a control character");
            }
        }

        if (NameKey.Of(a) == NameKey.Of(b))
        {
            return (null, $"{c.A} and {c.B} name the same group ('{a}')");
        }

        string? aId = null, bId = null;
        if (c.AId is not null && c.BId is not null)
        {
            (aId, bId) = (field(c.AId), field(c.BId));
            if (aId.Any(char.IsControl) || bId.Any(char.IsControl))
            {
                return (null, $"{c.AId} or {c.BId} holds a control character");
            }

            (aId, bId) = (aId.Length == 0 ? null : aId, bId.Length == 0 ? null : bId);
        }

        var yearText = field(c.Year);
        var y = yearText.EndsWith(".0", StringComparison.Ordinal) ? yearText[..^2] : yearText;
        if (yearText.Length == 0)
        {
            return (null, $"{c.Year} is empty");
        }

        if (!int.TryParse(y, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || year is < 1000 or > 9999)
        {
            return (null, $"{c.Year} '{yearText}' is not a year");
        }

        string? rowId = null;
        if (c.RowId is not null)
        {
            rowId = field(c.RowId);
            if (rowId.Length == 0)
            {
                return (null, $"{c.RowId} is empty (the row's id, cited in its claim)");
            }

            if (rowId.Any(char.IsControl))
            {
                return (null, $"{c.RowId} holds a control character");
            }
        }

        var (found, relationship, bad) = Relationship(field, mapping);
        if (found is not { } category)
        {
            return (null, bad);
        }

        var flags = new List<LedgerCategory>(mapping.Flags.Count);
        foreach (var flag in mapping.Flags)
        {
            switch (Set(field(flag.Column)))
            {
                case true:
                    flags.Add(flag.Category);
                    break;
                case null:
                    return (null, NotAFlag(flag.Column, field(flag.Column)));
            }
        }

        if (!category.Ignore && flags.Count > 0 && category.Kind.Sign() < 0)
        {
            return (null, $"{mapping.Flags.First(f => flags.Contains(f.Category)).Column} is set on a '{relationship}' row, which the mapping reads as {category.Kind.Kebab()}: a hostile tie carries no flows");
        }

        return (new DyadYearRow(line, rowId, a, aId, b, bId, year, relationship, category, flags.Distinct().ToEquatableList()), null);
    }

    /// <summary>The row's relationship: the value in the relationship column, or the one 0/1 column set (none set: no relationship).</summary>
    private static (DyadYearCategory? Category, string Relationship, string? Bad) Relationship(Func<string, string> field, DyadYearMapping mapping)
    {
        if (mapping.Columns.Relationship is { } column)
        {
            var value = field(column);
            if (mapping.Find(value) is { } found)
            {
                return (found, value, null);
            }

            var known = string.Join(", ", mapping.Categories.Select(k => $"'{k.Label}'"));
            return (null, value, value.Length == 0
                ? $"{column} is empty, and the mapping maps no empty value (mapped: {known})"
                : $"{column} '{value}' is not in the mapping (mapped: {known})");
        }

        var set = new List<DyadYearCategory>(1);
        foreach (var category in mapping.Categories)
        {
            switch (Set(field(category.Column!)))
            {
                case true:
                    set.Add(category);
                    break;
                case null:
                    return (null, "", NotAFlag(category.Column!, field(category.Column!)));
            }
        }

        return set.Count switch
        {
            0 => (DyadYearCategory.NoneSet, "", null),
            1 => (set[0], set[0].Label, null),
            _ => (null, "", $"{string.Join(" and ", set.Select(s => s.Column))} are all set: a row codes one relationship"),
        };
    }

    /// <summary>A 0/1 field: true or false, null when it is neither (empty and NA: not coded, so not set).</summary>
    private static bool? Set(string text) => text.ToLowerInvariant() switch
    {
        "1" or "1.0" or "true" or "yes" => true,
        "" or "0" or "0.0" or "false" or "no" or "na" => false,
        _ => null,
    };

    private static string NotAFlag(string column, string text) => $"{column} '{text}' is neither 1 nor 0 (empty or NA: not coded)";
}
