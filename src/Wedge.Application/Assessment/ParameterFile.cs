using System.Globalization;
using Wedge.Analysis.Assessment;
using Wedge.Application.Problems;
using Wedge.Core.Text;
using Wedge.Data.Parameters;

namespace Wedge.Application.Assessment;

/// <summary>
/// Reads assessment parameters from a YAML or JSON file (JSON is read as YAML, so both give lines).
/// Keys nest (<c>magnitude: {major: 8}</c>) or are written dotted (<c>magnitude.major: 8</c>); every
/// key must name a parameter and every value must lie in its range, else the whole file is refused
/// with <c>FILE:LINE:COLUMN: reason</c>.
/// </summary>
/// <remarks>The file format is Wedge.Data's <see cref="ParameterFileFormat"/> (on the one YAML node reader); the rules (names, ranges, consistency) are the assessment's and stay here.</remarks>
public static class ParameterFile
{
    public static AssessmentParameters Read(string path, AssessmentParameters? start = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new Problem(ProblemKind.Refused, "parameters-unreadable", $"{path}: cannot read the parameter file: {ex.Message}", path).Exception();
        }

        return Parse(path, text, start);
    }

    public static AssessmentParameters Parse(string path, string text, AssessmentParameters? start = null)
    {
        var (entries, error) = ParameterFileFormat.Read(text, key => AssessmentParameters.Find(key) is not null);
        if (error is not null)
        {
            throw new Problem(ProblemKind.Refused, "parameters-invalid", $"{path}:{error.Line}:{error.Column}: {error.Reason}", path, error.Line, error.Column).Exception();
        }

        var p = start ?? AssessmentParameters.Default;
        var errors = new List<string>();
        foreach (var entry in entries)
        {
            if (AssessmentParameters.Find(entry.Key) is null)
            {
                // An unknown key is reported where its name is written.
                errors.Add($"{path}:{entry.KeyLine}:{entry.KeyColumn}: unknown parameter '{entry.Key}'{Nearest(entry.Key)}");
                continue;
            }

            var at = $"{path}:{entry.Line}:{entry.Column}";
            if (entry.Text is not { } raw || !double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                errors.Add($"{at}: '{entry.Key}' needs a number");
                continue;
            }

            var (next, problem) = p.With(entry.Key, value);
            if (problem is not null)
            {
                errors.Add($"{at}: {problem}");
                continue;
            }

            p = next!;
        }

        if (errors.Count == 0 && p.CheckConsistency() is { } inconsistent)
        {
            errors.Add($"{path}: {inconsistent}");
        }

        return errors.Count == 0 ? p : throw new Problem(ProblemKind.Refused, "parameters-invalid", string.Join(Environment.NewLine, errors), path).Exception();
    }

    private static string Nearest(string key)
    {
        var best = AssessmentParameters.Definitions.Select(d => d.Key)
            .OrderBy(k => EditDistance.Between(k, key)).ThenBy(k => k, StringComparer.Ordinal).First();
        return EditDistance.Between(best, key) <= Math.Max(3, key.Length / 3) ? $"; did you mean '{best}'?" : "; see docs/methods/assessment.md for the list";
    }
}
