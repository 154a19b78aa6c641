using System.Text.Json.Nodes;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Data.Exchange.Stix;
using Wedge.Data.Store;
using static Wedge.Data.Tests.Exchange.Stix.StixTestRecords;

namespace Wedge.Data.Tests.Exchange.Stix;

public class StixImporterTests
{
    private static readonly DateTimeOffset Fixed = new(2026, 11, 2, 8, 30, 0, TimeSpan.Zero);

    private static StixExport ExportStore(WedgeStore store)
    {
        var entries = store.Read().ToList();
        return StixExporter.Export(Snapshot.Of(KnowledgeBase.Project(entries), ReadOptions.Now), RecordedTimes.From(entries), Fixed);
    }

    private static StixImportPlan Plan(string json, KnowledgeBase? current = null) => StixImporter.Plan(json, "bundle.json", current ?? KnowledgeBase.Empty);

    private static string Bundle(params JsonObject[] objects)
        => new JsonObject { ["type"] = "bundle", ["id"] = "bundle--11111111-1111-4111-8111-111111111111", ["objects"] = new JsonArray([.. objects]) }.ToJsonString();

    private static JsonObject Group(string uuid, string name, params string[] aliases) => new()
    {
        ["type"] = "threat-actor",
        ["spec_version"] = "2.1",
        ["id"] = $"threat-actor--{uuid}",
        ["name"] = name,
        ["created"] = "2020-01-01T00:00:00.000Z",
        ["modified"] = "2020-01-01T00:00:00.000Z",
        ["aliases"] = new JsonArray([.. aliases.Select(a => (JsonNode)a)]),
    };

    private static JsonObject Rel(string uuid, string type, string from, string to, int? confidence = null)
    {
        var o = new JsonObject
        {
            ["type"] = "relationship",
            ["spec_version"] = "2.1",
            ["id"] = $"relationship--{uuid}",
            ["relationship_type"] = type,
            ["source_ref"] = $"threat-actor--{from}",
            ["target_ref"] = $"threat-actor--{to}",
            ["created"] = "2020-01-01T00:00:00.000Z",
            ["modified"] = "2020-01-01T00:00:00.000Z",
        };
        if (confidence is { } c)
        {
            o["confidence"] = c;
        }

        return o;
    }

    private const string A = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
    private const string B = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";

    [Fact]
    public void RoundTrip_ExportImportIntoEmptyStoreExport_GivesTheSameBundle()
    {
        // Both stores record at the same fixed instant, so created/modified (recorded time) agree too.
        using var dir = new TempDir();
        using var first = Workspace.Open(dir.File("first.db"), new ManualClock(Fixed));
        var bundle1 = ExportStore(first).ToJson();

        using var second = WedgeStore.Open(dir.File("second.db"), new ManualClock(Fixed));
        var plan = StixImporter.Plan(bundle1, "bundle.json", second.Current());
        Assert.True(plan.Report.IsClean, string.Join("\n", plan.Report.Refused));
        Assert.Empty(plan.Report.Skipped);
        second.Apply(plan.Changes, "test", "round trip");
        var bundle2 = ExportStore(second).ToJson();

        // Object by object first, so a failure names the object that differs.
        var objects1 = JsonNode.Parse(bundle1)!["objects"]!.AsArray().ToDictionary(o => (string)o!["id"]!, o => o!.ToJsonString());
        var objects2 = JsonNode.Parse(bundle2)!["objects"]!.AsArray().ToDictionary(o => (string)o!["id"]!, o => o!.ToJsonString());
        Assert.Equal(objects1.Keys.Order(), objects2.Keys.Order());
        Assert.All(objects1, o => Assert.Equal(o.Value, objects2[o.Key]));
        Assert.Equal(bundle1, bundle2);
    }

    [Fact]
    public void ReImport_OfTheSameBundle_ChangesNothing()
    {
        using var dir = new TempDir();
        using var store = Workspace.Open(dir.File("w.db"), new ManualClock(Fixed));
        var bundle = ExportStore(store).ToJson();
        var plan = StixImporter.Plan(bundle, "bundle.json", store.Current());
        Assert.Empty(plan.Changes);
        Assert.Equal(plan.Report.ActorsMatched.Count, store.Current().All<Actor>().Count());
    }

    [Theory]
    [InlineData(95, "F1")]
    [InlineData(80, "F1")]
    [InlineData(79, "F2")]
    [InlineData(60, "F2")]
    [InlineData(50, "F3")]
    [InlineData(20, "F4")]
    [InlineData(0, "F5")]
    [InlineData(null, "F6")]
    public void ForeignRelationship_ConfidenceBecomesCredibility_ReliabilityUnjudged(int? confidence, string grade)
    {
        var plan = Plan(Bundle(Group(A, "Alpha"), Group(B, "Beta"), Rel(A, "cooperates-with", A, B, confidence)));
        var kb = KnowledgeBase.Empty.With(plan.Changes).Result!;
        var tie = Assert.Single(kb.All<Tie>());
        Assert.Equal(TieKind.Alliance, tie.Kind);
        Assert.Equal(grade, kb.FindClaim(Assert.Single(tie.Claims))!.Grade.ToString());
    }

    [Fact]
    public void ConfidenceTable_EveryGradeExported_ReadsBackToItsCredibility()
    {
        foreach (var r in "ABCDEF")
        {
            for (var c = 1; c <= 6; c++)
            {
                var g = new Grade(r, c);
                Assert.Equal(c, AdmiraltyConfidence.ToCredibility(AdmiraltyConfidence.ToConfidence(g)));
            }
        }
    }

    [Fact]
    public void Actors_MatchOntoActorsOnRecord_ByNameOrAlias()
    {
        var current = With(null); // actors a (name "A") and b (name "B")
        var plan = Plan(Bundle(Group(A, "Alpha", "a"), Group(B, "Gamma")), current);
        Assert.True(plan.Report.IsClean);
        Assert.Equal(new ActorId("a"), Assert.Single(plan.Report.ActorsMatched).Actor);
        Assert.Equal(new ActorId("gamma"), Assert.Single(plan.Report.ActorsCreated).Actor);
    }

    [Fact]
    public void Actors_AccentedNameOrAlias_MatchThePlainSpellingOnRecord()
    {
        var current = With(null); // actors a (name "A") and b (name "B")
        var plan = Plan(Bundle(Group(A, "Ā"), Group(B, "Gamma", "Ḃ")), current);
        Assert.True(plan.Report.IsClean);
        Assert.Equal(["a", "b"], plan.Report.ActorsMatched.Select(m => m.Actor.Value).Order());
        Assert.Empty(plan.Report.ActorsCreated);
    }

    [Fact]
    public void OtherObjectsAndRelationships_AreCountedAndSkipped()
    {
        var indicator = new JsonObject { ["type"] = "indicator", ["id"] = "indicator--" + A, ["spec_version"] = "2.1" };
        var uses = Rel("cccccccc-cccc-4ccc-8ccc-cccccccccccc", "uses", A, B);
        var related = Rel("dddddddd-dddd-4ddd-8ddd-dddddddddddd", "related-to", A, B);
        var plan = Plan(Bundle(Group(A, "Alpha"), Group(B, "Beta"), indicator, uses, related));
        Assert.Equal(1, plan.Report.Skipped["indicator: a STIX type Wedge does not record"]);
        Assert.Equal(1, plan.Report.Skipped["relationship: 'uses' says nothing Wedge records as a tie"]);
        Assert.Equal(1, plan.Report.Skipped["relationship: 'related-to' says nothing Wedge records as a tie"]);
        Assert.Equal(0, plan.Report.TiesTaken);
    }

    [Theory]
    [InlineData("not json at all", "bundle.json:1: not valid JSON")]
    [InlineData("{\"type\": \"report\"}", "not a STIX bundle")]
    public void BadFile_IsRefusedWhole(string text, string message)
    {
        var plan = Plan(text);
        Assert.Empty(plan.Changes);
        Assert.Contains(message, Assert.Single(plan.Report.Refused));
    }

    [Fact]
    public void OneBadObject_RefusesTheWholeBundle()
    {
        var bad = Rel(A, "cooperates-with", A, B);
        bad["x_wedge_grade"] = "Z9";
        var plan = Plan(Bundle(Group(A, "Alpha"), Group(B, "Beta"), bad));
        Assert.Empty(plan.Changes);
        Assert.Contains("relationship--" + A, Assert.Single(plan.Report.Refused));
    }

    [SharedFileFact("reference/stix2.1-json-schemas/examples/threat-reports/apt1.json")]
    public void OasisApt1Report_TakesGroupsPeopleAndTheirAttributions_SkipsTheRest()
    {
        var path = Path.Combine(Repository.Root, "..", "shared", "reference", "stix2.1-json-schemas", "examples", "threat-reports", "apt1.json");
        var plan = StixImporter.Plan(File.ReadAllText(path), path, KnowledgeBase.Empty);
        var r = plan.Report;
        Assert.True(r.IsClean, string.Join("\n", r.Refused));

        // Counted by hand from the file: 1 intrusion set, 5 threat actors, 4 individuals; 30 relationships of which
        // 3 attribute the intrusion set to threat actors (taken), 4 attribute personas to people and 23 use or indicate.
        Assert.Equal(76, r.ObjectsRead);
        Assert.Equal(10, r.ActorsCreated.Count);
        Assert.Equal(3, r.TiesTaken);
        Assert.Equal(4, r.Skipped["relationship: 'attributed-to' naming a person (a persona's real identity, not a tie)"]);
        Assert.Equal(23, r.Skipped.Where(s => s.Key.StartsWith("relationship: '", StringComparison.Ordinal) && s.Key.Contains("says nothing Wedge records", StringComparison.Ordinal)).Sum(s => s.Value));
        Assert.Equal(12, r.Skipped["indicator: a STIX type Wedge does not record"]);
        Assert.Equal(1, r.SourcesTaken);

        var kb = KnowledgeBase.Empty.With(plan.Changes).Result!;
        var apt1 = kb.All<Actor>().Single(a => a.Name == "APT1");
        Assert.Contains("Comment Crew", apt1.Aliases);
        Assert.All(kb.All<Tie>(), t => Assert.Equal(apt1.Id, t.From));
        Assert.Equal(Wedge.Core.Time.FuzzyDate.Parse("2013-02-19"), Assert.Single(kb.All<Source>()).Date);
    }
}
