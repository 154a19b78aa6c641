using Wedge.Core.Collections;
using Wedge.Core.Model;
using Wedge.Core.Time;
using Wedge.Data.Events;
using static Wedge.Data.Tests.Events.DyadYearFiles;

namespace Wedge.Data.Tests.Events;

/// <summary>A dyad-year import through the shipped MGAR mapping: the hand-counted fixture, then each rule on its own small file.</summary>
public class DyadYearImporterTests
{
    private static (int First, int Last) Years(Period p) => (p.Start!.Value.Year, p.End!.Value.Year);

    [Fact]
    public void Fixture_WithNames_TheHandCountedFigures()
    {
        var names = EventNameMap.Read(DyadYearFiles.Names, Actors()).Map;
        var (changes, r) = DyadYearImporter.Plan(Synthetic, Mgar(), Actors(), names);
        Assert.Empty(r.Refused);
        Assert.Equal((14, 1, 0), (r.RowsRead, r.RowsUnmatched, r.RowsSameActor));
        Assert.Equal((13, 8, 1, 10), (r.Claims, r.Ties, r.DeclaredTies, r.LedgerEntries));
        Assert.Equal((32, 0, 0), (r.Added, r.Corrected, r.Unchanged));
        Assert.Equal(32, changes.Count);
        Assert.Equal(
            ["mgar-pakistan-taliban-host-1995", "mgar-al-qaeda-taliban-ally-1996", "mgar-al-qaeda-taliban-ally-2000", "mgar-al-qaeda-taliban-rival-2002",
             "mgar-al-qaeda-taliban-ally-2003", "mgar-al-qaeda-haqqani-fan-2005", "mgar-ttp-taliban-supporter-2008", "mgar-al-qaeda-isil-competitor-2014"],
            Facts<Tie>(changes).Select(t => t.Id));
        Assert.Equal("Lashkar-e-Islam", Assert.Single(r.Unmatched).Name);
        Assert.Contains(r.Matched, m => m.Name == "Tehrik-i-Taliban Pakistan (TTP)" && m.Rule == NameMatchRule.MappingFile);
    }

    [Fact]
    public void Fixture_WithoutNames_TtpUnmatchedToo()
    {
        var (changes, r) = DyadYearImporter.Plan(Synthetic, Mgar(), Actors());
        Assert.Equal((2, 12, 7, 9, 29), (r.RowsUnmatched, r.Claims, r.Ties, r.LedgerEntries, changes.Count));
        Assert.Equal(["Tehrik-i-Taliban Pakistan (TTP)", "Lashkar-e-Islam"], r.Unmatched.Select(u => u.Name));
        Assert.Equal((2, 12), (r.Unmatched[0].Incidents, r.Unmatched[0].FirstLine));
    }

    [Fact]
    public void ConsecutiveYears_OneTie_CitingEveryRow()
    {
        using var dir = new TempDir();
        var (changes, r) = Import(dir, Row(1, "al-Qaida", "Taliban", 1996, "ally"), Row(2, "al-Qaida", "Taliban", 1997, "ally"), Row(3, "Taliban", "al-Qaida", 1998, "ally"));
        var tie = Assert.Single(Facts<Tie>(changes));
        Assert.Equal((TieKind.Alliance, "al-qaeda", "taliban"), (tie.Kind, tie.From.Value, tie.To.Value));
        Assert.Equal((1996, 1998), Years(tie.Period));
        Assert.Equal(["mgar-1", "mgar-2", "mgar-3"], tie.Claims.Select(c => c.Value));
        Assert.Equal(3, r.Claims);
    }

    [Fact]
    public void GapYear_SplitsIntoTwoTies()
    {
        using var dir = new TempDir();
        var (changes, _) = Import(dir, Row(1, "al-Qaida", "Taliban", 1996, "ally"), Row(2, "al-Qaida", "Taliban", 1997, "ally"), Row(3, "al-Qaida", "Taliban", 1999, "ally"));
        Assert.Equal([("mgar-al-qaeda-taliban-ally-1996", 1996, 1997), ("mgar-al-qaeda-taliban-ally-1999", 1999, 1999)],
            Facts<Tie>(changes).Select(t => (t.Id, Years(t.Period).First, Years(t.Period).Last)));
    }

    [Fact]
    public void ChangeOfRelationship_Splits_EvenBetweenTwoKindsOfAlliance()
    {
        // ally → associate → ally: both read as alliance, but the dataset's relationship changed, so three ties.
        using var dir = new TempDir();
        var (changes, _) = Import(dir, Row(1, "al-Qaida", "Taliban", 2001, "ally"), Row(2, "al-Qaida", "Taliban", 2002, "associate"),
            Row(3, "al-Qaida", "Taliban", 2003, "ally"), Row(4, "al-Qaida", "Taliban", 2004, "rival"));
        Assert.Equal([("ally", TieKind.Alliance, 2001), ("associate", TieKind.Alliance, 2002), ("ally", TieKind.Alliance, 2003), ("rival", TieKind.Rivalry, 2004)],
            Facts<Tie>(changes).Select(t => (t.Id.Split('-')[^2], t.Kind, Years(t.Period).First)));
    }

    [Fact]
    public void Flags_BecomeLedgerEntries_OverTheYearsTheyAreSet_BothWays()
    {
        // training 1996–1997, financial 1997 only, then training again in 1999 after a year without it.
        using var dir = new TempDir();
        var (changes, r) = Import(dir,
            Row(1, "al-Qaida", "Taliban", 1996, "ally", "0,0,0,1,0"),
            Row(2, "al-Qaida", "Taliban", 1997, "ally", "0,0,0,1,1"),
            Row(3, "al-Qaida", "Taliban", 1998, "ally", "0,0,0,0,0"),
            Row(4, "al-Qaida", "Taliban", 1999, "ally", "0,0,0,1,0"));
        var ledger = Facts<LedgerEntry>(changes);
        Assert.Equal(6, r.LedgerEntries);
        Assert.Equal(
            [
                ("al-qaeda", "taliban", LedgerCategory.Expertise, 1996, 1997, "mgar-1,mgar-2"),
                ("taliban", "al-qaeda", LedgerCategory.Expertise, 1996, 1997, "mgar-1,mgar-2"),
                ("al-qaeda", "taliban", LedgerCategory.Funds, 1997, 1997, "mgar-2"),
                ("taliban", "al-qaeda", LedgerCategory.Funds, 1997, 1997, "mgar-2"),
                ("al-qaeda", "taliban", LedgerCategory.Expertise, 1999, 1999, "mgar-4"),
                ("taliban", "al-qaeda", LedgerCategory.Expertise, 1999, 1999, "mgar-4"),
            ],
            ledger.Select(l => (l.Provider.Value, l.Recipient.Value, l.Category, Years(l.Period).First, Years(l.Period).Last, string.Join(",", l.Claims))));
        Assert.All(ledger, l => Assert.Equal(new Magnitude(1, 5), l.Magnitude));
        Assert.Equal("mgar-al-qaeda-taliban-ally-1996-funds-1997-reverse", ledger[3].Id);
    }

    [Fact]
    public void EveryFlagOfTheShippedMapping_HasItsCategory()
    {
        using var dir = new TempDir();
        var (changes, _) = Import(dir, Row(1, "al-Qaida", "Taliban", 2001, "ally", "1,1,1,1,1"));
        Assert.Equal(
            [LedgerCategory.Expertise, LedgerCategory.Manpower, LedgerCategory.Funds, LedgerCategory.Sanctuary, LedgerCategory.OtherBenefit],
            Facts<LedgerEntry>(changes).Where(l => l.Provider.Value == "al-qaeda").Select(l => l.Category));
        Assert.Contains("recording manpower, other-benefit, sanctuary, expertise, funds", Assert.Single(Facts<Claim>(changes)).Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Fan_IsADeclaration_TieStatedPublic_ClaimReportsDeclaration()
    {
        using var dir = new TempDir();
        var (changes, r) = Import(dir, Row(8, "Haqqani Network", "al-Qaida", 2005, "fan"), Row(1, "al-Qaida", "Taliban", 2005, "ally"));
        var claims = Facts<Claim>(changes).ToDictionary(c => c.Id.Value);
        Assert.Equal(ClaimReports.Declaration, claims["mgar-8"].Reports);
        Assert.Equal(ClaimReports.Conduct, claims["mgar-1"].Reports);
        var fan = Facts<Tie>(changes).Single(t => t.Id.Contains("-fan-", StringComparison.Ordinal));
        Assert.Equal((TieKind.Alliance, TieStance.Public), (fan.Kind, fan.Stance));
        Assert.Equal(1, r.DeclaredTies);
    }

    [Fact]
    public void DirectedKinds_RunTheMappingsWay_AndTheirFlowsFromTheProvider()
    {
        // host: sponsorship from the first group, with the sanctuary the mapping says hosting implies.
        using var dir = new TempDir();
        var (changes, _) = Import(dir, Row(10, "Pakistan", "Taliban", 1995, "host"), Row(11, "Pakistan", "Taliban", 1996, "host", "0,0,0,0,1"));
        var tie = Assert.Single(Facts<Tie>(changes));
        Assert.Equal((TieKind.Sponsorship, "pakistan", "taliban", 1995, 1996), (tie.Kind, tie.From.Value, tie.To.Value, Years(tie.Period).First, Years(tie.Period).Last));
        Assert.Equal([("pakistan", LedgerCategory.Sanctuary, 1995), ("pakistan", LedgerCategory.Funds, 1996)],
            Facts<LedgerEntry>(changes).Select(l => (l.Provider.Value, l.Category, Years(l.Period).First)));
    }

    [Fact]
    public void Claims_CiteTheDatasetAndTheRowId_GradedFromTheMapping()
    {
        using var dir = new TempDir();
        var (changes, _) = Import(dir, Row(42, "al-Qaida", "Taliban", 2001, "ally"));
        var source = Assert.Single(Facts<Source>(changes));
        Assert.Equal(("mgar", "Militant Group Alliances and Relationships (MGAR)"), (source.Id.Value, source.Title));
        var claim = Assert.Single(Facts<Claim>(changes));
        Assert.Equal(("mgar-42", "mgar", "mgar.csv, dyadyearid 42", "B2"), (claim.Id.Value, claim.Source.Value, claim.Locator, claim.Grade.ToString()));
        Assert.Equal(new FuzzyDate(2001), claim.PublicSince);
        Assert.Equal("Militant Group Alliances and Relationships (MGAR) codes al-Qaida and Taliban as 'ally' in 2001.", claim.Text);
    }

    [Fact]
    public void UnmatchedName_RowLeftOut_NameListedWithItsRowsAndFirstLine()
    {
        using var dir = new TempDir();
        var (changes, r) = Import(dir, Row(1, "Lashkar-e-Islam", "Taliban", 2001, "ally"), Row(2, "Lashkar-e-Islam", "al-Qaida", 2002, "ally"),
            Row(3, "al-Qaida", "Taliban", 2002, "ally"));
        var u = Assert.Single(r.Unmatched);
        Assert.Equal(("Lashkar-e-Islam", 2, 2), (u.Name, u.Incidents, u.FirstLine));
        Assert.Equal((2, 1, 1), (r.RowsUnmatched, r.Claims, r.Ties));
        Assert.True(r.IsClean);
        Assert.Single(Facts<Tie>(changes));
    }

    [Fact]
    public void TwoNamesForOneActor_RowLeftOutAsSameActor()
    {
        using var dir = new TempDir();
        var (_, r) = Import(dir, Row(1, "al-Qaida", "al-Qaeda", 2001, "ally"));
        Assert.Equal((1, 0), (r.RowsSameActor, r.Claims));
    }

    [Fact]
    public void IgnoredRelationship_RowCheckedAndLeftOut()
    {
        using var dir = new TempDir();
        var mapping = Mgar();
        var categories = mapping.Categories.Append(new DyadYearCategory("none", true, default, default, default, [])).ToEquatableList();
        var path = Write(dir, Row(1, "al-Qaida", "Taliban", 2001, "none", "1,0,0,0,0"), Row(2, "al-Qaida", "Taliban", 2002, "ally"));
        var (changes, r) = DyadYearImporter.Plan(path, mapping with { Categories = categories }, Actors());
        Assert.Equal((1, 1, 1), (r.RowsIgnored, r.Claims, r.Ties));
        Assert.Empty(Facts<LedgerEntry>(changes));
    }

    [Fact]
    public void ReimportingTheSameFile_WritesNothing()
    {
        var names = EventNameMap.Read(DyadYearFiles.Names, Actors()).Map;
        var (first, _) = DyadYearImporter.Plan(Synthetic, Mgar(), Actors(), names);
        var after = Actors().With(first).Result!;
        var (again, r) = DyadYearImporter.Plan(Synthetic, Mgar(), after, names);
        Assert.Empty(again);
        Assert.Equal((0, 0, 32), (r.Added, r.Corrected, r.Unchanged));
    }

    [Fact]
    public void ThePlan_IsAcceptedByTheJournalRules()
    {
        var names = EventNameMap.Read(DyadYearFiles.Names, Actors()).Map;
        var (changes, _) = DyadYearImporter.Plan(Synthetic, Mgar(), Actors(), names);
        var outcome = Actors().With(changes);
        Assert.True(outcome.IsSuccess, string.Join("; ", outcome.Problems));
    }
}
