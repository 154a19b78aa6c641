using System.Globalization;
using Wedge.Analysis.Assessment;
using Wedge.Application.Problems;
using Wedge.Core.Text;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Wedge.Application.Assessment;

/// <summary>
/// Reads assessment parameters from a YAML or JSON file (JSON is read as YAML, so both give lines).
/// Keys nest (<c>magnitude: {major: 8}</c>) or are written dotted (<c>magnitude.major: 8</c>); every
/// key must name a parameter and every value must lie in its range, else the whole file is refused
/// with <c>FILE:LINE:COLUMN: reason</c>.
/// </summary>
/// <remarks>To move to Data's one YAML node reader once it exists (issue 10, part 7); the rules stay here.</remarks>
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
        YamlStream stream;
        try
        {
            stream = Wedge.Data.Yaml.YamlText.Load(new StringReader(text));
        }
        catch (YamlException ex)
        {
            throw new Problem(ProblemKind.Refused, "parameters-invalid", $"{path}:{ex.Start.Line}:{ex.Start.Column}: not valid YAML or JSON: {ex.InnerException?.Message ?? ex.Message}", path, (int)ex.Start.Line, (int)ex.Start.Column).Exception();
        }

        var p = start ?? AssessmentParameters.Default;
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            return p;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var n = stream.Documents[0].RootNode;
            throw new Problem(ProblemKind.Refused, "parameters-invalid", $"{path}:{n.Start.Line}:{n.Start.Column}: expected a mapping of parameter names to numbers", path, (int)n.Start.Line, (int)n.Start.Column).Exception();
        }

        var errors = new List<string>();
        foreach (var (key, node) in Flatten(root, ""))
        {
            var at = $"{path}:{node.Start.Line}:{node.Start.Column}";
            if (AssessmentParameters.Find(key) is null)
            {
                errors.Add($"{at}: unknown parameter '{key}'{Nearest(key)}");
                continue;
            }

            if (node is not YamlScalarNode { Value: { } raw } || !double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                errors.Add($"{at}: '{key}' needs a number");
                continue;
            }

            var (next, error) = p.With(key, value);
            if (error is not null)
            {
                errors.Add($"{at}: {error}");
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

    private static IEnumerable<(string Key, YamlNode Node)> Flatten(YamlMappingNode map, string prefix)
    {
        foreach (var (k, v) in map.Children)
        {
            var key = prefix + ((k as YamlScalarNode)?.Value ?? "");
            if (v is YamlMappingNode inner && AssessmentParameters.Find(key) is null)
            {
                foreach (var x in Flatten(inner, key + "."))
                {
                    yield return x;
                }
            }
            else
            {
                // An unknown key is reported where its name is written.
                yield return (key, AssessmentParameters.Find(key) is null ? k : v);
            }
        }
    }

    private static string Nearest(string key)
    {
        var best = AssessmentParameters.Definitions.Select(d => d.Key)
            .OrderBy(k => EditDistance.Between(k, key)).ThenBy(k => k, StringComparer.Ordinal).First();
        return EditDistance.Between(best, key) <= Math.Max(3, key.Length / 3) ? $"; did you mean '{best}'?" : "; see docs/methods/assessment.md for the list";
    }
}
