using System.Globalization;
using nietras.SeparatedValues;
using Wedge.Core.Durability;


namespace Wedge.Data.Survival;

/// <summary>Which columns of a survival CSV mean what; names are matched case-insensitively.</summary>
/// <param name="Time">The event or censoring time (the stop time in counting-process form).</param>
/// <param name="Event">Event indicator: 0/1, 1/2 (as R's <c>Surv</c> reads them) or true/false. For cumulative incidence, the cause: 0 is censored, any other value names a cause.</param>
/// <param name="Start">Start of each row's at-risk interval (counting-process form), or null for right-censored data.</param>
/// <param name="Covariates">Numeric covariate columns.</param>
/// <param name="Strata">A column whose values are strata (or the groups of a log-rank test or of Kaplan–Meier curves).</param>
/// <param name="Cluster">A column whose values identify subjects for robust standard errors.</param>
/// <param name="EventIsCause">True when <paramref name="Event"/> holds causes (competing risks) rather than an indicator.</param>
public sealed record SurvivalColumns(
    string Time,
    string Event,
    string? Start = null,
    IReadOnlyList<string>? Covariates = null,
    string? Strata = null,
    string? Cluster = null,
    bool EventIsCause = false);

/// <summary>A problem that stops a survival CSV from being read: where and what.</summary>
public sealed record SurvivalReadError(string File, int Line, string Reason)
{
    /// <summary>The reason, with an overlong quote from the file shortened (<see cref="Core.Text.MessageText"/>).</summary>
    public string Reason { get; init; } = Core.Text.MessageText.Cap(Reason);

    public override string ToString() => Line > 0 ? $"{File}:{Line}: {Reason}" : $"{File}: {Reason}";
}

/// <summary>Survival data read from a CSV, with the labels of its codes.</summary>
/// <param name="Data">The rows; events are the indicator (for competing risks: any cause).</param>
/// <param name="StrataLabels">Label of each stratum code (code = index), or a single empty label when unstratified.</param>
/// <param name="Causes">Cause code per row (0 censored, k ≥ 1 the k-th cause), when the event column holds causes.</param>
/// <param name="CauseLabels">Label of cause k at index k − 1.</param>
/// <param name="Warnings">Documented handling: rows left out for missing values, the event coding understood.</param>
public sealed record SurvivalTable(
    string File,
    SurvivalData Data,
    IReadOnlyList<string> StrataLabels,
    IReadOnlyList<int>? Causes,
    IReadOnlyList<string> CauseLabels,
    IReadOnlyList<string> Warnings);

/// <summary>Either a table or every error found (nothing partial).</summary>
public sealed record SurvivalReadResult(SurvivalTable? Table, IReadOnlyList<SurvivalReadError> Errors)
{
    public bool IsSuccess => Table is not null;
}

/// <summary>
/// Reads a researcher's survival data from a CSV with a header row.
/// </summary>
/// <remarks>
/// <para>Rows with a missing value (empty or <c>NA</c>) in a used column are left out, as R's default
/// <c>na.omit</c> does, and counted in a warning. Refused with file and line: a missing column, a time or covariate
/// that is not a number, a stop not after its start, an event code other than 0/1, 1/2 or true/false, and a file
/// with no events. Covariates must be numeric: code a category as 0/1 columns.</para>
/// <para>Strata and clusters may be any text; strata are ordered numerically when every label is a number, else
/// alphabetically (R's factor levels).</para>
/// </remarks>
public static class SurvivalCsv
{
    private const int MaxErrors = 20;

    /// <param name="requireEvents">Refuse a file in which every row is censored (a Cox model or a test has nothing to estimate; a Kaplan–Meier curve can still be drawn).</param>
    public static SurvivalReadResult Read(string path, SurvivalColumns columns, bool requireEvents = true)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(columns);
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            return Fail(name, 0, "file not found");
        }

        SepReader opened;
        try
        {
            opened = Sep.Reader(o => o with { Unescape = true, Trim = SepTrim.Outer, DisableColCountCheck = true }).FromFile(path);
        }
        catch (ArgumentException)
        {
            // Sep refuses a header that repeats a name or leaves one empty.
            return Fail(name, 1, "the header names a column twice or leaves one empty; each column needs a name of its own");
        }
        catch (NotSupportedException)
        {
            return Fail(name, 1, TooLong);
        }

        using var reader = opened;
        try
        {
            return ReadRows(reader, name, columns, requireEvents);
        }
        catch (NotSupportedException)
        {
            // Sep stops at a row of 16 MB: a quote that is never closed swallows the rest of the file.
            return Fail(name, 0, TooLong);
        }
    }

    /// <summary>Why a file whose row outgrows the CSV reader is refused.</summary>
    internal const string TooLong = "a row is longer than 16 MB: a quote that is never closed?";

    private static SurvivalReadResult ReadRows(SepReader reader, string name, SurvivalColumns columns, bool requireEvents)
    {
        if (reader.Header.IsEmpty)
        {
            return Fail(name, 0, "the file is empty; expected a header row");
        }

        var header = reader.Header.ColNames;
        int Find(string wanted) => header.ToList().FindIndex(h => string.Equals(h, wanted, StringComparison.OrdinalIgnoreCase));
        var wantedNames = new List<string> { columns.Time, columns.Event };
        if (columns.Start is not null)
        {
            wantedNames.Add(columns.Start);
        }

        var covariates = columns.Covariates ?? [];
        wantedNames.AddRange(covariates);
        if (columns.Strata is not null)
        {
            wantedNames.Add(columns.Strata);
        }

        if (columns.Cluster is not null)
        {
            wantedNames.Add(columns.Cluster);
        }

        var missing = wantedNames.Where(w => Find(w) < 0).Distinct().ToList();
        if (missing.Count > 0)
        {
            return Fail(name, 1, $"missing column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(m => $"'{m}'"))}; header is '{string.Join(",", header)}'");
        }

        int timeCol = Find(columns.Time), eventCol = Find(columns.Event);
        var startCol = columns.Start is null ? -1 : Find(columns.Start);
        var covCols = covariates.Select(Find).ToArray();
        var strataCol = columns.Strata is null ? -1 : Find(columns.Strata);
        var clusterCol = columns.Cluster is null ? -1 : Find(columns.Cluster);

        var errors = new List<SurvivalReadError>();
        var start = new List<double>();
        var stop = new List<double>();
        var eventText = new List<(string Text, int Line)>();
        var cov = covariates.Select(_ => new List<double>()).ToArray();
        var strataText = new List<string>();
        var clusterText = new List<string>();
        var skipped = new List<int>();
        foreach (var row in reader)
        {
            var line = row.LineNumberFrom;
            if (errors.Count >= MaxErrors)
            {
                break;
            }

            var cells = new string[row.ColCount];
            for (var c = 0; c < cells.Length; c++)
            {
                cells[c] = row[c].ToString();
            }

            string Cell(int col) => col < cells.Length ? cells[col] : "";
            var used = new List<int> { timeCol, eventCol };
            if (startCol >= 0)
            {
                used.Add(startCol);
            }

            used.AddRange(covCols);
            if (strataCol >= 0)
            {
                used.Add(strataCol);
            }

            if (clusterCol >= 0)
            {
                used.Add(clusterCol);
            }

            if (used.Any(c => IsMissing(Cell(c))))
            {
                skipped.Add(line);
                continue;
            }

            var ok = true;
            double Number(int col, string what)
            {
                var text = Cell(col);
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v))
                {
                    return v;
                }

                errors.Add(new SurvivalReadError(name, line, $"{what} '{header[col]}' is '{text}', not a number"));
                ok = false;
                return 0;
            }

            var t = Number(timeCol, "time");
            var s = startCol >= 0 ? Number(startCol, "start") : double.NegativeInfinity;
            var values = covCols.Select((c, j) => Number(c, "covariate")).ToArray();
            if (ok && startCol >= 0 && !(s < t))
            {
                errors.Add(new SurvivalReadError(name, line, $"stop {Cell(timeCol)} is not after start {Cell(startCol)}; each row is at risk over (start, stop]"));
                ok = false;
            }

            if (!ok)
            {
                continue;
            }

            stop.Add(t);
            start.Add(s);
            eventText.Add((Cell(eventCol), line));
            for (var j = 0; j < values.Length; j++)
            {
                cov[j].Add(values[j]);
            }

            strataText.Add(strataCol >= 0 ? Cell(strataCol) : "");
            clusterText.Add(clusterCol >= 0 ? Cell(clusterCol) : "");
        }

        if (errors.Count > 0)
        {
            return new SurvivalReadResult(null, errors);
        }

        var warnings = new List<string>();
        if (skipped.Count > 0)
        {
            warnings.Add($"{skipped.Count} row{(skipped.Count > 1 ? "s" : "")} with a missing value (empty or NA) left out, as R's na.omit (line{(skipped.Count > 1 ? "s" : "")} {string.Join(", ", skipped.Take(10))}{(skipped.Count > 10 ? ", …" : "")}).");
        }

        if (stop.Count == 0)
        {
            return Fail(name, 0, "no rows with complete values");
        }

        bool[] events;
        int[]? causes = null;
        var causeLabels = new List<string>();
        if (columns.EventIsCause)
        {
            causeLabels = [.. eventText.Select(e => e.Text).Where(e => !IsCensoredCause(e)).Distinct().Order(LabelOrder.Instance)];
            causes = [.. eventText.Select(e => IsCensoredCause(e.Text) ? 0 : causeLabels.IndexOf(e.Text) + 1)];
            events = [.. causes.Select(c => c > 0)];
        }
        else
        {
            var decoded = DecodeEvents(name, eventText, header[eventCol], warnings, errors);
            if (decoded is null)
            {
                return new SurvivalReadResult(null, errors);
            }

            events = decoded;
        }

        if (requireEvents && !events.Any(e => e))
        {
            return Fail(name, 0, $"no events: every row is censored in column '{header[eventCol]}'; there is nothing to estimate");
        }

        var strataLabels = strataText.Distinct().Order(LabelOrder.Instance).ToList();
        var strata = strataText.Select(s => strataLabels.IndexOf(s)).ToArray();
        var clusterCodes = new Dictionary<string, int>(StringComparer.Ordinal);
        var cluster = clusterCol >= 0 ? clusterText.Select(c => clusterCodes.TryGetValue(c, out var k) ? k : clusterCodes[c] = clusterCodes.Count).ToArray() : null;
        var data = new SurvivalData(
            startCol >= 0 ? start : null, stop, events,
            [.. covCols.Select(c => header[c])], cov, strata, cluster);
        return new SurvivalReadResult(new SurvivalTable(name, data, strataLabels, causes, causeLabels, warnings), []);
    }

    private static bool IsMissing(string text) => text.Length == 0 || text == "NA";

    private static bool IsCensoredCause(string text) => text is "0" or "censored" or "censor";

    /// <summary>0/1 (1 = event), 1/2 (2 = event, as R's Surv) or true/false; anything else is refused at its line.</summary>
    private static bool[]? DecodeEvents(string file, List<(string Text, int Line)> cells, string column, List<string> warnings, List<SurvivalReadError> errors)
    {
        var lower = cells.Select(c => c.Text.Trim().ToLowerInvariant()).ToList();
        if (lower.All(v => v is "true" or "false"))
        {
            return [.. lower.Select(v => v == "true")];
        }

        var numbers = new double[cells.Count];
        for (var i = 0; i < cells.Count; i++)
        {
            if (!double.TryParse(cells[i].Text, NumberStyles.Float, CultureInfo.InvariantCulture, out numbers[i]) || numbers[i] is not (0 or 1 or 2))
            {
                errors.Add(new SurvivalReadError(file, cells[i].Line, $"event '{column}' is '{cells[i].Text}'; expected 0/1, 1/2 or true/false"));
                return null;
            }
        }

        if (numbers.Contains(2))
        {
            var zero = Array.IndexOf(numbers, 0.0);
            if (zero >= 0)
            {
                errors.Add(new SurvivalReadError(file, cells[zero].Line, $"event '{column}' mixes 0 with 2; expected 0/1 (1 = event) or 1/2 (2 = event)"));
                return null;
            }

            warnings.Add($"Event column '{column}' read as 1/2 coding: 2 = event, 1 = censored (as R's Surv).");
            return [.. numbers.Select(v => v == 2)];
        }

        return [.. numbers.Select(v => v == 1)];
    }

    private static SurvivalReadResult Fail(string file, int line, string reason) => new(null, [new SurvivalReadError(file, line, reason)]);

    /// <summary>Numeric order when both labels are numbers, else ordinal text order (R's factor levels).</summary>
    private sealed class LabelOrder : IComparer<string>
    {
        public static readonly LabelOrder Instance = new();

        public int Compare(string? x, string? y)
        {
            if (double.TryParse(x, NumberStyles.Float, CultureInfo.InvariantCulture, out var a) && double.TryParse(y, NumberStyles.Float, CultureInfo.InvariantCulture, out var b))
            {
                return a.CompareTo(b);
            }

            return string.CompareOrdinal(x, y);
        }
    }
}
