using Wedge.Application.Imports;
using Wedge.Application.Records;
using Wedge.Core.Time;

namespace Wedge.Application.Tests.Imports;

/// <summary>`ImportDyadYears` over the built-in case: the dry run's impact report, and refusals that leave the journal as it was.</summary>
public sealed class DyadYearImportTests : IDisposable
{
    private const string Header = "dyadyearid,group1_name,group2_name,year,relationship,operational,material,territorial,training,financial";

    private static readonly string Mgar = Repository.File("docs", "mappings", "mgar.yaml");

    private readonly TempWorkspace workspace = new();

    public void Dispose() => workspace.Dispose();

    private string Write(params string[] rows)
    {
        var path = Path.Combine(Path.GetDirectoryName(workspace.Database)!, "mgar.csv");
        File.WriteAllText(path, Header + "\n" + string.Join("\n", rows) + "\n");
        return path;
    }

    private long Version() => workspace.Get<RecordQueries>().Whole().Version;

    [Fact]
    public void DryRun_WritesNothing_ReportsTheRivalryItWouldWeighAgainstTheAlliance()
    {
        var before = Version();
        var path = Write("1,al-Qaeda,Taliban,2003,rival,0,0,0,0,0", "2,al-Qaeda,Taliban,2004,rival,0,0,0,0,0");
        var imports = workspace.Get<ImportService>();
        var r = imports.ImportDyadYears(new DyadYearImportRequest(path, Mgar, ImpactAt: FuzzyDate.Parse("2004-06")), null, null, null, dryRun: true);
        Assert.False(r.Written);
        Assert.Equal(before, Version());
        Assert.Equal((2, 1, 0), (r.Claims, r.Ties, r.LedgerEntries));
        var impact = Assert.IsType<ImportImpactReport>(r.Impact);
        var pair = Assert.Single(impact.Changes, c => (c.AName, c.BName) is ("al-Qaeda", "Taliban") or ("Taliban", "al-Qaeda"));
        Assert.Contains(pair.Claims, c => c.Claim is "mgar-1" or "mgar-2");
        Assert.True(pair.After.Probability < pair.Before.Probability || pair.RelationChanged);
    }

    [Fact]
    public void Strict_WithARefusedRow_NothingWritten_VersionUnchanged()
    {
        var before = Version();
        var path = Write("1,al-Qaeda,Taliban,2003,ally,0,0,0,0,0", "2,al-Qaeda,Taliban,2004,ally,0,0,0,7,0");
        var r = workspace.Get<ImportService>().ImportDyadYears(new DyadYearImportRequest(path, Mgar, Strict: true), null, null, null);
        Assert.False(r.Written);
        Assert.Equal("strict-refused", r.Refusal!.Code);
        Assert.Equal("training '7' is neither 1 nor 0 (empty or NA: not coded)", Assert.Single(r.Refused).Reason);
        Assert.Equal(before, Version());
    }

    [Fact]
    public void BadMapping_ProblemAtFileLineAndColumn_VersionUnchanged()
    {
        var before = Version();
        var mapping = Path.Combine(Path.GetDirectoryName(workspace.Database)!, "m.yaml");
        File.WriteAllText(mapping, "dataset:\n  id: x\n  title: X\ncolumns:\n  a: a\n  b: b\n  year: y\n  relationship: r\nrelationships:\n  ally: {kind: pact}\n");
        var ex = Assert.Throws<Wedge.Application.Problems.ProblemException>(() =>
            workspace.Get<ImportService>().ImportDyadYears(new DyadYearImportRequest(Write(), mapping), null, null, null));
        Assert.Equal(("mapping-invalid", 10, 16), (ex.Problem.Code, ex.Problem.Line, ex.Problem.Column));
        Assert.StartsWith($"{mapping}:10:16: relationship 'ally': 'pact' is not a tie kind", ex.Problem.Message, StringComparison.Ordinal);
        Assert.Equal(before, Version());
    }
}
