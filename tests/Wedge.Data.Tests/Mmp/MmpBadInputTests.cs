using Wedge.Core.Knowledge;
using Wedge.Data.Mmp;

namespace Wedge.Data.Tests.Mmp;

/// <summary>Each kind of bad input named in issue 3: a clear message with file and line.</summary>
public class MmpBadInputTests
{
    private static MmpImportReport Import(TempDir dir, params string[] rows)
    {
        var key = MmpFiles.Write(dir, "key.csv", MmpFiles.SmallKey);
        var rel = MmpFiles.Relations(dir, rows);
        return MmpImporter.Plan(key, rel, KnowledgeBase.Empty).Report;
    }

    private static MmpProblem OnlyRefusal(MmpImportReport report, int line)
    {
        var p = Assert.Single(report.Refused);
        Assert.Equal(line, p.Line);
        Assert.EndsWith("rel.csv", p.File, StringComparison.Ordinal);
        return p;
    }

    [Fact]
    public void MissingColumn_RefusesTheFile()
    {
        using var dir = new TempDir();
        var key = MmpFiles.Write(dir, "key.csv", MmpFiles.SmallKey);
        var rel = MmpFiles.Write(dir, "rel.csv", "unique_id,type,group1_id,group2_id,description,group1_name,group2_name\n1,all,61,113,x,a,b\n");
        var ex = Assert.Throws<MmpFileException>(() => MmpImporter.Plan(key, rel, KnowledgeBase.Empty));
        Assert.Equal(1, ex.Problem.Line);
        Assert.Contains("missing column 'date'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("rel.csv:1:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnknownTypeCode_RefusesTheRow()
    {
        using var dir = new TempDir();
        var r = Import(dir, "1,all,61,113,2009,x,a,b", "2,friends,61,113,2009,x,a,b");
        Assert.Equal("unknown type code 'friends' (expected all, aff, mer, spl or riv)", OnlyRefusal(r, 3).Reason);
        Assert.Equal(1, r.ObservationsImported);
    }

    [Fact]
    public void WrongNumberOfFields_RefusesTheRow()
    {
        using var dir = new TempDir();
        var r = Import(dir, "1,all,61,113,2009,x,a", "2,all,61,113,2009,x,a,b");
        Assert.Equal("expected 8 fields (as in the header), found 7", OnlyRefusal(r, 2).Reason);
        Assert.Equal(1, r.ObservationsImported);
    }

    [Fact]
    public void UnbalancedQuote_RefusedWithTheLineItOpensOn()
    {
        using var dir = new TempDir();
        var r = Import(dir, "1,all,61,113,2009,x,a,b", "2,all,61,113,2009,\"never closed,a,b", "3,all,61,113,2010,y,a,b");
        var p = OnlyRefusal(r, 3);
        Assert.StartsWith("unbalanced quote", p.Reason, StringComparison.Ordinal);
        Assert.Contains("opened on line 3 is never closed", p.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void QuoteInsideQuotedField_Refused()
    {
        using var dir = new TempDir();
        var r = Import(dir, "2,all,61,113,2009,\"he said \"no\" twice\",a,b");
        Assert.Contains("neither doubled", OnlyRefusal(r, 2).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ImpossibleDate_Refused()
    {
        using var dir = new TempDir();
        var r = Import(dir, "2,all,61,113,2005-13-40,x,a,b");
        Assert.Equal("bad date: '2005-13-40' has month 13, outside 1..12", OnlyRefusal(r, 2).Reason);
    }

    [Fact]
    public void GroupAbsentFromKey_Refused()
    {
        using var dir = new TempDir();
        var r = Import(dir, "2,all,61,4242,2009,x,Al Shabaab,Nobody");
        Assert.Equal("group id 4242 ('Nobody') is not in the group key (or its key row was refused)", OnlyRefusal(r, 2).Reason);
    }

    [Fact]
    public void DuplicateUniqueIdWithOtherContent_Refused()
    {
        using var dir = new TempDir();
        var r = Import(dir, "2,all,61,113,2009,x,a,b", "2,riv,61,113,2010,y,a,b");
        Assert.Equal("unique_id 2 is already used on line 2", OnlyRefusal(r, 3).Reason);
    }

    [Fact]
    public void EmptyFile_RefusedAsAWhole()
    {
        using var dir = new TempDir();
        var key = MmpFiles.Write(dir, "key.csv", "");
        var ex = Assert.Throws<MmpFileException>(() => MmpImporter.Plan(key, MmpFiles.Relations(dir), KnowledgeBase.Empty));
        Assert.Equal($"{key}: the file is empty (expected a header row naming the columns)", ex.Message);
    }

    [Fact]
    public void BinaryFile_RefusedAsAWhole()
    {
        using var dir = new TempDir();
        var rel = dir.File("rel.csv");
        File.WriteAllBytes(rel, [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00, 0xFF, 0xFE]);
        var key = MmpFiles.Write(dir, "key.csv", MmpFiles.SmallKey);
        var ex = Assert.Throws<MmpFileException>(() => MmpImporter.Plan(key, rel, KnowledgeBase.Empty));
        Assert.Contains("binary file, not CSV text", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingFile_RefusedAsAWhole()
    {
        using var dir = new TempDir();
        var key = MmpFiles.Write(dir, "key.csv", MmpFiles.SmallKey);
        var ex = Assert.Throws<MmpFileException>(() => MmpImporter.Plan(key, dir.File("nope.csv"), KnowledgeBase.Empty));
        Assert.EndsWith("nope.csv: no such file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyIdReusedForAnotherName_RefusedAndItsObservationsToo()
    {
        using var dir = new TempDir();
        var key = MmpFiles.Write(dir, "key.csv", "group_id,name,\n61,Al Shabaab,\n113,Hizbul Islam,\n61,Someone Else,\n");
        var rel = MmpFiles.Relations(dir, "2,all,61,113,2009,x,a,b");
        var r = MmpImporter.Plan(key, rel, KnowledgeBase.Empty).Report;
        Assert.Equal(2, r.Refused.Count);
        Assert.Contains(r.Refused, p => p.Line == 4 && p.Reason.Contains("group_id 61 is used for 'Someone Else' here and for 'Al Shabaab' on line 2", StringComparison.Ordinal));
        Assert.Contains(r.Refused, p => p.Line == 2 && p.File.EndsWith("rel.csv", StringComparison.Ordinal));
    }

    [Fact]
    public void Windows1252File_DecodedAsSuch()
    {
        using var dir = new TempDir();
        var key = MmpFiles.Write(dir, "key.csv", MmpFiles.SmallKey);
        var rel = dir.File("rel.csv");
        var bytes = System.Text.Encoding.ASCII.GetBytes(MmpFiles.RelationshipsHeader + "\n2,all,61,113,2009,AQ? name,a,b\n");
        bytes[Array.LastIndexOf(bytes, (byte)'?')] = 0x92;
        File.WriteAllBytes(rel, bytes);
        var plan = MmpImporter.Plan(key, rel, KnowledgeBase.Empty);
        Assert.Empty(plan.Report.Refused);
        var claim = plan.Changes.Select(c => c.Fact).OfType<Wedge.Core.Model.Claim>().Single(c => c.Id.Value == "mmp-2");
        Assert.Equal("AQ\u2019 name", claim.Text);
    }

    [Fact]
    public void LineNumbers_AfterAQuotedNewline_ArePhysicalLines()
    {
        using var dir = new TempDir();
        // The first row's description spans lines 2–3, so the bad row is on line 4.
        var r = Import(dir, "1,all,61,113,2009,\"two\nlines\",a,b", "2,xxx,61,113,2009,x,a,b");
        Assert.Equal("unknown type code 'xxx' (expected all, aff, mer, spl or riv)", OnlyRefusal(r, 4).Reason);
        Assert.Equal(1, r.ObservationsImported);
    }
}
