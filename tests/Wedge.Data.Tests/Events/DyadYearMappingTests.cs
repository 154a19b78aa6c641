using Wedge.Core.Model;
using Wedge.Data.Events;

namespace Wedge.Data.Tests.Events;

/// <summary>Mapping files: the shipped MGAR mapping as documented, and every kind of mistake refused with file, line and column.</summary>
public class DyadYearMappingTests
{
    private const string Good = """
        dataset:
          id: test
          title: A test dataset
        columns:
          a: g1
          b: g2
          year: year
          relationship: type
        relationships:
          ally: { kind: alliance }
        """;

    private static IReadOnlyList<DyadYearMappingError> Errors(string yaml)
    {
        var (mapping, errors) = DyadYearMapping.Read(new StringReader(yaml), "m.yaml");
        Assert.Null(mapping);
        return errors;
    }

    private static string Error(string yaml)
    {
        var errors = Errors(yaml);
        Assert.True(errors.Count == 1, string.Join(Environment.NewLine, errors));
        return errors[0].ToString();
    }

    [Fact]
    public void ShippedMgarMapping_ReadsAsDocumented()
    {
        var m = DyadYearFiles.Mgar();
        Assert.Equal(("mgar", "B2"), (m.Dataset.Id.Value, m.Grade.ToString()));
        Assert.Equal(["ally", "associate", "supporter", "fan", "host", "rival", "competitor"], m.Categories.Select(c => c.Label));
        Assert.Equal(ClaimReports.Declaration, m.Find("fan")!.Reports);
        Assert.Equal((TieKind.Sponsorship, FlowDirection.AToB, LedgerCategory.Sanctuary), (m.Find("HOST ")!.Kind, m.Find("host")!.Direction, m.Find("host")!.Ledger.Single()));
        Assert.Equal(TieKind.Rivalry, m.Find("competitor")!.Kind);
        Assert.Equal(
            [("operational", LedgerCategory.Manpower), ("material", LedgerCategory.OtherBenefit), ("territorial", LedgerCategory.Sanctuary),
             ("training", LedgerCategory.Expertise), ("financial", LedgerCategory.Funds)],
            m.Flags.Select(f => (f.Column, f.Category)));
        Assert.Equal(("dyadyearid", FlowDirection.Both), (m.Columns.RowId, m.Flows));
    }

    [Fact]
    public void SmallestMapping_TakesTheDefaults()
    {
        var (m, errors) = DyadYearMapping.Read(new StringReader(Good), "m.yaml");
        Assert.Empty(errors);
        Assert.Equal((DyadYearMapping.DefaultGrade, DyadYearMapping.DefaultGradeReason, ClaimReports.Conduct, FlowDirection.Both, (string?)null),
            (m!.Grade, m.GradeReason, m.Find("ally")!.Reports, m.Flows, m.Columns.RowId));
    }

    [Fact]
    public void NotYaml_LineAndColumn() => Assert.StartsWith("m.yaml:2:", Error("dataset: {id: x\ncolumns: ]"), StringComparison.Ordinal);

    [Fact]
    public void UnknownTieKind_AtTheValue()
        => Assert.Equal("m.yaml:10:17: relationship 'ally': 'friendship' is not a tie kind (one of alliance, affiliation, sponsorship, rivalry, split, merger, leadership)",
            Error(Good.Replace("kind: alliance", "kind: friendship", StringComparison.Ordinal)));

    [Fact]
    public void UnknownLedgerCategory_AtTheFlag()
        => Assert.Equal("m.yaml:12:13: flag 'training': 'skills' is not a ledger benefit (one of expertise, manpower, funds, sanctuary, protection, legitimacy, propaganda, other-benefit)",
            Error(Good + "\nflags:\n  training: skills"));

    [Fact]
    public void CostCategory_RefusedForAFlag()
        => Assert.Contains("'isolation' is not a ledger benefit", Error(Good + "\nflags:\n  training: isolation"), StringComparison.Ordinal);

    [Fact]
    public void DirectedKindWithoutDirection_AtTheEntry()
        => Assert.Equal("m.yaml:10:9: relationship 'ally': sponsorship is directed; say which way with 'direction: a-to-b' or 'b-to-a'",
            Error(Good.Replace("kind: alliance", "kind: sponsorship", StringComparison.Ordinal)));

    [Fact]
    public void LedgerOnAHostileKind_Refused()
        => Assert.Contains("relationship 'ally': rivalry is hostile, so it carries no flows",
            Error(Good.Replace("{ kind: alliance }", "{ kind: rivalry, ledger: [funds] }", StringComparison.Ordinal)), StringComparison.Ordinal);

    [Fact]
    public void BadReports_AndBadGrade_BothListed_InFileOrder()
    {
        var errors = Errors(Good.Replace("{ kind: alliance }", "{ kind: alliance, reports: rumour }", StringComparison.Ordinal) + "\ngrade: Z9\ngrade-reason: because");
        Assert.Equal(2, errors.Count);
        Assert.StartsWith("m.yaml:10:", errors[0].ToString(), StringComparison.Ordinal);
        Assert.Contains("reports 'rumour' is not declaration or conduct", errors[0].Reason, StringComparison.Ordinal);
        Assert.StartsWith("m.yaml:11:8: grade:", errors[1].ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownKey_AtTheKey()
        => Assert.Equal("m.yaml:6:3: unknown key 'group' (expected one of: a, a-id, b, b-id, year, relationship, row-id)",
            Error(Good.Replace("  b: g2", "  group: g2\n  b: g2", StringComparison.Ordinal)));

    [Fact]
    public void MissingColumns_AndRelationships_Named()
    {
        var errors = Errors("dataset:\n  id: t\n  title: T\ncolumns:\n  a: g1\n");
        Assert.Equal(
            ["m.yaml:1:1: missing 'relationships' (what each of the dataset's relationship values means)", "m.yaml:5:3: missing b (the b column)",
             "m.yaml:5:3: missing year (the year column)"],
            errors.Select(e => e.ToString()));
    }

    [Fact]
    public void GradeWithoutReason_Refused()
        => Assert.Equal("m.yaml:11:8: a grade set here needs a grade-reason saying why", Error(Good + "\ngrade: C3"));

    [Fact]
    public void RelationshipMappedTwice_CaseInsensitive()
        => Assert.Contains("relationship 'ALLY' is mapped twice", Error(Good + "\n  ALLY: ignore"), StringComparison.Ordinal);

    [Fact]
    public void MissingFile_NoSuchFile()
    {
        var (m, errors) = DyadYearMapping.Read("/no/such/mapping.yaml", "mapping.yaml");
        Assert.Null(m);
        Assert.Equal("mapping.yaml: no such file", Assert.Single(errors).ToString());
    }
}
