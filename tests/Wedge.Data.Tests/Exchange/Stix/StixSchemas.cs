using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Wedge.Data.Tests.Exchange.Stix;

/// <summary>Validates bundles against the vendored OASIS STIX 2.1 JSON schemas with JsonSchema.Net.</summary>
internal static class StixSchemas
{
    private static readonly Lazy<Dictionary<string, JsonSchema>> Schemas = new(Load);

    public static string Dir => Path.Combine(Repository.Root, "tests", "Wedge.Data.Tests", "Exchange", "Stix", "oasis-schemas", "schemas");

    /// <summary>Every schema by file name (bundle, threat-actor, relationship, …), built into one registry so relative $refs resolve.</summary>
    private static Dictionary<string, JsonSchema> Load()
    {
        var options = new BuildOptions { SchemaRegistry = new SchemaRegistry() };
        return Directory.EnumerateFiles(Dir, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .ToDictionary(f => Path.GetFileNameWithoutExtension(f), f => JsonSchema.FromFile(f, options));
    }

    /// <summary>
    /// The schema errors of a bundle, one line each (empty when valid). Each object is checked against the schema of its
    /// own type, and the bundle's envelope against bundle.json. Not the whole bundle against bundle.json: its list of
    /// object schemas lacks opinion, note, location and grouping, and its fallback for other types (oneOf core or
    /// cyber-observable core) refuses any object valid under both, as every opinion is.
    /// </summary>
    public static IReadOnlyList<string> Errors(JsonNode bundle)
    {
        var errors = new List<string>();
        var envelope = bundle.DeepClone().AsObject();
        envelope.Remove("objects");
        Check(Schemas.Value["bundle"], envelope, "bundle", errors);
        foreach (var o in bundle["objects"]?.AsArray() ?? [])
        {
            var type = (string?)o!["type"] ?? "";
            if (!Schemas.Value.TryGetValue(type, out var schema))
            {
                errors.Add($"{o["id"]}: no OASIS schema for type '{type}'");
                continue;
            }

            Check(schema, o, (string?)o["id"] ?? "?", errors);
        }

        return errors;
    }

    private static void Check(JsonSchema schema, JsonNode node, string name, List<string> errors)
    {
        var r = schema.Evaluate(JsonSerializer.SerializeToElement(node), new EvaluationOptions { OutputFormat = OutputFormat.List });
        if (!r.IsValid)
        {
            errors.Add($"{name}: " + string.Join("; ", Flatten(r).Take(10)));
        }
    }

    private static IEnumerable<string> Flatten(EvaluationResults r)
    {
        if (r.Errors is { } e)
        {
            foreach (var (k, v) in e)
            {
                yield return $"{r.InstanceLocation} {k}: {v}";
            }
        }

        foreach (var d in r.Details ?? [])
        {
            foreach (var s in Flatten(d))
            {
                yield return s;
            }
        }
    }
}
