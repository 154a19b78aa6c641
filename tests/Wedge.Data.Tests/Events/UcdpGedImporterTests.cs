using Wedge.Core.Journal;
using Wedge.Core.Model;
using Wedge.Core.Time;
using Wedge.Data.Events;

namespace Wedge.Data.Tests.Events;

/// <summary>The synthetic UCDP GED fixture, every figure counted by hand in tests/fixtures/ucdp/README.md.</summary>
public class UcdpGedImporterTests
{
    private static (IReadOnlyList<JournalChange> Changes, UcdpGedImportReport Report) Fixture()
    {
        var current = EventFiles.UcdpActors();
        var (map, problems) = EventNameMap.Read(EventFiles.UcdpMap, current);
        Assert.Empty(problems);
        return UcdpGedImporter.Plan(EventFiles.Ucdp, current, new UcdpGedImportOptions { Map = map });
    }

    private static T Fact<T>(IReadOnlyList<JournalChange> changes, string id) where T : Fact
        => Assert.Single(changes.Select(c => c.Fact).OfType<T>(), f => f.Key.Id == id);

    [Fact]
    public void Fixture_Counts_AsCountedByHand()
    {
        var (changes, r) = Fixture();
        Assert.Equal(10, r.RowsRead);
        Assert.Equal([1, 8, 1], r.ByViolence);
        Assert.Equal([5, 1, 1, 1, 2], r.ByDatePrecision);
        Assert.Equal([5, 2, 3], r.ByPrecision);
        Assert.Equal(1, r.CrossingYears);
        Assert.Equal(1, r.NonStateUnmatched); // line 11: Ahrar al-Sham
        Assert.Equal(1, r.SideIsState); // line 10: Government of Afghanistan is a state on record
        Assert.Equal(6, r.EventsImported);
        Assert.Equal(1, r.Unclear);
        Assert.Equal(3, r.PairYears);
        Assert.Equal(4, r.Claims);
        Assert.Empty(r.Refused);
        var unmatched = Assert.Single(r.Unmatched);
        Assert.Equal(("Ahrar al-Sham", 1, 11), (unmatched.Name, unmatched.Incidents, unmatched.FirstLine));
        Assert.Contains(r.Matched, m => m.Name == "IS" && m.Actor.Value == "isil" && m.Rule == NameMatchRule.DatasetId && m.Incidents == 6);
        Assert.Contains(r.Matched, m => m.Name == "Taleban" && m.Actor.Value == "taliban" && m.Rule == NameMatchRule.Name);
        Assert.Contains(r.Matched, m => m.Name == "Jabhat Fateh al-Sham" && m.Actor.Value == "hts" && m.Rule == NameMatchRule.MappingFile);
        Assert.Equal(1 + 4 + 3 + 6, changes.Count);
        Assert.All(changes, c => Assert.Equal(JournalAction.Add, c.Action));
    }

    [Fact]
    public void NonState_HostileEvidence_ClearAndUnclearGradedApart()
    {
        var (changes, _) = Fixture();
        var tie = Fact<Tie>(changes, "ucdp-isil-taliban-2015");
        Assert.Equal(TieKind.Rivalry, tie.Kind);
        Assert.Equal(Period.Between(new FuzzyDate(2015), new FuzzyDate(2015)), tie.Period);
        Assert.Equal(["ucdp-isil-taliban-2015", "ucdp-isil-taliban-2015-unclear"], tie.Claims.Select(c => c.Value));

        var clear = Fact<Claim>(changes, "ucdp-isil-taliban-2015");
        Assert.Equal(new Grade('B', 2), clear.Grade);
        Assert.Equal(ClaimReports.Conduct, clear.Reports);
        Assert.Equal("synthetic.csv, id 1001, 1002", clear.Locator);
        Assert.Contains("2 events of non-state conflict between Islamic State and Taliban in 2015 (best estimate 8 deaths)", clear.Text, StringComparison.Ordinal);
        var unclear = Fact<Claim>(changes, "ucdp-isil-taliban-2015-unclear");
        Assert.Equal(new Grade('B', 3), unclear.Grade);
        Assert.Equal("synthetic.csv, id 1003", unclear.Locator);

        var e = Fact<Event>(changes, "ucdp-1003");
        Assert.Equal(EventKind.Attack, e.Kind);
        Assert.Equal(["isil", "taliban"], e.Actors.Select(a => a.Value));
        Assert.Equal(10, e.Fatalities); // best, though high (6) is lower: GED allows it
        Assert.Equal(["ucdp-isil-taliban-2015-unclear"], e.Claims.Select(c => c.Value));
        Assert.Equal("Fighting in Syria between IS and Taleban (unclear reporting)", e.Title);
    }

    [Theory]
    [InlineData("ucdp-1001", "2015-03-10")] // date_prec 1, one day
    [InlineData("ucdp-1002", "2015-04")] // date_prec 2, 6-9 April
    [InlineData("ucdp-1003", "2015")] // date_prec 3, a week over two months
    [InlineData("ucdp-1004", "2016-02")] // date_prec 4, the month
    [InlineData("ucdp-1005", "2016")] // date_prec 5, the year
    [InlineData("ucdp-1006", "2017")] // date_prec 5, a range over two years: GED's year
    public void DatePrecision_EveryCode_NothingInvented(string eventId, string date)
    {
        var (changes, _) = Fixture();
        Assert.Equal(FuzzyDate.Parse(date), Fact<Event>(changes, eventId).Date);
    }

    [Fact]
    public void DateOf_NeverFinerThanDatePrec()
    {
        var d = new DateOnly(2015, 3, 10);
        Assert.Equal(new FuzzyDate(2015, 3, 10), UcdpGedReader.DateOf(d, d, 1, 2015));
        Assert.Equal(new FuzzyDate(2015, 3), UcdpGedReader.DateOf(d, d, 2, 2015)); // a one-day range coded 2 is still only known within days
        Assert.Equal(new FuzzyDate(2015), UcdpGedReader.DateOf(d, d, 5, 2015));
        Assert.Equal(new FuzzyDate(2015, 3), UcdpGedReader.DateOf(d, d.AddDays(2), 1, 2015));
    }

    [Fact]
    public void StateBasedAndOneSided_CountedNotImported()
    {
        var (changes, _) = Fixture();
        Assert.DoesNotContain(changes, c => c.Fact is Event { Id: "ucdp-1007" or "ucdp-1008" or "ucdp-1009" });
        Assert.DoesNotContain(changes, c => c.Fact is Tie t && (t.From.Value == "afghanistan" || t.To.Value == "afghanistan"));
    }

    [Fact]
    public void Unmatched_WithoutMap_JabhatFatehAlShamLeftOut()
    {
        var (changes, r) = UcdpGedImporter.Plan(EventFiles.Ucdp, EventFiles.UcdpActors());
        Assert.Contains(r.Unmatched, u => u.Name == "Jabhat Fateh al-Sham" && u.Incidents == 2 && u.FirstLine == 5);
        Assert.Equal(5, r.EventsImported);
        Assert.Equal(2, r.NonStateUnmatched);
        Assert.DoesNotContain(changes, c => c.Fact is Event { Id: "ucdp-1004" });
    }

    [Fact]
    public void Reimport_OfWhatIsOnRecord_PlansNothing()
    {
        var (changes, _) = Fixture();
        var after = EventFiles.UcdpActors().With(changes).Result!;
        var (map, _) = EventNameMap.Read(EventFiles.UcdpMap, after);
        var (again, r) = UcdpGedImporter.Plan(EventFiles.Ucdp, after, new UcdpGedImportOptions { Map = map });
        Assert.Empty(again);
        Assert.Equal(6, r.EventsUnchanged);
    }
}
