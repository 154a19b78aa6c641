using System.Text.Json.Nodes;
using Wedge.Data.Exchange.Stix;

namespace Wedge.Data.Tests.Exchange.Stix;

/// <summary>Rules of the STIX 2.1 specification that its JSON schemas cannot check (their README lists them).</summary>
internal static class StixRules
{
    public static IReadOnlyList<string> Violations(JsonNode bundle)
    {
        var problems = new List<string>();
        var objects = bundle["objects"]!.AsArray().Select(o => o!.AsObject()).ToList();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var o in objects)
        {
            var id = (string)o["id"]!;
            if (!ids.Add(id))
            {
                problems.Add($"{id}: id used twice");
            }
        }

        foreach (var o in objects)
        {
            var id = (string)o["id"]!;
            Ordered(o, "created", "modified", orEqual: true);
            Ordered(o, "start_time", "stop_time", orEqual: false);
            Ordered(o, "first_seen", "last_seen", orEqual: true);
            foreach (var (name, value) in o)
            {
                var refs = name.EndsWith("_ref", StringComparison.Ordinal) ? [value!] : name.EndsWith("_refs", StringComparison.Ordinal) ? value!.AsArray().Select(x => x!) : [];
                foreach (var r in refs)
                {
                    if (!ids.Contains((string)r!))
                    {
                        problems.Add($"{id}: {name} names {r}, which is not in the bundle");
                    }
                }
            }

            void Ordered(JsonObject x, string first, string second, bool orEqual)
            {
                if (x[first] is not { } a || x[second] is not { } b)
                {
                    return;
                }

                Assert.True(StixTime.TryParse((string)a!, out var ta) && StixTime.TryParse((string)b!, out var tb), $"{id}: bad timestamps");
                StixTime.TryParse((string)a!, out ta);
                StixTime.TryParse((string)b!, out tb);
                if (tb < ta || (!orEqual && tb == ta))
                {
                    problems.Add($"{id}: {second} ({b}) must be {(orEqual ? "at or after" : "after")} {first} ({a})");
                }
            }
        }

        return problems;
    }
}
