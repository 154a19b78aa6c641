using Wedge.Core.Collections;
using Wedge.Core.Model;
using Wedge.Core.Time;
using Wedge.Data.Yaml;
using YamlDotNet.RepresentationModel;

namespace Wedge.Data.Events;

/// <summary>One problem in a dyad-year mapping file, with where it is (1-based line and column; 0 when the whole file is at fault).</summary>
public sealed record DyadYearMappingError(string File, int Line, int Column, string Reason)
{
    /// <summary>The reason, with an overlong quote from the file shortened (<see cref="Core.Text.MessageText"/>).</summary>
    public string Reason { get; init; } = Core.Text.MessageText.Cap(Reason);

    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}: {Reason}" : $"{File}: {Reason}";
}

/// <summary>Who provides what a dyad-year row's flags record, for a relationship whose tie kind is undirected.</summary>
public enum FlowDirection
{
    /// <summary>The group in the dataset's first column provides, the second receives.</summary>
    AToB,

    /// <summary>The second group provides, the first receives.</summary>
    BToA,

    /// <summary>The dataset does not say who gives: one entry each way.</summary>
    Both,
}

/// <summary>What one of the dataset's relationship values means in Wedge.</summary>
/// <param name="Label">The value as the mapping file writes it (a key of <c>relationships</c>).</param>
/// <param name="Ignore">True for a value that codes no relationship: its rows are read, checked and left out.</param>
/// <param name="Direction">For a directed kind, which way the tie runs (<see cref="FlowDirection.AToB"/>: the first group is the tie's <c>From</c>).</param>
/// <param name="Reports">Whether the dataset's coding reports a declaration (MGAR's "fan") or conduct.</param>
/// <param name="Ledger">Flows the relationship itself implies (a host gives sanctuary), beside those its flags record.</param>
/// <param name="Column">For a dataset coding each relationship as its own 0/1 column: that column (lower case); null when one column holds the values.</param>
/// <remarks>For an ignored value, <see cref="Kind"/>, <see cref="Direction"/>, <see cref="Reports"/> and <see cref="Ledger"/> mean nothing (they hold their defaults).</remarks>
public sealed record DyadYearCategory(string Label, bool Ignore, TieKind Kind, FlowDirection Direction, ClaimReports Reports, EquatableList<LedgerCategory> Ledger,
    string? Column = null)
{
    /// <summary>A row of a dataset with one 0/1 column per relationship that sets none of them: it codes no relationship.</summary>
    public static DyadYearCategory NoneSet { get; } = new("", true, default, default, default, EquatableList<LedgerCategory>.Empty);

    /// <summary>The label as it goes into ids: lower case, runs of anything but letters and digits as one hyphen.</summary>
    public string Slug => Slugify(Label);

    internal static string Slugify(string text)
    {
        var chars = text.Trim().ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-').ToArray();
        var slug = string.Join('-', new string(chars).Split('-', StringSplitOptions.RemoveEmptyEntries));
        return slug.Length > 0 ? slug : "blank";
    }
}

/// <summary>A flag column of the dataset and the ledger category a set flag records.</summary>
public sealed record DyadYearFlag(string Column, LedgerCategory Category);

/// <summary>The dataset's columns, by the names its header gives them (lower case).</summary>
/// <param name="AId">Optional: the first group's id in the dataset, matched against actors' external ids under the dataset's key.</param>
/// <param name="Relationship">The column holding the relationship's value; null for a dataset coding each relationship as its own 0/1 column (<see cref="DyadYearCategory.Column"/>).</param>
/// <param name="RowId">Optional: the row's id, cited in the claim; without it the claim cites the file's line.</param>
public sealed record DyadYearColumns(string A, string? AId, string B, string? BId, string Year, string? Relationship, string? RowId)
{
    /// <summary>Every column named here, in this order, without the absent ones.</summary>
    public IEnumerable<string> All => new[] { A, AId, B, BId, Year, Relationship, RowId }.OfType<string>();
}

/// <summary>
/// A mapping file for a dyad-year dataset (docs/import-dyad-years.md): which columns hold the pair, the year, the
/// relationship, the flags and the row id, and what the dataset's relationship values and flags mean in Wedge. The
/// example for MGAR is docs/mappings/mgar.yaml.
/// </summary>
/// <param name="Dataset">The dataset as a source: every row's claim cites it. Its id is also the external-id key actors carry for the dataset's group ids.</param>
/// <param name="Categories">What each relationship value means, in the mapping's order (<see cref="Find"/> looks one up).</param>
/// <param name="Flows">Who provides the flows of an undirected relationship; a directed one's flows run from its <c>From</c>.</param>
/// <param name="Magnitude">The magnitude given to every ledger entry (the datasets record whether, not how much).</param>
public sealed record DyadYearMapping(Source Dataset, Grade Grade, string GradeReason, DyadYearColumns Columns,
    EquatableList<DyadYearCategory> Categories, EquatableList<DyadYearFlag> Flags, FlowDirection Flows, Magnitude Magnitude)
{
    /// <summary>What a value of the relationship column means: compared without case or surrounding spaces; null when the mapping does not map it.</summary>
    public DyadYearCategory? Find(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var key = Key(value);
        return Categories.FirstOrDefault(c => Key(c.Label) == key);
    }

    internal static string Key(string value) => value.Trim().ToLowerInvariant();

    /// <summary>B2 unless the mapping says otherwise: an academic dataset with a published codebook (B), coded from open sources we have not confirmed (2).</summary>
    public static Grade DefaultGrade { get; } = new('B', 2);

    public const string DefaultGradeReason =
        "An academic dataset with a published codebook (usually reliable, B); each coding rests on open sources we have not confirmed (probably true, 2).";

    /// <summary>Unknown size: the whole scale, negligible..critical.</summary>
    public static Magnitude DefaultMagnitude { get; } = new(1, 5);

    private static readonly string[] TopKeys = ["dataset", "grade", "grade-reason", "columns", "relationships", "flags", "flows", "magnitude"];
    private static readonly string[] DatasetKeys = ["id", "title", "author", "publisher", "url", "date"];
    private static readonly string[] ColumnKeys = ["a", "a-id", "b", "b-id", "year", "relationship", "row-id"];
    private static readonly string[] CategoryKeys = ["kind", "direction", "reports", "ledger", "column"];

    /// <summary>Reads and checks a mapping file; every problem is listed with file, line and column, and then there is no mapping.</summary>
    /// <param name="displayName">How to name the file in messages (default: the path).</param>
    public static (DyadYearMapping? Mapping, IReadOnlyList<DyadYearMappingError> Errors) Read(string path, string? displayName = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var file = displayName ?? path;
        if (!File.Exists(path))
        {
            return (null, [new(file, 0, 0, "no such file")]);
        }

        using var text = File.OpenText(path);
        return Read(text, file);
    }

    /// <summary>Reads a mapping from text; <paramref name="file"/> names it in messages.</summary>
    public static (DyadYearMapping? Mapping, IReadOnlyList<DyadYearMappingError> Errors) Read(TextReader text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var (root, syntax) = YamlNodes.Load(text);
        if (syntax is not null)
        {
            return (null, [new(file, syntax.Line, syntax.Column, $"not YAML: {syntax.Reason}")]);
        }

        if (root is not YamlMappingNode top)
        {
            return (null, [new(file, root?.Line() ?? 0, root?.Column() ?? 0, "expected a mapping with dataset, columns and relationships (docs/import-dyad-years.md)")]);
        }

        var errors = new List<DyadYearMappingError>();
        var map = new YamlMap(top, (node, reason) => errors.Add(new(file, node.Line(), node.Column(), reason))).AllowOnly(TopKeys);
        var source = ReadDataset(map);
        var grade = DefaultGrade;
        if (map.Scalar("grade", "grade: expected an Admiralty grade such as B2") is { } g)
        {
            if (Grade.TryParse(g, out var parsed, out var error))
            {
                grade = parsed;
            }
            else
            {
                map.Report(map.Get("grade")!, $"grade: {error}");
            }
        }

        var reason = map.Scalar("grade-reason", "grade-reason: expected one line of text") ?? (map.Get("grade") is null ? DefaultGradeReason : null);
        if (reason is null)
        {
            map.Report(map.Get("grade")!, "a grade set here needs a grade-reason saying why");
        }

        var columns = ReadColumns(map);
        var categories = ReadCategories(map, columns);
        var flags = ReadFlags(map, columns, categories);
        var flows = FlowDirection.Both;
        if (map.Scalar("flows", "flows: expected a-to-b, b-to-a or both") is { } f)
        {
            if (EnumNames.Parse<FlowDirection>(f) is { } parsed)
            {
                flows = parsed;
            }
            else
            {
                map.Report(map.Get("flows")!, $"flows: '{f}' is not one of a-to-b, b-to-a, both");
            }
        }

        var magnitude = DefaultMagnitude;
        if (map.Scalar("magnitude", "magnitude: expected a magnitude such as minor..major") is { } m)
        {
            if (Magnitude.TryParse(m, out var parsed, out var error))
            {
                magnitude = parsed;
            }
            else
            {
                map.Report(map.Get("magnitude")!, $"magnitude: {error}");
            }
        }

        if (errors.Count > 0 || source is null || columns is null)
        {
            return (null, Ordered(errors));
        }

        return (new DyadYearMapping(source, grade, reason!, columns, categories.ToEquatableList(), flags.ToEquatableList(), flows, magnitude), []);
    }

    private static List<DyadYearMappingError> Ordered(List<DyadYearMappingError> errors)
        => [.. errors.OrderBy(e => e.Line).ThenBy(e => e.Column)];

    private static Source? ReadDataset(YamlMap top)
    {
        var node = top.Require("dataset", "missing 'dataset' (its id, title and where to get it)");
        if (node is null || top.Map(node, "dataset: expected a mapping with id, title, author, publisher, url, date") is not { } map)
        {
            return null;
        }

        map.AllowOnly(DatasetKeys);
        var id = Text(map, "id", "dataset id", required: true);
        var title = Text(map, "title", "dataset title", required: true);
        FuzzyDate? date = null;
        if (map.Scalar("date", "date: expected a date such as 2021") is { } d)
        {
            var parsed = FuzzyDate.TryParse(d);
            if (parsed.IsSuccess)
            {
                date = parsed.Value;
            }
            else
            {
                map.Report(map.Get("date")!, $"date: {parsed.Error}");
            }
        }

        if (id is null || title is null)
        {
            return null;
        }

        if (id.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.')))
        {
            map.Report(map.Get("id")!, $"dataset id '{id}': use letters, digits, '-', '_' or '.' (it starts every id the import writes)");
            return null;
        }

        return new Source
        {
            Id = new SourceId(id),
            Title = title,
            Author = Text(map, "author", "author", required: false),
            Publisher = Text(map, "publisher", "publisher", required: false),
            Url = Text(map, "url", "url", required: false),
            Date = date,
        };
    }

    private static DyadYearColumns? ReadColumns(YamlMap top)
    {
        var node = top.Require("columns", "missing 'columns' (which columns hold a, b, year and relationship)");
        if (node is null || top.Map(node, "columns: expected a mapping such as 'a: group1_name'") is not { } map)
        {
            return null;
        }

        map.AllowOnly(ColumnKeys);
        string? Column(string key, bool required) => Text(map, key, $"the {key} column", required)?.ToLowerInvariant();
        var (a, b, year) = (Column("a", true), Column("b", true), Column("year", true));
        var columns = a is null || b is null || year is null
            ? null
            : new DyadYearColumns(a, Column("a-id", false), b, Column("b-id", false), year, Column("relationship", false), Column("row-id", false));
        if (columns is not null && (columns.AId is null) != (columns.BId is null))
        {
            map.Report("a-id and b-id go together: name both id columns or neither");
        }

        return columns;
    }

    private static List<DyadYearCategory> ReadCategories(YamlMap top, DyadYearColumns? columns)
    {
        var categories = new List<DyadYearCategory>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var node = top.Require("relationships", "missing 'relationships' (what each of the dataset's relationship values means)");
        if (node is null || top.Map(node, "relationships: expected a mapping of the dataset's values to tie kinds") is not { } map)
        {
            return categories;
        }

        foreach (var (label, keyNode, value) in map.Entries)
        {
            if (keyNode is not YamlScalarNode)
            {
                map.Report(keyNode, "a relationship value must be plain text");
                continue;
            }

            if (!seen.Add(Key(label)))
            {
                map.Report(keyNode, $"relationship '{label}' is mapped twice (values are compared without case or surrounding spaces)");
                continue;
            }

            if (value is YamlScalarNode { Value: "ignore" })
            {
                if (columns is { Relationship: null })
                {
                    map.Report(value, $"relationship '{label}': 'ignore' is for values of columns.relationship; with one 0/1 column per relationship, leave the value out");
                    continue;
                }

                categories.Add(new DyadYearCategory(label, true, default, default, default, EquatableList<LedgerCategory>.Empty));
                continue;
            }

            if (map.Map(value, $"relationship '{label}': expected 'ignore' or a mapping with kind, reports, and for a directed kind its direction") is not { } entry)
            {
                continue;
            }

            if (ReadCategory(label, entry) is not { } category)
            {
                continue;
            }

            if (columns is { Relationship: not null } && category.Column is not null)
            {
                entry.Report(entry.Get("column")!, $"relationship '{label}': 'column' is for a dataset coding each relationship as its own 0/1 column, but columns.relationship names the column holding the values");
                continue;
            }

            if (columns is { Relationship: null } && category.Column is null)
            {
                entry.Report($"relationship '{label}': name the column holding the values as columns.relationship, or this value's own 0/1 column with 'column:'");
                continue;
            }

            if (category.Column is { } own && (columns?.All.Contains(own) == true || categories.Any(c => c.Column == own)))
            {
                entry.Report(entry.Get("column")!, $"relationship '{label}': column '{own}' is already used");
                continue;
            }

            categories.Add(category);
        }

        if (map.Node.Children.Count == 0)
        {
            map.Report("relationships: map at least one of the dataset's values");
        }

        return categories;
    }

    private static DyadYearCategory? ReadCategory(string label, YamlMap entry)
    {
        entry.AllowOnly(CategoryKeys);
        var kindText = entry.Scalar("kind", $"relationship '{label}': kind must be one tie kind");
        TieKind? kind = null;
        if (kindText is null)
        {
            entry.Report($"relationship '{label}': missing kind (one of {string.Join(", ", EnumNames.All<TieKind>())})");
        }
        else if (EnumNames.Parse<TieKind>(kindText) is { } k)
        {
            kind = k;
        }
        else
        {
            entry.Report(entry.Get("kind")!, $"relationship '{label}': '{kindText}' is not a tie kind (one of {string.Join(", ", EnumNames.All<TieKind>())})");
        }

        var reports = ClaimReports.Conduct;
        if (entry.Scalar("reports", $"relationship '{label}': reports must be declaration or conduct") is { } r)
        {
            if (EnumNames.Parse<ClaimReports>(r) is { } parsed and not ClaimReports.Unstated)
            {
                reports = parsed;
            }
            else
            {
                entry.Report(entry.Get("reports")!, $"relationship '{label}': reports '{r}' is not declaration or conduct");
            }
        }

        var direction = FlowDirection.AToB;
        var directionText = entry.Scalar("direction", $"relationship '{label}': direction must be a-to-b or b-to-a");
        if (kind is { } dk && dk.IsDirected())
        {
            if (directionText is null)
            {
                entry.Report($"relationship '{label}': {dk.Kebab()} is directed; say which way with 'direction: a-to-b' or 'b-to-a'");
            }
            else if (EnumNames.Parse<FlowDirection>(directionText) is { } parsed and not FlowDirection.Both)
            {
                direction = parsed;
            }
            else
            {
                entry.Report(entry.Get("direction")!, $"relationship '{label}': direction '{directionText}' is not a-to-b or b-to-a");
            }
        }
        else if (directionText is not null && kind is not null)
        {
            entry.Report(entry.Get("direction")!, $"relationship '{label}': {kind.Value.Kebab()} is undirected, so it takes no direction (the flows' direction is 'flows')");
        }

        var ledger = new List<LedgerCategory>();
        foreach (var item in entry.List("ledger", $"relationship '{label}': ledger must be a list of ledger categories"))
        {
            if (LedgerCategoryOf(entry, item, $"relationship '{label}'") is { } category)
            {
                ledger.Add(category);
            }
        }

        if (ledger.Count > 0 && kind is { } lk && lk.Sign() < 0)
        {
            entry.Report(entry.Get("ledger")!, $"relationship '{label}': {lk.Kebab()} is hostile, so it carries no flows");
        }

        var column = entry.Get("column") is null ? null : Text(entry, "column", "its 0/1 column", required: false)?.ToLowerInvariant();
        return kind is null ? null : new DyadYearCategory(label, false, kind.Value, direction, reports, ledger.ToEquatableList(), column);
    }

    private static List<DyadYearFlag> ReadFlags(YamlMap top, DyadYearColumns? columns, List<DyadYearCategory> categories)
    {
        var flags = new List<DyadYearFlag>();
        if (top.Map("flags", "flags: expected a mapping of flag columns to ledger categories, such as 'training: expertise'") is not { } map)
        {
            return flags;
        }

        foreach (var (column, keyNode, value) in map.Entries)
        {
            var name = column.Trim().ToLowerInvariant();
            if (name.Length == 0)
            {
                map.Report(keyNode, "a flag column needs a name");
                continue;
            }

            if (flags.Any(f => f.Column == name))
            {
                map.Report(keyNode, $"flag column '{column}' is listed twice");
                continue;
            }

            if (columns?.All.Contains(name) == true || categories.Any(c => c.Column == name))
            {
                map.Report(keyNode, $"flag column '{column}' is already used under columns or relationships");
                continue;
            }

            if (LedgerCategoryOf(map, value, $"flag '{column}'") is { } category)
            {
                flags.Add(new DyadYearFlag(name, category));
            }
        }

        return flags;
    }

    private static LedgerCategory? LedgerCategoryOf(YamlMap map, YamlNode node, string what)
    {
        if (map.Scalar(node, $"{what}: expected a ledger category") is not { } text)
        {
            return null;
        }

        if (EnumNames.Parse<LedgerCategory>(text) is { } category && !category.IsCost())
        {
            return category;
        }

        var benefits = Enum.GetValues<LedgerCategory>().Where(c => !c.IsCost()).Select(c => c.Kebab());
        map.Report(node, $"{what}: '{text}' is not a ledger benefit (one of {string.Join(", ", benefits)})");
        return null;
    }

    private static string? Text(YamlMap map, string key, string what, bool required)
    {
        if (map.Get(key) is null)
        {
            if (required)
            {
                map.Report($"missing {key} ({what})");
            }

            return null;
        }

        var text = map.Scalar(key, $"{key}: expected plain text")?.Trim();
        if (text is null)
        {
            return null;
        }

        if (text.Length == 0)
        {
            map.Report(map.Get(key)!, $"{key}: is empty");
            return null;
        }

        if (text.Any(char.IsControl))
        {
            map.Report(map.Get(key)!, $"{key}: holds a control character");
            return null;
        }

        return text;
    }
}
