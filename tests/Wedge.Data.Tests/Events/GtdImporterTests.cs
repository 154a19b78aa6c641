using Wedge.Core.Events;
using Wedge.Core.Journal;
using Wedge.Core.Model;
using Wedge.Core.Time;
using Wedge.Data.Events;
using Wedge.Data.Mmp;

namespace Wedge.Data.Tests.Events;

/// <summary>The synthetic fixture, every figure counted by hand in tests/fixtures/gtd/README.md.</summary>
public class GtdImporterTests
{
    private static (IReadOnlyList<JournalChange> Changes, GtdImportReport Report) Fixture()
    {
        var current = GtdFiles.Actors();
        var (map, problems) = EventNameMap.Read(GtdFiles.Map, current);
        Assert.Empty(problems);
        return GtdImporter.Plan(GtdFiles.Synthetic, current, new GtdImportOptions { Map = map });
    }

    private static T Fact<T>(IReadOnlyList<JournalChange> changes, string id) where T : Fact
        => Assert.Single(changes.Select(c => c.Fact).OfType<T>(), f => f.Key.Id == id);

    [Fact]
    public void Fixture_Counts_AsCountedByHand()
    {
        var (changes, r) = Fixture();
        Assert.Equal(13, r.RowsRead);
        Assert.Equal(3, r.SinglePerpetrator); // lines 8, 9, 10: one group, "Unknown" alone, a group and "Unknown"
        Assert.Equal(10, r.MultiplePerpetrators);
        Assert.Equal(2, r.JointUnmatched); // line 7 (Lashkar-e-Islam unmatched), line 13 (Taliban twice)
        Assert.Equal(8, r.EventsImported);
        Assert.Equal(7, r.PairYears);
        Assert.Equal(9, r.Claims);
        Assert.Equal([9, 3, 1], r.ByPrecision); // day, month (iday 0), year (imonth 0)
        Assert.Empty(r.Refused);
        var unmatched = Assert.Single(r.Unmatched);
        Assert.Equal(("Lashkar-e-Islam", 2, 7), (unmatched.Name, unmatched.Incidents, unmatched.FirstLine));
        Assert.Contains(r.Matched, m => m.Name == "Tehrik-i-Taliban Pakistan (TTP)" && m.Actor.Value == "ttp" && m.Rule == NameMatchRule.MappingFile);
        Assert.Contains(r.Matched, m => m.Name == "Al-Qaida" && m.Actor.Value == "al-qaeda" && m.Rule == NameMatchRule.Name);
        Assert.Equal(1 + 9 + 7 + 8, changes.Count); // the source, claims, ties, events
        Assert.All(changes, c => Assert.Equal(JournalAction.Add, c.Action));
    }

    [Fact]
    public void ThreePerpetrators_ThreePairs_SuspectedOneGradedLower()
    {
        var (changes, _) = Fixture();
        // Line 5: Taliban, al-Qaida, Haqqani Network (guncertain3 = 1): AQ–Taliban confirmed, both pairs with Haqqani suspected.
        var e = Fact<Event>(changes, "gtd-201006150001");
        Assert.Equal(["al-qaeda", "haqqani", "taliban"], e.Actors.Select(a => a.Value));
        Assert.Equal(["gtd-al-qaeda-haqqani-2010-suspected", "gtd-al-qaeda-taliban-2010", "gtd-haqqani-taliban-2010-suspected"], e.Claims.Select(c => c.Value));
        Assert.Equal(7, e.Fatalities);
        Assert.Equal(new FuzzyDate(2010, 6, 15), e.Date);
        Assert.Equal(EventKind.JointOperation, e.Kind);

        var confirmed = Fact<Claim>(changes, "gtd-al-qaeda-taliban-2010");
        Assert.Equal(new Grade('B', 2), confirmed.Grade);
        Assert.Equal(ClaimReports.Conduct, confirmed.Reports);
        Assert.Equal("synthetic.csv, eventid 201006150001", confirmed.Locator);
        var suspected = Fact<Claim>(changes, "gtd-al-qaeda-taliban-2010-suspected");
        Assert.Equal(new Grade('B', 3), suspected.Grade);
        Assert.Equal("synthetic.csv, eventid 201003000001, 201000000001", suspected.Locator); // guncertain2 on line 3, guncertain1 on line 4

        var tie = Fact<Tie>(changes, "gtd-al-qaeda-taliban-2010");
        Assert.Equal(TieKind.Alliance, tie.Kind);
        Assert.Equal(Period.Between(new FuzzyDate(2010), new FuzzyDate(2010)), tie.Period);
        Assert.Equal(["gtd-al-qaeda-taliban-2010", "gtd-al-qaeda-taliban-2010-suspected"], tie.Claims.Select(c => c.Value));
    }

    [Fact]
    public void Precision_MonthAndYearZero_KeptAsMonthAndYear_NothingInvented()
    {
        var (changes, _) = Fixture();
        Assert.Equal(new FuzzyDate(2010, 3), Fact<Event>(changes, "gtd-201003000001").Date);
        Assert.Equal(new FuzzyDate(2010), Fact<Event>(changes, "gtd-201000000001").Date);
        Assert.Null(Fact<Event>(changes, "gtd-201000000001").Fatalities); // nkill empty: unknown
        Assert.Equal(0, Fact<Event>(changes, "gtd-201201010001").Fatalities); // nkill 0: none killed
    }

    [Fact]
    public void YamlMap_SameAsCsvMap()
    {
        var current = GtdFiles.Actors();
        var (csv, _) = EventNameMap.Read(GtdFiles.Map, current);
        var (yaml, problems) = EventNameMap.Read(GtdFiles.MapYaml, current);
        Assert.Empty(problems);
        Assert.Equal(csv, yaml);
    }

    [Fact]
    public void Reimport_OfWhatIsOnRecord_PlansNothing()
    {
        var (changes, _) = Fixture();
        var after = GtdFiles.Actors().With(changes).Result!;
        var (map, _) = EventNameMap.Read(GtdFiles.Map, after);
        var (again, r) = GtdImporter.Plan(GtdFiles.Synthetic, after, new GtdImportOptions { Map = map });
        Assert.Empty(again);
        Assert.Equal(8, r.EventsUnchanged);
    }

    [Fact]
    public void Unmatched_WithoutMap_TtpPairLeftOut()
    {
        var (changes, r) = GtdImporter.Plan(GtdFiles.Synthetic, GtdFiles.Actors());
        Assert.Contains(r.Unmatched, u => u.Name == "Tehrik-i-Taliban Pakistan (TTP)");
        Assert.DoesNotContain(changes, c => c.Fact?.Key.Id.Contains("ttp", StringComparison.Ordinal) == true);
        Assert.Equal(7, r.EventsImported);
    }

    [Fact]
    public void AmbiguousName_ReportedWithCandidates_PairLeftOut()
    {
        using var dir = new TempDir();
        var current = GtdFiles.Actors().With([JournalChange.Add(new Actor { Id = new ActorId("jamaat-b"), Name = "Jamaat B", Kind = ActorKind.ArmedGroup, Aliases = ["Jamaat"] }),
            JournalChange.Add(new Actor { Id = new ActorId("jamaat-c"), Name = "Jamaat C", Kind = ActorKind.ArmedGroup, Aliases = ["Jamaat"] })]).Result!;
        var path = GtdFiles.Write(dir, GtdFiles.Joint(1, ("gname2", "Jamaat")));
        var (changes, r) = GtdImporter.Plan(path, current);
        var a = Assert.Single(r.Ambiguous);
        Assert.Equal(["jamaat-b", "jamaat-c"], a.Candidates.Select(c => c.Value));
        Assert.False(r.IsClean);
        Assert.DoesNotContain(changes, c => c.Fact is Event);
    }

    [Fact]
    public void JointAttack_Pairs_DuplicateActorCountsOnceCertainWins()
    {
        var (a, b) = (new ActorId("a"), new ActorId("b"));
        Assert.Empty(JointAttack.Pairs([new(a, false), new(a, true)]));
        Assert.Equal([new PerpetratorPair(a, b, false)], JointAttack.Pairs([new(b, false), new(a, true), new(a, false)]));
    }
}
