using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Wedge.Core.Journal;
using Wedge.Core.Model;
using Wedge.Core.Time;
using Wedge.Data.Store;

namespace Wedge.Data.Tests.Store;

/// <summary>
/// Pins the journal's stored format with fixtures/journal-v1.jsonl: rows written by Wedge before the payload names were
/// fixed (see fixtures/README.md), holding every fact kind, every enum value, a correction and a retraction. A database
/// holding them must read back to the same facts, field by field, and facts must be written under the same names.
/// Renaming a payload name (or an enum value's name) makes these tests fail.
/// </summary>
public class JournalFixtureTests
{
    private static readonly string[] ComputedMembers = ["key", "actorRefs", "citation", "isOpenEnded"];

    private static string Folder([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "fixtures");

    private static List<JsonObject> Rows()
        => [.. File.ReadLines(Path.Combine(Folder(), "journal-v1.jsonl")).Select(l => JsonNode.Parse(l)!.AsObject())];

    /// <summary>A database whose journal holds the fixture's rows exactly as stored.</summary>
    private static WedgeStore StoreWithFixture(TempDir dir)
    {
        var path = dir.File("v1.db");
        WedgeStore.Open(path).Dispose();
        using (var conn = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            conn.Open();
            using var tx = conn.BeginTransaction();
            foreach (var row in Rows())
            {
                using var cmd = conn.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = "INSERT INTO journal (version, recorded_at, author, reason, action, fact_type, fact_id, payload) VALUES ($v, $t, $a, $r, $action, $type, $id, $p)";
                cmd.Parameters.AddWithValue("$v", (long)row["version"]!);
                cmd.Parameters.AddWithValue("$t", (long)row["recorded_at"]!);
                cmd.Parameters.AddWithValue("$a", (string)row["author"]!);
                cmd.Parameters.AddWithValue("$r", (string)row["reason"]!);
                cmd.Parameters.AddWithValue("$action", (string)row["action"]!);
                cmd.Parameters.AddWithValue("$type", (string)row["fact_type"]!);
                cmd.Parameters.AddWithValue("$id", (string)row["fact_id"]!);
                cmd.Parameters.AddWithValue("$p", (object?)(string?)row["payload"] ?? DBNull.Value);
                cmd.ExecuteNonQuery();
            }

            tx.Commit();
        }

        return WedgeStore.Open(path);
    }

    private static FuzzyDate D(string s) => FuzzyDate.Parse(s);

    [Fact]
    public void Fixture_ReadsBack_FieldByField()
    {
        using var dir = new TempDir();
        using var store = StoreWithFixture(dir);
        var entries = store.Read().ToList();
        Assert.Equal(47, entries.Count);
        Assert.Equal([JournalAction.Correct, JournalAction.Retract], entries.Where(e => e.Action != JournalAction.Add).Select(e => e.Action));
        Assert.Equal(Enum.GetValues<FactType>(), entries.Select(e => e.Key.Type).Distinct().Order());
        var kb = store.Current();

        var source = (Source)kb.Find(new FactKey(FactType.Source, "s-full"))!;
        Assert.Equal(("s-full", "A source with every field: quotes \" and <tags> & ünïcödé", "A. Author", "A Publisher", D("2018-09"), "https://example.org/a?b=c&d=e"),
            (source.Id.Value, source.Title, source.Author, source.Publisher, source.Date, source.Url));

        var claim = kb.FindClaim(new ClaimId("c-full"))!;
        Assert.Equal(("s-full", "A claim with every field.", Grade.Parse("B2"), "Usually reliable, probably true.", "p. 4", D("2001-09-11"), ClaimStance.Supports),
            (claim.Source.Value, claim.Text, claim.Grade, claim.GradeReason, claim.Locator, claim.PublicSince, claim.Stance));
        Assert.Equal((ClaimStance.Disputes, Grade.Parse("F6")), (kb.FindClaim(new ClaimId("c-disputes"))!.Stance, kb.FindClaim(new ClaimId("c-disputes"))!.Grade));

        var actor = kb.FindActor(new ActorId("a-armed-group"))!;
        Assert.Equal(("Actor armed-group", ActorKind.ArmedGroup, "Somewhere", D("1988"), D("2011-05-02"), D("2015"), "An actor with every field."),
            (actor.Name, actor.Kind, actor.HomeBase, actor.Active.Start, actor.Active.End, actor.EndPublicSince, actor.Description));
        Assert.Equal(["First alias", "Second alias"], actor.Aliases);
        Assert.Equal(["one", "two"], actor.Ideology);
        Assert.Equal(new Dictionary<string, string> { ["mmp"] = "123", ["other"] = "x-9" }, actor.ExternalIds);
        Assert.Equal(["c-full", "c-disputes"], actor.Claims.Select(c => c.Value));
        Assert.Equal(new ActorId("a-armed-group"), kb.FindActor(new ActorId("a-faction"))!.Parent);
        Assert.Equal("Actor other, renamed", kb.FindActor(new ActorId("a-other"))!.Name);

        var role = (Role)kb.Find(new FactKey(FactType.Role, "r-full"))!;
        Assert.Equal(("a-person", "a-armed-group", "leader", D("1988"), D("2011-05"), D("2011-05-03")),
            (role.Person.Value, role.Organisation.Value, role.Title.Value, role.Period.Start, role.Period.End, role.EndPublicSince));

        var tie = (Tie)kb.Find(new FactKey(FactType.Tie, "t-alliance"))!;
        Assert.Equal((TieKind.Alliance, "a-armed-group", "a-faction", D("1996"), D("2001-12"), D("2002"), TieStance.Unstated, Acknowledgement.Unstated, "A tie with every field."),
            (tie.Kind, tie.From.Value, tie.To.Value, tie.Period.Start, tie.Period.End, tie.EndPublicSince, tie.Stance, tie.Acknowledgement, tie.Note));

        var ledger = (LedgerEntry)kb.Find(new FactKey(FactType.Ledger, "l-expertise"))!;
        Assert.Equal(("a-armed-group", "a-state", LedgerCategory.Expertise, D("1996-01-02"), (FuzzyDate?)null, new Magnitude(1), "A ledger entry with every field."),
            (ledger.Provider.Value, ledger.Recipient.Value, ledger.Category, ledger.Period.Start, ledger.Period.End, ledger.Magnitude, ledger.Note));
        Assert.Equal(new Magnitude(2, 3), ((LedgerEntry)kb.Find(new FactKey(FactType.Ledger, "l-manpower"))!).Magnitude);

        var ev = (Event)kb.Find(new FactKey(FactType.Event, "ev-leader-death"))!;
        Assert.Equal((D("2001-09-11"), EventKind.LeaderDeath, "Event leader-death"), (ev.Date, ev.Kind, ev.Title));
        Assert.Equal(["a-armed-group", "a-state"], ev.Actors.Select(a => a.Value));

        var attribute = (ActorAttribute)kb.Find(new FactKey(FactType.Attribute, "at-full"))!;
        Assert.Equal(("a-person", "legitimacy", "high", D("2001"), D("2013-04"), D("2015-07-29")),
            (attribute.Actor.Value, attribute.Name, attribute.Value, attribute.Period.Start, attribute.Period.End, attribute.EndPublicSince));
        Assert.False(kb.Contains(new FactKey(FactType.Attribute, "at-bare")));
    }

    /// <summary>The test's own table of every enum value's stored name: each must occur in the fixture and read as that member.</summary>
    [Fact]
    public void Fixture_HoldsEveryEnumValue_UnderItsStoredName()
    {
        using var dir = new TempDir();
        using var store = StoreWithFixture(dir);
        var kb = store.Current();
        Assert.Equal(
            [(ActorKind.ArmedGroup, "armed-group"), (ActorKind.Faction, "faction"), (ActorKind.State, "state"), (ActorKind.Person, "person"), (ActorKind.Other, "other")],
            kb.All<Actor>().OrderBy(a => a.Kind).Select(a => (a.Kind, a.Id.Value["a-".Length..])));
        Assert.Equal(
            [(TieKind.Alliance, "alliance"), (TieKind.Affiliation, "affiliation"), (TieKind.Sponsorship, "sponsorship"), (TieKind.Rivalry, "rivalry"),
             (TieKind.Split, "split"), (TieKind.Merger, "merger"), (TieKind.Leadership, "leadership")],
            kb.All<Tie>().OrderBy(t => t.Kind).Select(t => (t.Kind, t.Id["t-".Length..])));
        Assert.Equal([TieStance.Unstated, TieStance.Public, TieStance.Private], kb.All<Tie>().OrderBy(t => t.Kind).Take(3).Select(t => t.Stance));
        Assert.Equal(
            [Acknowledgement.Unstated, Acknowledgement.Acknowledged, Acknowledgement.AcknowledgedThenWithdrawn, Acknowledgement.NotEndorsed, Acknowledgement.Denied],
            kb.All<Tie>().OrderBy(t => t.Kind).Take(5).Select(t => t.Acknowledgement));
        Assert.Equal(
            [(LedgerCategory.Expertise, "expertise"), (LedgerCategory.Manpower, "manpower"), (LedgerCategory.Funds, "funds"), (LedgerCategory.Sanctuary, "sanctuary"),
             (LedgerCategory.Protection, "protection"), (LedgerCategory.Legitimacy, "legitimacy"), (LedgerCategory.Propaganda, "propaganda"),
             (LedgerCategory.OtherBenefit, "other-benefit"), (LedgerCategory.Isolation, "isolation"), (LedgerCategory.Retaliation, "retaliation"),
             (LedgerCategory.InternalStrife, "internal-strife"), (LedgerCategory.LostPatron, "lost-patron"), (LedgerCategory.OtherCost, "other-cost")],
            kb.All<LedgerEntry>().OrderBy(l => l.Category).Select(l => (l.Category, l.Id["l-".Length..])));
        Assert.Equal(
            [(EventKind.LeaderDeath, "leader-death"), (EventKind.Revelation, "revelation"), (EventKind.LeaderChange, "leader-change"), (EventKind.Attack, "attack"),
             (EventKind.Invasion, "invasion"), (EventKind.Recognition, "recognition"), (EventKind.Designation, "designation"), (EventKind.Pledge, "pledge"),
             (EventKind.Statement, "statement"), (EventKind.Talks, "talks"), (EventKind.JointOperation, "joint-operation"), (EventKind.Other, "other")],
            kb.All<Event>().OrderBy(e => e.Kind).Select(e => (e.Kind, e.Id["ev-".Length..])));
        Assert.Equal([ClaimStance.Supports, ClaimStance.Disputes], kb.All<Claim>().Select(c => c.Stance).Order());

        // Every member has a row in the fixture: a member added to an enum needs a fixture row too (a new fixture, v2).
        Assert.Equal(Enum.GetValues<ActorKind>().Length, kb.All<Actor>().Select(a => a.Kind).Distinct().Count());
        Assert.Equal(Enum.GetValues<TieKind>().Length, kb.All<Tie>().Select(a => a.Kind).Distinct().Count());
        Assert.Equal(Enum.GetValues<TieStance>().Length, kb.All<Tie>().Select(a => a.Stance).Distinct().Count());
        Assert.Equal(Enum.GetValues<Acknowledgement>().Length, kb.All<Tie>().Select(a => a.Acknowledgement).Distinct().Count());
        Assert.Equal(Enum.GetValues<LedgerCategory>().Length, kb.All<LedgerEntry>().Select(a => a.Category).Distinct().Count());
        Assert.Equal(Enum.GetValues<EventKind>().Length, kb.All<Event>().Select(a => a.Kind).Distinct().Count());
        Assert.Equal(Enum.GetValues<ClaimStance>().Length, kb.All<Claim>().Select(a => a.Stance).Distinct().Count());
    }

    /// <summary>Facts are written under the names they were stored with (computed members aside, which payloads no longer carry).</summary>
    [Fact]
    public void Facts_AreWrittenUnderTheStoredNames()
    {
        foreach (var row in Rows().Where(r => r["payload"] is not null))
        {
            var stored = JsonNode.Parse((string)row["payload"]!)!;
            RemoveComputed(stored);
            var written = JsonNode.Parse(FactJson.SerializePayload(FactJson.Deserialize((string)row["payload"]!)))!;
            Assert.True(JsonNode.DeepEquals(stored, written), $"{row["fact_type"]}:{row["fact_id"]}\nstored:  {stored.ToJsonString()}\nwritten: {written.ToJsonString()}");
        }
    }

    [Fact]
    public void NewPayloads_CarryNoComputedMembers_ButShownFactsDo()
    {
        var source = new Source { Id = new SourceId("s"), Title = "T" };
        Assert.Equal("""{"$fact":"source","id":"s","title":"T","claims":[]}""", FactJson.SerializePayload(source));
        Assert.Contains("\"citation\":", FactJson.Serialize(source), StringComparison.Ordinal);
        Assert.Contains("\"key\":{\"type\":\"source\",\"id\":\"s\"}", FactJson.Serialize(source), StringComparison.Ordinal);
    }

    [Fact]
    public void JournalColumns_NameEveryActionAndFactType()
    {
        Assert.Equal(["add", "correct", "retract"], Enum.GetValues<JournalAction>().Select(JournalNames.Of));
        Assert.Equal(["source", "claim", "actor", "role", "tie", "ledger", "event", "attribute"], Enum.GetValues<FactType>().Select(JournalNames.Of));
    }

    private static void RemoveComputed(JsonNode node)
    {
        if (node is JsonObject o)
        {
            foreach (var name in ComputedMembers)
            {
                o.Remove(name);
            }

            foreach (var child in o.Select(p => p.Value).OfType<JsonNode>().ToList())
            {
                RemoveComputed(child);
            }
        }
        else if (node is JsonArray a)
        {
            foreach (var child in a.OfType<JsonNode>())
            {
                RemoveComputed(child);
            }
        }
    }
}
