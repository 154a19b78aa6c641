using Wedge.Core.Model;
using Wedge.Data.Events;

namespace Wedge.Data.Tests.Events;

/// <summary>A dataset coding each relationship as its own 0/1 column (as some releases do) instead of one column of values.</summary>
public class DyadYearIndicatorColumnsTests
{
    private const string Mapping = """
        dataset:
          id: ind
          title: An indicator-coded dataset
        columns:
          a: g1
          b: g2
          year: year
          row-id: id
        relationships:
          ally: { kind: alliance, column: is_ally }
          fan: { kind: alliance, reports: declaration, column: is_fan }
          rival: { kind: rivalry, column: is_rival }
        flags:
          training: expertise
        """;

    private static DyadYearMapping Read(string yaml)
    {
        var (mapping, errors) = DyadYearMapping.Read(new StringReader(yaml), "m.yaml");
        Assert.True(mapping is not null, string.Join(Environment.NewLine, errors));
        return mapping;
    }

    private static IReadOnlyList<DyadYearMappingError> Errors(string yaml)
    {
        var (mapping, errors) = DyadYearMapping.Read(new StringReader(yaml), "m.yaml");
        Assert.Null(mapping);
        return errors;
    }

    [Fact]
    public void OneColumnSet_IsTheRelationship_NoneSet_CodesNone_TwoSet_Refused()
    {
        using var dir = new TempDir();
        var path = dir.File("ind.csv");
        File.WriteAllText(path, """
            id,g1,g2,year,is_ally,is_fan,is_rival,training
            1,al-Qaida,Taliban,2001,1,0,0,1
            2,al-Qaida,Taliban,2002,1,0,0,0
            3,al-Qaida,Taliban,2003,0,0,0,0
            4,al-Qaida,Taliban,2004,0,1,0,0
            5,al-Qaida,Taliban,2005,1,0,1,0
            6,al-Qaida,Taliban,2006,0,0,x,0
            """);
        var (changes, r) = DyadYearImporter.Plan(path, Read(Mapping), DyadYearFiles.Actors());
        Assert.Equal((6, 1, 3), (r.RowsRead, r.RowsIgnored, r.Claims));
        Assert.Equal([(6, "is_ally and is_rival are all set: a row codes one relationship"), (7, "is_rival 'x' is neither 1 nor 0 (empty or NA: not coded)")],
            r.Refused.Select(p => (p.Line, p.Reason)));
        var ties = DyadYearFiles.Facts<Tie>(changes);
        Assert.Equal(["ind-al-qaeda-taliban-ally-2001", "ind-al-qaeda-taliban-fan-2004"], ties.Select(t => t.Id));
        Assert.Equal(TieStance.Public, ties[1].Stance);
        Assert.Equal(2, r.LedgerEntries);
        Assert.Contains("as 'ally' in 2001", DyadYearFiles.Facts<Claim>(changes)[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void ValueWithoutItsColumn_WhenNoRelationshipColumn_Refused()
        => Assert.Equal("m.yaml:12:10: relationship 'rival': name the column holding the values as columns.relationship, or this value's own 0/1 column with 'column:'",
            Assert.Single(Errors(Mapping.Replace("{ kind: rivalry, column: is_rival }", "{ kind: rivalry }", StringComparison.Ordinal))).ToString());

    [Fact]
    public void ColumnGiven_AlongsideARelationshipColumn_Refused()
    {
        var errors = Errors(Mapping.Replace("  row-id: id", "  row-id: id\n  relationship: type", StringComparison.Ordinal));
        Assert.Equal(3, errors.Count);
        Assert.All(errors, e => Assert.Contains("'column' is for a dataset coding each relationship as its own 0/1 column", e.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Ignore_WithoutARelationshipColumn_Refused()
        => Assert.Contains("'ignore' is for values of columns.relationship", Assert.Single(Errors(Mapping.Replace("  rival: { kind: rivalry, column: is_rival }", "  rival: ignore", StringComparison.Ordinal))).Reason,
            StringComparison.Ordinal);

    [Fact]
    public void ColumnUsedTwice_Refused()
    {
        Assert.Contains("column 'is_ally' is already used", Assert.Single(Errors(Mapping.Replace("column: is_fan", "column: is_ally", StringComparison.Ordinal))).Reason, StringComparison.Ordinal);
        Assert.Contains("flag column 'is_fan' is already used", Assert.Single(Errors(Mapping.Replace("  training: expertise", "  is_fan: expertise", StringComparison.Ordinal))).Reason,
            StringComparison.Ordinal);
    }
}
