using Wedge.Core.Journal;
using Wedge.Core.Model;
using Wedge.Core.Time;
using Wedge.Data.Events;

namespace Wedge.Data.Tests.Events;

/// <summary>The synthetic ACLED fixture, every figure counted by hand in tests/fixtures/acled/README.md.</summary>
public class AcledImporterTests
{
    private static (IReadOnlyList<JournalChange> Changes, AcledImportReport Report) Fixture()
    {
        var current = EventFiles.AcledActors();
        var (map, problems) = EventNameMap.Read(EventFiles.AcledMap, current);
        Assert.Empty(problems);
        return AcledImporter.Plan(EventFiles.Acled, current, new AcledImportOptions { Map = map });
    }

    private static T Fact<T>(IReadOnlyList<JournalChange> changes, string id) where T : Fact
        => Assert.Single(changes.Select(c => c.Fact).OfType<T>(), f => f.Key.Id == id);

    [Fact]
    public void Fixture_Counts_AsCountedByHand()
    {
        var (changes, r) = Fixture();
        Assert.Equal(9, r.RowsRead);
        Assert.Equal([5, 3, 1], r.ByTimePrecision);
        Assert.Equal([5, 2, 2], r.ByPrecision);
        Assert.Equal(1, r.CrossingYears);
        Assert.Equal(1, r.ProtestsAndRiots);
        Assert.Equal(5, r.CooperationRows);
        Assert.Equal(3, r.BattleRows);
        Assert.Equal(2, r.UnmatchedRows); // line 9 (JNIM against itself), line 10 (Katiba Macina)
        Assert.Equal(1, r.MonthOnly);
        Assert.Equal(6, r.EventsImported);
        Assert.Equal((3, 2), (r.CooperationPairYears, r.BattlePairYears));
        Assert.Equal(5, r.PairYears);
        Assert.Equal(6, r.Claims);
        Assert.Empty(r.Refused);
        var unmatched = Assert.Single(r.Unmatched);
        Assert.Equal(("Katiba Macina", 2, 3), (unmatched.Name, unmatched.Incidents, unmatched.FirstLine));
        Assert.Contains(r.Matched, m => m.Name == "GATIA: Imghad Tuareg and Allies Self-Defense Group" && m.Actor.Value == "gatia" && m.Rule == NameMatchRule.MappingFile);
        Assert.Equal(1 + 6 + 5 + 6, changes.Count);
    }

    [Fact]
    public void AssociatedActors_Cooperation_MultiNameCell_EachNameMatched()
    {
        var (changes, _) = Fixture();
        // Line 3: assoc_actor_1 "Ansaroul Islam; Katiba Macina": Ansaroul matched, Katiba unmatched; the army on side 2 is no partner.
        var e = Fact<Event>(changes, "acled-MLI2");
        Assert.Equal(EventKind.JointOperation, e.Kind);
        Assert.Equal(["ansarul-islam", "jnim"], e.Actors.Select(a => a.Value));
        Assert.Equal(new FuzzyDate(2019, 3), e.Date);
        Assert.Equal(3, e.Fatalities);

        var tie = Fact<Tie>(changes, "acled-ansarul-islam-jnim-2019");
        Assert.Equal(TieKind.Alliance, tie.Kind);
        var claim = Fact<Claim>(changes, "acled-ansarul-islam-jnim-2019");
        Assert.Equal(new Grade('B', 2), claim.Grade);
        Assert.Equal("synthetic.csv, event_id_cnty MLI1, MLI2, MLI5", claim.Locator);

        // Line 8: the state's army with a militia on its side: cooperation, but no battle (state forces are not non-state).
        Assert.Equal(["dan-na", "mali"], Fact<Event>(changes, "acled-MLI7").Actors.Select(a => a.Value));
        Assert.DoesNotContain(changes, c => c.Fact is Tie t && t.Id.StartsWith("acled-battle-", StringComparison.Ordinal) && t.Id.Contains("mali", StringComparison.Ordinal));
    }

    [Fact]
    public void Battles_BetweenNonStateArmedActors_HostileEvidence_MonthOnlyGradedLower()
    {
        var (changes, _) = Fixture();
        var tie = Fact<Tie>(changes, "acled-battle-isgs-jnim-2019");
        Assert.Equal(TieKind.Rivalry, tie.Kind);
        Assert.Equal(["acled-battle-isgs-jnim-2019", "acled-battle-isgs-jnim-2019-month-only"], tie.Claims.Select(c => c.Value));
        Assert.Equal(new Grade('B', 3), Fact<Claim>(changes, "acled-battle-isgs-jnim-2019-month-only").Grade);
        Assert.Equal("synthetic.csv, event_id_cnty MLI4", Fact<Claim>(changes, "acled-battle-isgs-jnim-2019-month-only").Locator);

        var e = Fact<Event>(changes, "acled-MLI1");
        Assert.Equal(EventKind.Attack, e.Kind); // fighting between the sides: never read as a joint operation of all three
        Assert.Equal(["ansarul-islam", "isgs", "jnim"], e.Actors.Select(a => a.Value));
        Assert.Equal(["acled-ansarul-islam-jnim-2019", "acled-battle-isgs-jnim-2019"], e.Claims.Select(c => c.Value));
        Assert.Equal("Battles (Armed clash) in Mali: JNIM: Group for Support of Islam and Muslims with Ansaroul Islam against Islamic State (Greater Sahara)", e.Title);

        // Line 4: actor types written as names in newer exports ("Political militia", "Rebel group").
        Assert.Single(changes, c => c.Fact is Tie { Id: "acled-battle-gatia-isgs-2019" });
    }

    [Theory]
    [InlineData("acled-MLI1", "2019-03-02")] // time_precision 1
    [InlineData("acled-MLI2", "2019-03")] // 2: the week around 10 March is in March
    [InlineData("acled-MLI3", "2019")] // 2: the week around 31 May reaches June
    [InlineData("acled-MLI4", "2019-07")] // 3: the month
    [InlineData("acled-MLI5", "2019")] // 2: the week around 30 December reaches 2020: ACLED's year
    public void TimePrecision_EveryCode_NothingInvented(string eventId, string date)
    {
        var (changes, _) = Fixture();
        Assert.Equal(FuzzyDate.Parse(date), Fact<Event>(changes, eventId).Date);
    }

    [Fact]
    public void ProtestsAndUnmatched_NoEvents()
    {
        var (changes, _) = Fixture();
        Assert.DoesNotContain(changes, c => c.Fact is Event { Id: "acled-MLI6" or "acled-MLI8" or "acled-MLI9" });
    }

    [Fact]
    public void Unmatched_WithoutMap_GatiaRowLeftOut()
    {
        var (changes, r) = AcledImporter.Plan(EventFiles.Acled, EventFiles.AcledActors());
        Assert.Contains(r.Unmatched, u => u.Name == "GATIA: Imghad Tuareg and Allies Self-Defense Group" && u.FirstLine == 4);
        Assert.Equal(5, r.EventsImported);
        Assert.Equal(3, r.UnmatchedRows);
        Assert.DoesNotContain(changes, c => c.Fact is Event { Id: "acled-MLI3" });
    }

    [Fact]
    public void Reimport_OfWhatIsOnRecord_PlansNothing()
    {
        var (changes, _) = Fixture();
        var after = EventFiles.AcledActors().With(changes).Result!;
        var (map, _) = EventNameMap.Read(EventFiles.AcledMap, after);
        var (again, r) = AcledImporter.Plan(EventFiles.Acled, after, new AcledImportOptions { Map = map });
        Assert.Empty(again);
        Assert.Equal(6, r.EventsUnchanged);
    }
}
