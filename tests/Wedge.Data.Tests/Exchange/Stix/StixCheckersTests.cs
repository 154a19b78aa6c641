using System.Text.Json.Nodes;
using Wedge.Core.Model;
using static Wedge.Data.Tests.Exchange.Stix.StixTestRecords;

namespace Wedge.Data.Tests.Exchange.Stix;

/// <summary>The checkers the export tests rely on do catch what they claim to (else those tests could not fail).</summary>
public class StixCheckersTests
{
    private static JsonObject Relationship(JsonNode bundle)
        => bundle["objects"]!.AsArray().Single(o => (string)o!["type"]! == "relationship")!.AsObject();

    [Fact]
    public void Schemas_RefuseARelationshipWithoutTarget_AndABadTimestamp()
    {
        var bundle = ExportOf(With(Tie(TieKind.Alliance))).Bundle;
        Assert.Empty(StixSchemas.Errors(bundle));
        Relationship(bundle).Remove("target_ref");
        Relationship(bundle)["created"] = "2026-11-30 12:00";
        var errors = StixSchemas.Errors(bundle);
        var error = Assert.Single(errors);
        Assert.Contains("target_ref", error);
        Assert.Contains("/created", error);
    }

    [Fact]
    public void Rules_RefuseEqualStartAndStop_ModifiedBeforeCreated_AndDanglingRefs()
    {
        var bundle = ExportOf(With(Tie(TieKind.Alliance))).Bundle;
        Assert.Empty(StixRules.Violations(bundle));
        var rel = Relationship(bundle);
        rel["start_time"] = "2001-01-01T00:00:00.000Z";
        rel["stop_time"] = "2001-01-01T00:00:00.000Z";
        rel["modified"] = "2000-01-01T00:00:00.000Z";
        rel["target_ref"] = "threat-actor--00000000-0000-4000-8000-000000000000";
        var problems = StixRules.Violations(bundle);
        Assert.Equal(3, problems.Count);
        Assert.Contains(problems, p => p.Contains("stop_time", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("modified", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("not in the bundle", StringComparison.Ordinal));
    }
}
