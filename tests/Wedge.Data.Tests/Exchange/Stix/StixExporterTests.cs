using System.Text.Json.Nodes;
using Wedge.Core.Knowledge;
using Wedge.Core.Model;
using Wedge.Core.Time;
using Wedge.Data.Exchange.Stix;
using Wedge.Data.Mmp;
using Wedge.Data.Store;
using static Wedge.Data.Tests.Exchange.Stix.StixTestRecords;

namespace Wedge.Data.Tests.Exchange.Stix;

public class StixExporterTests
{
    private static JsonObject Only(StixExport e, string type)
        => Assert.Single(e.Bundle["objects"]!.AsArray(), o => (string)o!["type"]! == type && o["x_wedge_parent"] is null)!.AsObject();

    private static IEnumerable<JsonObject> Objects(JsonNode bundle) => bundle["objects"]!.AsArray().Select(o => o!.AsObject());

    private static void AssertNone(IReadOnlyList<string> problems)
        => Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems.Take(10)));

    private static void AssertValid(StixExport e)
    {
        AssertNone(StixSchemas.Errors(e.Bundle));
        AssertNone(StixRules.Violations(e.Bundle));
        var ids = Objects(e.Bundle).Select(o => (string)o["id"]!).ToHashSet();
        foreach (var report in Objects(e.Bundle).Where(o => (string)o["type"]! == "report"))
        {
            // References inside the claims (a custom property the schemas do not look into) resolve too.
            foreach (var claim in report["x_wedge_claims"]!.AsArray())
            {
                Assert.All(claim!["object_refs"]!.AsArray(), r => Assert.Contains((string)r!, ids));
            }
        }
    }

    [Fact]
    public void BuiltInCase_BundleIsSchemaValidAndKeepsTheSpecRules()
    {
        // The built-in case as a new database holds it: loaded at one recorded time, then one tie corrected later,
        // so created and modified differ somewhere.
        using var dir = new TempDir();
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero));
        using var store = Workspace.Open(dir.File("w.db"), clock);
        clock.Now = clock.Now.AddDays(3);
        var tie = store.Current().All<Tie>().OrderBy(t => t.Id, StringComparer.Ordinal).First();
        store.Apply([Wedge.Core.Journal.JournalChange.Correct(tie with { Note = "corrected later" })], "test", "a correction");

        var kb = store.Current();
        var export = StixExporter.Export(Snapshot.Of(kb, ReadOptions.Now), RecordedTimes.From(store.Read()), clock.Now);

        AssertValid(export);
        var rel = Objects(export.Bundle).Single(o => (string?)o["x_wedge_id"] == tie.Id);
        Assert.Equal("2026-11-01T09:00:00.000Z", (string)rel["created"]!);
        Assert.Equal("2026-11-04T09:00:00.000Z", (string)rel["modified"]!);
        Assert.Equal(kb.All<Actor>().Count(), export.Summary.ThreatActors + export.Summary.Identities);
        Assert.Equal(1, export.Summary.Opinions); // the case has one disputing claim
        Assert.True(export.Summary.Relationships >= kb.All<Tie>().Count());
    }

    [SharedFileFact("data/mmp/Militant-Group-Key.csv")]
    public void MmpRecord_BundleIsSchemaValid()
    {
        var plan = MmpImporter.Plan(Mmp.MmpFiles.Key, Mmp.MmpFiles.Relationships, KnowledgeBase.Empty);
        var kb = KnowledgeBase.Empty.With(plan.Changes).Result!;
        var export = StixExporter.Export(Snapshot.Of(kb, ReadOptions.Now), RecordedTimes.From([]), Recorded);

        AssertNone(StixRules.Violations(export.Bundle));
        AssertNone(StixSchemas.Errors(export.Bundle));
        Assert.Equal(kb.All<Tie>().Count(), export.Summary.Relationships);
    }

    [Theory]
    [InlineData(TieKind.Alliance, "cooperates-with")]
    [InlineData(TieKind.Affiliation, "part-of")]
    [InlineData(TieKind.Sponsorship, "related-to")]
    [InlineData(TieKind.Merger, "related-to")]
    [InlineData(TieKind.Split, "derived-from")]
    [InlineData(TieKind.Rivalry, "related-to")]
    [InlineData(TieKind.Leadership, "related-to")]
    public void Tie_EachKind_BecomesItsRelationshipTypeFromFromToTo(TieKind kind, string type)
    {
        var e = ExportOf(With(Tie(kind)));
        var rel = Only(e, "relationship");
        Assert.Equal(type, (string)rel["relationship_type"]!);
        Assert.Equal(kind.Kebab(), (string)rel["x_wedge_tie_kind"]!);
        Assert.Equal(StixIds.For("threat-actor", new FactKey(FactType.Actor, "a")), (string)rel["source_ref"]!);
        Assert.Equal(StixIds.For("threat-actor", new FactKey(FactType.Actor, "b")), (string)rel["target_ref"]!);
        Assert.Equal(kind, StixTieMapping.KindOf(type, (string)rel["x_wedge_tie_kind"]!));
        AssertValid(e);
    }

    /// <summary>Every row of the table in docs/exchange/stix.md says what the code does (one case per row).</summary>
    public static TheoryData<string, string> DocumentedRows()
    {
        var doc = File.ReadAllLines(Path.Combine(Repository.Root, "docs", "exchange", "stix.md"));
        var rows = new TheoryData<string, string>();
        var inTable = false;
        foreach (var line in doc)
        {
            if (line.StartsWith("| Wedge tie kind", StringComparison.Ordinal))
            {
                inTable = true;
                continue;
            }

            if (inTable && !line.StartsWith('|'))
            {
                break;
            }

            if (inTable && !line.StartsWith("|---", StringComparison.Ordinal))
            {
                var cells = line.Split('|', StringSplitOptions.TrimEntries);
                rows.Add(cells[1], cells[2].Trim('`'));
            }
        }

        return rows;
    }

    [Theory]
    [MemberData(nameof(DocumentedRows))]
    public void MappingTable_EachDocumentedRow_IsWhatTheExportWrites(string kindName, string relationshipType)
    {
        var kind = EnumNames.Parse<TieKind>(kindName);
        Assert.NotNull(kind);
        var rel = Only(ExportOf(With(Tie(kind.Value))), "relationship");
        Assert.Equal(relationshipType, (string)rel["relationship_type"]!);
    }

    [Fact]
    public void MappingTable_DocumentsEveryKind()
        => Assert.Equal(EnumNames.All<TieKind>().Order(), DocumentedRows().Select(r => (string)r[0]).Order());

    [Theory]
    [InlineData("2001", "2001", "2001-01-01T00:00:00.000Z", "2001-12-31T23:59:59.999Z")]
    [InlineData("2005-03", "2005-03", "2005-03-01T00:00:00.000Z", "2005-03-31T23:59:59.999Z")]
    [InlineData("2010-02-18", "2010-02-18", "2010-02-18T00:00:00.000Z", "2010-02-18T23:59:59.999Z")]
    [InlineData("1996", "2001-10-07", "1996-01-01T00:00:00.000Z", "2001-10-07T23:59:59.999Z")]
    public void Period_FuzzyEnds_SpanEveryDayTheyMayMean_StopAfterStart(string start, string end, string startTime, string stopTime)
    {
        var rel = Only(ExportOf(With(Tie(TieKind.Alliance, Period.Between(FuzzyDate.Parse(start), FuzzyDate.Parse(end))))), "relationship");
        Assert.Equal(startTime, (string)rel["start_time"]!);
        Assert.Equal(stopTime, (string)rel["stop_time"]!);
        Assert.Equal(start, (string)rel["x_wedge_period"]!["start"]!);
        Assert.Equal(end, (string)rel["x_wedge_period"]!["end"]!);
    }

    [Fact]
    public void Period_UnknownEnds_AreLeftOut()
    {
        var always = Only(ExportOf(With(Tie(TieKind.Rivalry))), "relationship");
        Assert.Null(always["start_time"]);
        Assert.Null(always["stop_time"]);
        Assert.Null(always["x_wedge_period"]);
        var open = Only(ExportOf(With(Tie(TieKind.Rivalry, Period.Since(new FuzzyDate(2014))))), "relationship");
        Assert.Equal("2014-01-01T00:00:00.000Z", (string)open["start_time"]!);
        Assert.Null(open["stop_time"]);
    }

    [Theory]
    [InlineData("A1", 90)]
    [InlineData("B2", 70)]
    [InlineData("C3", 50)]
    [InlineData("D4", 30)]
    [InlineData("E5", 10)]
    public void Grade_BecomesAppendixAConfidence_AndIsKeptExactly(string grade, int confidence)
    {
        var kb = With(Tie(TieKind.Alliance)) is var k ? k.With([Wedge.Core.Journal.JournalChange.Correct(Claim("c-tie", grade))]).Result! : null!;
        var rel = Only(ExportOf(kb), "relationship");
        Assert.Equal(confidence, (int)rel["confidence"]!);
        Assert.Equal(grade, (string)rel["x_wedge_grade"]!);
    }

    [Fact]
    public void Grade_CredibilitySix_HasNoConfidence()
    {
        var kb = With(Tie(TieKind.Alliance)).With([Wedge.Core.Journal.JournalChange.Correct(Claim("c-tie", "F6"))]).Result!;
        var rel = Only(ExportOf(kb), "relationship");
        Assert.Null(rel["confidence"]);
        Assert.Equal("F6", (string)rel["x_wedge_grade"]!);
    }

    [Fact]
    public void Source_BecomesReport_PublishedOnItsDate_NamingWhatItsClaimsBack()
    {
        var e = ExportOf(With(Tie(TieKind.Alliance)));
        var report = Only(e, "report");
        Assert.Equal("2018-09-11T00:00:00.000Z", (string)report["published"]!);
        Assert.Equal("2018-09-11", (string)report["x_wedge_date"]!);
        var refs = report["object_refs"]!.AsArray().Select(r => (string)r!).ToList();
        Assert.Equal(3, refs.Count); // a, b and the tie
        Assert.Contains(StixIds.For("relationship", new FactKey(FactType.Tie, "t-1")), refs);
        Assert.Equal(["c-a", "c-b", "c-tie"], report["x_wedge_claims"]!.AsArray().Select(c => (string)c!["id"]!));
    }

    [Fact]
    public void DisputingClaim_BecomesOpinionOnWhatItDisputes()
    {
        var tie = Tie(TieKind.Alliance) with { Claims = [new ClaimId("c-tie"), new ClaimId("c-no")] };
        var e = ExportOf(With(tie, Claim("c-no", "C3", ClaimStance.Disputes)));
        var opinion = Only(e, "opinion");
        Assert.Equal("disagree", (string)opinion["opinion"]!);
        Assert.Equal([StixIds.For("relationship", new FactKey(FactType.Tie, "t-1"))], opinion["object_refs"]!.AsArray().Select(r => (string)r!));
        Assert.Equal(50, (int)opinion["confidence"]!);
        Assert.Equal("C3", (string)opinion["x_wedge_grade"]!);
        Assert.Equal("Text of c-no.", (string)opinion["explanation"]!);
        // The relationship's confidence comes from the supporting claim only.
        Assert.Equal("B2", (string)Only(e, "relationship")["x_wedge_grade"]!);
        AssertValid(e);
    }

    [Fact]
    public void Ids_AreUuidV5OfTheWedgeIds()
    {
        // Expected values from Python's uuid.uuid5 with the same namespace and names (the peer).
        Assert.Equal("threat-actor--3bc22aaf-ec86-5edf-b007-05e63e57fe70", StixIds.For("threat-actor", new FactKey(FactType.Actor, "taliban")));
        Assert.Equal("relationship--8ad46e2e-ffb8-577d-9c30-ae026504d127", StixIds.For("relationship", new FactKey(FactType.Tie, "t-1")));
        Assert.Equal("report--313b0e69-1382-5ede-846a-3bd4c73db094", StixIds.For("report", new FactKey(FactType.Source, "bacon-2018")));
    }

    [Fact]
    public void Export_Twice_GivesTheSameBundle()
        => Assert.Equal(ExportOf(With(Tie(TieKind.Split))).ToJson(), ExportOf(With(Tie(TieKind.Split))).ToJson());

    [Fact]
    public void Actors_ByKind_ThreatActorOrIdentity_WithAliases()
    {
        var state = new Actor { Id = new ActorId("pk"), Name = "Pakistan", Kind = ActorKind.State, Aliases = ["PK"] };
        var person = new Actor { Id = new ActorId("omar"), Name = "Mullah Omar", Kind = ActorKind.Person };
        var faction = new Actor { Id = new ActorId("hq"), Name = "Haqqani", Kind = ActorKind.Faction, Parent = new ActorId("a"), Aliases = ["HQN"] };
        var e = ExportOf(With(null, state, person, faction));
        var objects = Objects(e.Bundle).Where(o => o["x_wedge_id"] is not null).ToDictionary(o => (string)o["x_wedge_id"]!);
        Assert.Equal("identity", (string)objects["pk"]["type"]!);
        Assert.Equal("organization", (string)objects["pk"]["identity_class"]!);
        Assert.Equal("individual", (string)objects["omar"]["identity_class"]!);
        Assert.Equal("threat-actor", (string)objects["hq"]["type"]!);
        Assert.Equal(["HQN"], objects["hq"]["aliases"]!.AsArray().Select(x => (string)x!));
        var parent = Objects(e.Bundle).Single(o => o["x_wedge_parent"] is not null);
        Assert.Equal("part-of", (string)parent["relationship_type"]!);
        Assert.Equal((string)objects["a"]["id"]!, (string)parent["target_ref"]!);
        AssertValid(e);
    }

    [Fact]
    public void Markings_TravelAsTheTlp2DefinitionsOasisPublishes_AndComeBackOnImport()
    {
        // c-a GREEN backs actor a; c-tie AMBER is all that backs the tie; c-b is unmarked.
        var kb = KnowledgeBase.Empty.With([.. new Fact[]
        {
            StixTestRecords.Source, Claim("c-a") with { Marking = Marking.Green }, Claim("c-b"), Group("a"), Group("b"),
            Claim("c-tie") with { Marking = Marking.Amber }, Tie(TieKind.Alliance),
        }.Select(Wedge.Core.Journal.JournalChange.Add)]).Result!;
        var e = ExportOf(kb);
        AssertValid(e);

        string Ref(JsonObject o) => (string)Assert.Single(o["object_marking_refs"]!.AsArray())!;
        var definitions = Objects(e.Bundle).Where(o => (string)o["type"]! == "marking-definition").ToList();
        Assert.Equal(["marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421", "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb"],
            definitions.Select(d => (string)d["id"]!).Order(StringComparer.Ordinal));
        Assert.Equal("amber", (string)definitions.Single(d => (string)d["name"]! == "TLP:AMBER")["extensions"]![StixMarkings.Extension]!["tlp_2_0"]!);
        Assert.Equal(StixMarkings.Id(Marking.Amber), Ref(Only(e, "relationship")));
        Assert.Equal(StixMarkings.Id(Marking.Green), Ref(Objects(e.Bundle).Single(o => (string?)o["x_wedge_id"] == "a")));
        Assert.Null(Objects(e.Bundle).Single(o => (string?)o["x_wedge_id"] == "b")["object_marking_refs"]);
        var report = Only(e, "report");
        Assert.Equal(StixMarkings.Id(Marking.Amber), Ref(report)); // it holds an AMBER claim
        Assert.Equal("TLP:AMBER", (string)report["x_wedge_claims"]!.AsArray().Single(c => (string)c!["id"]! == "c-tie")!["marking"]!);

        var plan = StixImporter.Plan(e.ToJson(), "bundle.json", KnowledgeBase.Empty);
        Assert.Empty(plan.Report.Skipped); // the marking definitions are read, not skipped
        var claims = plan.Changes.Select(c => c.Fact).OfType<Claim>().ToDictionary(c => c.Id.Value);
        Assert.Equal((Marking.Green, (Marking?)null, Marking.Amber), (claims["c-a"].Marking!.Value, claims["c-b"].Marking, claims["c-tie"].Marking!.Value));
        Assert.Null(plan.Changes.Select(c => c.Fact).OfType<Source>().Single().Marking); // the source itself is unmarked
    }
}
